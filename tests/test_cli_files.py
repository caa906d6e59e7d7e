"""The command's outputs and files under hostile and careless use (issue 10)."""

from __future__ import annotations

import errno
import io
import os
import signal
import socket
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest

from uztranslit import to_latin
from uztranslit._cli import main

from .test_cli import Runner, command, run, write

__all__ = ["run"]  # the fixture, used by name

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="changing owners needs root")


def temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def unblock_later(fifo: Path, after: float = 3.0) -> None:
    """After *after* seconds, let a reader blocked opening *fifo* through (and see
    the end of it), so that a test of code that should never read it cannot hang."""

    def unblock() -> None:
        deadline = time.monotonic() + after + 30
        time.sleep(after)
        while time.monotonic() < deadline:
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:  # no reader yet (ENXIO), or the FIFO is gone
                time.sleep(0.1)
                continue
            return

    threading.Thread(target=unblock, daemon=True).start()


class TestOutputKinds:
    def test_character_device_is_written_into(self, tmp_path: Path, run: Runner) -> None:
        null = tmp_path / "null"
        try:
            os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except (PermissionError, OSError) as error:
            pytest.skip(f"cannot make a device node here: {error}")
        code, _, err = run(["-o", str(null)], "Ер\n".encode())
        assert (code, err) == (0, "")
        assert stat.S_ISCHR(null.stat().st_mode)  # still the device, not a regular file
        assert temp_files(tmp_path) == []

    def test_fifo_is_written_into(self, tmp_path: Path, run: Runner) -> None:
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        code, _, _ = run(["-o", str(fifo)], "Ер сув\n".encode())
        reader.join(timeout=30)
        assert code == 0
        assert received == [b"Yer suv\n"]
        assert stat.S_ISFIFO(fifo.stat().st_mode)

    def test_socket_is_refused(self, tmp_path: Path, run: Runner) -> None:
        path = tmp_path / "sock"
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))
            code, _, err = run(["-o", str(path)], b"x")
        assert code == 1
        assert f"{path}: is a socket; cannot write to it" in err
        assert stat.S_ISSOCK(path.stat().st_mode)

    def test_symlink_is_followed_and_its_target_replaced(self, tmp_path: Path, run: Runner) -> None:
        target = write(tmp_path / "target.txt", "old")
        link = tmp_path / "link.txt"
        link.symlink_to(target.name)
        assert run(["-o", str(link)], "Ер\n".encode())[0] == 0
        assert link.is_symlink()
        assert target.read_text(encoding="utf-8") == "Yer\n"
        assert temp_files(tmp_path) == []

    @pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
    def test_a_descriptor_path_is_the_stream_itself(self, tmp_path: Path) -> None:
        """-o /dev/stdout and the like; tested through /proc/self/fd/1, which a
        regression could not replace (nothing can be created in /proc)."""
        done = subprocess.run(
            [*command(), "-t", "latin", "-o", "/proc/self/fd/1"],
            input="Ер\n".encode(),
            capture_output=True,
            check=False,
        )
        assert (done.returncode, done.stdout, done.stderr) == (0, b"Yer\n", b"")
        log = tmp_path / "log.txt"
        log.write_bytes(b"kept\n")
        with log.open("ab") as stdout:  # appended to, not cut short
            subprocess.run(
                [*command(), "-t", "latin", "-o", "/proc/self/fd/1"],
                input="Ер\n".encode(),
                stdout=stdout,
                check=True,
            )
        assert log.read_bytes() == b"kept\nYer\n"

    def test_directory_is_named(self, tmp_path: Path, run: Runner) -> None:
        code, _, err = run(["-o", str(tmp_path)], b"x")
        assert code == 1
        assert f"{tmp_path}: is a directory; -o names a file" in err
        assert ".tmp" not in err
        assert temp_files(tmp_path.parent) == []

    @pytest.mark.parametrize("option", ["-o", "--output-dir"])
    def test_empty_name_is_a_usage_error(self, option: str, run: Runner) -> None:
        code, _, err = run([option, "", "x.txt"], b"x")
        assert code == 2
        assert "need a name" in err

    def test_long_file_name(self, tmp_path: Path, run: Runner) -> None:
        name = "ш" * 120 + ".txt"  # 244 bytes: the old temp name had 258
        target = write(tmp_path / name, "Шаҳар\n")
        assert run(["--in-place", str(target)]) == (0, b"", "")
        assert target.read_text(encoding="utf-8") == "Shahar\n"
        out = tmp_path / ("о" * 120 + ".txt")
        assert run(["-o", str(out), str(target)])[0] == 0
        assert out.read_text(encoding="utf-8") == "Шаҳар\n"  # Latin, detected, goes back


class TestInPlace:
    def test_each_file_once(
        self, tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        text = "Вольтер Айова Дэвид\n"
        first = write(tmp_path / "x.txt", text)
        link = tmp_path / "link.txt"
        link.symlink_to(first.name)
        monkeypatch.chdir(tmp_path)
        assert run(["--in-place", "x.txt", "./x.txt", "link.txt"])[0] == 0
        assert first.read_text(encoding="utf-8") == to_latin(text)
        assert link.is_symlink()

    def test_symlink_converts_its_target(self, tmp_path: Path, run: Runner) -> None:
        target = write(tmp_path / "t.txt", "Ер\n")
        link = tmp_path / "l.txt"
        link.symlink_to(target.name)
        assert run(["--in-place", str(link)])[0] == 0
        assert link.is_symlink()
        assert target.read_text(encoding="utf-8") == "Yer\n"

    @ROOT_ONLY
    @pytest.mark.parametrize("mode", ["--in-place", "-o"])
    def test_owner_group_and_setuid_kept(self, tmp_path: Path, run: Runner, mode: str) -> None:
        source = write(tmp_path / "a.txt", "Ер\n")
        target = source if mode == "--in-place" else write(tmp_path / "out.txt", "old")
        os.chown(target, 1234, 2345)
        target.chmod(0o4755)
        argv = ["--in-place", str(source)] if mode == "--in-place" else ["-o", str(target)]
        assert run(argv, "Ер\n".encode())[0] == 0
        found = target.stat()
        assert (found.st_uid, found.st_gid) == (1234, 2345)
        assert stat.S_IMODE(found.st_mode) == 0o4755
        assert target.read_text(encoding="utf-8") == "Yer\n"

    @ROOT_ONLY
    def test_setuid_dropped_when_owner_cannot_be_kept(
        self, tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        source = write(tmp_path / "a.txt", "Ер\n")
        os.chown(source, 1234, 2345)
        source.chmod(0o6755)

        def refuse(fd: int, uid: int, gid: int) -> None:
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "fchown", refuse)
        assert run(["--in-place", str(source)])[0] == 0
        found = source.stat()
        assert found.st_uid == os.geteuid()
        assert stat.S_IMODE(found.st_mode) == 0o755

    def test_hard_linked_file_is_refused(self, tmp_path: Path, run: Runner) -> None:
        source = write(tmp_path / "a.txt", "Ер\n")
        other = tmp_path / "b.txt"
        os.link(source, other)
        code, _, err = run(["--in-place", str(source)])
        assert code == 1
        assert "has 2 hard links" in err
        assert "--allow-hardlinks" in err
        assert other.read_text(encoding="utf-8") == "Ер\n"
        assert source.stat().st_ino == other.stat().st_ino

    @pytest.mark.parametrize("mode", ["--in-place", "-o"])
    def test_allow_hardlinks_rewrites_in_place(
        self, tmp_path: Path, run: Runner, mode: str
    ) -> None:
        source = write(tmp_path / "a.txt", "Ер\n")
        target = source if mode == "--in-place" else write(tmp_path / "out.txt", "old")
        other = tmp_path / "other.txt"
        os.link(target, other)
        argv = [mode, *([str(target)] if mode == "-o" else []), "--allow-hardlinks", str(source)]
        assert run(argv)[0] == 0
        assert other.read_text(encoding="utf-8") == "Yer\n"
        assert target.stat().st_ino == other.stat().st_ino
        assert temp_files(tmp_path) == []

    def test_hard_linked_output_is_refused(self, tmp_path: Path, run: Runner) -> None:
        out = write(tmp_path / "out.txt", "old")
        os.link(out, tmp_path / "other.txt")
        code, _, err = run(["-o", str(out)], b"x")
        assert code == 1
        assert "hard links" in err
        assert out.read_text(encoding="utf-8") == "old"

    def test_fifo_in_place_is_refused(self, tmp_path: Path, run: Runner) -> None:
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        unblock_later(fifo)  # a regression that reads the FIFO fails instead of hanging
        code, _, err = run(["--in-place", str(fifo)])
        assert code == 1
        assert "regular files only" in err


def test_file_and_directory_are_synced_around_the_rename(
    tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    assert run(["-o", str(tmp_path / "out.txt")], b"x")[0] == 0
    assert events == ["fsync file", "rename", "fsync dir"]


class TestMessages:
    def test_disk_full_names_the_output(
        self, tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        real_fdopen = os.fdopen

        class Full(io.BufferedWriter):
            def write(self, data: object, /) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

        def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
            if mode == "wb":
                return Full(io.FileIO(fd, "wb"))
            return real_fdopen(fd, mode, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(os, "fdopen", fdopen)
        out = tmp_path / "out.txt"
        code, _, err = run(["-o", str(out)], b"x")
        assert code == 1
        assert f"uztranslit: {out}: No space left on device" in err
        assert temp_files(tmp_path) == []
        assert not out.exists()

    def test_full_device_as_output(self, tmp_path: Path, run: Runner) -> None:
        full = tmp_path / "full"  # a /dev/full of our own: a bug must not replace the real one
        try:
            os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        except OSError as error:
            pytest.skip(f"cannot make a device node here: {error}")
        code, _, err = run(["-o", str(full)], b"x")
        assert code == 1
        assert f"{full}: No space left on device" in err
        assert stat.S_ISCHR(full.stat().st_mode)

    @pytest.mark.parametrize(
        ("shell", "message"),
        [
            ("{cmd} 0<&-", b"standard input is closed"),
            ("echo x | {cmd} 1>&-", b"standard output is closed"),
        ],
    )
    def test_closed_standard_files(self, shell: str, message: bytes) -> None:
        cmd = " ".join(f"'{part}'" for part in command())
        done = subprocess.run(["sh", "-c", shell.format(cmd=cmd)], capture_output=True, check=False)
        assert done.returncode == 1
        assert message in done.stderr
        assert b"Traceback" not in done.stderr


def test_a_fifo_input_with_output_is_read_once(tmp_path: Path, run: Runner) -> None:
    """Checking that the inputs can be read must not open a FIFO: that would let
    its writer through and then close the pipe on it."""
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    sent: list[int] = []

    def feed() -> None:
        with fifo.open("wb") as writer:
            sent.append(writer.write("Ер\n".encode() * 1000))

    feeder = threading.Thread(target=feed)
    feeder.start()
    out = tmp_path / "out.txt"
    assert run(["-t", "latin", "-o", str(out), str(fifo)])[0] == 0
    feeder.join(timeout=30)
    assert out.read_bytes() == b"Yer\n" * 1000


class TestMissingInputs:
    def test_to_stdout_the_readable_ones_are_converted(self, tmp_path: Path, run: Runner) -> None:
        good = write(tmp_path / "good.txt", "Ер\n")
        good2 = write(tmp_path / "good2.txt", "Сув\n")
        missing = tmp_path / "missing.txt"
        code, out, err = run([str(good), str(missing), str(good2)])
        assert (code, out) == (1, b"Yer\nSuv\n")
        assert f"{missing}: no such file" in err

    def test_with_output_nothing_is_written(self, tmp_path: Path, run: Runner) -> None:
        good = write(tmp_path / "good.txt", "Ер\n")
        out = write(tmp_path / "out.txt", "old")
        code, _, err = run(["-o", str(out), str(good), str(tmp_path / "missing.txt"), str(good)])
        assert code == 1
        assert "missing.txt: no such file" in err
        assert f"{out} was not written" in err
        assert out.read_text(encoding="utf-8") == "old"

    @pytest.mark.parametrize("mode", [["--in-place"], ["--output-dir", "OUT"]])
    def test_each_file_mode_checks_every_input_first(
        self, tmp_path: Path, run: Runner, mode: list[str]
    ) -> None:
        good = write(tmp_path / "good.txt", "Ер\n")
        missing = tmp_path / "missing.txt"
        argv = [part.replace("OUT", str(tmp_path / "out")) for part in mode]
        code, _, err = run([*argv, str(good), str(missing)])
        assert code == 1
        assert f"{missing}: no such file" in err
        assert "nothing was converted" in err
        assert good.read_text(encoding="utf-8") == "Ер\n"
        assert not (tmp_path / "out" / "good.txt").exists()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_termination_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out.txt"
    with subprocess.Popen(
        [*command(), "-t", "latin", "-o", str(out)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdin is not None
        assert proc.stderr is not None
        proc.stdin.write("Ер\n".encode())
        proc.stdin.flush()
        deadline = time.monotonic() + 30
        while not temp_files(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert temp_files(tmp_path), "the command never started writing"
        time.sleep(0.2)  # let it reach the next read
        proc.send_signal(signum)
        assert proc.wait(timeout=30) == 128 + signum
        assert b"Traceback" not in proc.stderr.read()
    assert list(tmp_path.iterdir()) == []


def test_in_process_main_restores_signal_handlers() -> None:
    before = signal.getsignal(signal.SIGTERM)
    assert main(["--version"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before
