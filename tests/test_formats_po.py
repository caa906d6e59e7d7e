"""gettext catalogues: translations converted, everything else byte for byte."""

from __future__ import annotations

import difflib
import warnings
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from uztranslit import to_cyrillic, to_latin
from uztranslit.formats import FormatError, FormatWarning, convert_bytes, detect_format
from uztranslit.formats import po as po_format

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"
CYRILLIC_PO = (FIXTURES / "uz_cyrillic.po").read_bytes()

TEMPLATE = """\
msgid ""
msgstr ""
"Project-Id-Version: kutubxona 1.0\\n"
"Language: \\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#: app/views.py:10
#, python-format
msgid "Kitob %(title)s topilmadi"
msgstr ""

#: app/views.py:22
msgid "%d ta kitob"
msgid_plural "%d ta kitoblar"
msgstr[0] ""
msgstr[1] ""

#: app/views.py:30
msgid ""
"Oʻquvchilar uchun "
"qoʻllanma"
msgstr ""
""".encode()


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The lines of *before* that differ in *after* (as a diff's - lines)."""
    diff = difflib.ndiff(before.decode().splitlines(), after.decode().splitlines())
    return [line[2:] for line in diff if line.startswith("- ")]


def test_po_files_are_chosen_by_their_ending() -> None:
    assert detect_format("locale/uz/LC_MESSAGES/files.po", b"msgid") == "po"
    assert detect_format("files.pot", b"") == "po"


def test_only_translations_and_the_language_change() -> None:
    latin = convert_bytes(CYRILLIC_PO, to="latin", filename="uz.po")
    changed = changed_lines(CYRILLIC_PO, latin)
    assert all(line.startswith(("msgstr", '"')) for line in changed)
    assert '"Language: uz@cyrillic\\n"' in changed
    assert '"Last-Translator: Азиз Каримов <aziz@example.uz>\\n"' not in changed
    assert "#~ msgstr" not in latin.decode().replace('#~ msgstr "Эски сатр"', "")
    assert '"Language: uz\\n"' in latin.decode()


def test_polib_reads_the_output_with_each_translation_converted() -> None:
    latin = convert_bytes(CYRILLIC_PO, to="latin", filename="uz.po")
    before, after = polib.pofile(CYRILLIC_PO.decode()), polib.pofile(latin.decode())
    current = [(old, new) for old, new in zip(before, after, strict=True) if not old.obsolete]
    assert len(current) == 9
    for old, new in current:
        assert (new.msgctxt, new.msgid, new.msgid_plural) == (
            old.msgctxt,
            old.msgid,
            old.msgid_plural,
        )
        assert new.flags == old.flags
        assert new.occurrences == old.occurrences
        assert new.msgstr == to_latin(old.msgstr)
        assert new.msgstr_plural == {k: to_latin(v) for k, v in old.msgstr_plural.items()}
    assert after.metadata["Plural-Forms"] == before.metadata["Plural-Forms"]
    assert after.metadata["Language"] == "uz"
    assert [e.msgstr for e in after.obsolete_entries()] == ["Эски сатр"]


def test_placeholders_and_escapes_are_kept() -> None:
    latin = convert_bytes(CYRILLIC_PO, to="latin", filename="uz.po").decode()
    assert 'msgstr "%s faylini ochish"' in latin
    assert 'msgstr "%(name)s oʻchirilsinmi?"' in latin
    assert 'msgstr "{user} bilan ulashilgan"' in latin
    assert '"Bu erkin dasturiy taʼminot. \\"Oʻzbekiston\\" "' in latin
    assert 'msgstr[1] "%d ta fayl tanlandi"' in latin


def test_cyrillic_to_latin_to_cyrillic_gives_the_catalogue_back() -> None:
    latin = convert_bytes(CYRILLIC_PO, to="latin", filename="uz.po")
    assert convert_bytes(latin, to="cyrillic", filename="uz.po") == CYRILLIC_PO
    ascii_latin = convert_bytes(CYRILLIC_PO, to="latin", filename="uz.po", apostrophes="ascii")
    assert 'msgstr "O\'qituvchi"' in ascii_latin.decode()
    assert convert_bytes(ascii_latin, to="cyrillic", filename="uz.po") == CYRILLIC_PO


def test_a_word_wrapped_over_two_lines_is_converted_whole() -> None:
    data = 'msgid "City"\nmsgstr ""\n"Тош"\n"кент шаҳри"\n'.encode()
    assert convert_bytes(data, to="latin", format="po").decode() == (
        'msgid "City"\nmsgstr ""\n"Toshkent"\n" shahri"\n'
    )


def test_crlf_line_ends_and_a_byte_order_mark_are_kept() -> None:
    data = '\ufeffmsgid "Yes"\r\nmsgstr "Ҳа"\r\n'.encode()
    assert (
        convert_bytes(data, to="latin", format="po")
        == '\ufeffmsgid "Yes"\r\nmsgstr "Ha"\r\n'.encode()
    )


def test_a_template_is_left_unchanged_with_a_warning() -> None:
    with pytest.warns(FormatWarning, match="no translations"):
        assert convert_bytes(TEMPLATE, to="cyrillic", filename="k.pot") == TEMPLATE


def test_from_source_builds_the_other_script_catalogue_from_msgid() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        built = convert_bytes(TEMPLATE, to="cyrillic", filename="k.pot", from_source=True)
    catalogue = polib.pofile(built.decode())
    assert catalogue.metadata["Language"] == "uz@cyrillic"
    by_id = {entry.msgid: entry for entry in catalogue}
    assert by_id["Kitob %(title)s topilmadi"].msgstr == "Китоб %(title)s топилмади"
    assert by_id["%d ta kitob"].msgstr_plural == {0: "%d та китоб", 1: "%d та китоблар"}
    assert by_id["Oʻquvchilar uchun qoʻllanma"].msgstr == to_cyrillic("Oʻquvchilar uchun qoʻllanma")
    assert 'msgstr ""\n"Ўқувчилар учун "\n"қўлланма"\n' in built.decode()


def test_from_source_is_refused_for_plain_text() -> None:
    with pytest.raises(ValueError, match="from_source is for the formats po"):
        convert_bytes(b"x", to="latin", from_source=True)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('msgid "a"\nmsgstr "b\n', 2, "not closed with a quote"),
        ('msgid "a"\nmsgstr "b" x\n', 2, "after the closing quote"),
        ('msgid "a"\nmsgstr\n', 2, "expected a quoted string"),
        ('msgid "a"\nmsgstr "b"\n\n"c"\n', 4, "without a keyword"),
        ('msgid "a"\nmsgsrt "b"\n', 2, "expected msgid, msgstr"),
        ('msgid "a"\nmsgstr "\\q"\n', 2, "unknown escape"),
        ('msgid "a"\nmsgstr "\\xFFFFFFFFFF"\n', 2, "out of range"),
        ('#: x.c:1\nmsgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 2, "both msgid and msgstr"),
    ],
)
def test_broken_catalogues_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(FormatError, match=rf"line {line}: .*{message}"):
        convert_bytes(text.encode(), to="latin", format="po")


def test_the_declared_script_and_the_entries_for_check() -> None:
    assert po_format.declared_script(CYRILLIC_PO) == "cyrillic"
    assert po_format.declared_script(TEMPLATE) is None
    found = list(po_format.entries(CYRILLIC_PO))
    assert found[0] == (23, "Файллар")
    assert (44, "%d та файл танланди") in found
    assert all(entry.text for entry in found)


@given(st.text())
def test_po_strings_encode_and_decode_back(text: str) -> None:
    encoded = po_format.encode_string(text)
    assert po_format.decode_string(encoded, 1) == text
    assert "\n" not in encoded
    assert all(encoded[i - 1] == "\\" for i, char in enumerate(encoded) if char == '"')


def test_from_source_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="from_source must be a bool"):
        convert_bytes(TEMPLATE, to="latin", format="po", from_source="yes")  # type: ignore[arg-type]


def test_a_glibc_locale_with_its_character_set_switches_script() -> None:
    # Language: uz_UZ.UTF-8 was left as it was, declaring Latin over Cyrillic text
    latin = TEMPLATE.replace(b'"Language: \\n"', b'"Language: uz_UZ.UTF-8\\n"')
    filled = latin.replace(
        b'msgstr ""\n\n#: app/views.py:22', b'msgstr "Kitob topilmadi"\n\n#: app/views.py:22'
    )
    cyrillic = convert_bytes(filled, to="cyrillic", filename="uz.po").decode()
    assert '"Language: uz_UZ.UTF-8@cyrillic\\n"' in cyrillic
    assert 'msgstr "Китоб топилмади"' in cyrillic
    back = convert_bytes(cyrillic.encode(), to="latin", filename="uz.po").decode()
    assert '"Language: uz_UZ.UTF-8\\n"' in back
