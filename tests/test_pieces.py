"""Text kept in pieces (runs, text nodes): Transliterator.convert_pieces and _pieces."""

from __future__ import annotations

import functools
import itertools
import pickle

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from uztranslit import CONVENTIONS, Transliterator, _pieces, to_cyrillic, to_latin, transliterate
from uztranslit._converter import in_blocks

TO_LATIN = Transliterator(to="latin", source="cyrillic")
TO_CYRILLIC = Transliterator(to="cyrillic", source="latin")

CYRILLIC_TEXTS = st.text(
    alphabet=st.sampled_from(list("телефонШаҳрсцьъёЕЦ ,.-«»2025йил\n")), max_size=40
)
LATIN_TEXTS = st.text(
    alphabet=st.sampled_from(list("ShahrOoʻg'tsyeYEc <>/a=\"1%sd{}:.-www")), max_size=40
)


def cut(text: str, points: list[int]) -> list[str]:
    """*text* cut at *points* (any order, any repeats) into pieces."""
    bounds = sorted({min(p, len(text)) for p in points})
    edges = [0, *bounds, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(edges)]


@given(CYRILLIC_TEXTS, st.lists(st.integers(0, 40), max_size=6))
def test_joined_pieces_convert_as_the_whole_to_latin(text: str, points: list[int]) -> None:
    pieces = cut(text, points)
    converted = TO_LATIN.convert_pieces(pieces)
    assert len(converted) == len(pieces)
    assert "".join(converted) == to_latin(text)


@given(LATIN_TEXTS, st.lists(st.integers(0, 40), max_size=6))
def test_joined_pieces_convert_as_the_whole_to_cyrillic(text: str, points: list[int]) -> None:
    pieces = cut(text, points)
    converted = TO_CYRILLIC.convert_pieces(pieces)
    assert len(converted) == len(pieces)
    assert "".join(converted) == to_cyrillic(text)


@given(CYRILLIC_TEXTS, st.lists(st.integers(0, 40), max_size=6))
def test_joined_pieces_with_conventions(text: str, points: list[int]) -> None:
    dated = Transliterator(to="latin", source="cyrillic", conventions=CONVENTIONS)
    pieces = cut(text, points)
    expected = transliterate(text, to="latin", source="cyrillic", conventions=CONVENTIONS)
    assert "".join(dated.convert_pieces(pieces)) == expected


@given(st.lists(st.text(alphabet=st.sampled_from(list(" ,.-12«»!\n")), max_size=5), max_size=5))
def test_pieces_without_letters_come_back_unchanged(pieces: list[str]) -> None:
    assert TO_LATIN.convert_pieces(pieces) == pieces
    assert TO_CYRILLIC.convert_pieces(pieces) == pieces


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["т", "елефон"], ["telefon", ""]),  # not tyelefon
        (["Ш", "аҳар ", "маркази"], ["Shahar", " ", "markazi"]),
        (["«", "Ўзбек", "»"], ["«", "Oʻzbek", "»"]),
    ],
)
def test_a_split_word_goes_whole_into_the_piece_where_it_starts(
    pieces: list[str], expected: list[str]
) -> None:
    assert TO_LATIN.convert_pieces(pieces) == expected


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["S", "hahar"], ["Шаҳар", ""]),  # not Сҳаҳар
        (["O", "ʻzbekiston"], ["Ўзбекистон", ""]),  # not Оʻзбекистон
        (["apre", "l"], ["апрель", ""]),  # the lexicon sees the whole word
        (["<a href=", '"x.html">shahar</a>'], ['<a href="x.html">', "шаҳар</a>"]),
    ],
)
def test_a_split_latin_word_converts_whole(pieces: list[str], expected: list[str]) -> None:
    assert "".join(TO_CYRILLIC.convert_pieces(pieces)) == "".join(expected)
    assert TO_CYRILLIC.convert_pieces(pieces)[0] == expected[0] or "<" in pieces[0]


def test_transliterator_checks_options_once_and_pickles() -> None:
    with pytest.raises(ValueError, match="latin, cyrillic, new-latin"):
        Transliterator(to="lat")
    latin = Transliterator(to="latin", apostrophes="ascii")
    copy = pickle.loads(pickle.dumps(latin))
    assert copy("Ўзбекистон") == "O'zbekiston"
    assert copy.options == latin.options


def test_batch_keeps_none_and_refuses_other_types() -> None:
    latin = Transliterator(to="latin")
    assert latin.batch(["Шаҳар", None, "", "Oʻzbek"]) == ["Shahar", None, "", "Oʻzbek"]
    with pytest.raises(TypeError, match="int"):
        latin.batch(["Шаҳар", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not one str"):
        latin.batch("Шаҳар")


def test_resolved_detects_once_and_keeps_text_without_letters() -> None:
    auto = Transliterator(to="latin")
    assert auto.resolved("Шаҳар").source == "cyrillic"
    assert auto.resolved("12 345").source == "latin"  # nothing to convert
    assert auto.resolved("12 345")("Шаҳар") == "Шаҳар"


# --- each piece converted once: the same pieces as converting the whole and checking ---

# Texts with whitespace after digits (the dates convention), decomposed й and ё,
# and in Latin kept spans (a URL, an e-mail, a printf % after "15 ").
SPACED_CYRILLIC = st.lists(
    st.sampled_from([*"телефонШаҳрсцьъЕЦеиуИУўқғ  ,.-«»2025\n\t%", "и\u0306", "е\u0308"]),
    max_size=30,
).map("".join)
SPACED_LATIN = st.lists(
    st.sampled_from(
        [*"ShahrOoʻg'tsyeYEcaiuq  ,./-1%sd{}:@wx\n\tIVX.", "http://", "a@b.uz", "15 %dan"]
    ),
    max_size=30,
).map("".join)


def checked_whole(translit: Transliterator, pieces: list[str]) -> list[str]:
    """convert_pieces as it was: the whole converted, every piece, and compared."""
    converter = translit._converter_for("".join(pieces))
    if converter is None:
        return pieces
    convert = functools.partial(in_blocks, converter=converter)
    if len(pieces) < 2:
        return [convert(piece) for piece in pieces]
    bounds = list(itertools.accumulate(len(piece) for piece in pieces[:-1]))
    return _pieces._checked_whole("".join(pieces), bounds, convert, converter.cyrillic_source)


@pytest.mark.parametrize("conventions", [(), CONVENTIONS])
@given(text=SPACED_CYRILLIC, points=st.lists(st.integers(0, 40), max_size=8))
def test_free_cuts_give_what_converting_the_whole_and_checking_gave_cyrillic(
    conventions: tuple[str, ...], text: str, points: list[int]
) -> None:
    translit = Transliterator(to="latin", source="cyrillic", conventions=conventions)
    pieces = cut(text, points)
    assert translit.convert_pieces(pieces) == checked_whole(translit, pieces)


@pytest.mark.parametrize("conventions", [(), CONVENTIONS])
@given(text=SPACED_LATIN, points=st.lists(st.integers(0, 40), max_size=8))
@example(text="15 %dan", points=[2])  # a percent sign is read across the space
def test_free_cuts_give_what_converting_the_whole_and_checking_gave_latin(
    conventions: tuple[str, ...], text: str, points: list[int]
) -> None:
    translit = Transliterator(to="cyrillic", source="latin", conventions=conventions)
    pieces = cut(text, points)
    assert translit.convert_pieces(pieces) == checked_whole(translit, pieces)


@given(
    st.text(alphabet=st.sampled_from([*"телШаҳИУиуеЕ ,2a", "\u0306", "\u0308"]), max_size=30),
    st.lists(st.integers(0, 30), max_size=6),
)
def test_a_cyrillic_word_end_is_found_from_its_two_sides_as_from_all_words(
    text: str, points: list[int]
) -> None:
    cuts = sorted({min(point, len(text)) for point in points})
    spans = _pieces.word_spans(text, cyrillic_source=True)
    expected = [next((end for start, end in spans if start < c < end), c) for c in cuts]
    assert _pieces.cuts_after_words(text, cuts, cyrillic_source=True) == expected


@pytest.mark.parametrize(
    ("translit", "pieces"),
    [
        # a space after a digit is no free cut when the dates convention joins them
        (Transliterator(to="latin", source="cyrillic", conventions=CONVENTIONS), ["2025 ", "йил"]),
        # nor is the end of a word before a full stop: I. is an initial, I a numeral
        (TO_CYRILLIC, ["I", ". Karimov"]),
        (TO_CYRILLIC, ["Islom I", ". Karimov"]),
    ],
)
def test_a_cut_a_rule_looks_across_is_checked(translit: Transliterator, pieces: list[str]) -> None:
    converted = translit.convert_pieces(pieces)
    assert "".join(converted) == translit("".join(pieces))
    assert converted == checked_whole(translit, pieces)
