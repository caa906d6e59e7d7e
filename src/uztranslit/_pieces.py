"""Converting text that is stored in pieces: runs of a Word paragraph, HTML text nodes.

The reader sees the pieces as one text, and a word may be split between two of
them (``т|елефон``, ``S|hahar``); converting each piece on its own would break such
words.  convert_pieces converts the joined text with full context and cuts the
result back into as many pieces:

- a word (and any span never converted: a URL, a tag) goes whole into the piece
  where it starts; pieces that held only the tail of a word come back empty;
- what lies between words keeps its piece;
- the joined output is always the conversion of the joined input.  Where cutting
  after a word would change the conversion (a convention joins a number to the
  next word, a mark before a word is read with it), the pieces on both sides of
  that cut are converted together and the result goes into the first of them.

Each piece is converted once.  A cut right after whitespace needs nothing more:
no rule looks across whitespace (with the dates convention, across whitespace
that follows a digit), so the text converts as its two sides apart; _stream
cuts long texts at the same places.  Only where a cut (moved to a word's end)
falls elsewhere, before punctuation say, is the stretch between the free cuts
around it converted whole to check that cutting it changes nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import Final

from . import _spans
from ._patterns import Lazy

_CYRILLIC_WORD: Final = _spans.CYRILLIC_WORDS_DECOMPOSED
# The whitespace no rule looks across (as _stream cuts streams).
_WHITESPACE: Final = (" ", "\n", "\t", "\r")
# One character of a Cyrillic word (CYRILLIC_WORDS_DECOMPOSED): a letter, or a
# breve or diaeresis on the letter before it (й and ё decomposed); and the rest of
# a word from a character on.
_CYRILLIC_WORD_CHAR: Final = f"(?:[{_spans.CYRILLIC}]|(?<=[иИуУ])\u0306|(?<=[еЕ])\u0308)"
_IN_CYRILLIC_WORD: Final = Lazy(_CYRILLIC_WORD_CHAR)
_CYRILLIC_WORD_REST: Final = Lazy(f"{_CYRILLIC_WORD_CHAR}*")


def word_spans(text: str, cyrillic_source: bool) -> list[tuple[int, int]]:
    """The (start, end) spans that must not be cut: words, and in Latin text the
    spans kept as written (URLs, tags, placeholders), merged where they overlap."""
    pattern: re.Pattern[str] = _CYRILLIC_WORD if cyrillic_source else _spans.latin_tokens()
    spans = [found.span() for found in pattern.finditer(text)]
    if not cyrillic_source:
        spans = sorted(spans + _spans.skipped_spans(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def cuts_after_words(text: str, cuts: Sequence[int], cyrillic_source: bool) -> list[int]:
    """Each cut of *text*, moved on to the end of the word it would split, so that
    the word stays whole in the piece where it starts."""
    if cyrillic_source:
        return [cyrillic_word_end(text, cut) for cut in cuts]
    spans = word_spans(text, cyrillic_source)
    moved = []
    index = 0
    for cut in cuts:
        while index < len(spans) and spans[index][1] <= cut:
            index += 1
        inside = index < len(spans) and spans[index][0] < cut
        moved.append(spans[index][1] if inside else cut)
    return moved


def cyrillic_word_end(text: str, cut: int) -> int:
    """*cut*, or the end of the Cyrillic word it would split (word_spans, looked
    for only on the two sides of the cut)."""
    if 0 < cut < len(text) and _IN_CYRILLIC_WORD().match(text, cut - 1):
        found = _CYRILLIC_WORD_REST().match(text, cut)
        assert found is not None  # it matches the empty string
        return found.end()
    return cut


def is_free_cut(text: str, cut: int, across_whitespace: bool) -> bool:
    """Whether *text* converts as its two sides of *cut* converted apart: at either
    end, or right after whitespace, which no rule looks across.  When a convention
    joins words across whitespace (*across_whitespace*: 2025 йил), not after
    whitespace that follows a digit; when none does, also right before a space,
    since the converter converts the chunks between spaces each on its own
    (_chunks.by_chunks).  Never right before a % or a space and a %, which
    the placeholder rule reads together with the number before them."""
    if cut <= 0 or cut >= len(text):
        return True
    if text.startswith(("%", " %"), cut):
        return False  # 15 %dan: a percent sign is read across the space (_spans)
    if across_whitespace:
        return text[cut - 1] in _WHITESPACE and (cut < 2 or not text[cut - 2].isdigit())
    return text[cut - 1] in _WHITESPACE or text[cut] == " "


def free_cut_before(text: str, position: int, across_whitespace: bool) -> int:
    """The last free cut (is_free_cut) at or before *position*."""
    while not is_free_cut(text, position, across_whitespace):
        space = max(text.rfind(char, 0, position) for char in _WHITESPACE)
        position = space + 1 if space >= 0 else 0
        if is_free_cut(text, position, across_whitespace):
            return position
        position = space  # whitespace after a digit: look further back
    return position


def free_cut_after(text: str, position: int, across_whitespace: bool) -> int:
    """The first free cut (is_free_cut) at or after *position*."""
    while not is_free_cut(text, position, across_whitespace):
        found = [at for char in _WHITESPACE if (at := text.find(char, position)) >= 0]
        position = min(found) + 1 if found else len(text)
    return position


def windows(text: str, cuts: Sequence[int], across_whitespace: bool) -> list[list[int]]:
    """The cuts of *text* that are not free (is_free_cut), each in a window from
    the free cut before it to the one after it: [start, cuts…, end], windows
    that overlap merged."""
    found: list[list[int]] = []
    for cut in cuts:
        if is_free_cut(text, cut, across_whitespace):
            continue
        if found and cut < found[-1][-1]:
            found[-1].insert(-1, cut)
            continue
        start = free_cut_before(text, cut, across_whitespace)
        found.append([start, cut, free_cut_after(text, cut, across_whitespace)])
    return found


def convert_pieces(
    pieces: Sequence[str],
    convert: Callable[[str], str],
    cyrillic_source: bool,
    across_whitespace: bool = True,
) -> list[str]:
    """Convert *pieces* as one text by *convert*; as many pieces come back.

    *cyrillic_source* says which script the words are in (it decides what a word
    is); *across_whitespace*, whether a rule of *convert* joins words across
    whitespace (is_free_cut).  See the module's docstring for where each
    converted word goes.
    """
    if len(pieces) < 2:
        return [convert(piece) for piece in pieces]
    text = "".join(pieces)
    bounds = list(itertools.accumulate(len(piece) for piece in pieces[:-1]))
    if not cyrillic_source and "<" in text:  # a kept tag may hold whitespace
        return _checked_whole(text, bounds, convert, cyrillic_source)
    cuts = [0, *cuts_after_words(text, bounds, cyrillic_source), len(text)]
    parts = [convert(text[a:b]) for a, b in itertools.pairwise(cuts)]
    for window in windows(text, cuts, across_whitespace):
        apart = "".join(convert(text[a:b]) for a, b in itertools.pairwise(window))
        if apart != convert(text[window[0] : window[-1]]):
            whole = convert(text)
            return _joined_where_context_crosses(text, cuts, parts, whole, convert)
    return parts


def _checked_whole(
    text: str, bounds: list[int], convert: Callable[[str], str], cyrillic_source: bool
) -> list[str]:
    """convert_pieces by converting the whole text and every piece, for texts
    whose free cuts are not known (Latin with tags)."""
    whole = convert(text)
    cuts = [0, *cuts_after_words(text, bounds, cyrillic_source), len(text)]
    parts = [convert(text[a:b]) for a, b in itertools.pairwise(cuts)]
    if "".join(parts) == whole:
        return parts
    return _joined_where_context_crosses(text, cuts, parts, whole, convert)


def _joined_where_context_crosses(
    text: str,
    cuts: list[int],
    parts: list[str],
    whole: str,
    convert: Callable[[str], str],
) -> list[str]:
    """Pieces whose separate conversion differs from their joint one, converted
    together into the first of them; the whole text into the first piece if even
    that does not give *whole*."""
    result = [""] * len(parts)
    group = 0  # the first piece of the group being converted together
    for k in range(1, len(parts) + 1):
        end = cuts[k]
        if k < len(parts):
            start, after = cuts[group], cuts[k + 1]
            together = convert(text[start:after])
            apart = convert(text[start:end]) + parts[k]
            if together != apart:
                continue  # the next piece joins the group
        result[group] = convert(text[cuts[group] : end])
        group = k
    if "".join(result) != whole:
        return [whole] + [""] * (len(parts) - 1)
    return result
