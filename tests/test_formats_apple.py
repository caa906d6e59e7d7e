"""Apple .strings and .stringsdict: values converted, keys, comments and types kept."""

from __future__ import annotations

import difflib
import plistlib
from pathlib import Path

import pytest

from uztranslit import to_latin
from uztranslit.formats import FormatError, apple, convert_bytes, detect_format

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"
STRINGS = (FIXTURES / "Localizable.strings").read_bytes()
STRINGSDICT = (FIXTURES / "Localizable.stringsdict").read_bytes()


def changed(before: bytes, after: bytes, encoding: str = "utf-8") -> list[str]:
    lines = difflib.ndiff(before.decode(encoding).splitlines(), after.decode(encoding).splitlines())
    return [line[2:].strip() for line in lines if line.startswith("+ ")]


def test_apple_catalogues_are_chosen_by_ending_only() -> None:
    assert detect_format("uz-Cyrl.lproj/Localizable.strings", STRINGS) == "apple"
    assert detect_format("Localizable.stringsdict", STRINGSDICT) == "apple"
    assert detect_format("Info.plist", STRINGSDICT) == "text"


def test_strings_values_are_converted_keys_and_comments_kept() -> None:
    latin = convert_bytes(STRINGS, to="latin", filename="Localizable.strings")
    assert changed(STRINGS, latin) == [
        '"library.title" = "Kutubxona";',
        '"book.opened" = "«%@» kitobi ochildi";',
        '"search.empty" = "Hech narsa topilmadi.\\nBoshqa soʻzni kiriting";',
        '"book.count" = "%1$lld ta kitob, %2$@ muallif";',
        '"quote" = "\\"Oʻtkan kunlar\\" romani";',
        '"ok" = "Mayli";',
    ]
    assert "/* %@ is the name of the book */" in latin.decode()


def test_utf16_strings_files_stay_utf16() -> None:
    data = b"\xff\xfe" + '"a" = "Ўзбекистон";\n'.encode("utf-16-le")
    latin = convert_bytes(data, to="latin", filename="InfoPlist.strings", apostrophes="ascii")
    assert latin == b"\xff\xfe" + '"a" = "O\'zbekiston";\n'.encode("utf-16-le")


def test_utf32_strings_files_stay_utf32() -> None:
    # read by plain text's byte order marks; UTF-32's begins with UTF-16's, and was
    # taken for it ("unexpected '\\x00'")
    data = b"\xff\xfe\x00\x00" + '"a" = "Ўзбекистон";\n'.encode("utf-32-le")
    latin = convert_bytes(data, to="latin", filename="InfoPlist.strings", apostrophes="ascii")
    assert latin == b"\xff\xfe\x00\x00" + '"a" = "O\'zbekiston";\n'.encode("utf-32-le")


def test_escaped_surrogate_pairs_stay_escaped() -> None:
    data = b'"a" = "\\UD83D\\UDE00 \\U0421\xd0\xb0\xd0\xbb\xd0\xbe\xd0\xbc";'
    latin = convert_bytes(data, to="latin", format="apple")
    assert latin == b'"a" = "\\UD83D\\UDE00 Salom";'


def test_stringsdict_converts_user_text_only() -> None:
    latin = convert_bytes(STRINGSDICT, to="latin", filename="Localizable.stringsdict")
    assert changed(STRINGSDICT, latin) == [
        "<string>%2$@ javonida %#@books@</string>",
        "<string>kitob yoʻq</string>",
        "<string>%d ta kitob</string>",
        "<string>%d ta kitob</string>",
    ]
    plist = plistlib.loads(latin)
    books = plist["%d books in %@"]["books"]
    assert books["NSStringFormatSpecTypeKey"] == "NSStringPluralRuleType"
    assert books["NSStringFormatValueTypeKey"] == "d"
    assert books["other"] == to_latin("%d та китоб")


@pytest.mark.parametrize("apostrophes", ["modifier", "ascii"])
@pytest.mark.parametrize("data", [STRINGS, STRINGSDICT], ids=["strings", "stringsdict"])
def test_cyrillic_to_latin_to_cyrillic_gives_the_file_back(data: bytes, apostrophes: str) -> None:
    latin = convert_bytes(data, to="latin", format="apple", apostrophes=apostrophes)
    assert convert_bytes(latin, to="cyrillic", format="apple") == data


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('"a" = "b";\n"c" = "d"\n"e" = "f";', 3, "expected ';'"),
        ('"a" = "b";\n\n"c" = "d;\n', 3, "unclosed string"),
        ('"a" "b";', 1, "expected '='"),
        ('"a" = ;', 1, "expected a value"),
        ('/* unclosed\n"a" = "b";', 1, "unclosed comment"),
        ('"a" = "b"', 1, "ends before ';'"),
    ],
)
def test_malformed_strings_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FormatError, match=rf"line {line}: .*{message}"):
        convert_bytes(text.encode(), to="latin", format="apple")


def test_a_plist_with_declared_entities_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaa">]>'
        b"<plist><dict><key>k</key><string>&a;</string></dict></plist>"
    )
    with pytest.raises(FormatError, match="entities"):
        convert_bytes(bomb, to="latin", format="apple")


def test_entries_for_check() -> None:
    assert next(apple.entries(STRINGS)) == (2, "Кутубхона")
    assert (8, "  жавонида  ") in list(apple.entries(STRINGSDICT))
