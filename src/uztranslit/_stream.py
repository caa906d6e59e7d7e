"""Converting a stream in bounded pieces, with the same result as converting it whole.

Text is held until it can be cut where no rule looks across the cut, whatever the
chunks it came in; each piece before a cut is then converted on its own.  Where:

1. right after the last whitespace (a newline always; no rule looks across one), except
   after a number and one space when a word or % may follow: the dates convention
   joins them (2025 йил → 2025-yil), and 5 %d is a percent sign, not a placeholder;
2. in Latin text, never inside a tag or comment, which may hold spaces
   (<a href="…" title="…">), nor inside one that the line may still close: the cut
   moves back to its start.  A tag, comment or {field} is kept only if it closes
   within _spans.SPAN_LIMIT characters, so this holds back a bounded amount;
3. with no such place in CUT_LIMIT characters (minified data, a line of one "word"),
   between two characters that are not both part of a word (letters, digits, marks,
   format characters; in Latin text also . - @ : / and the like, which join URLs,
   e-mail addresses, dates and placeholders), outside every kept span (at its start
   only where that test holds too: www. after a letter is no URL) and MARGIN characters
   before the end, so that nothing a rule may read back from later text is cut;
4. inside a Cyrillic word (letters and format characters) longer than that, at the
   places where a converter given the whole word cuts it too (_long_words.first_cut):
   between two letters that no context rule reads across, the first such place at
   least _long_words.PIECE characters into the word; or right before such a word;
5. in Latin text, one run of letters longer than _spans.LONGEST_TOKEN is kept as
   written by the converters, so it is passed through as it comes (no convention
   changes a run of letters; a URL, which the dates convention may change, is held).

With the dates convention, Latin text is searched as the converter sees it, with
2025-yil already 2025 yil (a hyphen can become the space of a tag: <a2025-yil, …>).

If there is no such place at all (a Cyrillic run of only е ц ъ …, or a Latin line
of only letters and digits shorter than LONGEST_TOKEN), the text is held until there
is.  A search that finds no cut is repeated only when a line ends or the held text
has doubled, so the time stays linear in the length of the input.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from . import _long_words, _spans
from ._invisible import FORMAT_CLASS

CUT_LIMIT: Final = _spans.LONGEST_TOKEN  # characters held without whitespace before rule 3
MARGIN: Final = 128  # characters kept back from the end by a cut of rule 3
_SEARCH: Final = 1 << 16  # characters searched back from the end by rules 3 and 4
_WHITESPACE: Final = (" ", "\n", "\t", "\r")  # the most frequent first

# Rule 3: characters that are part of a word, or join one to what follows.
_CYRILLIC_WORDISH: Final = re.compile(
    f"[^\\W\\d_]|[{_spans.COMBINING_DIACRITICS}\u0400-\u052f{FORMAT_CLASS}]"
)
_NOT_CYRILLIC_WORDISH: Final = re.compile(f"(?!{_CYRILLIC_WORDISH.pattern})[\\s\\S]")
_LATIN_WORDISH: Final = re.compile(
    f"[\\w{_spans.COMBINING_DIACRITICS}{_spans.MARKS}{FORMAT_CLASS}.\\-@:/\\\\&#$%+]"
)
# Rule 5: the characters of a Latin token.
_LATIN_RUN: Final = re.compile(
    f"[{_spans.LATIN_SCRIPT}{_spans.COMBINING_DIACRITICS}{_spans.MARKS}{FORMAT_CLASS}]*"
)


@functools.cache
def long_cyrillic_word(piece: int) -> re.Pattern[str]:
    """Rule 4: a Cyrillic word longer than *piece* (_long_words.PIECE) characters, from
    its first letter; tried once at each run's start.  A run that begins with format
    characters, or after a decomposed letter's mark, is held: a converter may read its
    start differently."""
    return re.compile(
        f"(?<![{_spans.CYRILLIC}{FORMAT_CLASS}{''.join(_spans.DECOMPOSING_MARKS)}])"
        f"[{_spans.CYRILLIC}][{_spans.CYRILLIC}{FORMAT_CLASS}]{{{piece},}}"
    )


def _run_end(pattern: re.Pattern[str], text: str, start: int) -> int:
    """Where a run of *pattern* (which matches the empty string too) from *start* ends."""
    found = pattern.match(text, start)
    return start if found is None else found.end()


def joins_number_and_word(text: str, cut: int) -> bool:
    """Whether a cut of *text* at *cut* falls around the space after a number that the
    dates convention (2025 йил) or a percent sign (5 %d) reads together."""
    if text[cut - 1] == " ":
        after = text[cut : cut + 1]
        return cut >= 2 and text[cut - 2].isdigit() and (not after or _starts_word(after))
    if text[cut - 1].isdigit() and text[cut : cut + 1] == " ":
        after = text[cut + 1 : cut + 2]
        return not after or _starts_word(after)
    return False


def _starts_word(char: str) -> bool:
    return char.isalpha() or char == "%"


def whitespace_cut(text: str, end: int) -> int:
    """The last place right after whitespace, at most *end*, where *text* may be cut; 0 if none."""
    while end > 0:
        found = -1
        for space in _WHITESPACE:  # each looks only after the last one found
            found = max(found, text.rfind(space, found + 1, end))
        if found < 0:
            return 0
        if not joins_number_and_word(text, found + 1):
            return found + 1
        end = found
    return 0


def open_span_start(text: str, line: int, spans: list[tuple[int, int]]) -> int:
    """Where a tag, comment or {field} starts that later text may still close; len(text) if none.

    *line* is where the last line starts; *spans* are the kept spans found in it.
    It is moved back to the start of a kept span it falls in ({a<!--}).
    """
    start = len(text)
    opening = text.find("<", line)
    while opening >= 0 and opening < start:
        if not _inside(spans, opening) and _spans.may_open_tag(text, opening):
            start = opening
            break
        opening = text.find("<", opening + 1)
    field = _spans.open_field_start(text)
    if field is not None and field >= line:
        start = min(start, field)
    for begin, end in spans:
        if begin < start < end:
            return begin
    return start


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether *position* is inside one of the sorted *spans* or at its start."""
    index = bisect.bisect_right(spans, (position, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _span_start_around(spans: list[tuple[int, int]], cut: int) -> int:
    """*cut*, or the start of the sorted span it falls strictly inside."""
    index = bisect.bisect_left(spans, (cut, 0)) - 1
    if index >= 0 and spans[index][0] < cut < spans[index][1]:
        return spans[index][0]
    return cut


def latin_cut(text: str) -> tuple[int, int, list[tuple[int, int]]]:
    """Rules 1 and 2 for Latin *text*: the cut (0 if none), the open span's start, and
    the kept spans of the last line (shifted to positions in *text*)."""
    line = text.rfind("\n") + 1
    spans = [(line + a, line + b) for a, b in _spans.skipped_spans(text[line:])]
    limit = open_span_start(text, line, spans)
    cut = whitespace_cut(text, limit)
    if 0 < limit < len(text) and latin_cut_is_safe(text, limit):
        cut = max(cut, limit)  # the start of a tag, comment or field is a place to cut
    return _span_start_around(spans, cut), limit, spans


def forced_latin_cut(text: str, limit: int) -> int:
    """Rule 3 for Latin *text*, before *limit* (an open span's start); 0 if none."""
    end = min(limit, len(text) - MARGIN)
    low = max(1, end - _SEARCH)
    start = text.rfind("\n", 0, low) + 1  # no kept span crosses a line
    spans = [(start + a, start + b) for a, b in _spans.skipped_spans(text[start:])]
    cut = end
    while cut >= max(low, 1):
        inside = _span_start_around(spans, cut)
        if inside != cut:
            cut = inside  # not inside a kept span: try its start
            continue
        if latin_cut_is_safe(text, cut):
            return cut
        cut -= 1
    return 0


def latin_cut_is_safe(text: str, cut: int) -> bool:
    """Rule 3's test of the two characters around a cut of Latin *text*.

    It also guards the start of a kept span, where a rule may read back: www. after a
    letter or a dot is not a URL, nor %d after a digit a placeholder.
    """
    wordish = _LATIN_WORDISH.match
    return not (wordish(text, cut - 1) and wordish(text, cut)) and not joins_number_and_word(
        text, cut
    )


def forced_cyrillic_cut(text: str) -> int:
    """Rules 3 and 4 for Cyrillic *text*; 0 if none.

    Rule 3 takes the last place in the _SEARCH characters before MARGIN from the end
    next to a character that is not part of a word, found by one scan for those
    characters (a run of letters has none: a step in Python for each of its places
    cost a held mebi-character 65 ms a search)."""
    end = len(text) - MARGIN
    low = max(0, end - _SEARCH)
    breaks = [found.start() for found in _NOT_CYRILLIC_WORDISH.finditer(text, low, end + 1)]
    places = {place for found in breaks for place in (found, found + 1) if low < place <= end}
    for cut in sorted(places, reverse=True):
        if not joins_number_and_word(text, cut):
            return cut
    return cut_inside_cyrillic_run(text)


def cut_inside_cyrillic_run(text: str) -> int:
    """Rule 4: a place at or inside a Cyrillic word longer than _long_words.PIECE
    characters: right before or right after it, where rule 3's test allows a cut (it may
    lie before rule 3's search), else where _long_words.first_cut cuts it; at the first
    such word that has one; 0 if none."""
    limit = len(text) - MARGIN
    for found in long_cyrillic_word(_long_words.PIECE).finditer(text):
        start, end = found.span()
        if 0 < start <= limit and between_words(text, start):
            return start
        cut = _long_words.first_cut(found.group())
        if cut:
            return start + cut
        if end <= limit and between_words(text, end):
            return end
    return 0


def between_words(text: str, cut: int) -> bool:
    """Rule 3's test of a cut of Cyrillic *text*: not between two characters that are
    both part of a word, nor around the space after a number."""
    wordish = _CYRILLIC_WORDISH.match
    joined = wordish(text, cut - 1) and wordish(text, cut)
    return not joined and not joins_number_and_word(text, cut)


def long_latin_run(
    text: str, spans: list[tuple[int, int]], limit: int
) -> tuple[int, re.Pattern[str]] | None:
    """Rule 5: where *text* ends in a token kept as written, and what continues it.

    Not after *limit*, the start of a tag or comment that may still close around it.
    """
    reverse = text[::-1]
    length = _run_end(_LATIN_RUN, reverse, 0)
    token = _spans.latin_tokens().search(text, len(text) - length)
    if token is None or token.end() != len(text):
        return None
    start = token.start()
    if limit < start:
        return None
    if _span_start_around(spans, start) != start:
        return None  # inside a URL, which conventions may still change (2025-yil)
    bare = len(text) - start - sum(text.count(mark, start) for mark in FORMAT_CLASS)
    if bare <= _spans.LONGEST_TOKEN:
        return None
    return start, _LATIN_RUN


def _as_is(text: str) -> str:
    return text


def _as_converted_dates(text: str) -> str:
    """Latin *text* with the dates convention applied (2025-yil → 2025 yil)."""
    from . import _conventions  # noqa: PLC0415 - needs `regex`, imported when dates are on

    return _conventions.dates_to_cyrillic(text)


def _worth_searching(held: int, searched: int, text: str) -> bool:
    """Whether to search *held* characters for a cut, when a search found none at
    *searched* characters (0: it found one) and *text* has come since."""
    if not searched or held >= 2 * searched or "\n" in text:
        return True
    return searched <= CUT_LIMIT < held  # rules 3 to 5 apply from here


def stream(
    chunks: Iterable[str],
    convert: Callable[[str], str],
    cyrillic_source: bool,
    across_whitespace: bool,
    check: Callable[[str, object], str],
) -> Iterator[str]:
    """Convert *chunks* piece by piece; see the module's docstring for where it cuts.

    *across_whitespace* says the dates convention is on.  Rule 1 keeps a number and
    the word after it together in every case; in Latin text the convention also turns
    2025-yil into 2025 yil before tags and URLs are found (<a2025-yil …> becomes a tag
    with a space), so the cuts are looked for in the text as the converter will see it
    (the same length: the hyphen becomes a space).
    """
    seen_as = _as_converted_dates if across_whitespace and not cyrillic_source else _as_is
    pending = ""
    searched = 0  # len(pending) when a search last found no further cut
    passing: re.Pattern[str] | None = None  # rule 5: what continues a run passed through
    for chunk in chunks:
        text = check("convert_stream", chunk)
        if passing is not None:
            end = _run_end(passing, text, 0)
            if end:
                yield text[:end]
                text = text[end:]
            if not text:
                continue
            passing = None
        pending += text
        if not _worth_searching(len(pending), searched, text):
            continue
        if cyrillic_source:
            cut = whitespace_cut(pending, len(pending))
            if cut == 0 and len(pending) > CUT_LIMIT:
                cut = forced_cyrillic_cut(pending)
        else:
            view = seen_as(pending)
            cut, limit, spans = latin_cut(view)
            if cut == 0 and len(pending) > CUT_LIMIT:
                cut = forced_latin_cut(view, limit)
                run = long_latin_run(view, spans, limit) if cut == 0 else None
                if run is not None:
                    start, passing = run
                    yield convert(pending[:start]) + pending[start:]
                    pending, searched = "", 0
                    continue
        if cut:
            yield convert(pending[:cut])
            pending = pending[cut:]
        searched = len(pending)
    if pending:
        yield convert(pending)
