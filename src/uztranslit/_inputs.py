"""Reading the command's inputs: opened, read in blocks, decoded, their script chosen.

Input is read in blocks of up to READ_SIZE bytes; a read returns what is there,
so a pipe that delivers a line at a time still gets each line converted and
written at once, while a file or a busy pipe costs one call per block, not per
line.  Decoding is incremental; a decoding failure names the file and the line.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from . import _cli_report, _documents
from ._api import convert_stream, detect_script
from ._cli_errors import PROG, CliError, display
from ._files import ByteSink
from ._progress import Progress

READ_SIZE: Final = 1 << 16  # bytes asked for at a time; a pipe may return fewer
DETECT_SIZE: Final = 1 << 16  # bytes looked at to choose the direction

DECODE_HINT: Final = (
    "the input is not {encoding}: name its encoding with -e (for example -e cp1251), "
    "or pass --errors replace to keep going"
)
MARKED_HINT: Final = (
    "the input starts with a byte order mark of {codec}, not {encoding}: name it with -e {codec}"
)
BOM_HINT: Final = "without a byte order mark, name the byte order: -e {name}-le or -e {name}-be"
SURROGATE_HINT: Final = (
    "U+{code:04X} is half of a surrogate pair, not a character, and cannot be written as "
    "UTF-8: the input is damaged or not {encoding}"
)


# Decoders that never give a lone surrogate with the handlers --errors offers: UTF-8
# refuses encoded surrogates (surrogateescape's U+DC80–U+DCFF stand for bytes).
WITHOUT_LONE_SURROGATES: Final = frozenset({"utf-8"})


def first_lone_surrogate(text: str, errors: str) -> int | None:
    """Where the first lone surrogate of decoded *text* is, or None: one that no UTF-8
    output can hold (utf-7 and unicode_escape input may hold them).  With
    surrogateescape, U+DC80–U+DCFF stand for the undecodable bytes and are written
    back as those bytes, so they do not count.  Found by encoding to UTF-8, which
    stops at the first one, in C: a pattern for them took 4 % of a run's instructions."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8", "surrogateescape" if errors == "surrogateescape" else "strict")
    except UnicodeEncodeError as error:
        return error.start
    return None


Read = Callable[[int], bytes]


class UnreadableInput(CliError):
    """An input that cannot be opened (missing, a directory, not permitted)."""


@contextlib.contextmanager
def open_input(name: str) -> Iterator[tuple[Read, bool]]:
    """The read function of input *name* (``-``: stdin), and whether it is a stream
    (a pipe or a terminal, whose output is then written as it comes)."""
    if name == "-":
        if sys.stdin is None:
            raise UnreadableInput("standard input is closed; give FILEs to read")
        buffer = sys.stdin.buffer
        yield getattr(buffer, "read1", buffer.read), _is_stream(buffer)
        return
    try:
        handle = open(name, "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError as error:
        raise unreadable(name, error) from None
    with handle:
        yield handle.read, _is_stream(handle)


def unreadable(name: str, error: OSError) -> UnreadableInput:
    """The message for an input that cannot be opened."""
    if isinstance(error, FileNotFoundError):
        return UnreadableInput(f"{name}: no such file")
    if isinstance(error, IsADirectoryError):
        return UnreadableInput(f"{name}: is a directory, not a file")
    return UnreadableInput(f"{name}: cannot open: {error.strerror}")


def check_readable(name: str) -> None:
    """Raise UnreadableInput if input *name* cannot be opened for reading.

    A regular file is opened and closed.  A FIFO or device is not opened: that
    would let a writer waiting on a FIFO through, then leave it with a closed pipe.
    """
    if name == "-":
        if sys.stdin is None:
            raise UnreadableInput("standard input is closed; give FILEs to read")
        return
    try:
        found = os.stat(name)
        if stat.S_ISDIR(found.st_mode):
            raise UnreadableInput(f"{name}: is a directory, not a file")
        if stat.S_ISREG(found.st_mode):
            os.close(os.open(name, os.O_RDONLY))
        elif not os.access(name, os.R_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
    except OSError as error:
        raise unreadable(name, error) from None


def _is_stream(raw: object) -> bool:
    try:
        return not stat.S_ISREG(os.fstat(raw.fileno()).st_mode)  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return True


def blocks(read: Read, first: bytes = b"", progress: Progress | None = None) -> Iterator[bytes]:
    """*first*, then each block *read* returns, until the end of the input; each
    block is counted in *progress*."""
    if first:
        if progress is not None:
            progress.add_bytes(len(first))
        yield first
    while data := read(READ_SIZE):
        if progress is not None:
            progress.add_bytes(len(data))
        yield data


def decoded_pieces(chunks: Iterable[bytes], name: str, encoding: str, errors: str) -> Iterator[str]:
    """Decode *chunks* incrementally.

    Undecodable input, a decoder that fails, and lone surrogates (which no UTF-8
    output can hold) raise CliError naming the file, the line and a hint.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    checked = codecs.lookup(encoding).name not in WITHOUT_LONE_SURROGATES
    line = 1
    first = True
    for data in _then_end(chunks):
        state = decoder.getstate()
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            before, lines = _text_before(error, data, state, encoding)
            if before:
                yield before  # what comes before the bad byte is written out first
            at = line + lines
            bad = error.object[error.start : error.start + 1].hex()
            hint = (first and _marked_encoding_hint(data, encoding)) or DECODE_HINT
            raise CliError(
                f"{display(name)}: line {at}: cannot decode byte 0x{bad} as {encoding} "
                f"({error.reason}); " + hint.format(encoding=encoding)
            ) from None
        except UnicodeError as error:
            raise CliError(
                f"{display(name)}: line {line}: cannot decode as {encoding} ({error}); "
                + _hint(encoding, error)
            ) from None
        first = first and not data
        if not text:
            continue
        found = first_lone_surrogate(text, errors) if checked else None
        if found is not None:
            at = line + text.count("\n", 0, found)
            raise CliError(
                f"{display(name)}: line {at}: "
                + SURROGATE_HINT.format(code=ord(text[found]), encoding=encoding)
            )
        line += text.count("\n")
        yield text


def _then_end(chunks: Iterable[bytes]) -> Iterator[bytes]:
    yield from chunks
    yield b""


def _text_before(
    error: UnicodeDecodeError, data: bytes, state: tuple[bytes, int], encoding: str
) -> tuple[str, int]:
    """The text decoded from *data* before the byte *error* is about, and its line ends.

    The decoder's error counts from the bytes it still held from the block
    before (part of one character), so those are skipped; decoding starts again
    from the state the decoder had before *data*.
    """
    held = len(error.object) - len(data) if bytes(error.object).endswith(data) else 0
    before = data[: max(0, error.start - held)]
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        decoder.setstate(state)
        text = decoder.decode(before)
    except UnicodeError:
        return "", before.count(b"\n")
    return text, text.count("\n")


def _marked_encoding_hint(head: bytes, encoding: str) -> str:
    """MARKED_HINT if *head*, an input's first bytes, begins with the byte order mark of
    an encoding other than *encoding* (a UTF-16 file from Windows Notepad); "" if not."""
    from .formats.text import charset_of, encoding_of  # noqa: PLC0415 - an error's path only

    codec = charset_of(head)
    given = codecs.lookup(encoding).name.removesuffix("-sig").replace("_", "-")
    if not encoding_of(head)[0] or codec == given:
        return ""
    return MARKED_HINT.format(codec=codec, encoding="{encoding}")


def _hint(encoding: str, error: UnicodeError) -> str:
    name = codecs.lookup(encoding).name
    if "BOM" in str(error) and name in {"utf-16", "utf-32"}:
        return BOM_HINT.format(name=name)
    return DECODE_HINT.format(encoding=encoding)


def choose_direction(
    pieces: Iterator[str], name: str, args: argparse.Namespace
) -> tuple[str, str, Iterator[str]]:
    """The source and target scripts of one input, and its pieces with none lost.

    With -t and without --from, nothing is read ahead, so output starts with the
    first line: the source is 1995 Latin for -t cyrillic and Cyrillic otherwise.
    Without -t, the pieces in the first DETECT_SIZE bytes are read ahead and their
    letters counted; Cyrillic then goes to Latin and either Latin to Cyrillic.  An
    input that cannot be decoded there is detected from what came before the bad
    byte, which is written before its error is raised, as with -t.
    """
    source: str | None = None if args.source == "auto" else args.source
    ahead: list[str] = []
    why = "--from"
    if source is None and args.to is not None:
        source = "latin" if args.to == "cyrillic" else "cyrillic"
        why = f"taken for -t {args.to}; say --from otherwise"
    elif source is None:
        size = 0
        try:
            for piece in pieces:
                ahead.append(piece)
                size += len(piece.encode("utf-8", "surrogateescape"))
                if size >= DETECT_SIZE:
                    break
        except CliError as error:  # raised again after the text before it
            pieces = _raising(error)
        source = detect_script("".join(ahead))
        why = f"detected in the first {size} bytes"
        if source is None:
            source, why = "cyrillic", f"no dominant script in the first {size} bytes"
    target = args.to or ("latin" if source == "cyrillic" else "cyrillic")
    if args.verbose:
        action = "copying it unchanged" if source == target else f"converting to {target}"
        sys.stderr.write(f"{PROG}: {display(name)}: {source} ({why}); {action}\n")
    return source, target, _chain(ahead, pieces)


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


def _raising(error: CliError) -> Iterator[str]:
    """No pieces: *error*, when the first is asked for."""
    raise error
    yield ""  # a generator, so that the error comes when it is iterated


def convert_text(
    chunks: Iterable[bytes], name: str, args: argparse.Namespace, out: ByteSink, flush: bool
) -> None:
    """Decode, convert and write one plain-text input; flush after each block if *flush*."""
    encode_errors = "surrogateescape" if args.errors == "surrogateescape" else "strict"
    pieces = decoded_pieces(chunks, name, args.encoding, args.errors)
    source, target, pieces = choose_direction(pieces, name, args)
    read: list[str] = []
    if _cli_report.wants_report(args):
        pieces = _cli_report.kept(pieces, read)
    for text in convert_stream(
        pieces,
        to=target,
        source=source,
        apostrophes=args.apostrophes,
        lexicon=args.lexicon,
        conventions=args.conventions,
        keep=args.keep,
    ):
        out.write(text.encode("utf-8", encode_errors))
        if flush:
            out.flush()
    if _cli_report.wants_report(args):
        _cli_report.write_report(args, name, "".join(read), source, target)


def convert_input(
    name: str,
    args: argparse.Namespace,
    out: ByteSink,
    *,
    documents: bool = True,
    progress: Progress | None = None,
) -> None:
    """Convert input *name* (``-``: stdin) into *out*.

    Plain text streams through convert_text; a document in another format is read
    whole and converted by its format module (_documents) if *documents*, else
    it is a usage error (several inputs into one output).
    """
    with open_input(name) as (read, stream):
        first = read(READ_SIZE)
        found = _documents.format_of(name, first, args)
        if found == _documents.TEXT:
            convert_text(blocks(read, first, progress), name, args, out, flush=stream)
            return
        if not documents:
            raise _documents.several_documents(display(name), found)
        data = b"".join(blocks(read, first, progress))
        out.write(_documents.convert_document(data, found, name, args))


def convert_inputs(
    names: list[str],
    args: argparse.Namespace,
    out: ByteSink,
    *,
    skip_unreadable: bool,
    progress: Progress | None = None,
) -> list[str]:
    """Convert the inputs *names* in turn into *out*; return those that could not
    be opened.  Without *skip_unreadable*, the first of them raises CliError."""
    missing: list[str] = []
    for name in names:
        try:
            convert_input(name, args, out, documents=len(names) == 1, progress=progress)
        except CliError as error:
            if not skip_unreadable or not isinstance(error, UnreadableInput):
                raise
            if progress is not None:
                progress.clear()
            sys.stderr.write(f"{PROG}: {error.message}\n")
            missing.append(name)
        if progress is not None:
            progress.add_file()
    return missing
