"""Progress on stderr: on a terminal by default, never when piped unless asked,
clean after Ctrl-C (issue 17)."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import select
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from uztranslit import _jobs
from uztranslit._cli import main
from uztranslit._progress import (
    ERASE_LINE,
    Progress,
    duration_text,
    progress_line,
    size_text,
)

from .test_cli import command

BLOCK = "Шаҳар маркази\n".encode() * 4000  # about 100 KB


def test_sizes_and_durations() -> None:
    assert [size_text(n) for n in (0, 999, 1000, 3_250_000, 7 * 10**12)] == [
        "0 B",
        "999 B",
        "1.0 kB",
        "3.2 MB",
        "7.0 TB",
    ]
    assert [duration_text(s) for s in (0, 59.6, 61, 3725)] == ["0:00", "1:00", "1:01", "1:02:05"]


def test_progress_line() -> None:
    line = progress_line(3_200_000, 10_000_000, 2, 5, 1.0)
    assert line == "3.2 MB of 10.0 MB (32%) · 2 of 5 files · 3.2 MB/s · 0:02 left"
    assert progress_line(500, None, 0, 1, 2.0) == "500 B · 250 B/s"  # size unknown: a pipe
    assert progress_line(0, 100, 0, 3, 0.0) == "0 B of 100 B (0%) · 0 of 3 files"


def slow_fifo(path: Path, seconds: float) -> threading.Thread:
    """A FIFO that a thread feeds a block every 0.1 s for *seconds*, then closes."""
    os.mkfifo(path)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), path.open("wb") as writer:
            for _ in range(int(seconds / 0.1)):
                writer.write(BLOCK)
                writer.flush()
                time.sleep(0.1)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    return feeder


def run_with_stderr(
    argv: list[str], terminal: bool, interrupt_on: bytes | None = None
) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal (or a pipe); its status and
    stderr.  With *interrupt_on*, Ctrl-C is sent once stderr shows it."""
    if terminal:
        reader, writer = pty.openpty()
    else:
        reader, writer = os.pipe()
    proc = subprocess.Popen(
        [*command(), *argv], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=writer
    )
    os.close(writer)
    captured = b""
    while True:
        if interrupt_on is not None and interrupt_on in captured:
            proc.send_signal(signal.SIGINT)
            interrupt_on = None
        ready, _, _ = select.select([reader], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(reader, 65536)
            except OSError:  # a pseudo-terminal whose other end is closed
                chunk = b""
            if not chunk:
                break
            captured += chunk
    os.close(reader)
    return proc.wait(timeout=30), captured.decode()


def test_shown_on_a_terminal_and_erased_at_the_end(tmp_path: Path) -> None:
    slow_fifo(tmp_path / "in.txt", 1.0)
    code, err = run_with_stderr(
        ["-t", "latin", "-o", str(tmp_path / "out.txt"), str(tmp_path / "in.txt")], terminal=True
    )
    assert code == 0
    assert ERASE_LINE in err
    assert "B/s" in err
    assert err.endswith(ERASE_LINE)  # the terminal is left clean
    assert "\n" not in err
    assert (tmp_path / "out.txt").stat().st_size > len(BLOCK)


def test_nothing_when_piped(tmp_path: Path) -> None:
    slow_fifo(tmp_path / "in.txt", 0.8)  # longer than the delay a terminal would get
    code, err = run_with_stderr(
        ["-o", str(tmp_path / "out.txt"), str(tmp_path / "in.txt")], terminal=False
    )
    assert (code, err) == (0, "")


def test_no_progress_turns_it_off(tmp_path: Path) -> None:
    slow_fifo(tmp_path / "in.txt", 0.8)
    argv = ["--no-progress", "-o", str(tmp_path / "out.txt"), str(tmp_path / "in.txt")]
    assert run_with_stderr(argv, terminal=True) == (0, "")


def test_forced_when_piped_writes_plain_lines(tmp_path: Path) -> None:
    slow_fifo(tmp_path / "in.txt", 0.5)  # forced on: shown from the start
    argv = ["--progress", "-o", str(tmp_path / "out.txt"), str(tmp_path / "in.txt")]
    code, err = run_with_stderr(argv, terminal=False)
    assert code == 0
    lines = err.splitlines()
    assert lines
    for line in lines:  # bytes and rate, nothing for a terminal
        assert re.fullmatch(r"[\d.]+ [kMG]?B( · [\d.]+ [kMG]?B/s)?", line), line


def test_nothing_when_the_output_is_the_terminal(tmp_path: Path) -> None:
    """Converted text on the terminal would be mixed with the progress line."""
    slow_fifo(tmp_path / "in.txt", 0.8)
    reader, writer = pty.openpty()
    proc = subprocess.Popen(
        [*command(), "-t", "latin", str(tmp_path / "in.txt")],
        stdin=subprocess.DEVNULL,
        stdout=writer,
        stderr=writer,
    )
    os.close(writer)
    captured = b""
    while True:
        try:
            chunk = os.read(reader, 65536)
        except OSError:
            break
        if not chunk:
            break
        captured += chunk
    os.close(reader)
    assert proc.wait(timeout=30) == 0
    assert b"\x1b[K" not in captured
    assert b"B/s" not in captured


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_ctrl_c_leaves_a_clean_line_and_a_summary(tmp_path: Path) -> None:
    inputs = []
    for i in range(3):
        path = tmp_path / f"f{i}.txt"
        slow_fifo(path, 5.0)
        inputs.append(str(path))
    out = tmp_path / "out"
    code, err = run_with_stderr(
        ["--output-dir", str(out), *inputs], terminal=True, interrupt_on=b"B/s"
    )
    assert code == 130
    before, _, last = err.rpartition(ERASE_LINE)
    assert "B/s" in before  # progress was shown
    assert last.startswith("uztranslit: interrupted; converted: none; left untouched: ")
    assert "Traceback" not in err
    assert list(out.iterdir()) == []


@pytest.mark.skipif(_jobs.usable_cores() < 2, reason="needs two usable cores for two workers")
def test_with_workers_the_total_is_the_inputs_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files converted in place shrink (Cyrillic letters take two bytes, Latin one):
    progress counts the bytes each had before."""
    finals: list[tuple[int, int | None]] = []

    class Recording(Progress):
        def clear(self) -> None:
            finals.append((self.done, self.total))
            super().clear()

    monkeypatch.setattr("uztranslit._cli.Progress", Recording)
    files = [tmp_path / f"{i}.txt" for i in range(3)]
    for path in files:
        path.write_bytes("Шаҳар маркази\n".encode() * 100)
    size = sum(path.stat().st_size for path in files)
    assert main(["--in-place", "-j", "2", "-t", "latin", *map(str, files)]) == 0
    assert finals[-1] == (size, size)
    assert files[0].stat().st_size < size // 3
