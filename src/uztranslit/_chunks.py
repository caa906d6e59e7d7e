"""Converting a text a chunk at a time: the pieces between spaces (or line breaks),
each through a cache (_word_cache.WordCache), the new ones converted together.

No letter rule looks across whitespace, so a text converted by chunks is the same as
the text converted whole; real text repeats its chunks (a word with its punctuation)
as it repeats its words, and str.split is quick.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, count
from typing import Final

from ._word_cache import WordCache

CHUNK_CACHE_LIMIT: Final = 100_000  # chunks kept by a converter's chunk cache


def by_chunks(text: str, chunks: WordCache) -> str:
    """Convert *text* a chunk at a time, each chunk through *chunks*: the pieces
    between spaces, or between line breaks in a text with more of those (a word
    list, one word per line).

    No letter rule looks across whitespace, so this gives the same as converting
    the whole; it is faster because str.split is, and real text repeats its
    chunks (a word with its punctuation) as it repeats its words.
    """
    cut = " " if text.count(" ") >= text.count("\n") else "\n"
    return cut.join(chunks.all(text.split(cut)))


# Characters looked at to tell whether a long text repeats its words, and the share of
# distinct words there above which it does not repeat them enough for chunks to pay.
_SAMPLE: Final = 1 << 14
_FEW_REPEATS: Final = 0.9


def repeats_little(text: str) -> bool:
    """Whether a long *text* seems to repeat few of its words (its first _SAMPLE
    characters): then converting it a chunk at a time through a cache (by_chunks)
    costs more than the words it finds again save, and its tokens go together.

    Real prose repeats a third or more of its words within a few pages (0.5–0.7
    distinct in the corpus's samples); a list of new words does not.  A short text
    always goes by chunks: a caller that converts line by line finds them cached.
    """
    if len(text) < _SAMPLE:
        return False
    sample = text[:_SAMPLE].split()
    return len(set(sample)) > _FEW_REPEATS * len(sample)


def by_joining(convert: Callable[[str], str]) -> Callable[[list[str]], list[str]]:
    """Convert many chunks as one text: joined by two spaces (two line breaks if a
    chunk holds a space), split again after.

    No rule looks across whitespace, and a conversion neither adds nor removes
    whitespace, so this is the same as converting each chunk alone.  Two, not one:
    the only pattern that looks back past a space, the placeholder's
    ``(?<![0-9] %)``, must see what it sees at the start of a chunk.
    """

    def convert_all(chunks: list[str]) -> list[str]:
        joined = converted_joined(chunks, _CHUNK_JOINTS, convert)
        return list(map(convert, chunks)) if joined is None else joined

    return convert_all


# How by_joining joins chunks, each joint with the character no chunk may hold.
_CHUNK_JOINTS: Final = (("  ", " "), ("\n\n", "\n"))


def converted_joined(
    parts: Sequence[str], joints: Iterable[tuple[str, str]], convert: Callable[[str], str]
) -> list[str] | None:
    """*parts* converted as one text and split again, joined by the first of *joints*
    (a joint, and its character that no part may hold) whose character no part holds;
    None if each is in some part."""
    for joint, mark in joints:
        text = joint.join(parts)
        if text.count(mark) == joint.count(mark) * (len(parts) - 1):  # only in the joints
            return convert(text).split(joint)
    return None


# New chunks up to this many, some of them not plain words, go together by_joining (a
# line's new words): one call of the token path costs less than two.
_FEW_CHUNKS: Final = 32


def by_tokens_first(
    tokens: Callable[[list[str]], list[str]], convert: Callable[[str], str]
) -> Callable[[list[str]], list[str]]:
    """Convert many Latin chunks: those made of ASCII letters alone, each one token,
    by *tokens* (all of them in one call); the others as one text by *convert*
    (by_joining).

    Such a chunk holds nothing that *convert* would treat apart (a URL, a tag, a
    placeholder, an initial before its full stop all hold other characters), and
    *convert* gives a token what *tokens* gives it; so this is the same as *convert*
    on each chunk, without joining, splitting into tokens and joining again the half
    of a text's new chunks that are plain words.
    """
    joined = by_joining(convert)

    def convert_all(chunks: list[str]) -> list[str]:
        is_word = list(map(operator.and_, map(str.isascii, chunks), map(str.isalpha, chunks)))
        if not any(is_word) or (len(chunks) <= _FEW_CHUNKS and not all(is_word)):
            return joined(chunks)  # a few chunks: one call of the token path, not two
        out = chunks[:]
        words = tokens(list(compress(chunks, is_word)))
        for i, word in zip(compress(count(), is_word), words, strict=True):
            out[i] = word
        is_other = list(map(operator.not_, is_word))
        if any(is_other):
            others = joined(list(compress(chunks, is_other)))
            for i, other in zip(compress(count(), is_other), others, strict=True):
                out[i] = other
        return out

    return convert_all
