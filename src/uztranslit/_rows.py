"""Many texts converted as one: the rows of an engine's column, joined and split again.

Each conversion has a cost of its own besides its letters (the options' steps, scans
of the whole text, a batch of new words through the passes): tens of microseconds,
which a column of short sentences paid once a row.  convert_rows joins the rows that
one converter takes into texts of about _GROUP characters, each row on lines of its
own between separator lines, converts each text in one call and splits it again.

No rule reads across a line break: tokens and words end there, and tags, comments,
fields and URLs are kept only if they close on their line (_spans).  A converter that
reads across whitespace (the dates convention: 2025 йил) is the exception, and takes
its rows one at a time.  So every row comes back as it would converted alone, which
tests/test_batch.py checks on random rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from ._chunks import converted_joined
from ._converter import Converter, in_blocks

_GROUP: Final = 1 << 18  # characters of rows joined into one conversion, about
# A line between two rows holds one of ASCII's information separators, the first that
# no row holds: a character that no rule reads and that every path passes through at
# full speed (an ASCII character has a byte in the compiled tables, _char_table).
_SEPARATORS: Final = (
    "\x1e",  # RECORD SEPARATOR
    "\x1f",  # UNIT SEPARATOR
    "\x1d",  # GROUP SEPARATOR
    "\x1c",  # FILE SEPARATOR
)
_JOINTS: Final = tuple(("\n" + separator + "\n", separator) for separator in _SEPARATORS)


def convert_rows(rows: Sequence[str], converter: Converter) -> list[str]:
    """Each of *rows* converted by *converter*: what in_blocks gives for each alone."""
    if converter.looks_across_whitespace:
        return [in_blocks(row, converter) for row in rows]
    converted: list[str] = []
    for group in groups(rows):
        converted.extend(joined_and_split(group, converter))
    return converted


def groups(rows: Sequence[str]) -> Iterator[Sequence[str]]:
    """*rows* in runs of about _GROUP characters (a longer row alone)."""
    start = 0
    size = 0
    for end, row in enumerate(rows):
        if size and size + len(row) > _GROUP:
            yield rows[start:end]
            start, size = end, 0
        size += len(row)
    if start < len(rows):
        yield rows[start:]


def joined_and_split(rows: Sequence[str], converter: Converter) -> list[str]:
    """*rows* converted as one text, each between separator lines; one by one if every
    separator occurs in a row."""
    if len(rows) == 1:
        return [in_blocks(rows[0], converter)]
    joined = converted_joined(rows, _JOINTS, lambda text: in_blocks(text, converter))
    return [in_blocks(row, converter) for row in rows] if joined is None else joined
