"""A cache of converted words (or chunks), bounded, in two generations.

The converters (_converter) look every word up here, convert only those it has
not seen, and keep what a process meets often while dropping what it met once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress, islice
from typing import Final

_CACHE_LIMIT: Final = 40_000
_LONGEST_CACHED: Final = 64  # longer words (base64, data) are converted but not kept


class WordCache:
    """Converted words (or chunks) by their source, in two generations.

    all(words) looks the words up together with a plain dict's __getitem__, which
    keeps the hot loop in C.  The words it has not seen are converted together by
    *convert_all* (one call for a whole text, so that the converter can work on
    them as one string), or one by one by *convert*.  When the newer generation
    holds *limit* entries it becomes the older one and the oldest is dropped; a
    word found in the older generation moves back to the newer.  So memory stays
    bounded, and whatever a process saw first (a log file, base64) is gone after
    *limit* new words, while the words that keep coming back stay.  Entries longer
    than _LONGEST_CACHED are converted but not kept.
    """

    __slots__ = ("convert", "convert_all", "limit", "newer", "older")

    def __init__(
        self,
        convert: Callable[[str], str],
        limit: int = _CACHE_LIMIT,
        *,
        convert_all: Callable[[list[str]], list[str]] | None = None,
    ) -> None:
        self.convert = convert
        self.convert_all = convert_all
        self.limit = limit
        self.newer: dict[str, str] = {}
        self.older: dict[str, str] = {}

    def __getitem__(self, word: str) -> str:
        found = self.newer.get(word)
        return self.all([word])[0] if found is None else found

    def __len__(self) -> int:
        return len(self.newer) + len(self.older)

    def all(self, words: list[str]) -> list[str]:
        """The conversions of *words*, in order."""
        newer = self.newer
        try:
            return list(map(newer.__getitem__, words))
        except KeyError:
            pass
        missing = set(words).difference(newer)
        again = {word: self.older[word] for word in self.older.keys() & missing}
        new = list(missing.difference(again) if again else missing)
        if self.convert_all is None or not new:
            converted = list(map(self.convert, new))
        else:
            converted = self.convert_all(new)
        newer.update(zip(new, converted, strict=True))  # no dict in between
        newer.update(again)
        found = list(map(newer.__getitem__, words))
        lengths = list(map(len, new))
        if max(lengths, default=0) > _LONGEST_CACHED:  # converted, not kept
            for word in compress(new, map(_LONGEST_CACHED.__lt__, lengths)):
                del newer[word]
        if len(newer) > self.limit:  # one call brought more than a generation holds
            newer = dict(islice(newer.items(), len(newer) - self.limit, None))
        if len(newer) >= self.limit:
            self.older, self.newer = newer, {}
        return found


def convert_words(text: str, words: re.Pattern[str], cache: WordCache) -> str:
    """Replace every word that *words* finds in *text* by its cached conversion."""
    parts = words.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = cache.all(parts[1::2])
    return "".join(parts)
