"""Writing files whole or not at all, keeping the permissions of what they replace."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from typing import Protocol


class ByteSink(Protocol):
    """Where converted bytes go: stdout's buffer or a temporary file."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


def write_atomically(target: str, write: Callable[[ByteSink], None], mode_of: str) -> None:
    """Call *write* on a temporary file beside *target*, then rename it over *target*.

    On any error the temporary file is removed and *target* is untouched.  The new
    file gets the permissions of *mode_of* if that exists (OUTPUT itself, or the
    file converted in place), else those of a new file.
    """
    directory = os.path.dirname(os.path.abspath(target))
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
            dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise OSError(error.errno, f"cannot write: {error.strerror}", target) from None
    try:
        with handle:
            write(handle)
        os.chmod(handle.name, output_mode(mode_of))
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def output_mode(target: str) -> int:
    """The permissions *target* has, or those a new file would get."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
