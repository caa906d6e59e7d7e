"""``uztranslit --check FILE``: the entries written in the wrong script, for localisers.

Each FILE is read whole, its format recognised as for conversion, and every entry
(a catalogue string, a subtitle cue, a line of plain text) whose letters are
mostly of the other script than the file declares is printed as FILE:LINE: text.
The declared script comes from the format (a .po header's Language, XLIFF's
target language, <html lang>), else from --from, else from most of the text.
"""

from __future__ import annotations

import argparse
import sys
from typing import Final

from . import formats
from ._cli_errors import EXIT_FAILURE, EXIT_OK, PROG, CliError, display
from ._documents import format_of
from ._inputs import open_input

EXIT_FOUND: Final = 3  # entries in the wrong script were found (1 stays for errors)
READ_SIZE: Final = 1 << 16


def read_all(name: str) -> bytes:
    """The whole of input *name* (``-``: standard input)."""
    chunks = []
    with open_input(name) as (read, _stream):
        while chunk := read(READ_SIZE):
            chunks.append(chunk)
    return b"".join(chunks)


def expected_script(args: argparse.Namespace) -> str | None:
    """The script --from names, or None to take the file's own declaration."""
    return None if args.source == "auto" else str(args.source)


def check_files(args: argparse.Namespace) -> int:
    """Print each input's entries in the wrong script; 3 if any, 1 on an error."""
    found_any = False
    failed = False
    for name in args.files:
        try:
            data = read_all(name)
            found = format_of(name, data, args)
            entries = formats.check_bytes(
                data,
                format=found,
                filename=None if name == "-" else name,
                expected=expected_script(args),
            )
        except CliError as error:
            sys.stderr.write(f"{PROG}: {error.message}\n")
            failed = True
            continue
        except (formats.FormatError, ValueError) as error:
            sys.stderr.write(f"{PROG}: {display(name)}: {error}\n")
            failed = True
            continue
        for entry in entries:
            sys.stdout.write(f"{display(name)}:{entry.line}: {entry.text}\n")
        found_any = found_any or bool(entries)
    sys.stdout.flush()
    if failed:
        return EXIT_FAILURE
    return EXIT_FOUND if found_any else EXIT_OK
