"""``uztranslit --report``: the review report of each plain-text input, beside the output.

The report lists the words whose reading is a guess (uztranslit.review) as a
table or JSON Lines, on stderr (``--report -``) or into a file.  It never
changes the conversion.  Each input's text is kept in memory while it is
converted, since the report needs the whole of it.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from ._cli_errors import display

if TYPE_CHECKING:
    from .review import Flag

STYLES = ("table", "jsonl")


def kept(pieces: Iterable[str], into: list[str]) -> Iterator[str]:
    """*pieces* as they are, each also appended to *into*."""
    for piece in pieces:
        into.append(piece)
        yield piece


def write_report(args: argparse.Namespace, name: str, text: str, source: str, target: str) -> None:
    """The review report of one input's *text* converted from *source* to *target*,
    written where and as --report and --report-format say."""
    out: TextIO = args.report_out
    style: str = args.report_style
    keep: Iterable[str] = args.keep
    # imported here: a run without --report does not pay for them at start-up
    import json  # noqa: PLC0415

    from .review import format_report, review  # noqa: PLC0415

    flags: list[Flag] = []
    if {source, target} == {"cyrillic", "latin"}:
        flags = review(text, to=target, source=source, keep=keep)
    if style == "jsonl":
        for flag in flags:
            out.write(json.dumps({"file": display(name), **flag._asdict()}, ensure_ascii=False))
            out.write("\n")
    else:
        out.write(f"{display(name)}: {len(flags)} words to check\n\n")
        if flags:
            out.write(format_report(flags) + "\n")
    out.flush()


def wants_report(args: argparse.Namespace) -> bool:
    return getattr(args, "report", None) is not None
