"""str.translate with a table of characters, run by the codecs machinery in C.

str.translate with a dict looks every character up as an int key: most of the time
Cyrillic → Latin spends on a whole text.  A single-byte charmap codec does the same
per character in a few array steps: each character the table maps, and each common
one it leaves alone, has a byte (codecs.charmap_build); the text is encoded to those
bytes and decoded with a table of what each byte becomes.  A byte that becomes more
or less than one character decodes to a private-use placeholder, replaced after.  A
character without a byte (rare punctuation, emoji, a lone surrogate, a placeholder
itself) is held aside by an error handler and put back unchanged, so the result is
always what str.translate gives (tests/test_speed_paths.py checks it on any text).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from _codecs import _EncodingMap

# Private-use characters beyond the BMP: the one that stands for a held run, then one
# for each byte whose output is not one character.  No byte encodes them, so one in
# the text itself is held and put back like any other character without a byte.
_HELD_RUN: Final = "\U000f0000"
_FIRST_PLACEHOLDER: Final = 0xF0001
_HELD_BYTE: Final = 0xFF  # the byte of a held run; no character encodes to it
_ERRORS: Final = "uztranslit.held"
_UNDEFINED: Final = "\ufffe"  # a byte that decodes to nothing (charmap_build's gap)


class CharTable(NamedTuple):
    """A translate table compiled for translate()."""

    encoding: _EncodingMap | dict[int, int]  # codecs.charmap_build's: character → byte
    decoding: str  # byte → character (or placeholder)
    expansions: tuple[tuple[str, str], ...]  # placeholder → what it stands for


def compiled(table: Mapping[int, str | int], common: Iterable[str]) -> CharTable:
    """*table* (as for str.translate: code → string or code) for translate().

    Every ASCII character and every character that *table* changes gets a byte, then
    the characters of *common* (frequent ones it leaves alone) while bytes are left.
    """
    changed = sorted(chr(code) for code, out in table.items() if out not in (code, chr(code)))
    chars = [chr(code) for code in range(0x80)] + [char for char in changed if char > "\x7f"]
    if len(chars) > _HELD_BYTE:
        raise ValueError("more characters to translate than a byte can tell apart")
    chars += [char for char in dict.fromkeys(common) if char > "\x7f" and char not in changed]
    chars = chars[:_HELD_BYTE]
    decoding: list[str] = []
    expansions: dict[str, str] = {}
    for char in chars:
        out = table.get(ord(char), ord(char))
        out = chr(out) if isinstance(out, int) else out
        if len(out) != 1:
            out = expansions.setdefault(out, chr(_FIRST_PLACEHOLDER + len(expansions)))
        decoding.append(out)
    padding = _HELD_BYTE - len(chars)
    encoding = codecs.charmap_build("".join(chars) + _UNDEFINED * (padding + 1))
    decoded = "".join(decoding) + _UNDEFINED * padding + _HELD_RUN
    pairs = tuple((placeholder, out) for out, placeholder in expansions.items())
    return CharTable(encoding, decoded, pairs)


# The runs of characters without a byte that the error handler holds, for the
# translate() running in this thread or task (a codec's error handler is global).
_HELD: Final[ContextVar[list[str]]] = ContextVar("uztranslit_held_runs")


def _hold(error: UnicodeError) -> tuple[bytes, int]:
    """The error handler: hold the run that has no byte, and write the held byte."""
    assert isinstance(error, UnicodeEncodeError)
    _HELD.get().append(error.object[error.start : error.end])
    return bytes([_HELD_BYTE]), error.end


codecs.register_error(_ERRORS, _hold)


def translate(text: str, table: CharTable) -> str:
    """text.translate(the table compiled), in C for every character with a byte."""
    runs: list[str] = []
    held = _HELD.set(runs)
    try:
        data = codecs.charmap_encode(text, _ERRORS, table.encoding)[0]
    finally:
        _HELD.reset(held)
    out = codecs.charmap_decode(data, "strict", table.decoding)[0]
    for placeholder, expansion in table.expansions:
        if placeholder in out:
            out = out.replace(placeholder, expansion)
    if not runs:
        return out
    pieces = out.split(_HELD_RUN)  # one a run, in order
    for i, run in enumerate(runs):
        pieces[i] += run
    return "".join(pieces)
