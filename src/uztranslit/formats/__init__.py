"""Files with structure: Office documents, catalogues, web pages, subtitles.

The text a reader sees is converted with full context; everything else stays
byte for byte.  Each format is one module in this package with one interface
(see _base.FormatModule): ``convert(data, choose, limits) -> bytes``, where
*choose* turns the file's visible texts into the Transliterator to use (it
detects the source script when none was given).  A new format is one module
plus one row of FORMATS.

Optional dependencies (lxml for Office XML, polib for gettext) are imported by
the modules that need them, so ``import uztranslit`` stays fast; without them a
FormatError says which extra to install.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from types import MappingProxyType
from typing import Final

from .._files import ByteSink, write_atomically
from .._lexicon import Lexicon
from .._transliterator import Transliterator
from ._base import Chooser, Entry, FormatError, FormatModule, Limits, chooser_for

__all__ = [
    "FORMATS",
    "Entry",
    "FormatError",
    "Limits",
    "convert_bytes",
    "convert_file",
    "detect_format",
    "format_module",
]

# Format name → (module in this package, file name endings it is chosen by).
# Zip-based formats are also recognised by content (each module's sniff).
FORMATS: Final = MappingProxyType(
    {
        "text": ("text", (".txt",)),  # plain text in UTF-8: the default
        "html": ("html", (".html", ".htm")),  # web pages: text nodes and visible attributes
        "xhtml": ("xhtml", (".xhtml",)),  # the same, checked as well-formed XML first
        "markdown": ("markdown", (".md", ".markdown")),  # prose outside code, URLs, markup
        "srt": ("srt", (".srt",)),  # SubRip subtitles: the cue text
        "vtt": ("vtt", (".vtt",)),  # WebVTT subtitles: the cue text
    }
)


def format_module(name: str) -> FormatModule:
    """The module that converts the format *name* (one of FORMATS)."""
    if name not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {name!r}")
    module: FormatModule = importlib.import_module(f".{FORMATS[name][0]}", __name__)
    return module


def detect_format(filename: str | None, head: bytes) -> str:
    """The format of a file by its content (*head*: its first bytes), then by the
    ending of *filename*; "text" if neither says."""
    for name in FORMATS:
        sniff = getattr(format_module(name), "sniff", None)
        if sniff is not None and sniff(head):
            return name
    if filename:
        ending = os.path.splitext(filename)[1].lower()
        for name, (_module, endings) in FORMATS.items():
            if ending in endings:
                return name
    return "text"


def convert_bytes(
    data: bytes,
    /,
    *,
    to: str,
    format: str | None = None,
    filename: str | None = None,
    source: str | None = None,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
    limits: Limits | None = None,
) -> bytes:
    """Convert a whole file held in *data* and return the new file's bytes.

    The format is *format* if given, else recognised from the content and the
    ending of *filename* (detect_format).  The other options are those of
    transliterate().  Raises FormatError (a ValueError) for a file that cannot
    be read as its format, naming the line where there is one.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"convert_bytes() argument must be bytes, not {type(data).__name__}")
    data = bytes(data)
    translit = Transliterator(
        to=to,
        source=source,
        apostrophes=apostrophes,
        lexicon=lexicon,
        conventions=conventions,
        keep=keep,
    )
    return convert_with(data, translit, format, filename, limits or Limits())


def convert_with(
    data: bytes,
    translit: Transliterator,
    format: str | None,
    filename: str | None,
    limits: Limits,
) -> bytes:
    """convert_bytes with the options already checked (for the CLI and the server)."""
    name = format if format is not None else detect_format(filename, data[:4096])
    chooser: Chooser = chooser_for(translit)
    return format_module(name).convert(data, chooser, limits)


def convert_file(
    path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    /,
    *,
    to: str,
    format: str | None = None,
    source: str | None = None,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
    limits: Limits | None = None,
) -> None:
    """Convert the file at *path* into *output* (which may be *path* itself).

    *output* is written whole or not at all; on any error it is left as it was.
    The options are those of convert_bytes().
    """
    with open(path, "rb") as file:
        data = file.read()
    converted = convert_bytes(
        data,
        to=to,
        format=format,
        filename=os.fspath(path),
        source=source,
        apostrophes=apostrophes,
        lexicon=lexicon,
        conventions=conventions,
        keep=keep,
        limits=limits,
    )
    target = os.fspath(output)

    def write(out: ByteSink) -> None:
        out.write(converted)

    write_atomically(target, write, target)
