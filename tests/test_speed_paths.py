"""The fast paths give exactly what the rule paths give (docs/performance.md).

The rule functions of _cyrillic_to_latin and _latin_to_cyrillic, a letter or a
unit at a time, are the specification; the fast paths (many words, or a whole
text, at once) must agree with them on any input, which Hypothesis searches.
"""

from __future__ import annotations

import pickle
import random
import re
import tracemalloc
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import (
    _char_table,
    _chunks,
    _converter,
    _cyrillic_to_latin,
    _invisible,
    _latin_to_cyrillic,
    _spans,
    _word_cache,
    to_cyrillic,
    to_latin,
)
from uztranslit._alphabet import (
    APOSTROPHE_LETTER,
    APOSTROPHES,
    CYRILLIC_LOWER,
    CYRILLIC_UPPER,
    TURNED_COMMA,
)
from uztranslit._invisible import FORMAT_CHARACTERS
from uztranslit._lexicon import (
    LARGE,
    ChainTable,
    StemTable,
    default_lexicon,
    match_cyrillic_stem,
    match_latin_stem,
    parse_lexicon,
    stem_starts,
)
from uztranslit._options import APOSTROPHE_STYLES

from ._seed import SEED_TEXT

TO_LATIN = default_lexicon().to_latin
TO_CYRILLIC = default_lexicon().to_cyrillic
# A user lexicon whose stems start like everyday words, so that many words are
# candidates and some match, in both directions.
USER = parse_lexicon(
    ["китоб\tkitob\tboth", "ёз\tyoz\tboth", "сентябрь\tsentabr\tboth", "мақола\tmaqola"]
)

# Letters weighted towards the ones with context rules, in both cases.
CYRILLIC = st.sampled_from(CYRILLIC_LOWER + "ецъьсҳўаоуи" * 3 + CYRILLIC_UPPER + "ЕЦЪЬСҲ")
CYRILLIC_WORD = st.text(CYRILLIC, min_size=1, max_size=12)
LOWER_OR_TITLE = CYRILLIC_WORD.map(lambda word: word.lower()) | CYRILLIC_WORD.map(str.capitalize)
# Words that end like an izofa (a vowel + и), and the words of the izofa and ц rules.
IZOFA_LIKE = st.tuples(
    LOWER_OR_TITLE | CYRILLIC_WORD,
    st.sampled_from(["аи", "ои", "ёи", "яи", "ўи", "еи", "уи", "ъи", "и"]),
).map("".join)
RULE_WORDS = st.sampled_from(
    [
        "нуқтаи",
        "Нуқтаи",
        "НУҚТАИ",
        "манбаи",
        "Манбаи",
        "МАНБАИ",
        "манбаида",
        "мўъи",
        "шўрои",
        "аи",
        "боцман",
        "Лоцманга",
        "ЛИЗОЦИМ",
        "лизоцимни",
        "абзацни",
        "клёцка",
        "цыцим",
        "ТЭЦда",
    ]
)
ANY_WORD = (
    CYRILLIC_WORD
    | LOWER_OR_TITLE
    | IZOFA_LIKE
    | RULE_WORDS
    | st.sampled_from(["октябрда", "СЕНТЯБРЬ", "бюджети"])
)

# Letters outside ASCII too: é, and letters whose UTF-16 code unit has the low byte of
# a newline (ᴊ U+1D0A, Ċ U+010A) or of A-Z (Ł U+0141), which the fast path's C passes
# must not mistake for one.
LATIN = st.sampled_from(
    "abcdefghijklmnopqrstuvwxyz" * 2 + "eyostchg" * 3 + "ABCSYEOGIVXHW" + "é\u1d0a\u010a\u0141"
)
MARK = st.sampled_from(sorted(APOSTROPHES))
LATIN_TOKEN = st.lists(LATIN | MARK, min_size=1, max_size=12).map("".join)


def rule_path_latin(words: list[str], table: dict[str, str] | None = None) -> list[str]:
    return [_cyrillic_to_latin.word_to_latin(word, table or TO_LATIN) for word in words]


@settings(max_examples=400, deadline=None)
@given(st.lists(ANY_WORD, min_size=1, max_size=30))
def test_many_cyrillic_words_convert_as_one_by_one(words: list[str]) -> None:
    stems = stem_starts(TO_LATIN, soft_sign=True)
    assert _cyrillic_to_latin.words_to_latin(words, TO_LATIN, stems) == rule_path_latin(words)


@settings(max_examples=200, deadline=None)
@given(st.lists(ANY_WORD, min_size=1, max_size=30))
def test_many_cyrillic_words_with_a_user_lexicon(words: list[str]) -> None:
    table = {**TO_LATIN, **USER.to_latin}
    stems = stem_starts(table, soft_sign=True)
    expected = rule_path_latin(words, table)
    assert _cyrillic_to_latin.words_to_latin(words, table, stems) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(ANY_WORD, min_size=1, max_size=20).map("".join))
def test_a_word_in_mixed_case_converts_as_letter_by_letter(word: str) -> None:
    # the padded segments and the case mask against case_of_segment a letter at a
    # time, on words of up to a few hundred letters in any case
    lower = word.lower()
    expected = _cyrillic_to_latin.stem_and_letters_to_latin(word, lower, None)
    assert _cyrillic_to_latin.mixed_case_to_latin(word, lower) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_WORD, min_size=1, max_size=20).map("".join), st.integers(1, 9))
def test_a_long_word_takes_its_case_a_window_at_a_time(word: str, window: int) -> None:
    # a word longer than _CASED_AT letters is cased a window at a time (memory); made
    # short here, each window must read the letters either side as the whole word does
    lower = word.lower()
    expected = _cyrillic_to_latin.stem_and_letters_to_latin(word, lower, None)
    with patch.object(_cyrillic_to_latin, "_CASED_AT", window):
        assert _cyrillic_to_latin.mixed_case_to_latin(word, lower) == expected


def test_a_long_word_in_mixed_case_takes_memory_for_its_letters_alone() -> None:
    # the case mask of a word of half a million letters as one integer took about 33
    # bytes a letter at its peak (integers of megabytes); a window at a time, about 8
    word = "шОшИлЧаҚ" * 60_000
    lower = word.lower()
    tracemalloc.start()
    try:
        _cyrillic_to_latin.mixed_case_to_latin(word, lower)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * len(word)


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("АҚШда", "AQSHda"),  # a capital beside a capital: all of its segment
        ("ЎзбекистонДа", "OʻzbekistonDa"),
        ("шОшИлЧ", "shOshIlCh"),  # a capital alone: its segment in Title
        ("ИсҲоқ", "IsʼHoq"),  # сҳ: the tutuq inside the с's cell
        ("сЪЕзД", "sYEzD"),  # ъ dropped: an empty cell beside capitals
        ("ЬЕ", "YE"),  # ь before е: nothing; е after ь: ye
    ],
)
def test_mixed_case_cells(word: str, latin: str) -> None:
    assert _cyrillic_to_latin.mixed_case_to_latin(word, word.lower()) == latin
    assert _cyrillic_to_latin.word_to_latin(word, {}) == latin


# Stems of every length (one letter, two, one ending in ь) and the default ones, with
# what may follow a stem: nothing, suffixes, a ь, other letters.
SHORT_STEMS = parse_lexicon(["ю\tyu", "эр\ter", "бмв\tbmw", "апрель\taprel"])
STEM_TABLE = {**TO_LATIN, **USER.to_latin, **SHORT_STEMS.to_latin}
STEM_STARTS = stem_starts(STEM_TABLE, soft_sign=True)
WORD_AFTER_A_STEM = st.tuples(
    (st.sampled_from(sorted(SHORT_STEMS.to_latin)) | st.sampled_from(sorted(STEM_TABLE)[::7])).map(
        lambda stem: stem.removesuffix("ь")
    ),
    st.sampled_from(["", "ь", "лар", "да", "ни", "ларимиздан", "ка"]) | LOWER_OR_TITLE,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(WORD_AFTER_A_STEM | ANY_WORD)
def test_a_cyrillic_stem_is_found_within_its_bounds(word: str) -> None:
    # words_to_latin tries only the stem lengths StemStarts allows for the word
    lower = word.lower()
    bounds = (STEM_STARTS.longest_for(lower), STEM_STARTS.shortest)
    assert match_cyrillic_stem(lower, STEM_TABLE, *bounds) == match_cyrillic_stem(lower, STEM_TABLE)


SEPARATOR = st.sampled_from([" ", "\n", ", ", "-", "«", "»", "1", "x", "ʼ", "'", "\u00a0", "😀"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(ANY_WORD, SEPARATOR), min_size=1, max_size=30))
def test_a_whole_cyrillic_text_converts_as_word_by_word(pairs: list[tuple[str, str]]) -> None:
    text = "".join(word + separator for word, separator in pairs)
    expected = _spans.CYRILLIC_WORDS.sub(
        lambda word: _cyrillic_to_latin.word_to_latin(word[0], TO_LATIN), text
    )
    converter = _converter.fixed("cyrillic", "latin", "modifier", None, ())
    assert converter.convert(text) == expected


@pytest.mark.parametrize("apostrophes", ["ascii", "quotes"])
def test_the_text_path_writes_each_apostrophe_style(apostrophes: str) -> None:
    text = "Ўзбек маъно, Исҳоқ; ЎҒИЛ ʼ'"
    converter = _converter.fixed("cyrillic", "latin", apostrophes, None, ())
    letter_mark, tutuq = {"ascii": ("'", "'"), "quotes": ("\u2018", "\u2019")}[apostrophes]
    assert (
        converter.convert(text)
        == f"O{letter_mark}zbek ma{tutuq}no, Is{tutuq}hoq; O{letter_mark}G{letter_mark}IL ʼ'"
    )


def test_the_text_path_steps_aside_for_its_own_placeholders() -> None:
    # A private-use character that the text path uses inside: the word path converts.
    text = "съезд \ue0a1 келди"
    table = _cyrillic_to_latin.compiled_text_table("\u02bb", "\u02bc")
    assert _cyrillic_to_latin.text_to_latin(text, table, (), lambda words: words) is None
    assert _converter.fixed("cyrillic", "latin", "modifier", None, ()).convert(text) == (
        "syezd \ue0a1 keldi"
    )


def one_token(token: str) -> str:
    if token[0] in "IVXLCDM" and _spans.is_roman_numeral(token):
        return token
    return _latin_to_cyrillic.token_to_cyrillic(token, TO_CYRILLIC)


@settings(max_examples=400, deadline=None)
@given(st.lists(LATIN_TOKEN, min_size=1, max_size=30))
def test_many_latin_tokens_convert_as_one_by_one(tokens: list[str]) -> None:
    tokens = [token for token in tokens if _spans.latin_tokens().fullmatch(token)]
    assert fast_tokens(tokens) == [one_token(token) for token in tokens]


# Tokens in quotation marks, and others, as the fast path hands them to tokens_by_rule.
QUOTED_TOKEN = st.tuples(st.lists(MARK, min_size=1, max_size=2), LATIN_TOKEN).map(
    lambda parts: "".join(parts[0]) + parts[1]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(QUOTED_TOKEN | LATIN_TOKEN, min_size=1, max_size=30))
def test_quoted_words_convert_as_one_by_one(tokens: list[str]) -> None:
    tokens = [token for token in tokens if _spans.latin_tokens().fullmatch(token)]
    quoted = _latin_to_cyrillic.tokens_by_rule(tokens, fast_tokens, one_token)
    assert quoted == [one_token(token) for token in tokens]


# Tokens with runs of marks inside and around them (xʼʼʼy, oʻʻʻzbek, ‘‘kitob’’).
MARK_RUN = st.tuples(MARK, st.integers(1, 6)).map(lambda run: run[0] * run[1])
TOKEN_WITH_RUNS = st.lists(LATIN | MARK_RUN, min_size=1, max_size=10).map("".join)


def classified_a_mark_at_a_time(token: str) -> _latin_to_cyrillic.Marks:
    # classify_marks' docstring, a character at a time
    start = 0
    while token[start] in APOSTROPHES:
        start += 1
    end = len(token)
    while token[end - 1] in APOSTROPHES:
        end -= 1
    if end < len(token) and _latin_to_cyrillic.final_mark_is_a_letter(token, start, end):
        end += 1
    body = "".join(
        char
        if char not in APOSTROPHES
        else TURNED_COMMA
        if token[i - 1] in "oOgG"
        else APOSTROPHE_LETTER
        for i, char in enumerate(token[start:end], start)
    )
    return _latin_to_cyrillic.Marks(token[:start], body, token[end:])


def unit_by_unit(body: str) -> str:
    # word_to_cyrillic without a lexicon, each unit and its case in turn
    lower, parts, i = body.lower(), [], 0
    while i < len(lower):
        unit = _latin_to_cyrillic.unit_at(lower, i)
        parts.append(_latin_to_cyrillic.case_of_unit(body, i, unit.cyrillic))
        i += unit.length
    return "".join(parts)


@settings(max_examples=500, deadline=None)
@given(TOKEN_WITH_RUNS | QUOTED_TOKEN)
def test_marks_are_classified_as_one_at_a_time(token: str) -> None:
    if not _spans.latin_tokens().fullmatch(token):
        return
    marks = _latin_to_cyrillic.classify_marks(token)
    assert marks == classified_a_mark_at_a_time(token)
    # and a run of tutuqs inside the word converts as a unit at a time
    body = marks.body
    if not _latin_to_cyrillic.is_foreign(body):
        assert _latin_to_cyrillic.word_to_cyrillic(body, {}) == unit_by_unit(body)


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKEN_WITH_RUNS, min_size=1, max_size=20))
def test_tokens_with_runs_of_marks_convert_as_one_by_one(tokens: list[str]) -> None:
    tokens = [token for token in tokens if _spans.latin_tokens().fullmatch(token)]
    assert fast_tokens(tokens) == [one_token(token) for token in tokens]


@pytest.mark.parametrize(
    ("word", "cyrillic"),
    [
        ("Aʼʼʼʼb", "АЪъъъб"),  # the first tutuq takes the case before, the middle small
        ("aʼʼʼB", "аъъЪБ"),  # the last the case after
        ("SHʼʼʼSH", "ШЪъЪШ"),
    ],
)
def test_a_run_of_tutuqs(word: str, cyrillic: str) -> None:
    assert _latin_to_cyrillic.word_to_cyrillic(word, {}) == cyrillic == unit_by_unit(word)


# Tokens with a format character after a letter (a soft hyphen: tik\xadlanganda), which
# the converter takes without their marks, all together, on the fast path.
MARKED_TOKEN = st.tuples(
    LATIN_TOKEN, st.lists(st.tuples(st.integers(1, 12), st.sampled_from(FORMAT_CHARACTERS)))
).map(lambda parts: with_marks(*parts))


def with_marks(token: str, marks: list[tuple[int, str]]) -> str:
    for place, mark in sorted(marks, reverse=True):
        token = token[:place] + mark + token[place:]
    return token


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKED_TOKEN | LATIN_TOKEN, min_size=1, max_size=20))
def test_tokens_with_format_characters_convert_as_one_by_one(tokens: list[str]) -> None:
    tokens = [token for token in tokens if _spans.latin_tokens().fullmatch(token)]
    one = _invisible.keeping_format_characters(one_token)
    assert to_cyrillic(" ".join(tokens)) == " ".join(map(one, tokens))


# Space-separated chunks as real text has them: words of ASCII letters alone, which the
# chunk cache sends straight to the token path (_chunks.by_tokens_first), and others.
CHUNK = LATIN_TOKEN | st.text(alphabet="abcehostwyAEIOSTY'\u2018\u2019.,:;I<>_&-", max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(CHUNK, min_size=1, max_size=30), st.sampled_from([" ", "\n"]), st.booleans())
def test_chunks_convert_as_the_text_does_without_chunks(
    chunks: list[str], cut: str, many: bool
) -> None:
    # No digits: the dates convention then changes nothing, but sends the text down the
    # path that converts it whole, without the chunk cache.  Past _FEW_CHUNKS new chunks
    # the plain words go to the token path on their own.
    if many:
        chunks = [f"{chunk}{i * 'a'}" for i in range(3) for chunk in chunks] + ["so'z"] * 40
    text = cut.join(chunks)
    assert to_cyrillic(text) == to_cyrillic(text, conventions={"dates"})


def test_a_letter_with_a_newlines_low_byte_keeps_the_tokens_in_step() -> None:
    # ᴊ (U+1D0A) shares its low byte with a newline: its token used to come out of the
    # code-unit table as two, and the text failed with a ValueError
    assert to_cyrillic("a\u1d0ab kitob") == "a\u1d0ab китоб"
    assert to_cyrillic("x\u1d0a\nQ\u010a oʻq") == "x\u1d0a\nQ\u010a ўқ"


def test_quoted_words_keep_their_marks() -> None:
    tokens = ["'kitob'", "‘soʻz’", "'togʻ'", "'XI'", "‘O’Nil’", "'maʼno'", "'Telegram'da'"]
    converted = _latin_to_cyrillic.tokens_by_rule(tokens, fast_tokens, one_token)
    assert converted == [one_token(token) for token in tokens]
    assert converted[:2] == ["'китоб'", "‘сўз’"]
    assert to_cyrillic("'kitob' 'soʻz' " * 3) == "'китоб' 'сўз' " * 3


def fast_tokens(tokens: list[str]) -> list[str]:
    """*tokens* through the fast path (tokens_to_cyrillic), the rest by one_token."""
    stems = stem_starts(TO_CYRILLIC)
    verdict = _latin_to_cyrillic.stem_verdict(TO_CYRILLIC, stems)
    return _latin_to_cyrillic.tokens_to_cyrillic(
        tokens,
        lambda some: list(map(one_token, some)),
        lambda some: list(map(verdict, some)),
        stems,
    )


# Tokens of the rules that differ between the two orthographies (tests/test_l2c_classes.py),
# in every case the fast path handles.
CLASS_TOKENS = [
    *("bogʻga", "tog'ga", "Togʻgacha", "TUGʻGAN", "sig‘guncha", "bogʻgina", "bogʻda"),
    *("TOGʻga", "togʻgʻa", "bogʻg", "mablagʻga", "yogʻganida", "Qorabogʻga"),
    *("nuqtayi", "Tarjimayi", "NUQTAYI", "payi", "ayi", "aayi", "oʻnayi", "boʻyi", "uyi"),
    *("nuqtayiga", "maʼnayi", "qalayi", "yayi", "ayayi"),
    *("d’Ivuar", "O’Nil", "O'Nilga", "D’Artanyan", "‘O’Nil’", "O’ZBEKISTON", "O'zbek"),
    *("OʻZbekiston", "OʻNTA", "l’Oréal", "L'Akvila", "O'N", "o’Nil", "O‘ShA", "O’Shea"),
]


# Tokens with a tutuq (which the fast path takes unless endings may follow it) or a final
# oʻ or gʻ, and their look-alikes that stay on the rule path.
MARK_TOKENS = [
    *("maʼno", "Maʼno", "MAʼNO", "ma'no", "ma’lumot", "Ta’kidlash", "eʼlon", "Eʼlon", "EʼLON"),
    *("asʼhob", "Isʼhoq", "ISʼHOQ", "obʼyekt", "sʼyezd", "Sʼyezd", "Aʼzo", "AʼZO", "aʼzo"),
    *("qatʼiy", "jamʼi", "shamʼi", "taʼbir", "sanʼatkor", "moʼjiza", "yaʼni", "Yaʼni"),
    *("Telegram'da", "Telegramʼdagi", "pepsiʼda", "tsʼa", "tʼs", "yʼe", "aʼe", "aʼyi", "chʼa"),
    *("gʻʼa", "boʻʼy", "maʼnayi", "maʼ", "ʼmaʼno", "maʼnoʼ"),
    *("togʻ", "Tog'", "TOGʻ", "obroʻ", "oʻ", "Gʻ", "tog‘’", "‘tog‘", "yoʻgʻ", "bogʻʼ"),
]


def test_the_mark_cases_agree_in_both_paths() -> None:
    tokens = [t for t in MARK_TOKENS * 2 if _spans.latin_tokens().fullmatch(t)]
    fast = fast_tokens(tokens)
    assert fast == [one_token(token) for token in tokens]
    assert [to_cyrillic(token) for token in tokens] == fast
    assert to_cyrillic("maʼno asʼhob obʼyekt MAʼNO") == "маъно асҳоб объект МАЪНО"
    # a lexicon stem with a tutuq is found whichever mark the text writes
    lexicon = parse_lexicon(["маънавият\tmaʼnaviyat"])
    text = "maʼnaviyat ma'naviyatda Ma’naviyatga " * 3
    assert to_cyrillic(text, lexicon=lexicon) == "маънавият маънавиятда Маънавиятга " * 3
    assert to_cyrillic("pepsi'da va pepsi'da", keep=["pepsi"]) == "pepsi'да ва pepsi'да"


def test_the_class_cases_agree_in_both_paths() -> None:
    tokens = CLASS_TOKENS * 2
    fast = fast_tokens(tokens)
    assert fast == [one_token(token) for token in tokens]
    assert [to_cyrillic(token) for token in tokens] == fast


@settings(max_examples=500, deadline=None)
@given(st.lists(LATIN_TOKEN, min_size=1, max_size=30), st.booleans())
def test_the_scans_find_the_tokens_that_are_not_plain(tokens: list[str], many: bool) -> None:
    if many:  # past _FEW characters each scan runs on its own
        tokens *= _latin_to_cyrillic._FEW // len("\n".join(tokens)) + 1
    special = _latin_to_cyrillic.plain_positions(tokens).special
    plain = _latin_to_cyrillic.is_plain_token
    assert special == {i for i, token in enumerate(tokens) if not plain(token)}


@settings(max_examples=300, deadline=None)
@given(st.lists(LATIN_TOKEN, min_size=1, max_size=300))
def test_one_scan_finds_the_tokens_that_ten_find(tokens: list[str]) -> None:
    marked = "\n" + "\n".join(tokens).translate(_latin_to_cyrillic._CANONICAL_MARKS) + "\n"
    one = [found.start() for found in _latin_to_cyrillic._NOT_PLAIN_AT_ONCE().finditer(marked)]
    scans = _latin_to_cyrillic._NOT_PLAIN
    each = [found.start() for scan in scans for found in scan().finditer(marked)]
    numbers = _latin_to_cyrillic.token_numbers
    assert set(numbers(marked, one)) == set(numbers(marked, each))


def test_plain_tokens_are_the_common_ones() -> None:
    plain = _latin_to_cyrillic.is_plain_token
    common = ["kitob", "Oʻzbekiston", "o'zbek", "G‘alaba", "choy", "Shahar", "OʻZBEK", "CHOY"]
    for token in [*common, "maʼno", "Ta’kidlash", "MAʼLUMOT", "sanʼat", "masʼul"]:
        assert plain(token), token
    for token in ["tog'", "Togʻ", "TOGʻ", "obro‘", "oʻ", "G‘"]:  # a final oʻ or gʻ
        assert plain(token), token
    for token in ["'Buxoro", "tog''", "'tog'", "qiz'", "Facebook", "iPhone", "XX", "MD", "V"]:
        assert not plain(token), token
    assert not plain("OʻzBEK")
    # a y that can only be a vowel is foreign (is_foreign); in capitals it is Uzbek
    for token in ["Sony", "my", "Technology", "Asyl", "Yhxb", "the", "There"]:
        assert not plain(token), token
    for token in ["YHXB", "MFY", "sayyid", "choy", "kelyapti", "y", "Fathulla", "THE"]:
        assert plain(token), token
    # what follows a tutuq may be a name's endings, which the rules keep in Latin
    for token in ["Telegramʼda", "aqlʼi", "maʼ'no", "maʼNO"]:
        assert not plain(token), token


class TestWordCache:
    def test_a_full_generation_is_dropped(self) -> None:
        cache = _word_cache.WordCache(str.upper, limit=4)
        assert cache.all(["a", "b", "c", "d"]) == ["A", "B", "C", "D"]
        assert cache.older == {"a": "A", "b": "B", "c": "C", "d": "D"}
        assert cache.newer == {}
        cache.all(["e", "f", "g", "h"])
        assert set(cache.older) == set("efgh")
        assert len(cache) == 4

    def test_a_word_seen_again_moves_to_the_newer_generation(self) -> None:
        cache = _word_cache.WordCache(str.upper, limit=3)
        cache.all(["a", "b", "c"])
        cache.all(["a", "x"])
        assert cache.newer == {"a": "A", "x": "X"}
        cache.all(["y"])  # the newer generation is full: "a" survives, "b" and "c" go
        assert set(cache.older) == {"a", "x", "y"}

    def test_junk_does_not_stay(self) -> None:
        calls: list[str] = []

        def convert(word: str) -> str:
            calls.append(word)
            return word.upper()

        cache = _word_cache.WordCache(convert, limit=100)
        cache.all([f"junk{i}" for i in range(10_000)])
        assert len(cache) <= 200
        calls.clear()
        cache.all(["kitob"] * 3)
        cache.all(["kitob"])
        assert calls == ["kitob"]  # converted once, then found

    def test_long_words_are_converted_but_not_kept(self) -> None:
        cache = _word_cache.WordCache(str.upper, limit=10)
        long = "x" * 100
        assert cache.all([long, "a", long]) == [long.upper(), "A", long.upper()]
        assert long not in cache.newer

    def test_many_at_once_in_order(self) -> None:
        cache = _word_cache.WordCache(str.upper, convert_all=lambda words: [w * 2 for w in words])
        assert cache.all(["a", "b", "a", ""]) == ["aa", "bb", "aa", ""]
        assert cache["b"] == "bb"


def test_chunks_joined_by_two_spaces_keep_a_placeholder_at_their_start() -> None:
    # "5 %d": alone, the chunk "%d" is a placeholder (_spans: % after "digit space"
    # is a percent sign only in the whole text); joined, it must stay one.
    convert = _chunks.by_joining(lambda text: re.sub("[a-z]", "X", text))
    assert convert(["5", "%d", "", "ab"]) == ["5", "%X", "", "XX"]


class TestLargeLexicons:
    """Large tables are kept in one bytearray (StemTable) and merged as views."""

    ROWS = [f"стем{i}\tstem{i}\tboth" for i in range(LARGE + 10)] + ["стем5\tbeshinchi\tboth"]

    def test_a_large_table_holds_what_a_dict_would(self) -> None:
        lexicon = parse_lexicon(self.ROWS)
        assert isinstance(lexicon.to_latin, StemTable)
        assert len(lexicon.to_latin) == LARGE + 10
        assert lexicon.to_latin["стем7"] == "stem7"
        assert lexicon.to_latin["стем5"] == "beshinchi"  # a later row replaces
        assert lexicon.to_cyrillic.get("beshinchi") == "стем5"
        assert lexicon.to_latin.get("стем") is None
        assert "стем9" in lexicon.to_latin
        assert sorted(lexicon.to_latin)[:2] == ["стем0", "стем1"]

    def test_it_pickles(self) -> None:
        lexicon = parse_lexicon(self.ROWS)
        again = pickle.loads(pickle.dumps(lexicon))
        assert again.to_latin["стем5"] == "beshinchi"
        assert len(again.to_cyrillic) == len(lexicon.to_cyrillic)

    def test_merged_as_a_view_the_override_first(self) -> None:
        merged = default_lexicon().merged(parse_lexicon([*self.ROWS, "бюджет\tbyudjet\tboth"]))
        assert isinstance(merged.to_latin, ChainTable)
        assert merged.to_latin["бюджет"] == "byudjet"
        assert merged.to_latin["стем3"] == "stem3"
        assert merged.to_latin["сентябрь"] == "sentabr"
        assert len(merged.to_latin) == len(set(merged.to_latin))

    def test_conversion_uses_it(self) -> None:
        lexicon = parse_lexicon(self.ROWS)
        assert to_latin("стем12лар", lexicon=lexicon) == "stem12lar"
        assert to_cyrillic("beshinchiga", lexicon=lexicon) == "стем5га"


# Words of the izofa and ц rules whose reading depends on the letters around the one
# rewritten: the word end, the word's start (AYN_STEMS), a ъ before и, the vowel before ц.
RULE_TEXT = (
    "нуқтаи назар, Нуқтаи НАЗАР; НУҚТАИ. манбаи Манбаи МАНБАИ манбаида мўъи аи ои ёи"
    " шўрои-ислом каминаи дунёи рўи партияи мавқеи мавзуи Руи ъаи цаи еаи сҳаи ьаи"
    " боцман Лоцманга ЛИЗОЦИМ лизоцимни абзацни клёцка цыцим ТЭЦда кибуцда наци"
)


def test_stem_heads_keep_every_word_that_starts_with_a_stem() -> None:
    stems = stem_starts(TO_CYRILLIC)
    everything = stems._replace(heads=None)  # what a table larger than LARGE gets
    keys = sorted(TO_CYRILLIC)[::4]
    words = [
        form
        for key in keys
        for form in (key, key + "lar", key + "da", key[:-1] + "x", key[:5] + "qop", key[:3])
    ]
    found = stems.candidates(words)
    assert {i for i, word in enumerate(words) if match_latin_stem(word, TO_CYRILLIC)} <= found
    assert found < everything.candidates(words)  # and they leave out many more
    assert stem_starts(dict.fromkeys(map(str, range(LARGE + 1)), "x")).heads is None


def test_short_stems_are_candidates_however_they_go_on() -> None:
    # stems of one, two and three letters, exact or with endings (a user's lexicon)
    rows = ["икс\tx", "ю\tyu", "эр\ter", "бмв\tbmw", "ошқозон\toshqozon"]
    table = parse_lexicon(rows).to_cyrillic
    stems = stem_starts(table)
    assert stems.lone == {"x"}
    words = ["x", "xda", "yu", "yuda", "yular", "er", "erga", "erlar", "bmw", "bmwlarda"]
    others = ["ya", "ega", "bm", "oshq", "uy"]
    assert all(match_latin_stem(word, table) for word in words)
    found = stems.candidates([*words, *others])
    assert set(range(len(words))) <= found
    assert found - set(range(len(words))) <= {len(words) + 3}  # oshq: oshqozon's start
    # many stems of two letters are looked up on their own, not as their beginnings
    firsts = zip("бвг", "bvg", strict=True)
    rows = [f"{c}{d}\t{a}{b}" for c, a in firsts for d, b in zip("абвгде", "abvgde", strict=True)]
    pairs = parse_lexicon(rows).to_cyrillic
    many = stem_starts(pairs)
    assert len(many.lone) == 18
    assert many.candidates(["ba", "bada", "dada", "xyz", "vgb"]) == {0, 1, 4}


def test_the_izofa_and_ts_words_agree_on_every_path() -> None:
    words = _spans.CYRILLIC_WORDS.findall(RULE_TEXT)
    stems = stem_starts(TO_LATIN, soft_sign=True)
    assert _cyrillic_to_latin.words_to_latin(words, TO_LATIN, stems) == rule_path_latin(words)
    no_stems = stem_starts({}, soft_sign=True)
    assert _cyrillic_to_latin.words_to_latin(words, {}, no_stems) == [
        _cyrillic_to_latin.word_to_latin(word, {}) for word in words
    ]
    converter = _converter.fixed("cyrillic", "latin", "modifier", None, ())
    assert converter.convert(RULE_TEXT) == _spans.CYRILLIC_WORDS.sub(
        lambda word: _cyrillic_to_latin.word_to_latin(word[0], TO_LATIN), RULE_TEXT
    )


# Any character: the text table's, placeholders of the compiled table, emoji, a lone
# surrogate (surrogateescape makes them), and any other.
TABLE_TEXT = st.text(
    alphabet=st.sampled_from(
        [chr(code) for code in _cyrillic_to_latin.text_table("\u02bb", "\u02bc")]
        + ["\U000f0000", "\U000f0001", "\U000f0005", "\ud800", "\udcff", "😀", "\ufffe"]
    )
    | st.characters(),
    max_size=40,
)


@settings(max_examples=500, deadline=None)
@given(TABLE_TEXT, st.sampled_from(sorted(APOSTROPHE_STYLES)))
def test_the_compiled_text_table_translates_as_str_translate(text: str, style: str) -> None:
    letter_mark, tutuq = APOSTROPHE_STYLES[style]
    table = _cyrillic_to_latin.text_table(letter_mark, tutuq)
    compiled = _cyrillic_to_latin.compiled_text_table(letter_mark, tutuq)
    assert _char_table.translate(text, compiled) == text.translate(table)


def test_the_text_path_itself_reads_the_izofa_and_ts_words() -> None:
    # Lower case and Title only, so that the text path does every word itself.
    text = " ".join(word.lower() + ", " + word.capitalize() for word in RULE_TEXT.split())
    table = _cyrillic_to_latin.compiled_text_table("\u02bb", "\u02bc")
    by_text = _cyrillic_to_latin.text_to_latin(text, table, (), lambda some: some)
    assert by_text == _spans.CYRILLIC_WORDS.sub(
        lambda word: _cyrillic_to_latin.word_to_latin(word[0], {}), text
    )


def test_a_long_text_of_new_words_skips_the_chunks_and_converts_the_same() -> None:
    # every word new (a word list): the chunk cache costs more than it saves, so the
    # tokens go together (repeats_little); prose keeps the chunks
    rng = random.Random(3)
    letters = "abdefghijklmnopqrstuvxyz"
    words = {"".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(6000)}
    lines = [" ".join(sorted(words)[i : i + 10]) for i in range(0, len(words), 10)]
    text = "\n".join(lines)
    assert _chunks.repeats_little(text)
    assert not _chunks.repeats_little(to_latin(SEED_TEXT) * 20)
    assert not _chunks.repeats_little(text[:1000])  # short: line by line, cached
    assert to_cyrillic(text) == "\n".join(map(to_cyrillic, lines))  # lines go by chunks


def test_parts_between_kept_spans_convert_as_one_by_one() -> None:
    text = (
        '<b class="x">I</b>. <!-- V --> X. ‘soʻz’ <i>togʻ</i>%s kitob https://x.uz/ab I'
        "\n{name}ga Ts <br/>V. %d ta 'Oʻzbekiston'<p>sh</p>ch"
    ) * 3
    spans = _spans.skipped_spans(text)
    assert len(spans) > 20
    edges = [0, *(edge for span in spans for edge in span), len(text)]
    parts = [text[start:end] for start, end in zip(edges[::2], edges[1::2], strict=True)]
    kept = [text[start:end] for start, end in spans]
    expected = "".join(
        part + span for part, span in zip(map(to_cyrillic, parts), [*kept, ""], strict=True)
    )
    assert _converter.outside_skipped(text, to_cyrillic) == expected
    assert to_cyrillic(text) == expected
