"""Any chunking gives the conversion of the whole text (issue 10).

convert_stream with any chunks, the blocks of a long text (_converter.in_blocks) and the
lines of the command line cut text where no rule looks across the cut: never inside a
tag or comment that holds spaces, a URL, a placeholder, a word with format characters,
a number and the date word after it.  Without whitespace for CUT_LIMIT characters the
stream cuts between characters that are not both part of a word, or inside a long
Cyrillic run where no rule looks across (_stream); the tests lower CUT_LIMIT to see
those cuts often.
"""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uztranslit import _converter, _stream, convert_stream, to_cyrillic, to_latin, transliterate
from uztranslit._options import check_options

CYRILLIC_WORDS = ["Шаҳар", "ўзбек", "цирк", "лицей", "съезд", "ЕР", "аца", "ТЕТ", "Исҳоқ"]
LATIN_WORDS = ["Shahar", "oʻzbek", "sirk", "litsey", "syezd", "YER", "o'g'il", "maʼno", "İstanbul"]
LATIN_WORDS += ["Şahar", "öğil", "Çüş", "cafe\u0301"]
MARKUP = [
    '<a href="shahar.html" title="olma va nok">',
    "</a>",
    "<b>",
    "<!-- shahar va qishloq -->",
    "<!--",
    "-->",
    "<img src=x alt='bir ikki'/>",
    "https://kun.uz/shahar?a=b",
    "www.gov.uz/olma",
    "olma@kun.uz",
    "%s",
    "%(shahar)s",
    "5 %d",
    "{name}",
    "${olma}",
    "&amp;",
    "\\n",
    "2025 йил",
    "2025-yil",
    "15 октябрь",
    "I.",
    "XIX",
]
SEPARATORS = [" ", " ", "\n", "\t", "\r\n", ", ", ".", "-", "(", "«", "»", "  "]
MARKS = ["\u00ad", "\u200d", "\u200b", "\ufeff"]
PIECE = st.sampled_from(CYRILLIC_WORDS + LATIN_WORDS + MARKUP + SEPARATORS + MARKS)
TEXT = st.lists(PIECE, max_size=60).map("".join)
CONVENTION_SETS = st.sampled_from([(), ("dates",), ("dates", "particles", "quotes")])
# The fixture only sets a module constant, the same for every example.
FIXTURE_OK = (HealthCheck.too_slow, HealthCheck.function_scoped_fixture)
DIRECTIONS = [
    ("cyrillic", "latin"),
    ("latin", "cyrillic"),
    ("latin", "new-latin"),
    ("cyrillic", "new-latin"),
    ("new-latin", "cyrillic"),
]


def chunked(text: str, cuts: list[int]) -> list[str]:
    bounds = sorted({min(cut, len(text)) for cut in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def whole(text: str, source: str, to: str, conventions: tuple[str, ...]) -> str:
    """The conversion of *text* in one piece: no stream, no blocks."""
    options = check_options(to, source, "modifier", None, conventions)
    converter = _converter.converter_for(options, "")
    assert converter is not None
    return converter.convert(text)


def streamed(chunks: list[str], source: str, to: str, conventions: tuple[str, ...]) -> str:
    return "".join(convert_stream(chunks, to=to, source=source, conventions=conventions))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    TEXT,
    st.lists(st.integers(0, 600), max_size=12),
    st.sampled_from(DIRECTIONS),
    CONVENTION_SETS,
)
def test_any_chunks_give_the_whole_conversion(
    text: str, cuts: list[int], direction: tuple[str, str], conventions: tuple[str, ...]
) -> None:
    source, to = direction
    expected = whole(text, source, to, conventions)
    assert streamed(chunked(text, cuts), source, to, conventions) == expected


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(DIRECTIONS), CONVENTION_SETS)
def test_one_character_chunks(
    text: str, direction: tuple[str, str], conventions: tuple[str, ...]
) -> None:
    source, to = direction
    assert streamed(list(text), source, to, conventions) == whole(text, source, to, conventions)


@settings(max_examples=200, suppress_health_check=[*FIXTURE_OK])
@given(
    st.lists(PIECE.filter(lambda piece: not piece.isspace()), max_size=80).map("".join),
    st.lists(st.integers(0, 900), max_size=12),
    st.sampled_from(DIRECTIONS),
    CONVENTION_SETS,
)
def test_cuts_without_whitespace(
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    cuts: list[int],
    direction: tuple[str, str],
    conventions: tuple[str, ...],
) -> None:
    """Rules 3 and 4 of _stream, seen often by lowering CUT_LIMIT."""
    monkeypatch.setattr(_stream, "CUT_LIMIT", 200)
    source, to = direction
    expected = whole(text, source, to, conventions)
    assert streamed(chunked(text, cuts), source, to, conventions) == expected


@settings(max_examples=100, suppress_health_check=[*FIXTURE_OK])
@given(TEXT, st.sampled_from(DIRECTIONS), st.integers(16, 200))
def test_blocks_of_a_long_text(
    monkeypatch: pytest.MonkeyPatch, text: str, direction: tuple[str, str], block: int
) -> None:
    monkeypatch.setattr(_converter, "BLOCK", block)
    source, to = direction
    assert transliterate(text, to=to, source=source) == whole(text, source, to, ())


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_a_tag_cut_right_after_a_space(direction: tuple[str, str]) -> None:
    """Issue 10: <a href="shahar.html"> became <а ҳреф="шаҳар.ҳтмл">."""
    source, to = direction
    text = 'Shahar <a href="shahar.html" title="olma va nok">shahar</a> <!-- a b --> ' * 3
    expected = whole(text, source, to, ())
    for cut in range(len(text) + 1):
        assert streamed([text[:cut], text[cut:]], source, to, ()) == expected, cut


def test_read_4096_of_many_tags() -> None:
    """Issue 10: convert_stream fed f.read(4096) mangled 5 of 26,624 tags."""
    text = '<p class="lead">Shahar</p> <a href="shahar.html" title="olma">olma</a>\n' * 3000
    chunks = [text[i : i + 4096] for i in range(0, len(text), 4096)]
    assert "".join(convert_stream(chunks, to="cyrillic")) == to_cyrillic(text)
    assert to_cyrillic(text).count('href="shahar.html"') == 3000


def test_a_long_command_line_line_with_tags() -> None:
    """Issue 10: a line over 64 KiB is read in pieces; a tag across them stayed whole."""
    tag = '<a href="shahar.html" title="olma va nok">shahar</a> '
    before = ("olma " * 20_000)[: (1 << 16) - len("<a ")]  # the first read ends at "<a "
    line = before + tag * 100 + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "uztranslit", "-t", "cyrillic"],
        input=line.encode(),
        capture_output=True,
        check=True,
    )
    assert done.stdout.decode() == to_cyrillic(line)
    assert "ҳреф" not in done.stdout.decode()


@pytest.mark.parametrize(
    ("unit", "source", "to"),
    [
        ("ТЕТ", "cyrillic", "latin"),
        ("аца", "cyrillic", "latin"),
        ("ЕцЪе", "cyrillic", "latin"),
        ("1a", "latin", "cyrillic"),
        ("a.b", "latin", "cyrillic"),
    ],
)
def test_more_than_a_mebi_character_without_whitespace(unit: str, source: str, to: str) -> None:
    """Issue 10: "ТЕТ" * N gave TYE at the forced cut, "аца" * N asa."""
    text = unit * ((_stream.CUT_LIMIT + 5000) // len(unit))
    expected = whole(text, source, to, ())
    chunks = [text[i : i + 65536] for i in range(0, len(text), 65536)]
    assert streamed(chunks, source, to, ()) == expected
    assert transliterate(text, to=to, source=source) == expected


def test_dates_after_every_number_stay_linear() -> None:
    """Issue 11: whitespace_cut rescanned the held text once per whitespace."""
    text = "".join(f"{n} " for n in range(30_000))  # no cut after "digit space": all held
    pieces = list(convert_stream(list(text), conventions={"dates"}))
    assert "".join(pieces) == to_latin(text, conventions={"dates"}) == text


def test_no_cut_between_a_number_and_its_date_word() -> None:
    text = "2025 йил 15 октябрда"
    for cut in range(len(text) + 1):
        pieces = [text[:cut], text[cut:]]
        assert streamed(pieces, "cyrillic", "latin", ("dates",)) == "2025-yil 15-oktabrda"


def test_many_unclosed_comments_on_a_line_stay_linear() -> None:
    """Issue 11: each unclosed <!-- was searched to the end of the line (quadratic)."""
    line = "<!-- shahar " * 40_000
    assert to_cyrillic(line) == line.replace("shahar", "шаҳар")
    chunks = [line[i : i + 4096] for i in range(0, len(line), 4096)]
    assert "".join(convert_stream(chunks, to="cyrillic")) == to_cyrillic(line)


def test_comments_close_on_their_line() -> None:
    text = "<!-- shahar\nshahar --> shahar <!-- shahar --> shahar"
    assert to_cyrillic(text) == "<!-- шаҳар\nшаҳар --> шаҳар <!-- shahar --> шаҳар"


def test_a_date_hyphen_that_makes_a_tag() -> None:
    """The dates convention turns <a2025-yil …> into <a2025 yil …>, a tag with a space;
    the stream finds its cuts in the text as the converter sees it."""
    text = "Shahar <a2025-yil, olma va nok> shahar " * 3
    expected = whole(text, "latin", "cyrillic", ("dates",))
    assert "<a2025 yil, olma va nok>" in expected
    for cut in range(len(text) + 1):
        pieces = [text[:cut], text[cut:]]
        assert streamed(pieces, "latin", "cyrillic", ("dates",)) == expected, cut


def test_a_forced_cut_is_not_put_where_a_span_reads_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """An e-mail address starts at www. after a Cyrillic letter, which is no URL there;
    a piece starting at www. would read it as one (found by the fuzz run)."""
    monkeypatch.setattr(_stream, "CUT_LIMIT", 40)
    text = "Х15октябрьwww.gov.uzna@b.uzoʻzbekЫъ,maʼno;" * 6
    expected = whole(text, "latin", "cyrillic", ())
    assert "oʻзбек" in expected
    for cut in range(len(text) + 1):
        assert streamed([text[:cut], text[cut:]], "latin", "cyrillic", ()) == expected, cut


def test_a_url_inside_what_a_false_scheme_ran_over() -> None:
    """Uhttps://… is no URL (a letter before the scheme), but the https:// after it is one;
    the whole text used to miss it, a piece starting there did not (found by fuzzing)."""
    text = "Uhttps://kun.uz/aß{https://kun.uz/b shahar oʻzbekhttps://x.uz👨https://y.uz/ä"
    assert to_cyrillic(text) == (
        "Уҳттпс://кун.уз/aß{https://kun.uz/b шаҳар ўзбекҳттпс://х.уз👨https://y.uz/ä"
    )
    expected = to_cyrillic(text)
    for cut in range(len(text) + 1):
        assert streamed([text[:cut], text[cut:]], "latin", "cyrillic", ()) == expected, cut


def rule_3_place_by_place(text: str) -> int | None:
    """Rule 3 as it was written, one place at a time from the end: the reference."""
    end = len(text) - _stream.MARGIN
    wordish = _stream._CYRILLIC_WORDISH.match
    for cut in range(end, max(0, end - _stream._SEARCH), -1):
        joined = wordish(text, cut - 1) and wordish(text, cut)
        if not joined and not _stream.joins_number_and_word(text, cut):
            return cut
    return None


@settings(max_examples=300)
@given(st.text(st.sampled_from("аЕбx2 .,\u00ad\u0306_\n"), min_size=100, max_size=600))
def test_rule_3_finds_the_place_it_found_one_place_at_a_time(text: str) -> None:
    # the places next to a character that is not part of a word, found by one scan
    expected = rule_3_place_by_place(text)
    if expected is None:
        expected = _stream.cut_inside_cyrillic_run(text)
    assert _stream.forced_cyrillic_cut(text) == expected
