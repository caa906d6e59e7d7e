"""The format layer on the command line (--format, documents, --max-unpacked), and
the ``serve`` subcommand."""

from __future__ import annotations

import os
import sys
import threading
import types
from pathlib import Path
from types import MappingProxyType

import pytest

from uztranslit import formats
from uztranslit._cli import main
from uztranslit._transliterator import Transliterator
from uztranslit.formats import FormatError, Limits
from uztranslit.formats._base import Chooser

from .test_cli import Runner, run, write

__all__ = ["run"]  # the fixture, used by name

MAGIC = b"FAKE\n"


def fake_module(seen: list[Limits]) -> types.ModuleType:
    """A format whose files start with FAKE and hold one text per line after a
    "key=" prefix that must stay as it is; a line "BROKEN" is a FormatError."""
    module = types.ModuleType("uztranslit.formats.fake")

    def sniff(head: bytes) -> bool:
        return head.startswith(MAGIC)

    def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
        seen.append(limits)
        lines = data.removeprefix(MAGIC).decode().splitlines()
        for number, line in enumerate(lines, start=2):
            if line == "BROKEN":
                raise FormatError("a line without a key", number)
            if line == "BOMB":
                raise FormatError("unpacks to too much; raise Limits.max_unpacked to allow it")
        pairs = [line.split("=", 1) for line in lines]
        translit: Transliterator = choose(value for _key, value in pairs)
        return MAGIC + "".join(f"{key}={translit(value)}\n" for key, value in pairs).encode()

    module.NAME = "fake"  # type: ignore[attr-defined]
    module.sniff = sniff  # type: ignore[attr-defined]
    module.convert = convert  # type: ignore[attr-defined]
    return module


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[Limits]:
    """The fake format registered; the Limits each conversion was given."""
    limits: list[Limits] = []
    monkeypatch.setitem(sys.modules, "uztranslit.formats.fake", fake_module(limits))
    monkeypatch.setattr(
        formats, "FORMATS", MappingProxyType({**formats.FORMATS, "fake": ("fake", (".fake",))})
    )
    monkeypatch.setattr(formats, "SNIFFED", MappingProxyType({**formats.SNIFFED, "fake": (MAGIC,)}))
    return limits


def document(path: Path, *values: str) -> Path:
    path.write_bytes(MAGIC + "".join(f"k{i}={value}\n" for i, value in enumerate(values)).encode())
    return path


def test_document_to_stdout_is_recognised_by_content(
    tmp_path: Path, run: Runner, seen: list[Limits]
) -> None:
    source = document(tmp_path / "doc.bin", "Шаҳар", "маркази")
    code, out, err = run(["-v", str(source)])
    assert (code, out) == (0, MAGIC + b"k0=Shahar\nk1=markazi\n")
    assert "fake, cyrillic; converting to latin" in err
    assert seen == [Limits()]


def test_latin_document_goes_to_cyrillic(tmp_path: Path, run: Runner, seen: list[Limits]) -> None:
    source = document(tmp_path / "doc.bin", "Shahar markazi")
    assert run([str(source)])[1] == MAGIC + "k0=Шаҳар маркази\n".encode()


def test_document_by_name_and_by_option(tmp_path: Path, run: Runner, seen: list[Limits]) -> None:
    headless = tmp_path / "doc.fake"
    headless.write_bytes("a=Шаҳар\n".encode())  # no magic: known by its ending
    code, out, _ = run(["-t", "latin", str(headless)])
    assert (code, out) == (0, MAGIC + b"a=Shahar\n")
    other = tmp_path / "doc.dat"
    other.write_bytes("a=Шаҳар\n".encode())
    assert run(["-t", "latin", str(other)])[1] == b"a=Shahar\n"  # plain text
    assert run(["-t", "latin", "--format", "fake", str(other)])[1] == MAGIC + b"a=Shahar\n"


def test_document_from_stdin_to_stdout(run: Runner, seen: list[Limits]) -> None:
    code, out, _ = run(["-t", "latin"], MAGIC + "a=Ер\n".encode())
    assert (code, out) == (0, MAGIC + b"a=Yer\n")


def test_format_error_names_file_and_line(tmp_path: Path, run: Runner, seen: list[Limits]) -> None:
    source = tmp_path / "bad.bin"
    source.write_bytes(MAGIC + b"a=b\nBROKEN\n")
    out = tmp_path / "out.bin"
    code, stdout, err = run(["-o", str(out), str(source)])
    assert code == 1
    assert f"{source}: line 3: a line without a key" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.bin"]
    code, stdout, err = run([str(source)])
    assert (code, stdout) == (1, b"")


def test_a_cap_names_its_option(tmp_path: Path, run: Runner, seen: list[Limits]) -> None:
    source = tmp_path / "bomb.bin"
    source.write_bytes(MAGIC + b"BOMB\n")
    code, _, err = run([str(source)])
    assert code == 1
    assert f"{source}: unpacks to too much" in err
    assert "(on the command line: --max-unpacked SIZE)" in err


def test_several_inputs_with_a_document_need_each_file_mode(
    tmp_path: Path, run: Runner, seen: list[Limits]
) -> None:
    text = write(tmp_path / "a.txt", "Ер\n")
    doc = document(tmp_path / "b.bin", "Ер")
    code, out, err = run([str(text), str(doc)])
    assert (code, out) == (2, b"")
    assert f"{doc} is a fake file" in err
    assert "--output-dir" in err
    assert run(["--format", "fake", str(text), str(text)])[0] == 2
    out_dir = tmp_path / "out"
    assert run(["--output-dir", str(out_dir), str(text), str(doc)])[0] == 0
    assert (out_dir / "a.txt").read_bytes() == b"Yer\n"
    assert (out_dir / "b.bin").read_bytes() == MAGIC + b"k0=Yer\n"


def test_a_fifo_among_several_inputs_is_read_once(tmp_path: Path, run: Runner) -> None:
    text = write(tmp_path / "a.txt", "Ер\n")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as writer:
            writer.write("Сув\n".encode())

    feeder = threading.Thread(target=feed)
    feeder.start()
    code, out, _ = run(["-t", "latin", str(text), str(fifo)])
    feeder.join(timeout=30)
    assert (code, out) == (0, b"Yer\nSuv\n")


def test_in_place_document(tmp_path: Path, run: Runner, seen: list[Limits]) -> None:
    doc = document(tmp_path / "b.bin", "Ер")
    assert run(["--in-place", "-t", "latin", str(doc)]) == (0, b"", "")
    assert doc.read_bytes() == MAGIC + b"k0=Yer\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--max-unpacked", "2G"], Limits(max_unpacked=2 << 30)),
        (["--max-unpacked", "500M", "--max-ratio", "1000"], Limits(500 << 20, 1000)),
        (["--max-unpacked", "123456"], Limits(max_unpacked=123456)),
    ],
)
def test_limits(
    tmp_path: Path, run: Runner, seen: list[Limits], argv: list[str], expected: Limits
) -> None:
    doc = document(tmp_path / "b.bin", "Ер")
    assert run([*argv, str(doc)])[0] == 0
    assert seen == [expected]


@pytest.mark.parametrize("value", ["lots", "0", "-1", "2X"])
def test_bad_max_unpacked(run: Runner, value: str) -> None:
    code, _, err = run(["--max-unpacked", value], b"x")
    assert code == 2
    assert "--max-unpacked" in err


def test_unknown_format_is_a_usage_error(run: Runner) -> None:
    code, _, err = run(["--format", "nope"], b"x")
    assert code == 2
    assert "invalid choice: 'nope'" in err


def test_text_format_still_streams(run: Runner) -> None:
    code, out, _ = run(["--format", "text", "-e", "cp1251", "-t", "latin"], "Ер\n".encode("cp1251"))
    assert (code, out) == (0, b"Yer\n")


class TestServe:
    def test_dispatch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        calls: list[list[str]] = []
        module = types.ModuleType("uztranslit.web.cli")

        def serve_main(argv: list[str]) -> int:
            calls.append(list(argv))
            return 3

        module.main = serve_main  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "uztranslit.web", types.ModuleType("uztranslit.web"))
        monkeypatch.setitem(sys.modules, "uztranslit.web.cli", module)
        assert main(["serve", "--port", "8000"]) == 3
        assert calls == [["--port", "8000"]]

    def test_without_the_web_extra(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setitem(sys.modules, "uztranslit.web.cli", None)  # import fails
        assert main(["serve"]) == 2
        assert "pip install 'uztranslit[web]'" in capsys.readouterr().err

    @pytest.mark.parametrize("argv", [["./serve"], ["--", "serve"]])
    def test_a_file_named_serve(
        self, tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch, argv: list[str]
    ) -> None:
        write(tmp_path / "serve", "Ер\n")
        monkeypatch.chdir(tmp_path)
        monkeypatch.setitem(sys.modules, "uztranslit.web.cli", None)
        assert run(argv) == (0, b"Yer\n", "")

    def test_serve_later_is_a_file(self, tmp_path: Path, run: Runner) -> None:
        code, _, err = run(["-t", "latin", str(tmp_path / "serve")])
        assert code == 1
        assert "serve: no such file" in err


def test_an_xcode_string_catalog_is_refused_and_nothing_is_written(
    tmp_path: Path, run: Runner
) -> None:
    # read as plain text, its keys and "state": "translated" would have been converted
    catalog = write(tmp_path / "Localizable.xcstrings", '{"sourceLanguage" : "en"}\n')
    out = tmp_path / "out.xcstrings"
    code, _, err = run(["-t", "cyrillic", str(catalog), "-o", str(out)])
    assert code != 0
    assert "Localizable.xcstrings" in err
    assert "XLIFF" in err
    assert not out.exists()
    code, _, err = run(["-t", "cyrillic", "--in-place", str(catalog)])
    assert code != 0
    assert catalog.read_text(encoding="utf-8") == '{"sourceLanguage" : "en"}\n'
