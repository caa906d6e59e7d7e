"""The uztranslit command, through main(argv) and once as a real process."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

from uztranslit import to_cyrillic, to_latin
from uztranslit._cli import main

from ._seed import SEED, SEED_TEXT

Run = tuple[int, bytes, str]


class Runner(Protocol):
    def __call__(self, argv: list[str], stdin: bytes = b"") -> Run: ...


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> Runner:
    """main(argv) with *stdin* as standard input: (exit status, stdout, stderr)."""

    def run(argv: list[str], stdin: bytes = b"") -> Run:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main(argv)
        captured = capsysbinary.readouterr()
        return code, captured.out, captured.err.decode("utf-8")

    return run


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


class TestFilter:
    def test_stdin_to_stdout(self, run: Runner) -> None:
        assert run([], "Ўзбекистон\n".encode()) == (0, "Oʻzbekiston\n".encode(), "")

    def test_dash_is_stdin(self, run: Runner) -> None:
        assert run(["-"], "Ўзбекистон\n".encode())[1] == "Oʻzbekiston\n".encode()

    def test_to_cyrillic(self, run: Runner) -> None:
        code, out, _ = run(["-t", "cyrillic"], b"O'zbekiston, tog' va 'Buxoro'\n")
        assert (code, out.decode()) == (0, "Ўзбекистон, тоғ ва 'Бухоро'\n")

    def test_empty_input(self, run: Runner) -> None:
        assert run([], b"") == (0, b"", "")

    def test_crlf_bom_and_blank_lines_survive(self, run: Runner) -> None:
        data = "\ufeffЕр\r\n\r\n\tсув  \r\n".encode()
        assert run(["-t", "latin"], data)[1] == "\ufeffYer\r\n\r\n\tsuv  \r\n".encode()

    def test_apostrophes_option(self, run: Runner) -> None:
        assert run(["--apostrophes", "ascii"], "Ўғил маъно".encode())[1] == b"O'g'il ma'no"

    def test_help(self, run: Runner) -> None:
        code, out, _ = run(["--help"])
        assert code == 0
        for option in ("--to", "--output", "--encoding", "--errors", "--apostrophes", "--verbose"):
            assert option.encode() in out


class TestDirection:
    def test_seed_is_detected_as_cyrillic(self, run: Runner) -> None:
        code, out, err = run(["-v", str(SEED)])
        assert code == 0
        assert out.decode() == to_latin(SEED_TEXT)
        assert "cyrillic (detected in the first 4175 bytes); converting to latin" in err

    def test_latin_input_is_detected(self, tmp_path: Path, run: Runner) -> None:
        latin = write(tmp_path / "lat.txt", to_latin(SEED_TEXT))
        code, out, err = run(["-v", str(latin)])
        assert code == 0
        assert "latin (detected in the first" in err
        assert out.decode() == to_cyrillic(to_latin(SEED_TEXT))

    def test_quiet_without_verbose(self, run: Runner) -> None:
        assert run([str(SEED)])[2] == ""

    def test_forced_direction_is_stated_with_verbose(self, run: Runner) -> None:
        code, out, err = run(["-v", "-t", "cyrillic"], "Ўзбек ва olma".encode())
        assert code == 0
        assert out.decode() == "Ўзбек ва олма"
        assert "<stdin>: latin (taken for -t cyrillic; say --from otherwise)" in err
        assert "converting to cyrillic" in err

    def test_several_files_each_with_its_own_direction(self, tmp_path: Path, run: Runner) -> None:
        first = write(tmp_path / "a.txt", "Ўзбекистон\n")
        second = write(tmp_path / "b.txt", "Oʻzbekiston\n")
        code, out, _ = run([str(first), str(second)])
        assert code == 0
        assert out.decode() == "Oʻzbekiston\nЎзбекистон\n"

    def test_detection_reads_past_a_short_latin_start(self, tmp_path: Path, run: Runner) -> None:
        text = "Kazinform\n" * 3 + "Ўзбекистон шаҳарлари\n" * 10
        code, out, _ = run([str(write(tmp_path / "x.txt", text))])
        assert code == 0
        assert out.decode() == to_latin(text)


class TestOutputFile:
    def test_writes_output(self, tmp_path: Path, run: Runner) -> None:
        out = tmp_path / "out.txt"
        assert run(["-o", str(out), str(SEED)]) == (0, b"", "")
        assert out.read_text(encoding="utf-8") == to_latin(SEED_TEXT)

    def test_replaces_existing_output_keeping_its_mode(self, tmp_path: Path, run: Runner) -> None:
        out = write(tmp_path / "out.txt", "old")
        out.chmod(0o640)
        run(["-o", str(out)], "Ер".encode())
        assert out.read_text(encoding="utf-8") == "Yer"
        assert out.stat().st_mode & 0o777 == 0o640
        assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]

    def test_refuses_to_overwrite_an_input(self, tmp_path: Path, run: Runner) -> None:
        source = write(tmp_path / "in.txt", "Ер")
        code, _, err = run(["-o", str(source), str(source)])
        assert code == 2
        assert "refusing to write the output over its input" in err
        assert source.read_text(encoding="utf-8") == "Ер"


class TestErrors:
    def test_undecodable_input_names_file_line_and_hint(self, tmp_path: Path, run: Runner) -> None:
        bad = tmp_path / "bad.txt"
        bad.write_bytes("Ер\nсув\n".encode() + b"\xff\xfe bad\n")
        code, out, err = run(["-t", "latin", str(bad)])
        assert (code, out) == (1, b"Yer\nsuv\n")  # lines before the bad one are out
        assert f"{bad}: line 3: cannot decode byte 0xff as utf-8" in err
        assert "-e" in err
        assert "Traceback" not in err

    def test_undecodable_input_writes_the_lines_before_it_without_t_too(
        self, tmp_path: Path, run: Runner
    ) -> None:
        # the script was detected from the first 64 KiB, and a bad byte there lost them
        bad = tmp_path / "bad.txt"
        bad.write_bytes("Ер\nсув\n".encode() + b"\xff\xfe bad\n")
        code, out, err = run([str(bad)])
        assert (code, out) == (1, b"Yer\nsuv\n")
        assert f"{bad}: line 3: cannot decode byte 0xff as utf-8" in err
        code, out, _ = run([], b"\xff")  # nothing before it
        assert (code, out) == (1, b"")

    def test_undecodable_input_leaves_existing_output_untouched(
        self, tmp_path: Path, run: Runner
    ) -> None:
        good = write(tmp_path / "good.txt", "Ер\n" * 10_000)
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"ok\n\xc3\x28\n")
        out = write(tmp_path / "out.txt", "precious")
        code, _, err = run(["-o", str(out), str(good), str(bad)])
        assert code == 1
        assert "line 2" in err
        assert out.read_text(encoding="utf-8") == "precious"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt", "out.txt"]

    def test_undecodable_input_creates_no_new_output(self, tmp_path: Path, run: Runner) -> None:
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"\xff")
        out = tmp_path / "new.txt"
        assert run(["-o", str(out), str(bad)])[0] == 1
        assert not out.exists()
        assert [p.name for p in tmp_path.iterdir()] == ["bad.txt"]

    def test_truncated_sequence_at_end_of_file(self, tmp_path: Path, run: Runner) -> None:
        bad = tmp_path / "cut.txt"
        bad.write_bytes("Ер\n".encode() + "ў".encode()[:1])
        code, _, err = run([str(bad)])
        assert code == 1
        assert "line 2" in err

    def test_other_encoding(self, tmp_path: Path, run: Runner) -> None:
        source = tmp_path / "cp1251.txt"
        source.write_bytes("Тошкент\n".encode("cp1251"))
        assert run(["-e", "cp1251", str(source)])[1] == b"Toshkent\n"

    def test_errors_replace(self, run: Runner) -> None:
        code, out, _ = run(["--errors", "replace", "-t", "latin"], "Ер ".encode() + b"\xff\n")
        assert (code, out.decode()) == (0, "Yer \ufffd\n")

    def test_errors_surrogateescape_keeps_bytes(self, run: Runner) -> None:
        code, out, _ = run(
            ["--errors", "surrogateescape", "-t", "latin"], "Ер ".encode() + b"\xff\x80\n"
        )
        assert (code, out) == (0, b"Yer \xff\x80\n")

    def test_missing_file(self, tmp_path: Path, run: Runner) -> None:
        code, _, err = run([str(tmp_path / "nope.txt")])
        assert code == 1
        assert "nope.txt: no such file" in err

    def test_directory(self, tmp_path: Path, run: Runner) -> None:
        code, _, err = run([str(tmp_path)])
        assert code == 1
        assert "is a directory" in err

    def test_missing_file_with_output_writes_nothing(self, tmp_path: Path, run: Runner) -> None:
        out = tmp_path / "out.txt"
        assert run(["-o", str(out), str(SEED), str(tmp_path / "nope.txt")])[0] == 1
        assert not out.exists()

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["-t", "arabic"], "invalid choice: 'arabic'"),
            (["-e", "no-such-codec"], "unknown encoding 'no-such-codec'"),
            (["--apostrophes", "curly"], "invalid choice: 'curly'"),
            (["--errors", "ignore"], "invalid choice: 'ignore'"),
            (["--no-such-flag"], "unrecognized arguments"),
        ],
    )
    def test_usage_errors_exit_2(self, argv: list[str], message: str, run: Runner) -> None:
        code, _, err = run(argv)
        assert code == 2
        assert message in err

    def test_unwritable_output_directory(self, tmp_path: Path, run: Runner) -> None:
        code, _, err = run(["-o", str(tmp_path / "missing" / "out.txt")], b"x")
        assert code == 1
        assert "cannot write" in err


def command() -> list[str]:
    return [sys.executable, "-m", "uztranslit"]


class TestProcess:
    def test_console_script_is_installed(self) -> None:
        script = Path(sys.executable).parent / "uztranslit"
        assert script.exists()
        done = subprocess.run(
            [str(script)], input="Ўзбекистон\n".encode(), capture_output=True, check=False
        )
        assert (done.returncode, done.stdout) == (0, "Oʻzbekiston\n".encode())

    def test_plain_text_starts_without_what_only_documents_and_reports_need(self) -> None:
        # a tenth of the start-up of a run on plain text went to importing dataclasses
        # (formats.Limits), json and the review module, which --report alone needs
        code = (
            "import sys; from uztranslit._cli import main; sys.argv = ['uztranslit'];"
            "code = main(); sys.stdout.flush();"
            "print(sorted({'dataclasses', 'inspect', 'json', 'uztranslit.review'}"
            " & set(sys.modules)), file=sys.stderr); sys.exit(code)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            input="Ўзбекистон\n".encode(),
            capture_output=True,
            check=False,
        )
        assert (done.returncode, done.stdout) == (0, "Oʻzbekiston\n".encode())
        assert done.stderr.decode().strip() == "[]"

    def test_output_appears_line_by_line_on_a_pipe(self) -> None:
        with subprocess.Popen(
            [*command(), "-t", "latin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        ) as proc:
            assert proc.stdin is not None
            assert proc.stdout is not None
            proc.stdin.write("Ўзбек\n".encode())
            proc.stdin.flush()
            assert proc.stdout.readline() == "Oʻzbek\n".encode()  # before stdin is closed
            proc.stdin.write("тили\n".encode())
            proc.stdin.flush()
            assert proc.stdout.readline() == b"tili\n"
            proc.stdin.close()
            assert proc.wait(timeout=30) == 0

    def test_closed_pipe_is_quiet(self, tmp_path: Path) -> None:
        big = write(tmp_path / "big.txt", SEED_TEXT * 500)
        with subprocess.Popen(
            [*command(), str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as proc:
            assert proc.stdout is not None
            assert proc.stderr is not None
            proc.stdout.readline()
            proc.stdout.close()
            assert proc.wait(timeout=60) == 141
            assert proc.stderr.read() == b""

    def test_interrupt_exits_130(self) -> None:
        with subprocess.Popen(
            [*command(), "-t", "latin"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as proc:
            assert proc.stdin is not None
            assert proc.stdout is not None
            assert proc.stderr is not None
            proc.stdin.write("Ер\n".encode())
            proc.stdin.flush()
            assert proc.stdout.readline() == b"Yer\n"
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 130
            assert b"Traceback" not in proc.stderr.read()

    def test_usage_error_as_a_process(self) -> None:
        done = subprocess.run([*command(), "-t"], capture_output=True, check=False)
        assert done.returncode == 2
        assert b"usage: uztranslit" in done.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_is_reported() -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*command(), str(SEED)], stdout=full, stderr=subprocess.PIPE, check=False
        )
    assert done.returncode == 1
    assert b"No space left on device" in done.stderr
    assert b"Traceback" not in done.stderr


class TestOptions:
    def test_lexicon_file(self, tmp_path: Path, run: Runner) -> None:
        first = write(tmp_path / "a.tsv", "Pepsi\tpepsi\tto-cyrillic\n")
        second = write(tmp_path / "b.tsv", "Пепси\tpepsi\tto-cyrillic\n")
        assert run(["-t", "cyrillic", "--lexicon", str(first)], b"Pepsi")[1] == b"Pepsi"
        code, out, _ = run(
            ["-t", "cyrillic", "--lexicon", str(first), "--lexicon", str(second)], b"Pepsi"
        )
        assert (code, out.decode()) == (0, "Пепси")

    def test_bad_lexicon_file(self, tmp_path: Path, run: Runner) -> None:
        bad = write(tmp_path / "bad.tsv", "# header\nonly-one-field\n")
        code, _, err = run(["--lexicon", str(bad)], b"x")
        assert code == 1
        assert f"{bad}:2: expected" in err
        code, _, err = run(["--lexicon", str(tmp_path / "none.tsv")], b"x")
        assert code == 1
        assert "cannot read the lexicon" in err

    def test_keep(self, run: Runner) -> None:
        text = b"Pepsining Reuters'dagi narxi"
        code, out, _ = run(["-t", "cyrillic", "--keep", "pepsi", "--keep", "Reuters,Cola"], text)
        assert (code, out.decode()) == (0, "Pepsiнинг Reuters'даги нархи")
        assert run(["-t", "cyrillic"], text)[1].decode() == "Пепсининг Reuters'даги нархи"
        code, _, err = run(["--keep", "Coca-Cola"], text)
        assert code == 2
        assert "one word of letters only" in err
        assert "--keep" in err

    def test_conventions(self, run: Runner) -> None:
        text = "«Бўлсада» 2025 йил".encode()
        assert run(["--conventions", "all"], text)[1].decode() == "“Boʻlsa-da” 2025-yil"
        assert run(["--conventions", "dates,quotes"], text)[1].decode() == "“Boʻlsada” 2025-yil"
        code, _, err = run(["--conventions", "dates,dots"], text)
        assert code == 2
        assert "unknown convention 'dots'" in err


class TestManyFiles:
    def test_in_place_keeps_permissions(self, tmp_path: Path, run: Runner) -> None:
        first = write(tmp_path / "a.txt", "Ўзбекистон\n")
        second = write(tmp_path / "b.txt", "Oʻzbekiston\n")
        first.chmod(0o600)
        assert run(["--in-place", str(first), str(second)]) == (0, b"", "")
        assert first.read_text(encoding="utf-8") == "Oʻzbekiston\n"
        assert second.read_text(encoding="utf-8") == "Ўзбекистон\n"
        assert first.stat().st_mode & 0o777 == 0o600
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_output_dir(self, tmp_path: Path, run: Runner, jobs: str) -> None:
        sources = [write(tmp_path / f"{i}.txt", f"Шаҳар {i}\n") for i in range(5)]
        out = tmp_path / "out" / "deeper"
        code, _, _ = run(["--output-dir", str(out), "-j", jobs, *map(str, sources)])
        assert code == 0
        for i, source in enumerate(sources):
            assert (out / source.name).read_text(encoding="utf-8") == f"Shahar {i}\n"
            assert source.read_text(encoding="utf-8") == f"Шаҳар {i}\n"

    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_a_failure_says_what_was_converted(
        self, tmp_path: Path, run: Runner, jobs: str
    ) -> None:
        good = write(tmp_path / "good.txt", "Ер\n")
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"\xff\n")
        code, _, err = run(["--in-place", "-j", jobs, "-t", "latin", str(good), str(bad)])
        assert code == 1
        assert f"{bad}: line 1: cannot decode" in err
        assert f"converted: {good}" in err
        assert f"left untouched: {bad}" in err
        assert good.read_text(encoding="utf-8") == "Yer\n"
        assert bad.read_bytes() == b"\xff\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt"]

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--in-place", "--output-dir", "d", "x"], "not both"),
            (["--in-place", "-o", "o.txt", "x"], "does not go with"),
            (["--in-place", "-"], "need FILEs"),
            (["--in-place"], "need FILEs"),
            (["-j", "2", "x"], "--jobs needs --in-place or --output-dir"),
            (["--in-place", "-j", "-1", "x"], "--jobs must be 0 or more"),
            (["--output-dir", "d", "a/x.txt", "b/x.txt"], "would both be written to 'x.txt'"),
        ],
    )
    def test_usage(self, argv: list[str], message: str, run: Runner) -> None:
        code, _, err = run(argv)
        assert code == 2
        assert message in err

    def test_output_dir_same_as_input_dir_is_refused(self, tmp_path: Path, run: Runner) -> None:
        source = write(tmp_path / "a.txt", "Ер")
        code, _, err = run(["--output-dir", str(tmp_path), str(source)])
        assert code == 2
        assert "refusing to write the output over its input" in err


class TestNewLatin:
    def test_to_new_latin(self, run: Runner) -> None:
        assert run(["-t", "new-latin"], "Шаҳар ўғли".encode())[1].decode() == "Şahar öğli"

    def test_from_new_latin(self, run: Runner) -> None:
        code, out, _ = run(["--from", "new-latin", "-t", "latin"], "Şahar öğli".encode())
        assert (code, out.decode()) == (0, "Shahar oʻgʻli")

    def test_detected_new_latin_goes_to_cyrillic(self, run: Runner) -> None:
        code, out, err = run(["-v"], "Şahar öğli".encode())
        assert (code, out.decode()) == (0, "Шаҳар ўғли")
        assert "new-latin (detected in the first" in err

    def test_same_script_is_copied(self, run: Runner) -> None:
        code, out, err = run(["-v", "--from", "latin", "-t", "latin"], b"O'zbek")
        assert (code, out) == (0, b"O'zbek")
        assert "copying it unchanged" in err


def test_unreadable_file(tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every file is readable, so the refusal is simulated."""
    source = write(tmp_path / "secret.txt", "Ер")

    def refuse(name: str, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr("uztranslit._inputs.open", refuse, raising=False)
    code, _, err = run([str(source)])
    assert code == 1
    assert f"{source}: cannot open: Permission denied" in err
    assert "Traceback" not in err
