"""Files with structure: Office documents, catalogues, web pages, subtitles.

The text a reader sees is converted with full context; everything else stays
byte for byte.  Each format is one module in this package with one interface
(see _base.FormatModule): ``convert(data, choose, limits) -> bytes``, where
*choose* turns the file's visible texts into the Transliterator to use (it
detects the source script when none was given).  A new format is one module
plus one row of FORMATS.  A module may also offer ``sniff(head) -> bool`` (it
is chosen by content), ``entries(data)`` and ``declared_script(data)`` (for
check_bytes, the localiser's check), and the keyword ``from_source`` of
convert() (FROM_SOURCE_FORMATS).  docs/formats.md describes each format.

Optional dependencies (lxml for Office XML) are imported by the modules that
need them, so ``import uztranslit`` stays fast; without them a FormatError says
which extra to install.  The catalogue formats (po, json, android, xliff, apple)
need only the standard library.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any, Final

from .._files import ByteSink, write_atomically
from .._lexicon import Lexicon
from .._options import check_choice
from .._transliterator import Transliterator
from ._base import (
    FROM_SOURCE_FORMATS,
    Chooser,
    Entry,
    FormatError,
    FormatModule,
    FormatWarning,
    Limits,
    chooser_for,
)
from ._check import check_bytes

__all__ = [
    "FORMATS",
    "Entry",
    "FormatError",
    "FormatWarning",
    "Limits",
    "check_bytes",
    "convert_bytes",
    "convert_file",
    "detect_format",
    "format_module",
]

# Format name → (module in this package, file name endings it is chosen by).
# Zip-based formats are also recognised by content (each module's sniff).
FORMATS: Final = MappingProxyType(
    {
        "text": ("text", (".txt",)),  # plain text (UTF-8, UTF-16 with its mark): the default
        "docx": ("office", (".docx", ".docm", ".dotx", ".dotm")),  # Word
        "xlsx": ("office", (".xlsx", ".xlsm", ".xltx", ".xltm")),  # Excel
        "pptx": ("office", (".pptx", ".pptm", ".potx", ".ppsx")),  # PowerPoint
        "odt": ("odf", (".odt", ".ott")),  # OpenDocument text
        "ods": ("odf", (".ods", ".ots")),  # OpenDocument spreadsheet
        "odp": ("odf", (".odp", ".otp")),  # OpenDocument presentation
        "po": ("po", (".po", ".pot")),  # gettext catalogues and templates
        "json": ("jsoncat", (".json", ".arb")),  # i18next, vue-i18n, ARB, Chrome messages
        "android": ("android", ()),  # Android strings.xml: by content (<resources), not by .xml
        "xliff": ("xliff", (".xlf", ".xliff")),  # XLIFF 1.2 and 2.0, also by content (<xliff)
        "apple": ("apple", (".strings", ".stringsdict")),  # iOS and macOS catalogues
        "xcstrings": ("xcstrings", (".xcstrings",)),  # Xcode String Catalogs: refused
        "html": ("html", (".html", ".htm")),  # web pages: text nodes and visible attributes
        "xhtml": ("xhtml", (".xhtml",)),  # the same, checked as well-formed XML first
        "markdown": ("markdown", (".md", ".markdown")),  # prose outside code, URLs, markup
        "srt": ("srt", (".srt",)),  # SubRip subtitles: the cue text
        "vtt": ("vtt", (".vtt",)),  # WebVTT subtitles: the cue text
    }
)


# The modules that recognise a file by its content (their sniff), each with what that
# content starts with; the others are chosen by the file's ending only.  A module is
# imported to sniff only a head that starts so: plain text imports none of them.
_ZIP_OR_OLE2: Final = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
SNIFFED: Final = MappingProxyType(
    {
        "office": _ZIP_OR_OLE2,  # Office Open XML zips, and old binary Office files
        "odf": _ZIP_OR_OLE2,  # OpenDocument zips (and the same old files, refused)
        "android": (b"<",),  # <resources>, after a byte order mark, blanks, a prolog
        "xliff": (b"<",),  # <xliff>, likewise
    }
)
_BOM: Final = b"\xef\xbb\xbf"


def _may_sniff(module: str, head: bytes) -> bool:
    """Whether *module* recognises files by content and *head* starts as they do."""
    starts = SNIFFED.get(module)
    if starts is None:
        return False
    return head.removeprefix(_BOM).lstrip().startswith(starts)


def format_module(name: str) -> FormatModule:
    """The module that converts the format *name* (one of FORMATS)."""
    check_choice("format", name, FORMATS)
    module: FormatModule = importlib.import_module(f".{FORMATS[name][0]}", __name__)
    return module


def detect_format(filename: str | None, head: bytes) -> str:
    """The format of a file by its content (*head*: its first bytes), then by the
    ending of *filename*; "text" if neither says.  A module's sniff(head) says
    True, or the name of the format when one module reads several; then an
    ending of the same module refines it (a zip's head may not show whether it
    holds Word or Excel parts)."""
    by_ending = None
    if filename:
        ending = os.path.splitext(filename)[1].lower()
        by_ending = next((name for name, row in FORMATS.items() if ending in row[1]), None)
    for name in FORMATS:
        if not _may_sniff(FORMATS[name][0], head):
            continue
        found = format_module(name).sniff(head)  # type: ignore[attr-defined]
        if found:
            found = found if isinstance(found, str) else name
            if by_ending is not None and FORMATS[by_ending][0] == FORMATS[found][0]:
                return by_ending  # the content says the family, the ending which one
            return found
    return by_ending or "text"


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
    from_source: bool = False,
) -> bytes:
    """Convert a whole file held in *data* and return the new file's bytes.

    The format is *format* if given, else recognised from the content and the
    ending of *filename* (detect_format).  The other options are those of
    transliterate().  *from_source* (formats of FROM_SOURCE_FORMATS only) makes
    the missing translations from the source text: XLIFF targets from their
    source, a .pot's empty msgstr from its msgid.  Raises FormatError (a
    ValueError) for a file that cannot be read as its format, naming the line
    where there is one.
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
    return convert_with(
        data, translit, format, filename, limits or Limits(), from_source=from_source
    )


def convert_with(
    data: bytes,
    translit: Transliterator,
    format: str | None,
    filename: str | None,
    limits: Limits,
    *,
    from_source: bool = False,
) -> bytes:
    """convert_bytes with the options already checked (for the CLI and the server)."""
    if not isinstance(from_source, bool):
        raise TypeError(f"from_source must be a bool, not {type(from_source).__name__}")
    name = format if format is not None else detect_format(filename, data[:4096])
    chooser: Chooser = chooser_for(translit)
    module = format_module(name)
    if not from_source:
        return module.convert(data, chooser, limits)
    if name not in FROM_SOURCE_FORMATS:
        raise ValueError(
            f"from_source is for the formats {', '.join(FROM_SOURCE_FORMATS)}; got {name!r}"
        )
    convert: Any = module.convert
    result: bytes = convert(data, chooser, limits, from_source=True)
    return result


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
    from_source: bool = False,
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
        from_source=from_source,
    )
    target = os.fspath(output)

    def write(out: ByteSink) -> None:
        out.write(converted)

    write_atomically(target, write, target)
