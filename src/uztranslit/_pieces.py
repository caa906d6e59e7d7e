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
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from typing import Final

from . import _spans

_CYRILLIC_WORD: Final = _spans.CYRILLIC_WORDS_DECOMPOSED


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
    spans = word_spans(text, cyrillic_source)
    moved = []
    index = 0
    for cut in cuts:
        while index < len(spans) and spans[index][1] <= cut:
            index += 1
        inside = index < len(spans) and spans[index][0] < cut
        moved.append(spans[index][1] if inside else cut)
    return moved


def convert_pieces(
    pieces: Sequence[str], convert: Callable[[str], str], cyrillic_source: bool
) -> list[str]:
    """Convert *pieces* as one text by *convert*; as many pieces come back.

    *cyrillic_source* says which script the words are in (it decides what a word
    is).  See the module's docstring for where each converted word goes.
    """
    if len(pieces) < 2:
        return [convert(piece) for piece in pieces]
    text = "".join(pieces)
    whole = convert(text)
    bounds = list(itertools.accumulate(len(piece) for piece in pieces[:-1]))
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
