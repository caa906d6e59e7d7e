"""SIGTERM and SIGHUP as exceptions, so that a killed command cleans up like Ctrl-C.

Python turns SIGINT into KeyboardInterrupt, and every ``finally`` and
``except BaseException`` on the way out runs: temporary files are removed.
SIGTERM and SIGHUP would kill the process on the spot instead.  While
terminations_raise() is active they raise Terminated, which unwinds the same way.
"""

from __future__ import annotations

import _thread
import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Final

# SIGTERM, and SIGHUP where the system has it (not on Windows).
CAUGHT: Final = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Terminated(BaseException):
    """The process got SIGTERM or SIGHUP; like KeyboardInterrupt, not an Exception."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def status(self) -> int:
        """The exit status a shell reports for a process killed by the signal."""
        return 128 + self.signum


def raise_terminated(signum: int, frame: FrameType | None) -> None:
    """A signal handler: raise Terminated in the main thread."""
    del frame
    raise Terminated(signum)


@contextlib.contextmanager
def terminations_raise() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise Terminated (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, raise_terminated) for signum in CAUGHT}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def interrupt_main_thread(main: int) -> None:
    """From another thread, make the main thread raise Terminated: a real signal
    sent to that thread, so that a read it is blocked in returns at once."""
    if hasattr(signal, "pthread_kill"):
        signal.pthread_kill(main, signal.SIGTERM)
    else:  # no thread signals: the handler runs when the main thread next runs Python
        _thread.interrupt_main(signal.SIGTERM)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM and SIGHUP wait, and arrive after it.

    For a step that must not be cut in two: renaming a finished file and
    recording that it was renamed.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, *CAUGHT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
