"""check_bytes: entries in the wrong script for the file's declared language."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uztranslit.formats import (
    Entry,
    FormatError,
    FormatWarning,
    check_bytes,
    convert_bytes,
    convert_file,
)
from uztranslit.formats._langtags import declared_in_path

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"

LATIN_PO = """\
msgid ""
msgstr ""
"Language: uz\\n"

msgid "Save"
msgstr "Saqlash"

msgid "Cancel"
msgstr "Бекор қилиш"

msgid "%d files"
msgid_plural "%d files"
msgstr[0] "%d ta fayl"
msgstr[1] "%d та файл"

msgid "Open"
msgstr "%s"
""".encode()


def test_cyrillic_strings_in_a_latin_catalogue_are_listed_with_their_lines() -> None:
    assert check_bytes(LATIN_PO, filename="uz.po") == [
        Entry(9, "Бекор қилиш"),
        Entry(14, "%d та файл"),
    ]


def test_the_expected_script_overrides_the_declared_one() -> None:
    found = check_bytes(LATIN_PO, filename="uz.po", expected="cyrillic")
    assert [entry.line for entry in found] == [6, 13]
    with pytest.raises(ValueError, match="expected must be one of"):
        check_bytes(LATIN_PO, format="po", expected="lat")
    with pytest.raises(TypeError, match="must be bytes"):
        check_bytes("x", format="text")  # type: ignore[arg-type]


def test_a_clean_catalogue_has_nothing_to_list() -> None:
    for name in ("uz_cyrillic.po", "messages.uz.xlf", "strings.xml", "Localizable.strings"):
        data = (FIXTURES / name).read_bytes()
        assert check_bytes(data, filename=name) == [], name


def test_untranslated_english_in_a_cyrillic_catalogue_is_listed() -> None:
    data = (FIXTURES / "uz_cyrillic.po").read_bytes()
    data = data.replace('msgstr "Чиқиш"'.encode(), b'msgstr "Quit"')
    assert check_bytes(data, filename="uz.po") == [Entry(49, "Quit")]


def test_xliff_declares_by_target_language() -> None:
    data = (FIXTURES / "messages.uz.xlf").read_bytes()
    cyrillic_declared = data.replace(b'target-language="uz-Latn"', b'target-language="uz-Cyrl"')
    found = check_bytes(cyrillic_declared, filename="messages.xlf")
    assert [entry.line for entry in found] == [7, 15, 20, 24, 32]


def test_android_and_apple_declare_by_their_folder() -> None:
    latin = (FIXTURES / "strings.xml").read_bytes()
    cyrillic = convert_bytes(latin, to="cyrillic", format="android")
    mixed = cyrillic.replace("Бош саҳифа".encode(), b"Bosh sahifa")
    assert check_bytes(mixed, filename="res/values-b+uz+Cyrl/strings.xml") == [
        Entry(6, "Bosh sahifa")
    ]
    # declared Latin by its folder, the whole Cyrillic file is wrong
    assert len(check_bytes(cyrillic, filename="res/values-uz/strings.xml")) == 12
    strings = (FIXTURES / "Localizable.strings").read_bytes()
    assert len(check_bytes(strings, filename="uz-Latn.lproj/Localizable.strings")) == 6


def test_without_a_declaration_the_majority_script_is_expected() -> None:
    text = "Birinchi qator\nИккинчи қатор\nUchinchi qator\n123\n".encode()
    assert check_bytes(text) == [Entry(2, "Иккинчи қатор")]
    assert check_bytes(text, expected="cyrillic") == [
        Entry(1, "Birinchi qator"),
        Entry(3, "Uchinchi qator"),
    ]


@pytest.mark.parametrize(
    ("path", "script"),
    [
        ("App/uz-Cyrl.lproj/Localizable.strings", "cyrillic"),
        ("app/src/main/res/values-b+uz+Cyrl/strings.xml", "cyrillic"),
        ("app/src/main/res/values-uz-rUZ/strings.xml", "latin"),
        ("locale/uz@cyrillic/LC_MESSAGES/django.po", "cyrillic"),
        ("lib/l10n/app_uz_Latn.arb", "latin"),
        ("res/values-ru/strings.xml", None),
        ("src/buzz/strings.xml", None),
    ],
)
def test_the_script_a_path_declares(path: str, script: str | None) -> None:
    assert declared_in_path(path) == script


def test_the_listed_entries_are_fixed_by_converting_from_their_script() -> None:
    fixed = convert_bytes(LATIN_PO, to="latin", source="cyrillic", filename="uz.po")
    assert check_bytes(fixed, filename="uz.po") == []
    assert b'msgstr "Bekor qilish"' in fixed
    assert b'msgstr "Saqlash"' in fixed  # the Latin ones stay as they were


_FIXTURE_FORMATS = [
    ("uz_cyrillic.po", "po"),
    ("app_uz.arb", "json"),
    ("messages.json", "json"),
    ("strings.xml", "android"),
    ("messages.uz.xlf", "xliff"),
    ("Localizable.strings", "apple"),
    ("Localizable.stringsdict", "apple"),
]
_DAMAGE = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.sampled_from([b"", b'"', b"\\", b"{", b"}", b"<", b"'", b"\n", b"&", b"/*", b"\xff"]),
        st.integers(0, 6),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_FIXTURE_FORMATS), _DAMAGE)
def test_damaged_catalogues_are_converted_or_refused_never_crash(
    fixture: tuple[str, str], damage: list[tuple[float, bytes, int]]
) -> None:
    data = bytearray((FIXTURES / fixture[0]).read_bytes())
    lines: list[int | None] = []
    for where, insert, cut in damage:
        at = int(where * len(data))
        data[at : at + cut] = insert
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FormatWarning)
        for to in ("latin", "cyrillic"):
            try:
                assert isinstance(convert_bytes(bytes(data), to=to, format=fixture[1]), bytes)
                check_bytes(bytes(data), format=fixture[1])
            except FormatError as error:  # the one error a bad file may give
                lines.append(error.line)
    assert all(line is None or line >= 1 for line in lines)


@pytest.mark.parametrize(
    "name",
    [
        "uz_cyrillic.po",
        "i18next.uz-Cyrl.json",
        "app_uz.arb",
        "strings.xml",
        "messages.uz.xlf",
        "Localizable.strings",
        "Localizable.stringsdict",
    ],
)
def test_convert_file_chooses_each_catalogue_by_its_name_or_content(
    name: str, tmp_path: Path
) -> None:
    source = tmp_path / name
    source.write_bytes((FIXTURES / name).read_bytes())
    to = "cyrillic" if name in ("app_uz.arb", "strings.xml", "messages.uz.xlf") else "latin"
    from_source = name.endswith(".xlf")
    convert_file(source, tmp_path / "out", to=to, from_source=from_source)
    expected = convert_bytes(source.read_bytes(), to=to, filename=name, from_source=from_source)
    assert (tmp_path / "out").read_bytes() == expected
    assert expected != source.read_bytes()
