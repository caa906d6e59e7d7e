"""The public API: types, options, detection, apostrophes, streaming."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import uztranslit
from uztranslit import (
    APOSTROPHE_STYLES,
    LexiconError,
    _converter,
    convert_stream,
    detect_script,
    normalize_apostrophes,
    to_cyrillic,
    to_latin,
)
from uztranslit._lexicon import default_lexicon, parse_lexicon
from uztranslit._stream import CUT_LIMIT

from ._seed import SEED_CYRILLIC_WORDS, SEED_TEXT


class TestArguments:
    @pytest.mark.parametrize(
        "function", [to_latin, to_cyrillic, detect_script, normalize_apostrophes]
    )
    @pytest.mark.parametrize("value", [None, b"\xd1\x81", 42, ["Ўзбек"]])
    def test_non_str_input_raises_type_error(self, function: object, value: object) -> None:
        with pytest.raises(TypeError, match=r"argument must be str, not "):
            function(value)  # type: ignore[operator]

    def test_type_error_names_the_function_and_type(self) -> None:
        with pytest.raises(TypeError, match=r"^to_latin\(\) argument must be str, not bytes$"):
            to_latin(b"abc")  # type: ignore[arg-type]

    def test_unknown_apostrophe_style_names_the_valid_ones(self) -> None:
        with pytest.raises(
            ValueError, match="apostrophes must be one of modifier, ascii, quotes; got 'curly'"
        ):
            to_latin("ўзбек", apostrophes="curly")

    def test_a_bad_option_raises_every_time(self) -> None:
        # the checks of options left at their defaults are remembered; a failure is not
        for _ in range(2):
            with pytest.raises(ValueError, match="got 'curly'"):
                to_latin("ўзбек", apostrophes="curly")
            with pytest.raises(ValueError, match="got 'arabic'"):
                to_latin("ўзбек", apostrophes="arabic")
        assert to_latin("ўзбек", apostrophes="ascii") == "o'zbek"

    def test_apostrophe_style_of_wrong_type(self) -> None:
        with pytest.raises(TypeError, match="apostrophes must be a str"):
            to_latin("ўзбек", apostrophes=1)  # type: ignore[arg-type]

    def test_options_are_keyword_only(self) -> None:
        with pytest.raises(TypeError):
            to_latin("ўзбек", "ascii")  # type: ignore[call-arg]

    def test_unknown_stream_direction(self) -> None:
        message = "to must be one of latin, cyrillic, new-latin; got 'arabic'"
        with pytest.raises(ValueError, match=message):
            list(convert_stream(["x"], to="arabic"))

    def test_public_names(self) -> None:
        assert set(uztranslit.__all__) >= {
            "to_latin",
            "to_cyrillic",
            "detect_script",
            "normalize_apostrophes",
            "convert_stream",
        }
        assert uztranslit.__version__


class TestApostropheStyles:
    @pytest.mark.parametrize(
        ("style", "expected"),
        [
            ("modifier", "Oʻzbekiston maʼnosi"),
            ("ascii", "O'zbekiston ma'nosi"),
            ("quotes", "O‘zbekiston ma’nosi"),
        ],
    )
    def test_output_styles(self, style: str, expected: str) -> None:
        assert to_latin("Ўзбекистон маъноси", apostrophes=style) == expected

    def test_every_style_reads_back(self) -> None:
        for style in APOSTROPHE_STYLES:
            assert (
                to_cyrillic(to_latin("ўғил маъно Исҳоқ", apostrophes=style)) == "ўғил маъно Исҳоқ"
            )

    def test_only_converted_letters_take_the_style(self) -> None:
        assert to_latin("'Ўзбек' it's", apostrophes="ascii") == "'Oʻzbek' it's".replace("ʻ", "'")
        assert to_latin("“Ўғил” – l'homme", apostrophes="quotes") == "“O‘g‘il” – l'homme"


class TestNormalizeApostrophes:
    def test_letters_and_tutuq(self) -> None:
        assert normalize_apostrophes("o'zbek tilining ma`nosi") == "oʻzbek tilining maʼnosi"

    def test_styles(self) -> None:
        assert normalize_apostrophes("oʻgʻil maʼno", apostrophes="ascii") == "o'g'il ma'no"
        assert normalize_apostrophes("o'g'il ma'no", apostrophes="quotes") == "o‘g‘il ma’no"

    def test_quotation_marks_foreign_words_and_cyrillic_stay(self) -> None:
        text = "'Buxoro' va ‘Samarqand’ — we're Ўзбек’"
        assert normalize_apostrophes(text) == text

    def test_final_letter_mark(self) -> None:
        assert normalize_apostrophes("tog' obro‘") == "togʻ obroʻ"

    @given(st.text())
    def test_only_apostrophes_change(self, text: str) -> None:
        result = normalize_apostrophes(text)
        assert len(result) == len(text)
        for before, after in zip(text, result, strict=True):
            assert before == after or after in "ʻʼ"


class TestDetectScript:
    def test_cyrillic_and_latin(self) -> None:
        assert detect_script("Ўзбекистон") == "cyrillic"
        assert detect_script("Oʻzbekiston") == "latin"

    def test_seed_starts_with_latin_but_is_cyrillic(self) -> None:
        assert SEED_TEXT.startswith(" date")
        assert detect_script(SEED_TEXT[:40]) == "cyrillic"
        assert detect_script(SEED_TEXT) == "cyrillic"

    def test_counts_letters_not_words(self) -> None:
        assert detect_script("Kazinform Kazinform ҚР ҲАМКОРЛИК") == "latin"
        assert detect_script("a b c ўзбекистонлик") == "cyrillic"

    def test_nothing_to_count_or_a_tie(self) -> None:
        assert detect_script("") is None
        assert detect_script("2025 — 🇺🇿 !") is None
        assert detect_script("ab аб") is None
        assert detect_script("Привіт ї") == "cyrillic"


class TestPassThrough:
    @pytest.mark.parametrize(
        "text",
        [
            "\t  \r\n\r\n   \u00a0\u2009",
            "1 234,56 % № 5 — «» “” ‹› … § ©",
            "😀👍🏽 🇺🇿 ❤️",
            "中文 日本語 한국어 العربية עברית Ελληνικά",
            "Привіт, Қазақстан әлемі",
        ],
    )
    def test_to_cyrillic_keeps_non_uzbek_text(self, text: str) -> None:
        assert to_cyrillic(text) == text

    def test_layout_kept_around_converted_words(self) -> None:
        assert to_latin("\tЎзбек\r\n\r\n  тили  \t") == "\tOʻzbek\r\n\r\n  tili  \t"
        assert to_cyrillic("\tOʻzbek\r\n\r\n  tili  \t") == "\tЎзбек\r\n\r\n  тили  \t"

    @pytest.mark.parametrize(
        "url",
        [
            "https://kun.uz/news/2025/10/15/ozbekiston?page=2&x=1#top",
            "http://www.gov.uz",
            "www.daryo.uz/k/2025",
            "ftp://files.uz/a.txt",
            "press@kun.uz",
            "first.last+tag@mail.co.uz",
        ],
    )
    def test_urls_and_email_addresses_pass_through(self, url: str) -> None:
        assert to_cyrillic(f"Manba: {url} sahifasi") == f"Манба: {url} саҳифаси"
        assert to_latin(f"Манба: {url} саҳифаси") == f"Manba: {url} sahifasi"

    def test_other_scripts_inside_cyrillic(self) -> None:
        assert to_latin("Kazinform ҚР 2025") == "Kazinform QR 2025"
        assert to_latin("Қазақстан әлемі") == "Qazaqstan әlemі"  # ә and і are not Uzbek

    def test_decomposed_letters_convert_like_composed_ones(self) -> None:
        assert to_latin("и\u0306ўл") == to_latin("йўл") == "yoʻl"
        assert to_latin("у\u0306збек") == "oʻzbek"
        assert to_latin("Е\u0308қуб") == "Yoqub"

    def test_unrelated_combining_marks_stay(self) -> None:
        assert to_latin("ма\u0301ктаб") == "ma\u0301ktab"


class TestConvertStream:
    def test_same_as_converting_whole(self) -> None:
        lines = SEED_TEXT.splitlines(keepends=True)
        assert "".join(convert_stream(lines)) == to_latin(SEED_TEXT)

    @given(st.text(), st.lists(st.integers(min_value=0, max_value=40)))
    def test_any_cutting_gives_the_same_result(self, text: str, cuts: list[int]) -> None:
        positions = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
        pieces = [text[a:b] for a, b in itertools.pairwise(positions)]
        assert "".join(convert_stream(pieces, to="latin")) == to_latin(text)
        assert "".join(convert_stream(pieces, to="cyrillic")) == to_cyrillic(text)

    def test_a_file_object_works(self) -> None:
        assert (
            "".join(convert_stream(io.StringIO("Oʻzbek\ntili\n"), to="cyrillic")) == "Ўзбек\nтили\n"
        )

    def test_lazy_a_line_at_a_time(self) -> None:
        consumed: list[str] = []

        def lines() -> Iterator[str]:
            for line in ["Ўзбек\n", "тили\n", "ва\n"]:
                consumed.append(line)
                yield line

        stream = convert_stream(lines())
        assert next(stream) == "Oʻzbek\n"
        assert consumed == ["Ўзбек\n"]
        assert next(stream) == "tili\n"
        assert consumed == ["Ўзбек\n", "тили\n"]

    def test_words_split_across_pieces(self) -> None:
        assert "".join(convert_stream(["Ўзбе", "кистон ер", "да"])) == "Oʻzbekiston yerda"

    def test_options(self) -> None:
        assert "".join(convert_stream(["Ўзбек"], apostrophes="ascii")) == "O'zbek"


def _pieces(text: str, size: int = 1 << 16) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _whole_latin(text: str) -> str:
    """to_latin of *text* in one piece, without the blocks of long texts."""
    return _converter.fixed("cyrillic", "latin", "modifier", None, ()).convert(text)


def _whole_cyrillic(text: str) -> str:
    """to_cyrillic of *text* in one piece, without the blocks of long texts."""
    return _converter.fixed("latin", "cyrillic", "modifier", None, ()).convert(text)


class TestLongTexts:
    """Long texts are converted in blocks (_converter.in_blocks) with the same result."""

    def test_blocks_of_a_long_text(self) -> None:
        text = SEED_TEXT * 300
        assert len(text) > 2 * _converter.BLOCK
        latin = to_latin(text)
        assert latin == _whole_latin(text)
        assert to_cyrillic(latin) == _whole_cyrillic(latin)

    def test_a_tag_with_spaces_is_not_cut(self) -> None:
        line = '<a href="x" title="olma va nok">olma</a> ' * 20_000
        assert len(line) > 2 * _converter.BLOCK
        assert to_cyrillic(line) == _whole_cyrillic(line)
        assert to_cyrillic(line).count('title="olma va nok"') == 20_000


class TestLongLines:
    """Text without whitespace is cut in bounded pieces with the same result (_stream)."""

    def test_punctuated_cyrillic_line(self) -> None:
        text = "Ўзбекистон,шаҳар;цирк(лицей)объект-ер.2025" * 40_000
        assert len(text) > CUT_LIMIT
        assert "".join(convert_stream(_pieces(text))) == _whole_latin(text) == to_latin(text)

    def test_punctuated_latin_line(self) -> None:
        text = "o'zbek,tili;https://kun.uz/x,%s;<b>ma'no</b>(I.Karimov)2025-yil" * 25_000
        assert len(text) > CUT_LIMIT
        expected = _whole_cyrillic(text)
        assert "".join(convert_stream(_pieces(text), to="cyrillic")) == expected
        assert to_cyrillic(text) == expected
        assert "https://kun.uz/x" in expected

    def test_one_cyrillic_run_longer_than_the_bound(self) -> None:
        text = "ОбъектЦирклицейсъездпьесаМЕЦЕНАТ" * 33_000
        assert len(text) > CUT_LIMIT
        pieces = list(convert_stream(_pieces(text)))
        assert len(pieces) > 1  # it was cut inside the run
        assert "".join(pieces) == _whole_latin(text) == to_latin(text)

    def test_one_cyrillic_run_with_soft_hyphens_longer_than_the_bound(self) -> None:
        letters = "".join(SEED_CYRILLIC_WORDS).lower()
        run = (letters * (1_300_000 // len(letters) + 1))[:1_300_000]
        text = "\u00ad".join(run[i : i + 2000] for i in range(0, len(run), 2000))
        pieces = list(convert_stream(_pieces(text)))
        whole = to_latin(text)
        assert len(pieces) > 1  # it was cut inside the run
        assert "".join(pieces).replace("\u00ad", "") == whole.replace("\u00ad", "")
        assert "".join(pieces) == whole

    def test_one_latin_run_longer_than_the_bound_is_kept(self) -> None:
        text = "salom" * (CUT_LIMIT // 5 + 10)
        assert to_cyrillic(text) == text
        assert to_cyrillic("salom") == "салом"
        assert _whole_cyrillic(text) == text
        streamed = list(convert_stream(_pieces(text + " salom"), to="cyrillic"))
        assert "".join(streamed) == text + " салом"
        assert max(map(len, streamed)) <= CUT_LIMIT + (1 << 16)

    def test_non_str_piece(self) -> None:
        with pytest.raises(TypeError):
            list(convert_stream([b"x"]))  # type: ignore[list-item]


class TestLexiconFile:
    def test_shipped_lexicon_loads_with_both_directions(self) -> None:
        lexicon = default_lexicon()
        assert lexicon.to_latin["сентябрь"] == "sentabr"
        assert lexicon.to_cyrillic["sentabr"] == "сентябрь"
        assert lexicon.to_cyrillic["aprel"] == "апрель"
        assert "апрель" not in lexicon.to_latin  # to-cyrillic only: the rules do it

    def test_direction_column(self) -> None:
        lexicon = parse_lexicon(["# comment", "", "йод\tyod\tto-latin", "мэр\tmer"])
        assert dict(lexicon.to_latin) == {"йод": "yod", "мэр": "mer"}
        assert dict(lexicon.to_cyrillic) == {"mer": "мэр"}

    def test_bad_rows_name_the_line(self) -> None:
        with pytest.raises(LexiconError, match=r"^words.tsv:2: expected"):
            parse_lexicon(["мэр\tmer", "only-one-field"], "words.tsv")
        with pytest.raises(
            LexiconError, match="direction must be one of both, to-latin, to-cyrillic"
        ):
            parse_lexicon(["мэр\tmer\tsideways"], "words.tsv")

    def test_generated_lexicon_ships_with_its_licence(self) -> None:
        folder = Path(uztranslit.__file__).parent
        header = (folder / "lexicon_ru.tsv").read_text(encoding="utf-8")[:1000]
        assert "Alexander I. Lebedev" in header
        assert "modified" in header
        licence = (folder / "LICENSE.ru_RU.txt").read_text(encoding="utf-8")
        assert "Redistribution and use in source and binary forms" in licence
        assert len(default_lexicon().to_cyrillic) > 8_000  # 8,579 after the hygiene filters

    def test_shipped_latin_stems_use_canonical_marks(self) -> None:
        for latin in default_lexicon().to_cyrillic:
            assert not set(latin) & {"'", "‘", "’", "`"}, latin


class TestTypesFoundByTheRedTeam:
    """Each raised the wrong error, or none, before (api.md: a wrong type is a TypeError)."""

    def test_a_style_or_format_of_the_wrong_type(self) -> None:
        from uztranslit.formats import convert_bytes  # noqa: PLC0415
        from uztranslit.review import format_report  # noqa: PLC0415

        with pytest.raises(TypeError, match="style must be a str, one of table, jsonl"):
            format_report([], style=None)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="format must be a str, one of text, docx"):
            convert_bytes(b"x", to="latin", format=5)  # type: ignore[arg-type]

    @pytest.mark.parametrize("lines", [[1], [b"a\tb"], ["мэр\tmer", None]])
    def test_lexicon_lines_that_are_not_str(self, lines: list[object]) -> None:
        with pytest.raises(TypeError, match="a line must be a str"):
            parse_lexicon(lines)  # type: ignore[arg-type]

    def test_a_lexicon_given_as_one_str_names_splitlines(self) -> None:
        # it was read a character at a time: "line 1: there is no tab"
        with pytest.raises(TypeError, match=r"not one str: give text\.splitlines\(\)"):
            parse_lexicon("мэр\tmer")

    def test_normalize_apostrophes_returns_a_str(self) -> None:
        class Text(str):
            pass

        for text in (Text("salom"), Text("o'zbek")):
            assert type(normalize_apostrophes(text)) is str
