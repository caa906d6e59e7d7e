"""Android strings.xml: strings converted in place, escapes and markup kept."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from lxml import etree

from uztranslit.formats import FormatError, android, convert_bytes, detect_format

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"
LATIN = (FIXTURES / "strings.xml").read_bytes()
CYRILLIC = convert_bytes(LATIN, to="cyrillic", format="android")


def string(data: bytes, name: str) -> str:
    """The inner XML of the <string> named *name*."""
    line = next(line for line in data.decode().splitlines() if f'name="{name}"' in line)
    return line.split(">", 1)[1].rsplit("</string>", 1)[0]


def test_resources_are_found_by_content_not_by_xml_ending() -> None:
    assert detect_format("res/values-uz/strings.xml", LATIN[:4096]) == "android"
    assert detect_format("res/values/strings.xml", b"<resources>\n</resources>") == "android"
    assert detect_format("pom.xml", b"<?xml version='1.0'?><project/>") == "text"


def test_strings_arrays_and_plurals_are_converted() -> None:
    assert string(CYRILLIC, "title_home") == "Бош саҳифа"
    assert "<item>Бадиий адабиёт</item>" in CYRILLIC.decode()
    assert "<item>Ғазаллар</item>" in CYRILLIC.decode()
    assert '<item quantity="other">%d та китоб</item>' in CYRILLIC.decode()


def test_an_escaped_apostrophe_is_the_latin_letter_mark() -> None:
    assert string(CYRILLIC, "country") == "Ўзбекистон Республикаси"
    ascii_latin = convert_bytes(CYRILLIC, to="latin", format="android", apostrophes="ascii")
    assert string(ascii_latin, "country") == "O\\'zbekiston Respublikasi"
    assert "<item>G\\'azallar</item>" in ascii_latin.decode()
    # inside double quotes Android reads an apostrophe as it is
    assert string(ascii_latin, "quoted") == "\"O'qish uchun 'Ha' tugmasini bosing\""


def test_what_is_not_text_is_kept() -> None:
    text = CYRILLIC.decode()
    assert '<string name="app_name" translatable="false">Kutubxona</string>' in text
    assert "<item>uz</item>" in text
    assert '<string name="alias">@string/title_home</string>' in text
    assert "<item>@string/title_home</item>" in text
    assert string(CYRILLIC, "welcome") == (
        'Хуш келибсиз, <xliff:g id="user" example="Aziz">%1$s</xliff:g>!'
    )
    assert string(CYRILLIC, "books_found") == "<b>%1$d</b> та китоб топилди\\nҚидирув тугади"
    assert string(CYRILLIC, "html") == (
        '<![CDATA[<a href="https://kutubxona.uz/yordam">Ёрдам</a> саҳифаси]]>'
    )
    assert string(CYRILLIC, "escaped_html") == "&lt;b>Диққат&lt;/b> - янги китоблар"
    assert string(CYRILLIC, "copyright") == "© 2024 Кутубхона &amp; ҳамкорлар"
    assert '<dimen name="margin">16dp</dimen>' in text


def test_only_string_lines_change_and_the_file_stays_valid_xml() -> None:
    diff = difflib.ndiff(LATIN.decode().splitlines(), CYRILLIC.decode().splitlines())
    removed = [line[2:].strip() for line in diff if line.startswith("- ")]
    assert len(removed) == 12  # 8 strings, 2 array items, 2 plural items
    assert all(line.startswith(("<string ", "<item")) for line in removed)
    etree.fromstring(CYRILLIC)


@pytest.mark.parametrize("apostrophes", ["modifier", "ascii", "quotes"])
def test_cyrillic_to_latin_to_cyrillic_gives_the_file_back(apostrophes: str) -> None:
    latin = convert_bytes(CYRILLIC, to="latin", format="android", apostrophes=apostrophes)
    assert convert_bytes(latin, to="cyrillic", format="android") == CYRILLIC


def test_entries_for_check() -> None:
    found = list(android.entries(LATIN))
    assert found[0] == (6, "Bosh sahifa")
    assert (8, "Xush kelibsiz,  !") in found  # the kept xliff:g read as a space
    assert all("Kutubxona</" not in text for _, text in found)


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"<resources>\n<string name='a'>x</strin>\n</resources>", 2, "not well-formed"),
        (b"<resources>\n<string name='a'>x &nbsp; y</string>\n</resources>", 2, "undefined entity"),
        (b"<resources>\n<string>x</string>\n", 3, "not well-formed"),
    ],
)
def test_malformed_resources_name_the_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(FormatError, match=rf"line {line}: .*{message}"):
        convert_bytes(data, to="cyrillic", format="android")


def test_entities_are_never_declared_or_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
        b"<resources><string name='x'>&b;</string></resources>"
    )
    external = (
        b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<resources><string name='x'>&x;</string></resources>"
    )
    for bomb in (laughs, external):
        with pytest.raises(FormatError, match="entities"):
            convert_bytes(bomb, to="cyrillic", format="android")
