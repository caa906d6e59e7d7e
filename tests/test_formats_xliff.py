"""XLIFF 1.2 and 2.0: targets converted around inline elements, language switched."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from lxml import etree

from uztranslit.formats import FormatError, convert_bytes, detect_format, xliff

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"
XLIFF12 = (FIXTURES / "messages.uz.xlf").read_bytes()
XLIFF20 = (FIXTURES / "messages.uz.xlf2").read_bytes()


def removed_and_added(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.decode().splitlines(), after.decode().splitlines()))
    return (
        [line[2:].strip() for line in diff if line.startswith("- ")],
        [line[2:].strip() for line in diff if line.startswith("+ ")],
    )


def test_xliff_is_found_by_ending_and_by_content() -> None:
    assert detect_format("messages.uz.xlf", XLIFF12[:4096]) == "xliff"
    assert detect_format("anything.xml", XLIFF20[:4096]) == "xliff"
    assert detect_format("src/locale/messages.xliff", b"") == "xliff"
    # a catalogue that only mentions xliff is not XLIFF
    assert detect_format("uz.po", b'msgid "<xliff:g id="a">%s</xliff:g>"\n') == "po"


def test_xliff12_targets_and_target_language_change_and_nothing_else() -> None:
    cyrillic = convert_bytes(XLIFF12, to="cyrillic", format="xliff")
    removed, added = removed_and_added(XLIFF12, cyrillic)
    assert all(line.startswith("<target") for line in removed[1:])
    assert added == [
        '<file source-language="en" target-language="uz-Cyrl" datatype="plaintext"'
        ' original="ng2.template">',
        '<target state="translated">Кутубхона</target>',
        '<target state="translated">Каталогда <x id="INTERPOLATION" equiv-text="{{ count }}"/>'
        ' та <g id="1" ctype="x-b">китоб топилди</g></target>',
        "<target>Ўзбекистон &amp; Қозоғистон</target>",
        '<target>Давом этиш учун <ph id="1">&lt;kbd&gt;Enter&lt;/kbd&gt;</ph>'
        " тугмасини босинг</target>",
        '<target>Ў<g id="2">қитувчи</g>лар</target>',
    ]
    assert "<target>Kutubxona</target>" in cyrillic.decode()  # translate="no"
    assert xliff.declared_script(cyrillic) == "cyrillic"
    etree.fromstring(cyrillic)


def test_xliff20_from_source_makes_the_missing_targets() -> None:
    latin = convert_bytes(XLIFF20, to="latin", format="xliff", from_source=True)
    removed, added = removed_and_added(XLIFF20, latin)
    assert added == [
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="uz-Cyrl"'
        ' trgLang="uz-Latn">',
        '<target>Salom, <ph id="0" equiv="INTERPOLATION" disp="{{ name }}"/>!</target>',
        '<target><pc id="1" dataRefStart="d1" dataRefEnd="d2">Diqqat</pc>: yangi kitoblar</target>',
        "<target>Oʻzbekiston</target>",
    ]
    assert len(removed) == 3
    assert "        <source>Ўзбекистон</source>\n        <target>Oʻzbekiston</target>\n" in (
        latin.decode()
    )
    without = convert_bytes(XLIFF20, to="latin", format="xliff")
    assert "<target/>" in without.decode()
    assert "<target>Oʻzbekiston</target>" not in without.decode()


@pytest.mark.parametrize("apostrophes", ["modifier", "ascii"])
def test_cyrillic_to_latin_to_cyrillic_gives_the_file_back(apostrophes: str) -> None:
    cyrillic = convert_bytes(XLIFF12, to="cyrillic", format="xliff")
    latin = convert_bytes(cyrillic, to="latin", format="xliff", apostrophes=apostrophes)
    assert convert_bytes(latin, to="cyrillic", format="xliff") == cyrillic
    assert 'target-language="uz-Latn"' in latin.decode()


def test_entries_for_check() -> None:
    found = list(xliff.entries(XLIFF12))
    assert found[0] == (7, "Kutubxona")
    assert (15, "Katalogda   ta  kitob topildi ") in found
    assert all(text != "Kutubxona" or line == 7 for line, text in found)  # translate="no"


def test_malformed_xliff_names_the_line_and_entities_are_refused() -> None:
    with pytest.raises(FormatError, match="line 3: not well-formed"):
        convert_bytes(b'<xliff version="1.2">\n<file>\n</xliff>', to="latin", format="xliff")
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2"><file/></xliff>'
    with pytest.raises(FormatError, match="entities"):
        convert_bytes(bomb, to="latin", format="xliff")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<xliff version="1.2"/>', "ISO-8859-1"),
        (b'<?xml version="1.0" encoding="UTF-3"?>\n<xliff version="1.2"/>', "UTF-3"),
        (b'<xliff version="1.2">\n<file>\xe9</file></xliff>', "line 2: cannot decode"),
    ],
)
def test_only_utf8_xml_is_read(data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        convert_bytes(data, to="latin", format="xliff")


def test_inline_content_marked_not_to_translate_is_kept() -> None:
    data = (
        '<xliff version="2.0" trgLang="uz-Cyrl"><file id="f"><unit id="u"><segment>'
        '<source>x</source><target>Салом <mrk id="m" translate="no">Салом <mrk id="n">'
        "ичида</mrk></mrk> дунё</target></segment></unit></file></xliff>"
    ).encode()
    latin = convert_bytes(data, to="latin", format="xliff").decode()
    assert (
        '<target>Salom <mrk id="m" translate="no">Салом <mrk id="n">ичида</mrk></mrk>'
        " dunyo</target>"
    ) in latin
    protected = b'<xliff version="1.2"><file target-language="uz"><body><trans-unit id="a">'
    protected += b'<source>a</source><target>Kitob <mrk mtype="protected">Kitob</mrk>'
    protected += b"</target></trans-unit></body></file></xliff>"
    cyrillic = convert_bytes(protected, to="cyrillic", format="xliff").decode()
    assert '<target>Китоб <mrk mtype="protected">Kitob</mrk></target>' in cyrillic
    assert 'target-language="uz-Cyrl"' in cyrillic


def test_xliff12_from_source_adds_a_target_after_the_source() -> None:
    data = (
        '<xliff version="1.2">\n <file source-language="uz-Latn" target-language="uz-Latn">\n'
        '  <body>\n   <trans-unit id="a">\n    <source>Kitob <g id="1">oʻqish</g></source>\n'
        "   </trans-unit>\n  </body>\n </file>\n</xliff>\n"
    ).encode()
    cyrillic = convert_bytes(data, to="cyrillic", format="xliff", from_source=True).decode()
    assert cyrillic == (
        '<xliff version="1.2">\n <file source-language="uz-Latn" target-language="uz-Cyrl">\n'
        '  <body>\n   <trans-unit id="a">\n    <source>Kitob <g id="1">oʻqish</g></source>\n'
        '    <target>Китоб <g id="1">ўқиш</g></target>\n'
        "   </trans-unit>\n  </body>\n </file>\n</xliff>\n"
    )
