"""Where a very long Cyrillic word is cut: the same places whoever cuts it.

A run of Cyrillic letters with no space in it (data, or hostile input: millions of
letters and soft hyphens) is converted a piece at a time, so that a stream (_stream)
need not hold it whole.  Its letters come out the same cut or not, since a cut falls
only where no rule reads across (no_rule_reads_across).  Its format characters do not:
a word that long has them placed in proportion (_invisible.places_of), and a piece's
proportion is not the word's.  So a long word is cut at the same places whether a
stream cuts it or a converter is given it whole (pieces): the first place at least
PIECE characters into the word, then the first at least PIECE characters after that,
and so on.  Each place depends only on the word's characters before it and
RUN_CONTEXT letters after it, which a stream holding the word's beginning can see.
"""

from __future__ import annotations

from typing import Final

from . import _spans
from ._alphabet import CYRILLIC_LETTERS
from ._invisible import FORMAT_CLASS, without_format_characters
from ._patterns import Lazy
from ._suffixes import is_cyrillic_inflection_chain

PIECE: Final = 1 << 19  # characters of a long word before a place where it may be cut
RUN_CONTEXT: Final = 96  # letters on each side of a cut inside a run (> 64 stem + 20 chain)
# The last letter of a piece: one Latin letter whatever follows, and not the end of a
# particle (-да, -чи, -ю, -ку end in а и ю у).  The first letter of the next piece: any
# whose rule does not look back (е, ц, ъ do).
_ENDS_A_PIECE: Final = frozenset("бвгджзйклмнопртфхқҳэыБВГДЖЗЙКЛМНОПРТФХҚҲЭЫ")
_STARTS_A_PIECE: Final = CYRILLIC_LETTERS - frozenset("ецъЕЦЪ")
# A letter that may end a piece, format characters, and one that may start the next:
# where to look.  (Compiled on first use, like the next: few texts hold such a word.)
_MAY_CUT_AFTER: Final = Lazy(
    f"[{''.join(sorted(_ENDS_A_PIECE))}][{FORMAT_CLASS}]*(?=[{''.join(sorted(_STARTS_A_PIECE))}])"
)
_CYRILLIC_RUN: Final = Lazy(f"[{_spans.CYRILLIC}]*")
_CYRILLIC_VOWELS: Final = frozenset("аеёиоуэюяўыАЕЁИОУЭЮЯЎЫ")
_TS_LOOKS_AHEAD: Final = 22  # letters after ц that its rule reads (a suffix chain + 1)


def no_rule_reads_across(letters: str, cut: int) -> bool:
    """Whether no rule reads across a cut of *letters* (a run of Cyrillic letters,
    without format characters) at *cut*: between a letter that may end a piece and one
    that may start one, with RUN_CONTEXT letters of the run on each side, more than
    any lexicon stem, suffix chain or ц rule reads."""
    return (
        cut >= RUN_CONTEXT
        and letters[cut - 1] in _ENDS_A_PIECE
        and letters[cut : cut + 1] in _STARTS_A_PIECE
        and _run_end(letters, cut - RUN_CONTEXT) >= cut + RUN_CONTEXT
        and not ts_rule_reads_across(letters, cut)
    )


def _run_end(letters: str, start: int) -> int:
    found = _CYRILLIC_RUN().match(letters, start)
    return start if found is None else found.end()


def ts_rule_reads_across(letters: str, cut: int) -> bool:
    """Whether a ц before *cut* would read "s" in the piece but "ts" in the whole run.

    After a vowel ц is "s" only before nothing or a suffix chain (rules.md: ц); in the
    whole run far more letters follow, so it is "ts".
    """
    for i in range(max(1, cut - _TS_LOOKS_AHEAD), cut):
        if letters[i] in "цЦ" and letters[i - 1] in _CYRILLIC_VOWELS:
            rest = letters[i + 1 : cut].lower()
            if not rest or is_cyrillic_inflection_chain(rest):
                return True
    return False


def first_cut(word: str, begin: int = 0) -> int:
    """Where the word that starts at *begin* in *word* is cut first: right before the
    first letter at or after its PIECE-th character where no rule reads across (its
    format characters left out), the format characters before that letter staying
    before the cut; 0 if there is none.

    The word is a Cyrillic word with its format characters, starting with a letter; or
    the beginning of one, as a stream holds it: a place needs RUN_CONTEXT letters of
    the word after it, so the same place is found however much of the word follows."""
    if len(word) - begin <= PIECE:
        return 0
    # from the last letter before character PIECE, so that a cut after the format
    # characters that follow it is found
    last = begin + max(0, len(word[begin : begin + PIECE].rstrip(FORMAT_CLASS)) - 1)
    for found in _MAY_CUT_AFTER().finditer(word, last):
        before, after = letters_around(word, begin, found.end())
        if len(after) < RUN_CONTEXT:
            return 0  # not known yet, or the word ends first
        if no_rule_reads_across(before + after, len(before)):
            return found.end()
    return 0


def letters_around(word: str, begin: int, place: int) -> tuple[str, str]:
    """The letters of *word* (from *begin*) before and after *place*, its format
    characters left out: RUN_CONTEXT or more each way, or as many as there are."""
    width = 2 * RUN_CONTEXT
    while True:
        before = without_format_characters(word[max(begin, place - width) : place])
        after = without_format_characters(word[place : place + width])
        enough_before = len(before) >= RUN_CONTEXT or place - width <= begin
        if enough_before and (len(after) >= RUN_CONTEXT or place + width >= len(word)):
            return before, after
        width *= 4  # format characters crowd the letters


def pieces(word: str) -> list[str]:
    """*word* cut at every place first_cut finds, from its start and then from each cut."""
    cuts = [0]
    while cut := first_cut(word, cuts[-1]):
        cuts.append(cut)
    return [word[start:end] for start, end in zip(cuts, [*cuts[1:], len(word)], strict=True)]
