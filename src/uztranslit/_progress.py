"""A one-line progress report on stderr for long conversions.

Bytes read out of the total (when the inputs' sizes are known), files done out of
the total, the rate and the time left.  On a terminal the line is redrawn in place
(carriage return, erase to the end of the line) at most every INTERVAL seconds,
and only once the work has run DELAY seconds, so a quick conversion prints
nothing; it is erased before any other message and at the end, so the terminal is
left clean, after Ctrl-C too.  Forced on (--progress) for a stream that is not a
terminal, it writes one plain line per LOG_INTERVAL seconds instead.

A dozen lines do the job, so no dependency (tqdm, rich) is worth adding to the
core; counting costs one addition and one clock read per 64 KiB block read.
"""

from __future__ import annotations

import os
import shutil
import time
from typing import Final, TextIO

INTERVAL: Final = 0.25  # seconds between redraws on a terminal
LOG_INTERVAL: Final = 1.0  # seconds between lines when the stream is not a terminal
DELAY: Final = 0.5  # seconds of work before the first line, unless forced on
ERASE_LINE: Final = "\r\x1b[K"  # carriage return, then erase to the end of the line
_UNITS: Final = ("B", "kB", "MB", "GB", "TB")


def size_text(size: float) -> str:
    """*size* bytes in decimal units, as pip and rsync print them: 3.2 MB."""
    for unit in _UNITS:
        if size < 1000 or unit == _UNITS[-1]:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def duration_text(seconds: float) -> str:
    """*seconds* as m:ss, or h:mm:ss from an hour on."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_line(done: int, total: int | None, files_done: int, files: int, elapsed: float) -> str:
    """The report: bytes (of the total, with a percentage), files, rate, time left."""
    parts = [size_text(done)]
    if total:
        parts[0] += f" of {size_text(total)} ({min(100, 100 * done // total)}%)"
    if files > 1:
        parts.append(f"{files_done} of {files} files")
    rate = done / elapsed if elapsed > 0 else 0.0
    if rate > 0:
        parts.append(f"{size_text(rate)}/s")
        if total and total > done:
            parts.append(f"{duration_text((total - done) / rate)} left")
    return " · ".join(parts)


class Progress:
    """Progress of one run of the command, drawn on *stream* if *enabled*."""

    def __init__(
        self,
        stream: TextIO | None,
        *,
        enabled: bool,
        terminal: bool,
        total: int | None,
        files: int,
        delay: float = DELAY,
    ) -> None:
        self.stream = stream
        self.enabled = enabled and stream is not None
        self.terminal = terminal
        self.total = total
        self.files = files
        self.done = 0
        self.files_done = 0
        self.start = time.monotonic()
        self.next_draw = self.start + delay
        self.drawn = False

    def add_bytes(self, count: int) -> None:
        """*count* more bytes were read."""
        self.done += count
        if self.enabled and time.monotonic() >= self.next_draw:
            self.draw()

    def add_file(self, size: int = 0) -> None:
        """One more file is done (*size*: its bytes, when a worker read them)."""
        self.files_done += 1
        self.add_bytes(size)

    def tick(self) -> None:
        """Redraw if it is time (the rate and time left change while waiting)."""
        self.add_bytes(0)

    def draw(self) -> None:
        assert self.stream is not None
        now = time.monotonic()
        line = progress_line(self.done, self.total, self.files_done, self.files, now - self.start)
        self.drawn = True  # before writing: a Ctrl-C during the write must still erase it
        if self.terminal:
            self.stream.write(ERASE_LINE + line[: self._width() - 1])  # no wrapping
            self.next_draw = now + INTERVAL
        else:
            self.stream.write(line + "\n")
            self.next_draw = now + LOG_INTERVAL
        self.stream.flush()

    def _width(self) -> int:
        """The terminal's width (a wrapped line could not be redrawn in place)."""
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        return columns or shutil.get_terminal_size().columns

    def clear(self) -> None:
        """Erase the line, so that a message or the shell prompt starts clean."""
        if self.drawn and self.terminal and self.stream is not None:
            self.stream.write(ERASE_LINE)
            self.stream.flush()
            self.drawn = False
            self.next_draw = time.monotonic() + INTERVAL
