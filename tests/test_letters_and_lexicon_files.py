"""Letters whose lower case is longer (U+0130 İ) and lexicon files that are not clean.

Every place that looks a word up in lower case and then indexes the word must see one
character for one: str.lower() turns İ into i + U+0307 (issue 10).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from uztranslit import LexiconError, load_lexicon, parse_lexicon, to_cyrillic, to_latin
from uztranslit._alphabet import lower_in_place


class TestDottedCapitalI:
    def test_lower_in_place_keeps_the_length(self) -> None:
        assert lower_in_place("İSTANBUL") == "İstanbul"
        assert lower_in_place("SHAHAR") == "shahar"
        assert len("İ".lower()) == 2  # the reason for lower_in_place

    @pytest.mark.parametrize("text", ["İstanbulda", "İstanbul", "İSTANBULDA", "İstanbul'da"])
    def test_keep_with_dotted_capital_i(self, text: str) -> None:
        out = to_cyrillic(text, keep=["İstanbul"])
        assert out.startswith("İ")
        assert out.replace("İ", "").isalpha() or "'" in out

    def test_kept_word_keeps_its_endings_converted(self) -> None:
        assert to_cyrillic("İstanbulda shahar", keep=["İstanbul"]) == "İstanbulда шаҳар"

    def test_lexicon_row_with_dotted_capital_i(self) -> None:
        lexicon = parse_lexicon(["Истанбул\tİstanbul"])
        assert to_cyrillic("İstanbulda", lexicon=lexicon) == "Истанбулда"
        assert to_cyrillic("İSTANBULDA", lexicon=lexicon) == "ИСТАНБУЛДА"
        assert to_latin("Истанбулда", lexicon=lexicon) == "İstanbulda"

    def test_cli_keep_with_dotted_capital_i(self) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "uztranslit", "-t", "cyrillic", "--keep", "İstanbul"],
            input="İstanbulda yashaydi\n".encode(),
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.decode() == "İstanbulда яшайди\n"


class TestLexiconFiles:
    def test_not_utf8_names_the_line(self, tmp_path: Path) -> None:
        path = tmp_path / "lexicon.tsv"
        path.write_bytes("пепси\tpepsi\n".encode() + "кола\tkola\n".encode("cp1251"))
        with pytest.raises(LexiconError, match=r"lexicon\.tsv:2: not UTF-8") as error:
            load_lexicon(path)
        assert error.value.line == 2

    @pytest.mark.parametrize("row", ["пепси\t ", " \tpepsi", "\t\tboth", "пепси\t\u3000"])
    def test_a_blank_field_is_an_error(self, row: str) -> None:
        with pytest.raises(LexiconError, match=r"<lexicon>:2: .*blank"):
            parse_lexicon(["кола\tkola", row])

    def test_a_blank_field_no_longer_deletes_words(self, tmp_path: Path) -> None:
        path = tmp_path / "lexicon.tsv"
        path.write_text("пепси\t \n", encoding="utf-8")
        with pytest.raises(LexiconError):
            load_lexicon(path)

    def test_a_byte_order_mark_is_dropped(self, tmp_path: Path) -> None:
        path = tmp_path / "lexicon.tsv"
        path.write_text("\ufeffпепси\tpepsi\n", encoding="utf-8")
        lexicon = load_lexicon(path)
        assert dict(lexicon.to_cyrillic) == {"pepsi": "пепси"}
        assert to_cyrillic("pepsilar", lexicon=lexicon) == "пепсилар"

    def test_a_byte_order_mark_in_parsed_lines(self) -> None:
        assert dict(parse_lexicon(["\ufeffпепси\tpepsi"]).to_latin) == {"пепси": "pepsi"}

    def test_cli_reports_a_bad_lexicon_without_a_traceback(self, tmp_path: Path) -> None:
        path = tmp_path / "lexicon.tsv"
        path.write_bytes(b"\xff\xfe\x00\x00")
        done = subprocess.run(
            [sys.executable, "-m", "uztranslit", "-t", "latin", "--lexicon", str(path)],
            input=b"x\n",
            capture_output=True,
            check=False,
        )
        assert b"Traceback" not in done.stderr
        assert b"lexicon.tsv:1: not UTF-8" in done.stderr
        assert done.returncode != 0


@pytest.mark.parametrize("to", ["latin", "cyrillic", "new-latin"])
@pytest.mark.parametrize("source", ["latin", "cyrillic", "new-latin"])
def test_dotted_capital_i_everywhere(source: str, to: str) -> None:
    """Every entry point, with a lexicon and keep= that hold İ, on words that hold it."""
    lexicon = parse_lexicon(["Истанбул\tİstanbul", "İzmir\tİzmir"])
    text = "İstanbulda İSTANBUL'da İzmirlik İı İ Истанбулда ŞİŞLİ"
    if source == to:
        return
    from uztranslit import convert_stream, normalize_apostrophes, transliterate  # noqa: PLC0415

    keep = ["İstanbul", "İİ"]
    out = transliterate(text, to=to, source=source, lexicon=lexicon, keep=keep)
    # 2026 Latin reads İ as I, a keyboard look-alike (docs/new-latin.md)
    assert ("İ" in out) is (source != "new-latin")
    assert "".join(convert_stream(text, to=to, source=source, lexicon=lexicon, keep=keep)) == out
    assert "İ" in normalize_apostrophes(text)
