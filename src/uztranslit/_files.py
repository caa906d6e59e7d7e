"""Writing an output file as shell redirection would, but whole or not at all.

What stands at the target decides how it is written (write_output):

- nothing, or a regular file: a temporary file ``.ut-XXXXXXXX.tmp`` beside it is
  written, flushed to disk (fsync), given the owner, group and permissions of the
  file it replaces, and renamed over it; the directory is then flushed too.  On
  any error or signal the temporary file is removed and the target is untouched.
  A file with other hard links is refused (a rename would split them), unless
  *hard_links* is "rewrite": the result is then first written to a temporary
  file and copied into the file itself, which keeps its links but is not atomic;
- a symbolic link: followed; its target is written as above;
- an open file of this process (/dev/stdout, /dev/fd/N): that stream, written
  into directly;
- a character device or a FIFO (/dev/null, a named pipe): written into directly,
  as ``>`` does; not atomic;
- a directory, a socket or a block device: refused with an OSError naming it.

Every OSError raised while writing names the target, not the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from typing import BinaryIO, Final, Protocol

from ._signals import held

TEMP_PREFIX: Final = ".ut-"  # short, so that a target name near NAME_MAX still fits
TEMP_SUFFIX: Final = ".tmp"
HARD_LINK_CHOICES: Final = ("refuse", "rewrite")


class ByteSink(Protocol):
    """Where converted bytes go: stdout's buffer or a temporary file."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


class HardLinkError(OSError):
    """The target has other hard links, and hard_links="refuse" was asked for."""


class NamedSink:
    """A binary file whose write errors name *name* (the output, not a temp file)."""

    def __init__(self, raw: BinaryIO, name: str) -> None:
        self.raw = raw
        self.name = name

    def write(self, data: bytes, /) -> int:
        try:
            return self.raw.write(data)
        except OSError as error:
            raise _named(error, self.name) from None

    def flush(self) -> None:
        try:
            self.raw.flush()
        except OSError as error:
            raise _named(error, self.name) from None


def _named(error: OSError, name: str) -> OSError:
    """*error* (same class, by its errno) with *name* as its file name."""
    if error.errno is None:
        return error
    return OSError(error.errno, error.strerror, name)


def write_output(
    target: str,
    write: Callable[[ByteSink], object],
    *,
    hard_links: str = "refuse",
    committed: Callable[[], None] = lambda: None,
) -> None:
    """Call *write* on the output *target*, as the module's docstring describes.

    *committed* is called as soon as the target holds the whole result (right
    after the rename), with SIGINT, SIGTERM and SIGHUP held until it returns, so
    a caller can record the file as written before any interruption arrives.
    """
    if hard_links not in HARD_LINK_CHOICES:
        raise ValueError(f"hard_links must be one of {', '.join(HARD_LINK_CHOICES)}")
    if names_a_descriptor(target):
        # /dev/stdout: that stream itself, appended to (a log file behind it
        # must not be cut short, as `> /dev/stderr` would do)
        _write_directly(target, target, write, append=True)
        committed()
        return
    path = os.path.realpath(target)  # a symlink's target is what gets replaced
    try:
        found: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise _named(error, target) from None
    if found is None or stat.S_ISREG(found.st_mode):
        if found is not None and found.st_nlink > 1 and hard_links == "refuse":
            raise HardLinkError(
                errno.EMLINK,
                f"has {found.st_nlink} hard links, which replacing it would split",
                target,
            )
        if found is not None and found.st_nlink > 1:
            _rewrite_in_place(path, target, write)
            committed()
        else:
            _write_atomically(path, target, write, found, committed)
    elif stat.S_ISCHR(found.st_mode) or stat.S_ISFIFO(found.st_mode):
        _write_directly(path, target, write)
        committed()
    else:
        raise OSError(errno.EINVAL, f"is {_kind(found.st_mode)}; cannot write to it", target)


def names_a_descriptor(target: str) -> bool:
    """Whether *target* is an open file of this process (/dev/stdout, /dev/fd/3,
    /proc/self/fd/1): opened as it is, it is that stream, whatever it leads to."""
    resolved = os.path.realpath(os.path.dirname(os.path.abspath(target)))
    return resolved in {"/proc/self/fd", f"/proc/{os.getpid()}/fd"} or target in {
        "/dev/stdout",
        "/dev/stderr",
    }


def write_atomically(target: str, write: Callable[[ByteSink], object], mode_of: str = "") -> None:
    """write_output(target, write): kept for the callers of 1.0 (*mode_of* is unused:
    a replaced file keeps its own owner and permissions)."""
    del mode_of
    write_output(target, write)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _write_directly(
    path: str, target: str, write: Callable[[ByteSink], object], *, append: bool = False
) -> None:
    """A device or FIFO: opened for writing and written into, as ``>`` does."""
    try:
        raw = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise _named(error, target) from None
    sink = NamedSink(raw, target)
    try:
        write(sink)
        sink.flush()
    finally:
        with contextlib.suppress(OSError):
            raw.close()


def _write_atomically(
    path: str,
    target: str,
    write: Callable[[ByteSink], object],
    replaced: os.stat_result | None,
    committed: Callable[[], None],
) -> None:
    """Write a temporary file beside *path* and rename it over *path*."""
    directory = os.path.dirname(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=directory)
    except OSError as error:
        raise OSError(error.errno, f"cannot write: {error.strerror}", target) from None
    try:
        with os.fdopen(fd, "wb") as raw:
            sink = NamedSink(raw, target)
            write(sink)
            sink.flush()
            try:
                keep_owner_and_mode(raw.fileno(), replaced)
                os.fsync(raw.fileno())
            except OSError as error:
                raise _named(error, target) from None
        with held():
            try:
                os.replace(temp, path)
            except OSError as error:
                raise _named(error, target) from None
            committed()
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    sync_directory(directory)


def _rewrite_in_place(path: str, target: str, write: Callable[[ByteSink], object]) -> None:
    """A hard-linked file: the result goes to a temporary file first (so a failed
    conversion changes nothing), then is copied into the file itself."""
    directory = os.path.dirname(path)
    try:
        spool = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 - closed below
    except OSError as error:
        raise OSError(error.errno, f"cannot write: {error.strerror}", target) from None
    with spool:
        write(NamedSink(spool, target))
        spool.seek(0)
        try:
            with open(path, "r+b") as raw:
                raw.truncate(0)
                shutil.copyfileobj(spool, raw)
                raw.flush()
                os.fsync(raw.fileno())
        except OSError as error:
            raise _named(error, target) from None


def keep_owner_and_mode(fd: int, replaced: os.stat_result | None) -> None:
    """Give the new file *fd* the owner, group and permissions of the file it replaces.

    Where the owner or group cannot be kept (not root), setuid and setgid are
    dropped: a file never becomes setuid for someone else.  A new file gets the
    permissions ``open()`` would give it (0666 less the umask).
    """
    if not hasattr(os, "fchown"):  # no owners to keep (Windows)
        return
    if replaced is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    with contextlib.suppress(OSError):
        os.fchown(fd, replaced.st_uid, replaced.st_gid)
    now = os.fstat(fd)
    mode = stat.S_IMODE(replaced.st_mode)
    if now.st_uid != replaced.st_uid:
        mode &= ~(stat.S_ISUID | stat.S_ISGID)
    if now.st_gid != replaced.st_gid:
        mode &= ~stat.S_ISGID
    os.fchmod(fd, mode)


def sync_directory(directory: str) -> None:
    """Flush a directory's entries (a rename) to disk, where the system allows."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
