"""Plain text in UTF-8 (a byte order mark is kept): the format of any other file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ._base import Chooser, Entry, FormatError, Limits

NAME: Final = "text"
BOM: Final = b"\xef\xbb\xbf"


def decode(data: bytes) -> str:
    """*data* as UTF-8; FormatError naming the line of the first byte that is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FormatError(
            f"cannot decode byte 0x{data[error.start]:02x} as utf-8 ({error.reason})", line
        ) from None


def entries(data: bytes) -> Iterator[Entry]:
    """Each line of the text, numbered from 1."""
    for number, line in enumerate(decode(data).splitlines(), start=1):
        yield Entry(number, line)


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The text converted as a whole; the byte order mark, if any, kept."""
    del limits  # plain text unpacks to nothing
    bom = BOM if data.startswith(BOM) else b""
    text = decode(data[len(bom) :])
    translit = choose([text])
    return bom + translit(text).encode("utf-8")
