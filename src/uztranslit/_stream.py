"""Converting a stream in bounded pieces, with the same result as converting it whole.

A piece is converted once it can be cut where no rule looks across the cut:

1. right after whitespace (no letter rule looks across whitespace; with the dates
   convention, not after a space that follows a digit: 2025 йил), or, in Latin
   text, at the start of a kept span (an HTML tag) that such a cut would split;
2. if there is none in CUT_LIMIT characters (minified data, a line without spaces),
   at the start of a word that follows punctuation (not a hyphen or a digit, which
   the conventions join to the word);
3. if the text ends in one run of letters longer than that (base64, a DNA string):
   - Cyrillic → Latin cuts inside the run between two lower-case letters that no
     context rule reads (not е ц ъ ь с ҳ) with no ц in the CONTEXT letters before
     (ц looks as far ahead for suffixes) and CONTEXT letters after, so each rule
     still sees what it would see in the whole run;
   - Latin → Cyrillic keeps such a run as written, like any foreign word: no Uzbek
     word is CUT_LIMIT letters long; the run is passed through to its end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from . import _spans

CUT_LIMIT: Final = _spans.LONGEST_TOKEN  # characters held back at most before cutting
CONTEXT: Final = 32  # letters any context rule may read on either side of a letter
_WHITESPACE: Final = (" ", "\n", "\t", "\r")  # the most frequent first

_CYRILLIC_WORD_START: Final = re.compile(
    f"(?<=[^{_spans.CYRILLIC}0-9\\-\u0306\u0308])(?=[{_spans.CYRILLIC}])"
)
_TAG_START: Final = re.compile(r"<[A-Za-z/!]")
_SEARCH: Final = 1 << 16  # characters searched back from the end for a cut inside a run
_PLAIN_LETTERS: Final = frozenset("абвгджзийклмнопртуфхчшщыэюяёўқғ")
_LATIN_RUN_CHARS: Final = f"{_spans.LATIN_SCRIPT}{_spans.COMBINING_DIACRITICS}{_spans.MARKS}"
_LATIN_RUN_START: Final = re.compile(f"[{_LATIN_RUN_CHARS}]+")
_LATIN_RUN_END: Final = re.compile(f"[{_LATIN_RUN_CHARS}]+\\Z")


def whitespace_cut(text: str, across_whitespace: bool) -> int:
    """The last place right after whitespace where *text* may be cut; 0 if none."""
    end = len(text)
    while end > 0:
        cut = -1
        for space in _WHITESPACE:  # each looks only after the last one found
            cut = max(cut, text.rfind(space, cut + 1, end))
        if cut < 0:
            return 0
        if not across_whitespace or cut == 0 or not text[cut - 1].isdigit():
            return cut + 1
        end = cut
    return 0


def outside_spans(text: str, cut: int) -> int:
    """*cut*, or the start of the kept span (an HTML tag with spaces) it would split.

    Latin → Cyrillic only: a span starts after a non-letter or at a word's end, so
    cutting at its start changes nothing.  Only tags hold whitespace, so text
    without "<" needs no look.
    """
    if "<" not in text:
        return cut
    for begin, end in _spans.skipped_spans(text):
        if begin < cut < end:
            return begin
    opening = text.rfind("<", 0, cut)
    if opening >= 0 and text.find(">", opening, cut) < 0 and _TAG_START.match(text, opening):
        return opening  # a tag that this piece does not close yet
    return cut


def cyrillic_cut(text: str) -> int:
    """Where Cyrillic *text* without whitespace may be cut: a word start, or inside a run."""
    starts = list(_CYRILLIC_WORD_START.finditer(text, max(1, len(text) - CUT_LIMIT // 2)))
    if starts:
        return starts[-1].start()
    for cut in range(len(text) - CONTEXT, max(CONTEXT, len(text) - _SEARCH), -1):
        if (
            text[cut - 1] in _PLAIN_LETTERS
            and text[cut] in _PLAIN_LETTERS
            and "ц" not in text[cut - CONTEXT : cut]
        ):
            return cut
    return len(text) - CONTEXT


def latin_cut(text: str) -> int:
    """Where Latin *text* without whitespace may be cut at a word start; 0 if nowhere.

    Not inside a URL, placeholder or tag, and not after a hyphen or a digit.
    """
    skipped = _spans.skipped_spans(text)
    starts = [found.start() for found in _spans.latin_tokens().finditer(text)]
    for start in reversed(starts):
        if start == 0 or text[start - 1] == "-" or text[start - 1].isdigit():
            continue
        if not any(begin < start < end for begin, end in skipped):
            return start
    return 0


def stream(
    chunks: Iterable[str],
    convert: Callable[[str], str],
    cyrillic_source: bool,
    across_whitespace: bool,
    check: Callable[[str, object], str],
) -> Iterator[str]:
    """Convert *chunks* piece by piece; see the module's docstring for where it cuts."""
    pending = ""
    in_long_run = False  # Latin → Cyrillic: passing a run longer than CUT_LIMIT through
    for chunk in chunks:
        pending += check("convert_stream", chunk)
        if in_long_run:
            end = _run_length(pending)
            if end:
                yield pending[:end]
                pending = pending[end:]
            if not pending:
                continue
            in_long_run = False
        cut = whitespace_cut(pending, across_whitespace)
        if not cyrillic_source and 0 < cut < len(pending):
            cut = outside_spans(pending, cut)
        if cut == 0 and len(pending) > CUT_LIMIT:
            cut = cyrillic_cut(pending) if cyrillic_source else latin_cut(pending)
            if cut == 0:
                run = _LATIN_RUN_END.search(pending)
                start = run.start() if run else len(pending)
                yield convert(pending[:start]) + pending[start:]
                pending = ""
                in_long_run = True
                continue
        if cut:
            yield convert(pending[:cut])
            pending = pending[cut:]
    end = _run_length(pending) if in_long_run else 0
    if end:
        yield pending[:end]
        pending = pending[end:]
    if pending:
        yield convert(pending)


def _run_length(text: str) -> int:
    """How many characters at the start of *text* belong to a run of Latin letters."""
    run = _LATIN_RUN_START.match(text)
    return run.end() if run else 0
