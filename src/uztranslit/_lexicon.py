"""The loanword lexicon: stems whose spelling the letter rules cannot know.

The shipped lexicon is ``lexicon.tsv`` in this package; the format is
documented there and in docs/lexicon.md.  Each row pairs a Cyrillic stem with
a Latin stem and says which way it applies, so that both directions are
written out: a row marked ``to-cyrillic`` (aprel → апрель) is never used to
convert Cyrillic, and one marked ``to-latin`` is never used the other way.

A word matches an entry when it is the stem followed by a chain of Uzbek
suffixes (see _suffixes).  A Cyrillic stem that ends in ь loses it before a
suffix (апрель, апрелда), so both forms are accepted on input, and
Latin → Cyrillic writes ь only at the end of a bare stem.
"""

from __future__ import annotations

import functools
import operator
import os
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress, count
from typing import Final, NamedTuple

from ._suffixes import is_cyrillic_suffix_chain, is_latin_suffix_chain

DIRECTIONS: Final = ("both", "to-latin", "to-cyrillic")
# Stems are tried from this length down, so a letter run of any length (base64,
# minified data) costs linear time; no real stem is nearly this long.
LONGEST_WORD: Final = 64
SOFT_SIGN: Final = "ь"
# How many first letters of a word StemStarts looks up (fewer if a stem is shorter).
STEM_START: Final = 4


class LexiconError(ValueError):
    """A lexicon file has a malformed row; carries the source and line."""

    def __init__(self, message: str, source: str, line: int) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.message = message
        self.source = source
        self.line = line

    def __reduce__(self) -> tuple[type[LexiconError], tuple[str, str, int]]:
        return (LexiconError, (self.message, self.source, self.line))


class Lexicon:
    """Stem tables for the two directions, keyed by lower-case stem; read-only.

    Make one with load_lexicon(path) or parse_lexicon(lines) and pass it as the
    ``lexicon`` option: its entries are added to the shipped ones, replacing
    any with the same stem.  Lexicons compare and hash by identity, and pickle.
    """

    __slots__ = ("to_cyrillic", "to_latin")

    def __init__(self, to_latin: Mapping[str, str], to_cyrillic: Mapping[str, str]) -> None:
        self.to_latin: Mapping[str, str] = to_latin
        self.to_cyrillic: Mapping[str, str] = to_cyrillic

    def __repr__(self) -> str:
        return f"<Lexicon: {len(self.to_latin)} to Latin, {len(self.to_cyrillic)} to Cyrillic>"

    def merged(self, override: Lexicon) -> Lexicon:
        """This lexicon with the entries of *override* added or replacing."""
        return Lexicon(
            {**self.to_latin, **override.to_latin},
            {**self.to_cyrillic, **override.to_cyrillic},
        )


def parse_lexicon(lines: Iterable[str], source: str = "<lexicon>") -> Lexicon:
    """Read lexicon rows: ``cyrillic<TAB>latin[<TAB>direction[<TAB>note]]``.

    Blank lines and lines starting with ``#`` are skipped; the direction
    defaults to ``both``.  Stems are stored in lower case.
    """
    to_latin: dict[str, str] = {}
    to_cyrillic: dict[str, str] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0] or not fields[1]:
            raise LexiconError(
                "expected 'cyrillic<TAB>latin[<TAB>direction[<TAB>note]]'", source, number
            )
        cyrillic, latin = fields[0].strip().lower(), fields[1].strip().lower()
        direction = fields[2].strip() if len(fields) > 2 and fields[2].strip() else "both"
        if direction not in DIRECTIONS:
            raise LexiconError(
                f"direction must be one of {', '.join(DIRECTIONS)}; got {direction!r}",
                source,
                number,
            )
        if direction != "to-cyrillic":
            to_latin[cyrillic] = latin
        if direction != "to-latin":
            to_cyrillic[latin] = cyrillic
    return Lexicon(to_latin, to_cyrillic)


# The shipped lexicon files, later ones overriding earlier ones: the entries
# generated from the Russian word list, then the hand-written ones.
SHIPPED_FILES: Final = ("lexicon_ru.tsv", "lexicon.tsv")
HERE: Final = os.path.dirname(os.path.abspath(__file__))


def load_lexicon(path: str | os.PathLike[str], /) -> Lexicon:
    """Read a lexicon file (UTF-8, the format of docs/lexicon.md).

    Raises OSError if it cannot be read and LexiconError (a ValueError naming the
    file and line) for a malformed row.
    """
    with open(path, encoding="utf-8") as lines:
        return parse_lexicon(lines, os.fspath(path))


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package, read once on first use."""
    lexicon = Lexicon({}, {})
    for name in SHIPPED_FILES:
        with open(os.path.join(HERE, name), encoding="utf-8") as file:
            text = file.read()
        lexicon = lexicon.merged(parse_lexicon(text.splitlines(), f"uztranslit/{name}"))
    return lexicon


class StemStarts(NamedTuple):
    """Where a table's stems start: which words may start with one, and how long
    it can be, so that no word tries every prefix (match_*_stem's *longest*)."""

    longest: Mapping[str, int]  # the longest stem for each first STEM_START letters
    short: frozenset[str]  # the stems shorter than STEM_START letters
    shortest: int  # the length of the shortest stem

    def candidates(self, words: Sequence[str]) -> set[int]:
        """The positions of the lower-case *words* that may start with a stem
        (one C loop over the words for each stem width below STEM_START, and one)."""
        found: set[int] = set()
        for width in {STEM_START, *map(len, self.short)}:
            starts = self.longest if width == STEM_START else self.short
            if starts:
                firsts = map(operator.itemgetter(slice(0, width)), words)
                found.update(compress(count(), map(starts.__contains__, firsts)))
        return found

    def longest_for(self, word: str) -> int:
        """The longest stem that lower-case *word* may start with (0: none)."""
        longest = self.longest.get(word[:STEM_START], 0)
        if longest or not self.short:
            return longest
        for width in range(STEM_START - 1, 0, -1):
            if word[:width] in self.short:
                return width
        return 0


def stem_starts(table: Mapping[str, str], *, soft_sign: bool = False) -> StemStarts:
    """The StemStarts of *table*; with *soft_sign*, stems ending in ь count also
    without it (match_cyrillic_stem).  Stems longer than LONGEST_WORD never match."""
    stems = [stem for stem in table if 0 < len(stem) <= LONGEST_WORD]
    if soft_sign:
        stems += [
            stem[:-1]
            for stem in table
            if stem.endswith(SOFT_SIGN) and 1 < len(stem) <= LONGEST_WORD + 1
        ]
    longest: dict[str, int] = {}
    for stem in stems:
        if len(stem) >= STEM_START:
            start = stem[:STEM_START]
            longest[start] = max(longest.get(start, 0), len(stem))
    short = frozenset(stem for stem in stems if len(stem) < STEM_START)
    return StemStarts(longest, short, min(map(len, stems), default=1))


def match_cyrillic_stem(word: str, table: Mapping[str, str]) -> tuple[int, str] | None:
    """The longest lexicon stem that *word* starts with, followed by suffixes.

    *word* is lower-case Cyrillic.  Returns the stem's length in *word* and
    its Latin spelling, or None.  A stem ending in ь also matches without the
    ь, before suffixes as the rules write it (апрелда) and bare as real text
    sometimes does (сентябр).
    """
    for end in range(min(len(word), LONGEST_WORD), 0, -1):
        stem = word[:end]
        latin = table.get(stem)
        if latin is None:
            latin = table.get(stem + SOFT_SIGN)
        if latin is not None and (end == len(word) or is_cyrillic_suffix_chain(word[end:])):
            return end, latin
    return None


def match_latin_stem(
    word: str, table: Mapping[str, str], longest: int = LONGEST_WORD, shortest: int = 1
) -> tuple[int, str] | None:
    """The longest lexicon stem that *word* starts with, followed by suffixes.

    *word* is lower-case Latin with canonical apostrophes.  Returns the
    stem's length in *word* and its Cyrillic spelling (without a final ь when
    suffixes follow: oktabrda → октябрда), or None.  Only stems from *longest* to
    *shortest* letters are tried (StemStarts knows the bounds for each word).
    """
    for end in range(min(len(word), longest, LONGEST_WORD), shortest - 1, -1):
        cyrillic = table.get(word[:end])
        if cyrillic is None:
            continue
        if end == len(word):
            return end, cyrillic
        if is_latin_suffix_chain(word[end:]):
            return end, cyrillic.removesuffix(SOFT_SIGN)
    return None
