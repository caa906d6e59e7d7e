"""The 2026 Latin alphabet (ş ç ö ğ) as a third script, both ways."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import (
    _latin_to_cyrillic,
    _new_latin,
    _spans,
    detect_script,
    to_latin,
    transliterate,
)
from uztranslit._lexicon import default_lexicon
from uztranslit._new_latin import NEW_LETTERS, OLD_LETTERS

from ._docs import ROOT, title
from ._seed import SEED_CYRILLIC_WORDS, seed_without_latin_words

# (Cyrillic, 1995 Latin, 2026 Latin), lower case; each is tested in three cases.
LETTERS = [
    ("шаҳар", "shahar", "şahar"),
    ("чорак", "chorak", "çorak"),
    ("ўғил", "oʻgʻil", "öğil"),
    ("ғалаба", "gʻalaba", "ğalaba"),
    ("ўзбек", "oʻzbek", "özbek"),
    ("қушчалар", "qushchalar", "quşçalar"),
    ("исҳоқ", "isʼhoq", "ishoq"),
    ("асҳоб", "asʼhob", "ashob"),
    ("маъно", "maʼno", "maʼno"),
    ("йўл", "yoʻl", "yöl"),
    ("тонг", "tong", "tong"),
    ("сентябрь", "sentabr", "sentabr"),
]


def cases(row: tuple[str, str, str]) -> list[tuple[str, str, str]]:
    return [row, tuple(map(title, row)), tuple(text.upper() for text in row)]  # type: ignore[list-item]


ALL_CASES = [case for row in LETTERS for case in cases(row)]


@pytest.mark.parametrize(("cyrillic", "latin", "new"), ALL_CASES)
def test_cyrillic_and_new_latin(cyrillic: str, latin: str, new: str) -> None:
    assert transliterate(cyrillic, to="new-latin") == new
    assert transliterate(new, to="cyrillic", source="new-latin") == cyrillic


@pytest.mark.parametrize(("cyrillic", "latin", "new"), ALL_CASES)
def test_latin_and_new_latin(cyrillic: str, latin: str, new: str) -> None:
    assert transliterate(latin, to="new-latin", source="latin") == new
    assert transliterate(new, to="latin", source="new-latin") == latin


def test_the_table_is_the_same_both_ways() -> None:
    assert {new: old for old, new in NEW_LETTERS.items()} == OLD_LETTERS
    assert set(NEW_LETTERS.values()) == set("şçöğ")


def test_capitals_follow_neighbours() -> None:
    assert transliterate("ŞAHAR Şahar AQŞ Ş.", to="latin") == "SHAHAR Shahar AQSH Sh."
    assert transliterate("ШАҲАР Шаҳар АҚШ Ш.", to="new-latin") == "ŞAHAR Şahar AQŞ Ş."


def test_keyboard_look_alikes() -> None:
    read = transliterate(
        "Ișhoq Ǧalaba ḡalaba Ōzbekıston İSTANBUL", to="cyrillic", source="new-latin"
    )
    assert read == "Ишҳоқ Ғалаба ғалаба Ўзбекистон ИСТАНБУЛ"
    decomposed = "s\u0327ahar c\u0327orak o\u0308zbek g\u0306alaba"
    assert (
        transliterate(decomposed, to="cyrillic", source="new-latin") == "шаҳар чорак ўзбек ғалаба"
    )


def test_no_turkish_i_from_casing() -> None:
    out = transliterate("ИШИ иши", to="new-latin") + transliterate("IŞI işi", to="latin")
    assert "İ" not in out
    assert "ı" not in out
    assert out == "IŞI işiISHI ishi"


def test_apostrophes_option_keeps_only_the_tutuq() -> None:
    assert transliterate("маъно ўғил", to="new-latin", apostrophes="ascii") == "ma'no öğil"


def test_detect_script_tells_three_apart() -> None:
    assert detect_script("Ўзбекистон шаҳри") == "cyrillic"
    assert detect_script("Oʻzbekiston shahri") == "latin"
    assert detect_script("Özbekiston şahri") == "new-latin"
    assert detect_script("Özbekiston, o'zbek, shahar va choy") == "latin"


def test_auto_source() -> None:
    assert transliterate("Özbekiston şahri", to="cyrillic") == "Ўзбекистон шаҳри"
    assert transliterate("Oʻzbekiston shahri", to="new-latin") == "Özbekiston şahri"
    assert transliterate("Ўзбекистон", to="cyrillic") == "Ўзбекистон"
    assert transliterate("2025", to="latin") == "2025"


def test_foreign_words_stay_in_new_latin_too() -> None:
    assert transliterate("Windows va Coca-Cola", to="new-latin", source="latin") == (
        "Windows va Coca-Cola"
    )


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="source must be one of latin, cyrillic, new-latin"):
        transliterate("x", to="latin", source="arabic")
    with pytest.raises(ValueError, match="to must be one of"):
        transliterate("x", to="old-latin")


@pytest.mark.parametrize("word", SEED_CYRILLIC_WORDS)
def test_seed_words_round_trip_through_new_latin(word: str) -> None:
    new = transliterate(word, to="new-latin")
    assert transliterate(new, to="cyrillic", source="new-latin") == word


def test_latin_seed_round_trips_through_new_latin() -> None:
    latin = to_latin(seed_without_latin_words())
    new = transliterate(latin, to="new-latin", source="latin")
    assert new != latin
    assert transliterate(new, to="latin", source="new-latin") == latin


@given(st.lists(st.sampled_from(SEED_CYRILLIC_WORDS), min_size=1).map(" ".join))
def test_a_cyrillic_word_and_its_two_latin_forms_agree(text: str) -> None:
    via_latin = transliterate(to_latin(text), to="new-latin", source="latin")
    assert transliterate(text, to="new-latin") == via_latin


def test_docs_page_exists() -> None:
    page = (ROOT / "docs" / "new-latin.md").read_text(encoding="utf-8")
    for letter in "ŞÇÖĞ":
        assert letter in page


class TestForeignWordsPassThrough:
    """A foreign word in 2026 Latin text stays byte for byte (issue 10)."""

    @pytest.mark.parametrize(
        "word", ["cafe\u0301", "nai\u0308ve", "Çüş", "Ångstro\u0308m", "Wörth"]
    )
    @pytest.mark.parametrize("to", ["latin", "cyrillic"])
    def test_foreign_word_is_not_normalised(self, word: str, to: str) -> None:
        assert transliterate(f"{word} şahar", to=to, source="new-latin").split(" ")[0] == word

    def test_decomposed_new_letters_are_still_read(self) -> None:
        assert transliterate("s\u0327ahar o\u0308g\u0306il", to="latin", source="new-latin") == (
            "shahar oʻgʻil"
        )

    def test_foreign_name_keeps_its_spelling_before_endings(self) -> None:
        assert transliterate("Çüş'da", to="cyrillic", source="new-latin") == "Çüş'да"

    def test_cli_from_new_latin_passes_foreign_words_through(self) -> None:
        import subprocess  # noqa: PLC0415
        import sys  # noqa: PLC0415

        data = "cafe\u0301 va Çüş şaharda\n".encode()
        done = subprocess.run(
            [sys.executable, "-m", "uztranslit", "-f", "new-latin", "-t", "latin"],
            input=data,
            capture_output=True,
            check=True,
        )
        assert done.stdout == "cafe\u0301 va Çüş shaharda\n".encode()


# Letters of the 2026 alphabet, their look-alikes and decomposed forms, among others.
NEW_TEXT_LETTER = st.sampled_from(
    [*"abdeghiklmnopqrstuvxyz", *"sShHcC", *"şçöğŞÇÖĞ", *"șǧōıİ", "s\u0327", *"'ʼ‘’ "]
)
NEW_TEXT = st.lists(NEW_TEXT_LETTER, min_size=1, max_size=60).map("".join)


def token_by_token(text: str) -> str:
    """2026 Latin → Cyrillic one token at a time, as the converter did before it read a
    text's tokens all at once."""

    def one(found: re.Match[str]) -> str:
        latin = found[0]
        if latin[0] in "IVXLCDM" and _spans.is_roman_numeral(latin):
            return latin
        read = _new_latin.to_old_latin_token(latin)
        return _latin_to_cyrillic.token_to_cyrillic(read, default_lexicon().to_cyrillic)

    return _spans.latin_tokens().sub(one, text)


@settings(max_examples=500, deadline=None)
@given(st.lists(NEW_TEXT, min_size=1, max_size=8).map("\n".join))
def test_a_text_reads_as_its_tokens_one_by_one(text: str) -> None:
    assert transliterate(text, to="cyrillic", source="new-latin") == token_by_token(text)


def test_a_long_text_reads_as_its_tokens_one_by_one() -> None:
    words = "Şahar ŞAHAR çorak Özbekiston ğalaba Ishoq İSTANBUL Çüş Ș. ÇIQIŞ ŞO'X maʼno"
    text = " ".join([words] * 200)
    assert transliterate(text, to="cyrillic", source="new-latin") == token_by_token(text)


def letter_by_letter(word: str) -> str:
    """1995 Latin → 2026 Latin read left to right, a pair or a letter at a time: what
    to_new_latin_word gives by replacing each pair everywhere."""
    pieces = []
    i = 0
    while i < len(word):
        if word[i : i + 3].lower() == "sʼh":
            pieces.append(word[i] + word[i + 2])
            i += 3
        elif word[i : i + 2].lower() in NEW_LETTERS:
            new = NEW_LETTERS[word[i : i + 2].lower()]
            pieces.append(new.upper() if word[i].isupper() else new)
            i += 2
        else:
            pieces.append(word[i])
            i += 1
    return "".join(pieces)


# The letters of the pairs in both cases, their marks, and letters next to them.
OLD_PAIR_TEXT = st.text(st.sampled_from("sShHcCoOgGʻʼaA\n'"), max_size=40)


@settings(max_examples=1000, deadline=None)
@given(OLD_PAIR_TEXT)
def test_new_latin_pairs_replaced_everywhere_read_as_left_to_right(words: str) -> None:
    assert _new_latin.to_new_latin_word(words) == letter_by_letter(words)


@pytest.mark.parametrize("cyrillic", ["АҚШда", "АҚШга", "АҚШнинг", "ЎзМУда", "ТошДЧЖУ"])
def test_an_abbreviation_before_its_suffix_reads_back_as_from_cyrillic(cyrillic: str) -> None:
    # AQŞda read AQShda: the last capital of an abbreviation before a lower-case suffix
    # is all capitals, as the 1995 side writes АҚШда
    new = transliterate(cyrillic, to="new-latin")
    assert transliterate(new, to="latin", source="new-latin") == to_latin(cyrillic)


def test_keep_holds_between_the_two_latin_alphabets() -> None:
    # keep= was not given to the converter between 1995 and 2026 Latin: Deutsçe
    assert transliterate("Deutsche Bank", to="new-latin", source="latin") == "Deutsçe Bank"
    kept = transliterate(
        "Deutsche Bank, Deutschening «Pepsichi»",
        to="new-latin",
        source="latin",
        keep=["deutsche", "Pepsi"],
    )
    assert kept == "Deutsche Bank, Deutschening «Pepsiçi»"  # endings converted
    back = transliterate("Shaha şahri", to="latin", source="new-latin", keep=["Shaha"])
    assert back == "Shaha shahri"
