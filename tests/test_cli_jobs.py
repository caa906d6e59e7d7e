"""-j: capped, stopping cleanly on failure and Ctrl-C, never outliving the command."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from uztranslit import _jobs
from uztranslit._cli import build_parser

from .test_cli import Runner, command, run, write

__all__ = ["run"]  # the fixture, used by name

TWO_CORES = pytest.mark.skipif(
    _jobs.usable_cores() < 2, reason="needs two usable cores for two workers"
)


class Recorded(Exception):
    pass


def test_jobs_are_capped(tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []

    def pool(workers: int, **kwargs: object) -> None:
        sizes.append(workers)
        raise Recorded

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", pool)
    monkeypatch.setattr(_jobs, "usable_cores", lambda: 3)
    one = write(tmp_path / "one.txt", "Ер\n")
    assert run(["--in-place", "-j", "64", str(one)])[0] == 0  # one file: no pool at all
    assert one.read_text(encoding="utf-8") == "Yer\n"
    files = [str(write(tmp_path / f"{i}.txt", "Ер\n")) for i in range(5)]
    for jobs, expected in (("64", 3), ("0", 3), ("2", 2)):
        with pytest.raises(Recorded):
            run(["--in-place", "-j", jobs, *files])
        assert sizes.pop() == expected
    two = files[:2]
    with pytest.raises(Recorded):
        run(["--output-dir", str(tmp_path / "out"), "-j", "99999", *two])
    assert sizes.pop() == 2


def test_help_says_jobs_are_capped() -> None:
    text = build_parser().format_help()
    assert "never more than the FILEs or the usable cores" in " ".join(text.split())


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def read_line(stream: object, timeout: float) -> bytes:
    fd = stream.fileno()  # type: ignore[attr-defined]
    line = b""
    deadline = time.monotonic() + timeout
    while not line.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"no line within {timeout} s; got {line!r}")
        chunk = os.read(fd, 1)
        if not chunk:
            break
        line += chunk
    return line


def wait_for_temp_files(directory: Path, count: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if directory.exists() and len(list(directory.glob(".ut-*.tmp"))) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{count} workers never started writing in {directory}")


@TWO_CORES
def test_no_file_is_started_after_a_failure(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\n")
    slow = fifo(tmp_path / "slow.txt")
    later = [write(tmp_path / f"later{i}.txt", "Ер\n") for i in range(3)]
    out = tmp_path / "out"
    with subprocess.Popen(
        [*command(), "-t", "latin", "-j", "2", "--output-dir", str(out), str(bad), str(slow)]
        + [str(path) for path in later],
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stderr is not None
        assert b"bad.txt: line 1: cannot decode" in read_line(proc.stderr, 30)
        with slow.open("wb") as writer:  # the running file is let finish
            writer.write("Ер\n".encode())
        assert proc.wait(timeout=30) == 1
        summary = proc.stderr.read().decode()
    assert f"converted: {slow}; left untouched: {bad}, {later[0]}" in summary
    assert sorted(p.name for p in out.iterdir()) == ["slow.txt"]


@TWO_CORES
def test_ctrl_c_rolls_back_and_reports(tmp_path: Path) -> None:
    inputs = [fifo(tmp_path / f"f{i}.txt") for i in range(4)]
    out = tmp_path / "out"
    with subprocess.Popen(
        [*command(), "-j", "2", "--output-dir", str(out), *map(str, inputs)],
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stderr is not None
        wait_for_temp_files(out, 2)  # both workers wait for their FIFO's writer
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        err = proc.stderr.read().decode()
    assert "interrupted; converted: none; left untouched: " in err
    assert ", ".join(map(str, inputs)) in err
    assert "Traceback" not in err
    assert list(out.iterdir()) == []


def test_ctrl_c_one_at_a_time_reports(tmp_path: Path) -> None:
    done = write(tmp_path / "done.txt", "Ер\n")
    waiting = fifo(tmp_path / "waiting.txt")
    out = tmp_path / "out"
    with subprocess.Popen(
        [*command(), "--output-dir", str(out), str(done), str(waiting)],
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stderr is not None
        deadline = time.monotonic() + 30
        while not (out / "done.txt").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        wait_for_temp_files(out, 1)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        err = proc.stderr.read().decode()
    assert f"interrupted; converted: {done}; left untouched: {waiting}" in err
    assert sorted(p.name for p in out.iterdir()) == ["done.txt"]


def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in {"Z", "X"}


@TWO_CORES
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc to find the workers")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    inputs = [fifo(tmp_path / f"f{i}.txt") for i in range(2)]
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*command(), "-j", "2", "--output-dir", str(out), *map(str, inputs)],
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_temp_files(out, 2)
        workers = children_of(proc.pid)
        assert len(workers) >= 2
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 20
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, workers))
    assert list(out.iterdir()) == []  # each rolled back the file it was writing


@TWO_CORES
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_to_the_whole_group_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    """As a service manager or a closed terminal would: every process gets it."""
    inputs = [fifo(tmp_path / f"f{i}.txt") for i in range(2)]
    plain = write(tmp_path / "plain.txt", "Ер\n")
    out = tmp_path / "out"
    with subprocess.Popen(
        [*command(), "-j", "2", "--output-dir", str(out), *map(str, inputs), str(plain)],
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as proc:
        assert proc.stderr is not None
        wait_for_temp_files(out, 2)
        os.killpg(proc.pid, signum)
        assert proc.wait(timeout=30) == 128 + signum
        err = proc.stderr.read().decode()
    assert "interrupted; converted: none; left untouched: " in err
    assert list(out.iterdir()) == []
