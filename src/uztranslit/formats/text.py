"""Plain text: the format of any other file.

UTF-8, or UTF-16 or UTF-32 when the file begins with that encoding's byte order mark
(Windows Notepad saves "Unicode" as UTF-16 with one).  The result is written in the
encoding the file came in, its mark kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ._base import Chooser, Entry, FormatError, Limits

NAME: Final = "text"
BOM: Final = b"\xef\xbb\xbf"
# The byte order marks a text file may begin with, each with the codec it names; UTF-32's
# first, since UTF-32 LE's mark begins with UTF-16 LE's.
UNICODE_BOMS: Final = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # UTF-32, little-endian
    (b"\x00\x00\xfe\xff", "utf-32-be"),  # UTF-32, big-endian
    (b"\xff\xfe", "utf-16-le"),  # UTF-16, little-endian: Notepad's "Unicode"
    (b"\xfe\xff", "utf-16-be"),  # UTF-16, big-endian
    (BOM, "utf-8"),  # UTF-8 with a mark, as Notepad writes it
)


def decode(data: bytes) -> str:
    """*data* as UTF-8; FormatError naming the line of the first byte that is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FormatError(
            f"cannot decode byte 0x{data[error.start]:02x} as utf-8 ({error.reason})", line
        ) from None


def encoding_of(data: bytes) -> tuple[bytes, str]:
    """The byte order mark *data* begins with (b"" if none) and the codec it names
    (UTF-8 without one)."""
    return next(
        ((bom, codec) for bom, codec in UNICODE_BOMS if data.startswith(bom)), (b"", "utf-8")
    )


def charset_of(data: bytes) -> str:
    """The charset that *data*'s byte order mark names, as a Content-Type names it (utf-16
    for either byte order, which the mark tells); utf-8 without one."""
    return encoding_of(data)[1].removesuffix("-le").removesuffix("-be")


def decode_in(data: bytes, codec: str) -> str:
    """*data* in *codec*; FormatError naming the line of the first byte that is not."""
    if codec == "utf-8":
        return decode(data)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(codec, "replace").count("\n") + 1
        raise FormatError(f"cannot decode the bytes as {codec} ({error.reason})", line) from None


def entries(data: bytes) -> Iterator[Entry]:
    """Each line of the text, numbered from 1."""
    bom, codec = encoding_of(data)
    for number, line in enumerate(decode_in(data[len(bom) :], codec).splitlines(), start=1):
        yield Entry(number, line)


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The text converted as a whole, in the encoding it came in; the byte order mark,
    if any, kept."""
    del limits  # plain text unpacks to nothing
    bom, codec = encoding_of(data)
    text = decode_in(data[len(bom) :], codec)
    translit = choose([text])
    return bom + translit(text).encode(codec)
