"""The format layer's front (uztranslit.formats) and its plain-text format."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from uztranslit import to_latin
from uztranslit.formats import (
    FormatError,
    check_bytes,
    convert_bytes,
    convert_file,
    detect_format,
)

from ._seed import SEED_TEXT


def test_plain_text_converts_as_the_text_functions_do() -> None:
    assert convert_bytes(SEED_TEXT.encode(), to="latin").decode() == to_latin(SEED_TEXT)


def test_a_byte_order_mark_is_kept() -> None:
    assert convert_bytes(b"\xef\xbb\xbfShahar", to="cyrillic") == "\ufeffШаҳар".encode()


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (b"\xff\xfe", "utf-16-le"),  # Windows Notepad's "Unicode"
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
    ],
)
def test_utf16_and_utf32_with_a_mark_come_back_in_their_encoding(bom: bytes, codec: str) -> None:
    text = "Ўзбекистон\r\nшаҳар 2025 🙂\r\n"
    out = convert_bytes(bom + text.encode(codec), to="latin", filename="notes.txt")
    assert out.startswith(bom)
    assert out[len(bom) :].decode(codec) == to_latin(text)
    lines = check_bytes(bom + "Shahar\nШаҳар\n".encode(codec), expected="latin", filename="a.txt")
    assert [(entry.line, entry.text) for entry in lines] == [(2, "Шаҳар")]


def test_a_damaged_utf16_text_names_the_line() -> None:
    data = b"\xff\xfe" + "ok\nШаҳар\n".encode("utf-16-le") + b"\x00\xd8x\x00"  # a lone half
    with pytest.raises(FormatError, match=r"line 3: cannot decode the bytes as utf-16-le"):
        convert_bytes(data, to="latin")


def test_undecodable_text_names_the_line() -> None:
    with pytest.raises(FormatError, match=r"line 2: cannot decode byte 0xff"):
        convert_bytes(b"ok\n\xff", to="latin")


def test_bad_options_and_types_are_refused() -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        convert_bytes(b"x", to="latin", format="nope")
    with pytest.raises(ValueError, match="to must be one of"):
        convert_bytes(b"x", to="lat")
    with pytest.raises(TypeError, match="must be bytes"):
        convert_bytes("Шаҳар", to="latin")  # type: ignore[arg-type]


def test_unknown_endings_are_plain_text() -> None:
    assert detect_format("notes.unknown", b"plain") == "text"
    assert detect_format(None, b"plain") == "text"


def test_convert_file_writes_whole_or_not_at_all(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes("Шаҳар\n".encode())
    convert_file(source, tmp_path / "out.txt", to="latin")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "Shahar\n"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    (tmp_path / "kept.txt").write_text("before", encoding="utf-8")
    with pytest.raises(FormatError):
        convert_file(bad, tmp_path / "kept.txt", to="latin")
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8") == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "bad.txt",
        "in.txt",
        "kept.txt",
        "out.txt",
    ]


def test_xml_with_a_dtd_is_refused_unexpanded() -> None:
    from uztranslit.formats._safexml import parse  # noqa: PLC0415 - needs the formats extra

    laughs = b'<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>'
    external = b'<!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]><l>&x;</l>'
    for bomb in (laughs, external):
        with pytest.raises(FormatError, match="DTD"):
            parse(bomb)
    with pytest.raises(FormatError, match="line 1: not well-formed"):
        parse(b"<a><b></a>")
    assert parse(b"<a>x</a>").text == "x"


def test_only_the_modules_that_sniff_are_asked_and_only_for_heads_they_may_know() -> None:
    from uztranslit.formats import FORMATS, SNIFFED, _safezip, office  # noqa: PLC0415

    modules = {row[0] for row in FORMATS.values()}
    sniffing = {m for m in modules if hasattr(import_module(f"uztranslit.formats.{m}"), "sniff")}
    assert sniffing == set(SNIFFED)
    assert SNIFFED["office"] == (_safezip.ZIP_MAGIC, office.OLE2_MAGIC)


def test_plain_text_is_told_without_importing_a_format_module() -> None:
    # the command line sniffs every input: plain text used to import all 17 modules
    code = (
        "import sys; from uztranslit.formats import detect_format;"
        "loaded = lambda: sorted(m.split('.')[-1] for m in sys.modules"
        " if m.startswith('uztranslit.formats.') and not m.split('.')[-1].startswith('_'));"
        "assert detect_format(None, 'Салом дунё'.encode()) == 'text';"
        "print(loaded());"
        "assert detect_format(None, b'\\xef\\xbb\\xbf  <resources>') == 'android';"
        "print(loaded())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    plain, android = done.stdout.splitlines()
    assert plain == "[]"
    assert "android" in android
    assert "office" not in android
