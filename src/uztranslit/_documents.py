"""Files with structure on the command line: which format an input is, and its
conversion through the format layer (uztranslit.formats).

Plain text stays on the streaming path (_inputs); any other format is read
whole as bytes and converted by its format module, which keeps everything but
the text a reader sees byte for byte.
"""

from __future__ import annotations

import argparse
import os
import re
import stat
import sys
from collections.abc import Iterable
from typing import Final

from . import formats
from ._cli_errors import EXIT_USAGE, PROG, CliError, display
from ._detect import detect_script
from ._transliterator import Transliterator
from .formats._base import Chooser, sample_of

TEXT: Final = "text"
HEAD_SIZE: Final = 4096  # bytes a format is recognised by (formats.convert_with's own)

# Limits fields, as a format's message may name them, and the options that set them.
_LIMIT_OPTIONS: Final = (("max_unpacked", "--max-unpacked SIZE"), ("max_ratio", "--max-ratio N"))
_SIZE: Final = re.compile(r"(?i)\s*(\d+)\s*([kmgt]?)(?:i?b)?\s*")
_UNITS: Final = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def format_names() -> tuple[str, ...]:
    """The formats --format accepts: those registered in formats.FORMATS."""
    return tuple(formats.FORMATS)


def parse_size(text: str) -> int:
    """A size for --max-unpacked: bytes, or with K, M, G or T (powers of 1024)."""
    found = _SIZE.fullmatch(text)
    if not found or int(found.group(1)) == 0:
        raise CliError(
            f"--max-unpacked takes a size such as 2G, 500M or 1048576; got {text!r}", EXIT_USAGE
        )
    return int(found.group(1)) * _UNITS[found.group(2).lower()]


def limits(args: argparse.Namespace) -> formats.Limits:
    """The caps on what one document may unpack to, from --max-unpacked and --max-ratio."""
    default = formats.Limits()
    return formats.Limits(
        max_unpacked=args.max_unpacked or default.max_unpacked,
        max_ratio=args.max_ratio or default.max_ratio,
    )


def format_of(name: str, head: bytes, args: argparse.Namespace) -> str:
    """The format of input *name*: --format, else by its first bytes and its name."""
    if args.format is not None:
        return str(args.format)
    return formats.detect_format(None if name == "-" else name, head[:HEAD_SIZE])


def check_one_output(names: list[str], args: argparse.Namespace) -> None:
    """Documents are not concatenated: several inputs to one output must all be text.

    Named regular files are looked at now; standard input, FIFOs and devices
    when they are read.
    """
    if len(names) < 2:
        return
    for name in names:
        found = args.format
        if found is None and name != "-":
            try:
                if not stat.S_ISREG(os.stat(name).st_mode):
                    continue  # a FIFO or device: peeking would eat what it holds
                with open(name, "rb") as file:
                    head = file.read(HEAD_SIZE)
            except OSError:
                continue  # reported when it is read
            found = formats.detect_format(name, head)
        if found not in {None, TEXT}:
            raise several_documents(name, found)


def several_documents(name: str, found: str) -> CliError:
    """The usage error for a document among several inputs to one output."""
    return CliError(
        f"{name} is a {found} file; several inputs go into one output only as plain text: "
        "convert documents one at a time, or use --in-place or --output-dir",
        EXIT_USAGE,
    )


def convert_document(data: bytes, found: str, name: str, args: argparse.Namespace) -> bytes:
    """A whole document converted; CliError (naming the file and line) if it cannot be."""
    filename = None if name == "-" else name
    try:
        if args.to is not None:
            source = None if args.source == "auto" else args.source
            translit = Transliterator(
                to=args.to,
                source=source,
                apostrophes=args.apostrophes,
                lexicon=args.lexicon,
                conventions=args.conventions,
                keep=args.keep,
            )
            if args.verbose:
                sys.stderr.write(f"{PROG}: {display(name)}: {found}; converting to {args.to}\n")
            return formats.convert_with(data, translit, found, filename, limits(args))
        module = formats.format_module(found)
        return module.convert(data, _choose_both(name, found, args), limits(args))
    except formats.FormatError as error:
        raise CliError(f"{display(name)}: {error}{_option_hint(str(error))}") from None


def _option_hint(message: str) -> str:
    """The option that raises a cap a format's message names by its Limits field."""
    hints = [option for field, option in _LIMIT_OPTIONS if field in message]
    return f" (on the command line: {', '.join(hints)})" if hints else ""


def _choose_both(name: str, found: str, args: argparse.Namespace) -> Chooser:
    """Without -t: the source script from the visible text (or --from), the target
    the other script, as for plain text."""

    def choose(texts: Iterable[str]) -> Transliterator:
        source = None if args.source == "auto" else args.source
        if source is None:
            source = detect_script(sample_of(texts)) or "cyrillic"
        target = "latin" if source == "cyrillic" else "cyrillic"
        if args.verbose:
            sys.stderr.write(
                f"{PROG}: {display(name)}: {found}, {source}; converting to {target}\n"
            )
        return Transliterator(
            to=target,
            source=source,
            apostrophes=args.apostrophes,
            lexicon=args.lexicon,
            conventions=args.conventions,
            keep=args.keep,
        )

    return choose
