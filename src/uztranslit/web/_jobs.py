"""The conversions a worker process runs: plain functions of picklable values.

They take options already checked by the server (_options.Options) and a
lexicon as TSV text, and return plain values, so that they pickle both ways.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from .._detect import detect_script
from .._lexicon import parse_lexicon
from .._options import Options
from .._transliterator import Transliterator
from ..formats import FormatError, Limits, detect_format, format_module
from ..formats._base import Chooser, sample_of
from ..formats.text import encoding_of
from ..review import marks_in_output, review

# The script a text is converted to when no target is given: the other one.
OTHER_SCRIPT: Final = {"cyrillic": "latin", "latin": "cyrillic", "new-latin": "cyrillic"}

# How the first bytes of common files that are not text begin (no format reads them).
BINARY_MAGIC: Final = (
    b"PK\x03\x04",  # a zip archive (an Office document when its format is installed)
    b"%PDF-",  # PDF
    b"\x89PNG",  # PNG image
    b"\xff\xd8\xff",  # JPEG image
    b"GIF8",  # GIF image
    b"\xd0\xcf\x11\xe0",  # old Office (.doc, .xls): OLE2 compound file
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf",  # 7-Zip
    b"Rar!",  # RAR
)


class UnsupportedFile(ValueError):
    """A file in no format uztranslit reads: binary, not text (415)."""

    def __init__(self, filename: str) -> None:
        super().__init__(
            f"{filename}: not a file type uztranslit converts (plain text in UTF-8, or in "
            "UTF-16 with its byte order mark, or a document format the server has installed)"
        )
        self.filename = filename

    def __reduce__(self) -> tuple[type[UnsupportedFile], tuple[str]]:
        return (UnsupportedFile, (self.filename,))


# Texts up to this many characters come back with their review report (words to check).
FLAGGED_LIMIT: Final = 100_000


class Converted(NamedTuple):
    """A text's conversion and the scripts it went between."""

    source: str | None  # the script read (given or detected); None: no Uzbek letters
    to: str
    detected: bool  # whether *source* was detected rather than given
    result: str
    flagged: tuple[dict[str, object], ...] = ()  # review report, offsets in *result*


def with_lexicon(options: Options, lexicon_tsv: str | None) -> Options:
    """*options* with the lexicon parsed from *lexicon_tsv* (LexiconError if malformed)."""
    if lexicon_tsv:
        return options._replace(lexicon=parse_lexicon(lexicon_tsv.splitlines(), source="lexicon"))
    return options


def transliterator(options: Options, lexicon_tsv: str | None) -> Transliterator:
    """The Transliterator for *options*, with the lexicon parsed from *lexicon_tsv*."""
    return Transliterator.from_options(with_lexicon(options, lexicon_tsv))


def convert_text(
    options: Options, auto_target: bool, lexicon_tsv: str | None, text: str
) -> Converted:
    """*text* converted; with *auto_target* the target is the other script of the one read."""
    source, resolved = resolve(options, auto_target, text)
    translit = transliterator(resolved, lexicon_tsv)
    result = translit.convert(text)
    return Converted(source, resolved.to, options.source is None, result, flagged(text, translit))


def flagged(text: str, translit: Transliterator) -> tuple[dict[str, object], ...]:
    """The words of *text* the review report flags, placed in its conversion
    (uztranslit.review); none for texts over FLAGGED_LIMIT or between Latin alphabets."""
    scripts = {translit.source, translit.target}
    if len(text) > FLAGGED_LIMIT or scripts != {"cyrillic", "latin"}:
        return ()
    flags = review(text, to=translit.target, source=translit.source, keep=translit.options.keep)
    return tuple(
        {
            "start": mark.start,
            "end": mark.end,
            "word": mark.flag.word,
            "kind": mark.flag.kind,
            "alternatives": list(mark.flag.alternatives),
            "why": mark.flag.why,
        }
        for mark in marks_in_output(text, flags, translit)
    )


def resolve(options: Options, auto_target: bool, sample: str) -> tuple[str | None, Options]:
    """The script read (given, or detected in *sample*) and the options with the
    source (and, with *auto_target*, the target) fixed.  Text without Uzbek
    letters gets a source equal to its target: nothing is converted."""
    source = detect_script(sample) if options.source is None else options.source
    if auto_target:
        options = options._replace(to=OTHER_SCRIPT[source or "cyrillic"])
    return source, options._replace(source=source or options.to)


def chooser(options: Options, auto_target: bool) -> Chooser:
    """For a file's visible texts, the Transliterator to use: resolve() on their start."""

    def choose(texts: Iterable[str]) -> Transliterator:
        return Transliterator.from_options(resolve(options, auto_target, sample_of(texts))[1])

    return choose


def looks_binary(head: bytes) -> bool:
    """Whether a file starting with *head* is clearly not text: a NUL byte in a text
    without a UTF-16 or UTF-32 byte order mark (such text holds NUL bytes)."""
    if encoding_of(head)[1] != "utf-8":
        return False
    return head.startswith(BINARY_MAGIC) or b"\x00" in head


def convert_one(choose: Chooser, name: str, data: bytes, limits: Limits) -> bytes:
    """One file converted in the format its content or name says; UnsupportedFile if none."""
    head = data[:4096]
    found = detect_format(name, head)
    if found == "text" and looks_binary(head):
        raise UnsupportedFile(name)
    try:
        return format_module(found).convert(data, choose, limits)
    except FormatError as error:
        raise FormatError(f"{name}: {error}") from None


def convert_files(
    options: Options,
    auto_target: bool,
    lexicon_tsv: str | None,
    files: Sequence[tuple[str, bytes]],
    max_unpacked: int,
) -> bytes:
    """One file converted, or several converted into one zip (their names kept, made unique).

    Each file's direction is resolved on its own visible text.  A file that
    fails stops them all: its error names it.
    """
    choose = chooser(with_lexicon(options, lexicon_tsv), auto_target)
    limits = Limits(max_unpacked=max_unpacked)
    if len(files) == 1:
        name, data = files[0]
        return convert_one(choose, name, data, limits)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        names = unique_names([name for name, _ in files])
        for name, (_, data) in zip(names, files, strict=True):
            archive.writestr(name, convert_one(choose, name, data, limits))
    return buffer.getvalue()


def unique_names(names: Sequence[str]) -> list[str]:
    """*names* with repeats numbered: a.txt, a (2).txt, a (3).txt."""
    seen: set[str] = set()
    unique: list[str] = []
    for name in names:
        stem, ending = os.path.splitext(name)
        candidate, number = name, 1
        while candidate in seen:
            number += 1
            candidate = f"{stem} ({number}){ending}"
        seen.add(candidate)
        unique.append(candidate)
    return unique
