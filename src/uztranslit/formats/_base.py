"""What every format module offers, and what it is given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, NamedTuple, Protocol

from .._transliterator import Transliterator

# Bytes of a file's visible text read to choose the direction, as the CLI does.
DETECT_SIZE: Final = 1 << 16

# Given the visible texts of a file, the Transliterator to convert it with.
Chooser = Callable[[Iterable[str]], Transliterator]


class FormatError(ValueError):
    """A file that cannot be read as its format; names the line where there is one."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"line {line}: {message}")
        self.message = message
        self.line = line

    def __reduce__(self) -> tuple[type[FormatError], tuple[str, int | None]]:
        return (FormatError, (self.message, self.line))


class FormatWarning(UserWarning):
    """A file converted as asked, but with something the user should know
    (a .pot template has no translations to convert)."""


class Limits(NamedTuple):
    """Caps on what one file may unpack to: untrusted files can be bombs.

    *max_unpacked* is the total uncompressed size of a zip's entries and
    *max_ratio* the largest ratio of an entry's uncompressed to compressed size,
    for entries above 1 MiB (_safezip.RATIO_FLOOR: small XML parts compress far
    better and are harmless).  Raise them to read bigger files on purpose.
    """

    max_unpacked: int = 1 << 30
    max_ratio: int = 200
    # A NamedTuple, not a frozen dataclass: importing dataclasses (and inspect with
    # it) was a tenth of the command line's start-up, which needs Limits' defaults.


class Entry(NamedTuple):
    """One text a reader sees, with the line of the file it starts on (for --check)."""

    line: int
    text: str


class FormatModule(Protocol):
    """The interface of a format module (office, po, html …)."""

    NAME: str

    def convert(self, data: bytes, choose: Chooser, limits: Limits, /) -> bytes: ...


# The formats whose convert() takes the keyword from_source=True: a target or an
# empty translation made from the source text (XLIFF <source>, a .po's msgid).
FROM_SOURCE_FORMATS: Final = ("po", "xliff")


def chooser_for(translit: Transliterator) -> Chooser:
    """A Chooser that resolves *translit*'s source from the first DETECT_SIZE
    characters of visible text, when no source was given."""

    def choose(texts: Iterable[str]) -> Transliterator:
        if translit.source is not None:
            return translit
        return translit.resolved(sample_of(texts))

    return choose


def sample_of(texts: Iterable[str]) -> str:
    """The first DETECT_SIZE characters or so of *texts*, joined: what detection reads."""
    taken: list[str] = []
    size = 0
    for text in texts:
        taken.append(text)
        size += len(text)
        if size >= DETECT_SIZE:
            break
    return "\n".join(taken)
