"""-e and decoding: text encodings only, every failure a message with a line;
input read in blocks, not a line at a time."""

from __future__ import annotations

import codecs
import io
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import to_latin
from uztranslit._inputs import WITHOUT_LONE_SURROGATES, first_lone_surrogate

from .test_cli import Runner, run, write

__all__ = ["run"]  # the fixture, used by name


@pytest.mark.parametrize(
    "encoding", ["base64", "rot13", "hex", "zlib", "uu", "quopri", "bz2", "undefined"]
)
def test_only_text_encodings(tmp_path: Path, run: Runner, encoding: str) -> None:
    source = write(tmp_path / "a.txt", "Ер\n")
    code, _, err = run(["--in-place", "-e", encoding, str(source)])
    assert code == 2
    assert repr(encoding) in err
    assert "Traceback" not in err
    assert source.read_text(encoding="utf-8") == "Ер\n"


def test_utf16_without_bom(tmp_path: Path, run: Runner) -> None:
    source = tmp_path / "u16.txt"
    source.write_bytes("Ер\n".encode("utf-16-le"))
    out = tmp_path / "out.txt"
    code, _, err = run(["-e", "utf-16", "-o", str(out), str(source)])
    assert code == 1
    assert f"{source}: line 1: cannot decode as utf-16" in err
    assert "-e utf-16-le or -e utf-16-be" in err
    assert not out.exists()
    code, stdout, _ = run(["-e", "utf-16-le", str(source)])
    assert (code, stdout) == (0, b"Yer\n")


@pytest.mark.parametrize(
    ("bom", "codec", "named"),
    [
        (b"\xff\xfe", "utf-16-le", "utf-16"),
        (b"\xfe\xff", "utf-16-be", "utf-16"),
        (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    ],
)
def test_a_byte_order_mark_names_the_encoding_to_give(
    tmp_path: Path, run: Runner, bom: bytes, codec: str, named: str
) -> None:
    source = tmp_path / "notepad.txt"
    source.write_bytes(bom + "Ер\n".encode(codec))
    code, _, err = run([str(source)])
    assert code == 1
    assert f"line 1: cannot decode byte 0x{bom[0]:02x} as utf-8" in err
    assert f"a byte order mark of {named}, not utf-8: name it with -e {named}" in err
    code, stdout, _ = run(["-e", named, str(source)])
    assert (code, stdout) == (0, b"Yer\n")
    plain = tmp_path / "plain.txt"
    plain.write_bytes(b"Er\n\xff\xfe")  # the same bytes later in the text: no mark
    assert "name its encoding with -e" in run([str(plain)])[2]


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-7", "Ер\nсув ".encode("utf-7") + b"+2D0-\n"),
        ("unicode_escape", b"Er\nsuv \\ud83d\n"),
        (
            "utf-16-le",
            "Ер\nсув ".encode("utf-16-le") + "\ud83d".encode("utf-16-le", "surrogatepass"),
        ),
    ],
)
def test_lone_surrogates(tmp_path: Path, run: Runner, encoding: str, data: bytes) -> None:
    source = tmp_path / "s.txt"
    source.write_bytes(data)
    out = tmp_path / "out.txt"
    code, _, err = run(["-e", encoding, "-o", str(out), str(source)])
    assert code == 1
    assert "Traceback" not in err
    if encoding == "utf-16-le":  # the decoder itself refuses it
        assert f"{source}: line 2: cannot decode" in err
    else:
        assert f"{source}: line 2: U+D83D is half of a surrogate pair" in err
    assert not out.exists()


# Lone surrogates as the pattern that first found them saw them: any, or with
# surrogateescape those that do not stand for an undecodable byte (U+DC80–U+DCFF).
_ANY_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_AN_ESCAPE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "ў", "\n", "😀", "\ud83d", "\ude00", "\udc80", "\udcff", "\udc7f"])
        | st.text(max_size=3),
        max_size=20,
    ).map("".join),
    st.sampled_from(["strict", "replace", "surrogateescape"]),
)
def test_the_first_lone_surrogate_is_where_the_pattern_found_it(text: str, errors: str) -> None:
    pattern = _NOT_AN_ESCAPE if errors == "surrogateescape" else _ANY_SURROGATE
    found = pattern.search(text)
    assert first_lone_surrogate(text, errors) == (None if found is None else found.start())


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([b"a", b"\xd1\x9e", b"\xed\xa0\xbd", b"\xed\xb8\x80", b"\xff"]))
    .map(b"".join)
    .filter(bool)
    | st.binary(min_size=1, max_size=40),
    st.sampled_from(["strict", "replace", "surrogateescape"]),
)
def test_utf_8_input_needs_no_look_for_lone_surrogates(data: bytes, errors: str) -> None:
    # decoded_pieces skips the look for the decoders of WITHOUT_LONE_SURROGATES: encoded
    # surrogates (ED A0 BD) are refused, or replaced, or passed as escapes
    assert {codecs.lookup(name).name for name in WITHOUT_LONE_SURROGATES} == {"utf-8"}
    try:
        text = data.decode("utf-8", errors)
    except UnicodeDecodeError:
        return
    assert first_lone_surrogate(text, errors) is None


def test_surrogateescape_still_passes_bad_bytes(run: Runner) -> None:
    code, out, _ = run(["--errors", "surrogateescape", "-t", "latin"], b"\xff \xd0\xb5\xd1\x80\n")
    assert (code, out) == (0, b"\xff yer\n")


def test_decode_error_line_in_a_later_block(tmp_path: Path, run: Runner) -> None:
    lines = ["Шаҳар маркази\n"] * 20_000  # about 500 KB: several blocks
    source = tmp_path / "big.txt"
    source.write_bytes("".join(lines).encode() + b"ok\n\xff\n")
    code, out, err = run(["-t", "latin", str(source)])
    assert code == 1
    assert f"{source}: line 20002: cannot decode byte 0xff" in err
    assert out.decode() == to_latin("".join(lines)) + "ok\n"  # up to the bad line


def test_character_split_across_blocks(tmp_path: Path, run: Runner) -> None:
    text = "a" * (65536 - 1) + "ў\n" + "Ер\n" * 3
    source = write(tmp_path / "split.txt", text)
    assert run(["-t", "latin", str(source)])[1].decode() == to_latin(text)


class CountingReader(io.RawIOBase):
    """stdin that counts the calls made to read it."""

    def __init__(self, data: bytes) -> None:
        self.data = io.BytesIO(data)
        self.calls = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self.calls += 1
        chunk = self.data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_input_is_read_in_blocks(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    data = "ў\n".encode() * 50_000
    reader = CountingReader(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(reader)))
    from uztranslit._cli import main  # noqa: PLC0415 - stdin patched first

    assert main(["-t", "latin"]) == 0
    assert reader.calls < 20  # 200 KB in 64 KiB blocks, not 50,000 lines
