"""JSON catalogues: values converted in place, keys, metadata and layout kept."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uztranslit import Transliterator, to_cyrillic, to_latin
from uztranslit.formats import FormatError, _icu, convert_bytes, detect_format, jsoncat
from uztranslit.formats._parts import convert_parts

FIXTURES = Path(__file__).parent / "fixtures" / "catalogs"
I18NEXT = (FIXTURES / "i18next.uz-Cyrl.json").read_bytes()
VUE = (FIXTURES / "vue-i18n.uz-Cyrl.json").read_bytes()
ARB = (FIXTURES / "app_uz.arb").read_bytes()
CHROME = (FIXTURES / "messages.json").read_bytes()


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.ndiff(before.decode().splitlines(), after.decode().splitlines())
    return [line[2:] for line in diff if line.startswith("- ")]


def strings(value: object) -> list[str]:
    """Every string value of a JSON value (keys left out), in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_json_catalogues_are_chosen_by_their_ending() -> None:
    assert detect_format("locales/uz/translation.json", b"{") == "json"
    assert detect_format("lib/l10n/app_uz.arb", b"{") == "json"


def test_i18next_values_are_converted_and_nothing_else() -> None:
    latin = convert_bytes(I18NEXT, to="latin", filename="uz.json")
    before, after = json.loads(I18NEXT), json.loads(latin)
    assert list(after) == list(before)
    assert list(after["files"]) == list(before["files"])  # keys and their order
    assert strings(after) == [to_latin(s) for s in strings(before)]
    assert after["files"]["count_one"] == "{{count}} ta fayl"
    assert after["files"]["deleted"] == "«{{name}}» oʻchirildi. $t(common.ok) tugmasini bosing"
    assert (
        after["files"]["welcome"]
        == "Xush kelibsiz, <strong>{{user}}</strong>!\nOʻzbekiston boʻylab"
    )
    assert after["items"] == ["Birinchi", "Ikkinchi", 3, True, None]
    # a diff shows only the lines of changed strings; escapes are written as before
    assert '    "path": "Saqlandi: {{folder}}\\\\Hujjatlar"' in latin.decode()
    assert '"quote": "Kitob \\"Oʻtkan kunlar\\" ochildi"' in latin.decode()
    assert all(
        '": "' in line or line.startswith('  "items"') for line in changed_lines(I18NEXT, latin)
    )
    assert len(changed_lines(I18NEXT, latin)) == 11


def test_vue_i18n_linked_messages_and_literals_are_kept() -> None:
    latin = json.loads(convert_bytes(VUE, to="latin", filename="uz.json"))["message"]
    assert latin == {
        "hello": "Salom, {name}!",
        "apple": "olma yoʻq | bitta olma | {count} ta olma",
        "link": "@:message.hello Xush kelibsiz",
        "email": "Pochta manzili: {'@'}",
    }


def test_each_catalogue_round_trips_from_cyrillic() -> None:
    arb_cyrillic = convert_bytes(ARB, to="cyrillic", filename="app_uz.arb")
    for cyrillic in (I18NEXT, VUE, CHROME, arb_cyrillic):
        for apostrophes in ("modifier", "ascii"):
            latin = convert_bytes(cyrillic, to="latin", format="json", apostrophes=apostrophes)
            assert convert_bytes(latin, to="cyrillic", format="json") == cyrillic


def test_arb_messages_keep_icu_syntax_and_metadata() -> None:
    cyrillic = convert_bytes(ARB, to="cyrillic", filename="app_uz.arb")
    before, after = json.loads(ARB), json.loads(cyrillic)
    assert after["@@locale"] == "uz_Cyrl"
    assert after["bookCount"] == "{count, plural, =0{Китоб йўқ} one{# та китоб} other{# та китоб}}"
    assert after["greeting"] == "{gender, select, male{У келди} female{У келди} other{Улар келди}}"
    assert after["country"] == "Ўзбекистон Республикаси, {city} шаҳри"
    assert after["quoted"] == "Белги '{'қавс'}' ва тутуқ: маъно"
    for key in before:
        if key.startswith("@"):
            assert after[key] == before[key] or key == "@@locale"
    assert jsoncat.declared_script(ARB) == "latin"
    assert jsoncat.declared_script(cyrillic) == "cyrillic"


def test_an_ascii_apostrophe_in_icu_text_is_doubled() -> None:
    arb = '{"@@locale": "uz_Cyrl", "a": "Ўзбекистон {n, plural, one{# ўғил} other{# ўғил}}"}'
    latin = convert_bytes(arb.encode(), to="latin", format="json", apostrophes="ascii")
    assert json.loads(latin)["a"] == "O''zbekiston {n, plural, one{# o''g''il} other{# o''g''il}}"
    assert json.loads(latin)["@@locale"] == "uz_Latn"
    assert convert_bytes(latin, to="cyrillic", format="json").decode() == arb


def test_icu_quoting_is_read_before_converting() -> None:
    parts = _icu.parts("O''zbekiston '{'shahar'}' {n, number, ::currency/UZS}")
    assert [p.text for p in parts] == [
        "O'zbekiston ",
        None,
        "shahar",
        None,
        " ",
        None,
    ]
    translit = Transliterator(to="cyrillic", source="latin")
    converted = convert_parts(translit, parts, _icu.escape)
    assert converted == "Ўзбекистон '{'шаҳар'}' {n, number, ::currency/UZS}"


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("{n, plural, one {x}", "ends inside an argument"),
        ("oxir}", "unmatched }"),
        ("{n, plural, one x}", "expected '{'"),
    ],
)
def test_malformed_icu_is_an_error_of_the_parser(message: str, error: str) -> None:
    with pytest.raises(_icu.IcuError, match=error):
        _icu.parts(message)


def test_chrome_messages_convert_only_the_message() -> None:
    latin = json.loads(convert_bytes(CHROME, to="latin", filename="messages.json"))
    assert latin["greeting"]["message"] == "Salom, $USER$! Sizda $COUNT$ ta xabar bor."
    assert latin["greeting"]["placeholders"]["user"]["example"] == "Азиз"
    assert latin["extName"] == {
        "message": "Tezkor tarjima",
        "description": "Name of the extension.",
    }
    back = convert_bytes(
        json.dumps(latin, ensure_ascii=False).encode(), to="cyrillic", format="json"
    )
    assert json.loads(back)["greeting"]["message"] == "Салом, $USER$! Сизда $COUNT$ та хабар бор."


def test_a_lone_surrogate_stays_an_escape() -> None:
    data = '{"a": "\\ud800 Салом"}'.encode()
    assert convert_bytes(data, to="latin", format="json") == b'{"a": "\\ud800 Salom"}'


def test_a_file_written_with_ascii_escapes_stays_so() -> None:
    data = json.dumps({"k": "Ўзбекистон/Тошкент", "n": 1}, indent=1).replace("/", "\\/")
    latin = convert_bytes(data.encode(), to="latin", format="json")
    assert latin.decode() == '{\n "k": "O\\u02bbzbekiston\\/Toshkent",\n "n": 1\n}'
    cyrillic = convert_bytes(latin, to="cyrillic", format="json")
    assert cyrillic.decode() == data


@given(
    st.text(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_json_strings_encode_and_decode_back(
    text: str, ascii_only: bool, upper: bool, slash: bool
) -> None:
    encoded = jsoncat.encode(text, jsoncat.Style(ascii_only, upper, slash))
    assert json.loads(encoded) == text
    if ascii_only:
        assert encoded.isascii()


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b'{\n "a": "b",\n "c": \n}', 4),
        (b'{\n "a": "b"\n "c": "d"\n}', 3),
        (b'{"a": "unclosed}\n', 1),
        (b"", 1),
    ],
)
def test_invalid_json_names_the_line(data: bytes, line: int) -> None:
    with pytest.raises(FormatError, match=rf"line {line}: invalid JSON"):
        convert_bytes(data, to="latin", format="json")


def test_entries_for_check_name_each_value_with_its_line() -> None:
    found = list(jsoncat.entries(I18NEXT))
    assert found[0] == (3, "Сақлаш")
    assert (9, "  та файл") in found  # {{count}} read as a space
    assert (16, "Биринчи") in found
    assert to_cyrillic("Kutubxona") in [
        e.text for e in jsoncat.entries(convert_bytes(ARB, to="cyrillic", format="json"))
    ]


_ICU_TEXT = st.text(alphabet="abc' #|{}Шў", max_size=12)


@given(
    st.lists(st.tuples(_ICU_TEXT, st.sampled_from(["", "{n}", "{n, plural, one {x} other {# y}}"])))
)
def test_icu_parts_put_back_together_give_the_message(pieces: list[tuple[str, str]]) -> None:
    message = "".join(text + argument for text, argument in pieces)
    try:
        parts = _icu.parts(message)
    except _icu.IcuError:
        return
    assert "".join(part.raw for part in parts) == message
    for part in parts:
        if part.text is not None:  # its text written back reads as the same text
            again = _icu.parts(_icu.escape(part, part.text))
            assert [p.text for p in again] == [part.text]


def test_nested_icu_arguments_keep_their_syntax() -> None:
    message = (
        "{place, selectordinal, one {#-oʻrin} other {#-oʻrin}} — "
        "{gender, select, female {{n, plural, one {U # ta kitob oldi} other {U # ta kitob oldi}}}"
        " other {Ular oldi}} '{'belgi'}'"
    )
    arb = json.dumps({"@@locale": "uz", "m": message}, ensure_ascii=False).encode()
    cyrillic = json.loads(convert_bytes(arb, to="cyrillic", format="json"))["m"]
    assert cyrillic == (
        "{place, selectordinal, one {#-ўрин} other {#-ўрин}} — "
        "{gender, select, female {{n, plural, one {У # та китоб олди} other {У # та китоб олди}}}"
        " other {Улар олди}} '{'белги'}'"
    )


def test_a_plain_catalogue_with_an_at_key_is_not_read_as_arb() -> None:
    # a lone "@x" object used to make the whole file ARB, whose nested strings stay
    plain = {"@meta": {"author": "Aziz"}, "menu": {"open": "Ochish", "save": "Saqlash"}}
    out = json.loads(convert_bytes(json.dumps(plain).encode(), to="cyrillic", format="json"))
    assert out["menu"] == {"open": "Очиш", "save": "Сақлаш"}
    assert out["@meta"] == {"author": "Aziz"}  # metadata stays as written
    arb = {"title": "Salom", "@title": {"description": "Sarlavha"}}
    out = json.loads(convert_bytes(json.dumps(arb).encode(), to="cyrillic", format="json"))
    assert out == {"title": "Салом", "@title": {"description": "Sarlavha"}}
