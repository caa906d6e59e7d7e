"""The loanword lexicon: stems whose spelling the letter rules cannot know.

The shipped lexicon is ``lexicon.tsv`` in this package; the format is
documented there and in docs/lexicon.md.  Each row pairs a Cyrillic stem with
a Latin stem and says which way it applies, so that both directions are
written out: a row marked ``to-cyrillic`` (aprel → апрель) is never used to
convert Cyrillic, and one marked ``to-latin`` is never used the other way.

A word matches an entry when it is the stem followed by a chain of Uzbek
suffixes (see _suffixes).  An entry may name its kind in a fifth column: a
``noun`` takes no verbal suffix straight after the stem (мэр + -ган is not
мерган "marksman"), and a ``name`` takes neither those, nor a possessive of the
first or second person except after the plural, nor an adjective suffix
(Марья + -м is not Марям); an
entry without a kind takes any chain, as before kinds existed.  A Cyrillic
stem that ends in ь loses it before a suffix (апрель, апрелда), so both forms
are accepted on input, and Latin → Cyrillic writes ь only at the end of a bare
stem.
"""

from __future__ import annotations

import functools
import operator
import os
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, count, product
from types import MappingProxyType
from typing import Final, NamedTuple

from ._alphabet import (
    APOSTROPHE_LETTER,
    CYRILLIC_LOWER,
    LATIN_LOWER,
    TURNED_COMMA,
    lower_in_place,
)
from ._patterns import Lazy
from ._suffixes import (
    CYRILLIC_SUFFIXES,
    LATIN_SUFFIXES,
    LONGEST_CHAIN,
    is_cyrillic_suffix_chain,
    is_latin_suffix_chain,
)

DIRECTIONS: Final = ("both", "to-latin", "to-cyrillic")
# The kinds of stem a row may name in its fifth column; a blank one takes any suffix.
KINDS: Final = ("noun", "name")
# Stems are tried from this length down, so a letter run of any length (base64,
# minified data) costs linear time; no real stem is nearly this long.
LONGEST_WORD: Final = 64
SOFT_SIGN: Final = "ь"
BYTE_ORDER_MARK: Final = "\ufeff"  # some editors write it at the start of a UTF-8 file
# How many first letters of a word StemStarts looks up (fewer if a stem is shorter).
STEM_START: Final = 4
STEM_HEAD: Final = 7  # letters of a stem's head (StemStarts.with_heads)


class LexiconError(ValueError):
    """A lexicon file has a malformed row; carries the source and line."""

    def __init__(self, message: str, source: str, line: int) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.message = message
        self.source = source
        self.line = line

    def __reduce__(self) -> tuple[type[LexiconError], tuple[str, str, int]]:
        return (LexiconError, (self.message, self.source, self.line))


# What the kinds of stem may not take, each direction written out ------------------


class KindSuffixes(NamedTuple):
    """The suffixes that the kinds of stem treat apart, in one script."""

    # Verbal suffixes follow a verb-forming one (filmlashgan, filmlashtirib), never a
    # noun or a name directly (mer + gan is мерган "marksman", not мэр + ган).
    verb_forming: tuple[str, ...]  # make a verb of a noun
    verbal: tuple[str, ...]  # converb, verbal noun, participle
    # A proper name takes a possessive of the first or second person only after the
    # plural (marya + m is Марям, not Марья + м; Ivanovlarimiz is fine), and none of
    # the suffixes that make adjectives of common nouns.
    plural: str
    personal: tuple[str, ...]  # possessives of the first and second person
    adjectival: tuple[str, ...]  # relative adjectives of common nouns, the comparative


LATIN_KIND_SUFFIXES: Final = KindSuffixes(
    verb_forming=("lash", "lashtir"),
    verbal=("ib", "ish", "gan"),
    plural="lar",
    personal=("m", "im", "imiz", "miz", "ing", "ng", "ingiz", "ngiz"),
    adjectival=("iy", "viy", "ik", "iv", "roq"),
)
CYRILLIC_KIND_SUFFIXES: Final = KindSuffixes(
    verb_forming=("лаш", "лаштир"),
    verbal=("иб", "иш", "ган"),
    plural="лар",
    personal=("м", "им", "имиз", "миз", "инг", "нг", "ингиз", "нгиз"),
    adjectival=("ий", "вий", "ик", "ив", "роқ"),
)


def _alternatives(suffixes: Iterable[str]) -> str:
    """A regular expression group of *suffixes*, longest first."""
    return "(?:" + "|".join(sorted(suffixes, key=len, reverse=True)) + ")"


def _kind_chains(suffixes: tuple[tuple[str, str], ...], apart: KindSuffixes) -> dict[str, Lazy]:
    """The chain pattern of each kind: a noun's chain has verbal suffixes only right
    after a verb-forming one; a name's has neither, nor adjectival ones, and
    personal possessives only right after the plural."""
    verb_related = (*apart.verb_forming, *apart.verbal)
    nominal = [suffix for suffix, _ in suffixes if suffix not in verb_related]
    verb = f"{_alternatives(apart.verb_forming)}{_alternatives(apart.verbal)}?"
    of_names = [suffix for suffix in nominal if suffix not in (*apart.personal, *apart.adjectival)]
    after_plural = f"(?<={apart.plural}){_alternatives(apart.personal)}"
    return {
        "noun": Lazy(f"(?:{_alternatives(nominal)}|{verb})+"),
        "name": Lazy(f"(?:{_alternatives(of_names)}|{after_plural})+"),
    }


LATIN_KIND_CHAINS: Final = MappingProxyType(_kind_chains(LATIN_SUFFIXES, LATIN_KIND_SUFFIXES))
CYRILLIC_KIND_CHAINS: Final = MappingProxyType(
    _kind_chains(CYRILLIC_SUFFIXES, CYRILLIC_KIND_SUFFIXES)
)


def is_latin_chain_for(kind: str, text: str) -> bool:
    """Whether lower-case Latin *text* is a suffix chain that a stem of *kind* takes
    ("": any chain, is_latin_suffix_chain)."""
    if not kind:
        return is_latin_suffix_chain(text)
    return len(text) <= LONGEST_CHAIN and LATIN_KIND_CHAINS[kind]().fullmatch(text) is not None


def is_cyrillic_chain_for(kind: str, text: str) -> bool:
    """Whether lower-case Cyrillic *text* is a suffix chain that a stem of *kind*
    takes ("": any chain, is_cyrillic_suffix_chain)."""
    if not kind:
        return is_cyrillic_suffix_chain(text)
    chain = CYRILLIC_KIND_CHAINS[kind]()
    return len(text) <= LONGEST_CHAIN and chain.fullmatch(text) is not None


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
        """This lexicon with the entries of *override* added or replacing (a view
        of both when they are large, so that a large lexicon is not copied)."""
        return Lexicon(
            merged_table(self.to_latin, override.to_latin),
            merged_table(self.to_cyrillic, override.to_cyrillic),
        )


# Tables with more entries than this are kept in one string (StemTable), and merged
# as views (ChainTable): about a fifth of the memory of a dict of the same entries.
LARGE: Final = 50_000


def merged_table(base: Mapping[str, str], override: Mapping[str, str]) -> Mapping[str, str]:
    """*base* with *override*'s entries added or replacing, with their kinds."""
    if len(base) + len(override) <= LARGE:
        kinds = {key: kind for key, kind in table_kinds(base).items() if key not in override}
        kinds.update(table_kinds(override))
        return StemDict({**base, **override}, kinds)
    return ChainTable(override, base)


class StemDict(dict[str, str]):
    """A table of stems (a dict) that also knows the kind of each stem that has one
    (a key of *kinds*: "noun" or "name"; a stem without takes any suffix chain)."""

    __slots__ = ("kinds",)

    def __init__(self, entries: Mapping[str, str], kinds: dict[str, str] | None = None) -> None:
        super().__init__(entries)
        self.kinds: dict[str, str] = {} if kinds is None else kinds

    def __reduce__(self) -> tuple[type[StemDict], tuple[dict[str, str], dict[str, str]]]:
        return (StemDict, (dict(self), self.kinds))


def stem_kind(table: Mapping[str, str], stem: str) -> str:
    """The kind of *stem*, a key of *table* ("" when it takes any suffix chain)."""
    if isinstance(table, ChainTable):
        for part in table.tables:
            if stem in part:
                return stem_kind(part, stem)
        return ""
    if isinstance(table, (StemDict, StemTable)):
        return table.kinds.get(stem, "")
    return ""


def table_kinds(table: Mapping[str, str]) -> dict[str, str]:
    """The kinds of *table*'s stems that have one."""
    if isinstance(table, (StemDict, StemTable)):
        return table.kinds
    if isinstance(table, ChainTable):
        return {key: kind for key in table if (kind := stem_kind(table, key))}
    return {}


class ChainTable(Mapping[str, str]):
    """Several tables seen as one; the first that has a key gives its value."""

    __slots__ = ("tables",)

    def __init__(self, *tables: Mapping[str, str]) -> None:
        self.tables = tables

    def __getitem__(self, key: str) -> str:
        for table in self.tables:
            value = table.get(key)
            if value is not None:
                return value
        raise KeyError(key)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        for table in self.tables:
            value = table.get(key)
            if value is not None:
                return value
        return default

    def __iter__(self) -> Iterator[str]:
        for i, table in enumerate(self.tables):
            earlier = self.tables[:i]
            yield from (key for key in table if not any(key in seen for seen in earlier))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class StemTable(Mapping[str, str]):
    """A large table of stems as UTF-8 rows, ``key<TAB>value<NEWLINE>``, in one
    bytearray, found through an open-addressing index of where each key starts.

    About 10 bytes an entry beside the rows themselves, where a dict takes a hundred
    and more; a lookup costs a few Python steps instead of one C call, which is why
    only large tables (user lexicons of hundreds of thousands of rows) are kept so.
    """

    __slots__ = ("count", "kinds", "mask", "rows", "slots")

    def __init__(self, rows: bytearray, kinds: dict[str, str] | None = None) -> None:
        """Index *rows*; a later row replaces an earlier one with the same key.
        *kinds* are the kinds of the stems that have one (StemDict)."""
        self.rows = rows
        self.kinds: dict[str, str] = {} if kinds is None else kinds
        size = 1 << max(3, (rows.count(b"\n") * 3 // 2).bit_length())
        self.mask = size - 1
        self.slots = array("l", bytes(array("l").itemsize * size))  # key start + 1; 0: empty
        self.count = 0
        start = 0
        while start < len(rows):
            tab = rows.index(b"\t", start)
            self._place(rows[start:tab].decode(), start)
            start = rows.index(b"\n", tab) + 1

    def _place(self, key: str, start: int) -> None:
        slots, mask, rows = self.slots, self.mask, self.rows
        probe = key.encode() + b"\t"
        i = hash(key) & mask
        while slots[i]:
            if rows.startswith(probe, slots[i] - 1):
                slots[i] = start + 1
                return
            i = (i + 1) & mask
        slots[i] = start + 1
        self.count += 1

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        slots, mask, rows = self.slots, self.mask, self.rows
        probe = key.encode() + b"\t"
        i = hash(key) & mask
        while slots[i]:
            start = slots[i] - 1
            if rows.startswith(probe, start):
                value = start + len(probe)
                return rows[value : rows.index(b"\n", value)].decode()
            i = (i + 1) & mask
        return default

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        rows = self.rows
        for slot in self.slots:
            if slot:
                yield rows[slot - 1 : rows.index(b"\t", slot - 1)].decode()

    def __len__(self) -> int:
        return self.count

    def __reduce__(self) -> tuple[type[StemTable], tuple[bytearray, dict[str, str]]]:
        return (StemTable, (self.rows, self.kinds))


class TableBuilder:
    """Collects one direction's entries while a lexicon is read: a dict, until it
    holds LARGE entries, then UTF-8 rows appended in batches (StemTable)."""

    __slots__ = ("batch", "entries", "kinds", "rows")

    def __init__(self) -> None:
        self.entries: dict[str, str] | None = {}
        self.batch: list[str] = []
        self.rows = bytearray()
        self.kinds: dict[str, str] = {}

    def add(self, key: str, value: str, kind: str = "") -> None:
        if kind:
            self.kinds[key] = kind
        elif self.kinds:
            self.kinds.pop(key, None)  # a later row replaces an earlier one
        if self.entries is not None:
            self.entries[key] = value
            if len(self.entries) < LARGE:
                return
            self.batch = [f"{k}\t{v}\n" for k, v in self.entries.items()]
            self.entries = None
        self.batch.append(f"{key}\t{value}\n")
        if len(self.batch) >= _BATCH:
            self.rows += "".join(self.batch).encode()
            self.batch = []

    def table(self) -> Mapping[str, str]:
        if self.entries is not None:
            return StemDict(self.entries, self.kinds)
        self.rows += "".join(self.batch).encode()
        self.batch = []
        return StemTable(self.rows, self.kinds)


_BATCH: Final = 4096


def parse_lexicon(lines: Iterable[str], source: str = "<lexicon>") -> Lexicon:
    """Read lexicon rows: ``cyrillic<TAB>latin[<TAB>direction[<TAB>note[<TAB>kind]]]``.

    Blank lines and lines starting with ``#`` are skipped; the direction
    defaults to ``both``; the kind (KINDS) to none, which takes any suffix chain;
    a byte order mark before the first row is dropped.  Stems are stored in lower
    case.  A row without two non-blank stems, or with an unknown direction or
    kind, raises LexiconError naming *source* and the line; *lines* that are one str
    (not its lines) or a line that is not a str, TypeError.
    """
    if isinstance(lines, str):
        raise TypeError("lines must be the lexicon's lines, not one str: give text.splitlines()")
    to_latin = TableBuilder()
    to_cyrillic = TableBuilder()
    for number, raw in enumerate(lines, start=1):
        if not isinstance(raw, str):
            raise TypeError(f"{source}:{number}: a line must be a str; got {raw!r:.40}")
        line = raw.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix(BYTE_ORDER_MARK)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cyrillic, latin, direction, kind = _row(line, source, number)
        if direction != "to-cyrillic":
            to_latin.add(cyrillic, latin, kind)
        if direction != "to-latin":
            to_cyrillic.add(latin, cyrillic, kind)
    return Lexicon(to_latin.table(), to_cyrillic.table())


def _row(line: str, source: str, number: int) -> tuple[str, str, str, str]:
    """The lower-case Cyrillic and Latin stems of a row, its direction and kind."""
    fields = line.split("\t")
    if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
        what = "a stem is blank" if len(fields) >= 2 else "there is no tab"
        raise LexiconError(
            f"expected 'cyrillic<TAB>latin[<TAB>direction[<TAB>note[<TAB>kind]]]' ({what})",
            source,
            number,
        )
    cyrillic, latin = lower_in_place(fields[0].strip()), lower_in_place(fields[1].strip())
    direction = fields[2].strip() if len(fields) > 2 and fields[2].strip() else "both"
    if direction not in DIRECTIONS:
        raise LexiconError(
            f"direction must be one of {', '.join(DIRECTIONS)}; got {direction!r}",
            source,
            number,
        )
    kind = fields[4].strip() if len(fields) > 4 else ""
    if kind and kind not in KINDS:
        raise LexiconError(
            f"kind must be one of {', '.join(KINDS)} or blank; got {kind!r}", source, number
        )
    return cyrillic, latin, direction, kind


# What str.splitlines cuts a line at besides \n, and the one letter whose lower case is
# longer than itself: a text that holds one is read row by row (read_columns).
_READ_ROW_BY_ROW: Final = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\u0130"


def parse_lexicon_text(text: str, source: str = "<lexicon>") -> Lexicon:
    """parse_lexicon(text.splitlines(), source): column by column if every row has the
    plain shape a generated file has (read_columns), a few C loops in place of a
    call per row; else row by row, which also names a malformed row's line.  The
    shipped lexicon is read at every start of the command line."""
    lexicon = read_columns(text)
    return parse_lexicon(text.splitlines(), source) if lexicon is None else lexicon


def read_columns(text: str) -> Lexicon | None:
    """The lexicon of *text* read a column at a time, or None if a row is not plain
    (then parse_lexicon reads it): a line break other than \\n or a letter İ
    anywhere; rows of different widths; a stem blank or with whitespace around it
    (a row that starts with whitespace has one); a direction or kind not written
    exactly as one of DIRECTIONS or KINDS; LARGE rows or more."""
    if any(char in text for char in _READ_ROW_BY_ROW):
        return None
    lines = text.removeprefix(BYTE_ORDER_MARK).split("\n")
    rows = [line for line in lines if line and line[0] != "#"]
    tabs = set(map(operator.methodcaller("count", "\t"), rows))
    if len(rows) >= LARGE or len(tabs) != 1 or min(tabs) < 1:
        return None
    width = min(tabs) + 1
    # every field at once: a row's fields are *width* lines in a row
    fields = "\n".join(rows).replace("\t", "\n").split("\n")
    stems = fields[0::width] + fields[1::width]
    if not all(stems) or list(map(str.strip, stems)) != stems:
        return None
    directions = fields[2::width] if width > 2 else ["both"] * len(rows)
    kinds = fields[4::width] if width > 4 else [""] * len(rows)
    if not set(directions).issubset(DIRECTIONS) or not set(kinds).issubset(("", *KINDS)):
        return None
    # one line per stem: lower case as each alone (no İ, whose lower case is longer)
    cyrillic = lower_in_place("\n".join(fields[0::width])).split("\n")
    latin = lower_in_place("\n".join(fields[1::width])).split("\n")
    return Lexicon(
        columns_table(cyrillic, latin, kinds, list(map("to-cyrillic".__ne__, directions))),
        columns_table(latin, cyrillic, kinds, list(map("to-latin".__ne__, directions))),
    )


def columns_table(
    keys: list[str], values: list[str], kinds: Sequence[str], chosen: list[bool]
) -> StemDict:
    """The table of the *chosen* rows, as TableBuilder makes it row by row: a later
    row replaces an earlier one with the same key, and its kind (or lack of one)
    too."""
    chosen_keys = list(compress(keys, chosen))
    last_kinds = dict(zip(chosen_keys, compress(kinds, chosen), strict=True))
    return StemDict(
        dict(zip(chosen_keys, compress(values, chosen), strict=True)),
        {key: kind for key, kind in last_kinds.items() if kind},
    )


# The shipped lexicon files, later ones overriding earlier ones: the proper names
# (generated from russiannames and CLDR), the entries generated from the Russian word
# list, then the hand-written ones.
SHIPPED_FILES: Final = ("lexicon_names.tsv", "lexicon_ru.tsv", "lexicon.tsv")
# Those with rows to Latin: the two generated files hold only to-cyrillic rows
# (tests/test_lexicon_columns.py checks), so converting to Latin does not read them.
SHIPPED_TO_LATIN: Final = ("lexicon.tsv",)
HERE: Final = os.path.dirname(os.path.abspath(__file__))


def load_lexicon(path: str | os.PathLike[str], /) -> Lexicon:
    """Read a lexicon file (UTF-8, the format of docs/lexicon.md).

    Raises OSError if it cannot be read and LexiconError (a ValueError naming the
    file and line) for a line that is not UTF-8 or a malformed row.
    """
    source = os.fspath(path)
    with open(path, "rb") as file:
        return parse_lexicon(_decoded_lines(file, source), source)


def _decoded_lines(file: Iterable[bytes], source: str) -> Iterator[str]:
    """The lines of a UTF-8 file; a line that is not UTF-8 raises LexiconError."""
    for number, data in enumerate(file, start=1):
        try:
            yield data.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = data[error.start : error.start + 1].hex()
            raise LexiconError(
                f"not UTF-8: cannot decode byte 0x{bad} at column {error.start + 1}"
                " (save the file as UTF-8)",
                source,
                number,
            ) from None


@functools.cache
def shipped_file(name: str) -> Lexicon:
    """One of the SHIPPED_FILES, read once on first use."""
    with open(os.path.join(HERE, name), encoding="utf-8") as file:
        text = file.read()
    return parse_lexicon_text(text, f"uztranslit/{name}")


@functools.cache
def default_table(to: str) -> Mapping[str, str]:
    """The shipped lexicon's table to *to* ("latin" or "cyrillic"), read once on first
    use: its files merged in order, of those only the ones with rows that way."""
    table: Mapping[str, str] = {}
    for name in SHIPPED_TO_LATIN if to == "latin" else SHIPPED_FILES:
        table = merged_table(table, table_to(shipped_file(name), to))
    return table


def table_to(lexicon: Lexicon, to: str) -> Mapping[str, str]:
    """*lexicon*'s table to *to*: "latin" or "cyrillic"."""
    return lexicon.to_latin if to == "latin" else lexicon.to_cyrillic


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package, both ways."""
    return Lexicon(default_table("latin"), default_table("cyrillic"))


class StemStarts(NamedTuple):
    """Where a table's stems start: which words may start with one, and how long
    it can be, so that no word tries every prefix (match_*_stem's *longest*)."""

    longest: Mapping[str, int]  # the longest stem for each first STEM_START letters
    short: frozenset[str]  # the stems shorter than STEM_START letters
    shortest: int  # the length of the shortest stem
    # The first STEM_HEAD letters of every stem, or the whole stem if shorter; None
    # for a table larger than LARGE, whose heads would cost as much memory again.
    heads: frozenset[str] | None = None
    # The keys of longest, and every first STEM_START letters that a word beginning
    # with a short stem can have (short_stem_beginnings), for the stems not in *lone*.
    beginnings: frozenset[str] = frozenset()
    # Short stems looked up on their own: of one letter, which would add a quarter of a
    # million beginnings each, and of two if there are more than _MOST_FOLDED of them.
    lone: frozenset[str] = frozenset()

    def candidates(self, words: Sequence[str]) -> set[int]:
        """The positions of the lower-case *words* that may start with a stem (one C
        loop over the words, and one more if a stem has one letter), narrowed by
        the stems' heads (with_heads)."""
        firsts = map(operator.itemgetter(slice(0, STEM_START)), words)
        found = set(compress(count(), map(self.beginnings.__contains__, firsts)))
        for width in set(map(len, self.lone)):
            firsts = map(operator.itemgetter(slice(0, width)), words)
            found.update(compress(count(), map(self.lone.__contains__, firsts)))
        return found if self.heads is None or not found else self.with_heads(words, found)

    def with_heads(self, words: Sequence[str], found: set[int]) -> set[int]:
        """Those of *found* whose word begins with a stem's head: most words that
        share a stem's first STEM_START letters do not share its next ones (kitob,
        kitobxon; kino), and each that is left costs a call to match the stem.
        One C loop over the *found* words for each width of a head."""
        assert self.heads is not None
        positions = list(found)
        chosen = list(map(words.__getitem__, positions))
        kept: set[int] = set()
        for width in range(min(self.shortest, STEM_HEAD), STEM_HEAD + 1):
            heads = map(operator.itemgetter(slice(0, width)), chosen)
            kept.update(compress(positions, map(self.heads.__contains__, heads)))
        return kept

    def longest_for(self, word: str) -> int:
        """The longest stem that lower-case *word* may start with (0: none)."""
        longest = self.longest.get(word[:STEM_START], 0)
        if longest or not self.short:
            return longest
        for width in range(STEM_START - 1, 0, -1):
            if word[:width] in self.short:
                return width
        return 0


# What may follow a stem within a word's first letters: a suffix chain's letters (of
# either alphabet, with the canonical marks).
_AFTER_A_STEM: Final = LATIN_LOWER + "w" + CYRILLIC_LOWER + TURNED_COMMA + APOSTROPHE_LETTER


_MOST_FOLDED: Final = 16  # stems of two letters, each with 4,161 beginnings


def short_stem_beginnings(stem: str) -> Iterator[str]:
    """Every first STEM_START letters (or fewer: the whole word) of a word that begins
    with *stem*, of two or three letters, followed by letters of _AFTER_A_STEM."""
    for length in range(STEM_START - len(stem) + 1):
        for after in product(_AFTER_A_STEM, repeat=length):
            yield stem + "".join(after)


def stem_starts(table: Mapping[str, str], *, soft_sign: bool = False) -> StemStarts:
    """The StemStarts of *table*; with *soft_sign*, stems ending in ь count also
    without it (match_cyrillic_stem).  Stems longer than LONGEST_WORD never match."""
    longest: dict[str, int] = {}
    short: set[str] = set()
    heads: set[str] | None = set() if len(table) <= LARGE else None
    shortest = LONGEST_WORD + 1
    for key in table:  # one at a time: a large table's keys are not all made at once
        for stem in (key, key[:-1]) if soft_sign and key.endswith(SOFT_SIGN) else (key,):
            if not 0 < len(stem) <= LONGEST_WORD:
                continue
            if heads is not None:
                heads.add(stem[:STEM_HEAD])
            shortest = min(shortest, len(stem))
            if len(stem) < STEM_START:
                short.add(stem)
            else:
                start = stem[:STEM_START]
                longest[start] = max(longest.get(start, 0), len(stem))
    pairs = sum(len(stem) == 2 for stem in short)
    lone = {stem for stem in short if len(stem) == 1 or (len(stem) == 2 and pairs > _MOST_FOLDED)}
    beginnings = set(longest)
    for stem in short - lone:
        beginnings.update(short_stem_beginnings(stem))
    return StemStarts(
        longest,
        frozenset(short),
        shortest if shortest <= LONGEST_WORD else 1,
        None if heads is None else frozenset(heads),
        frozenset(beginnings),
        frozenset(lone),
    )


def match_cyrillic_stem(
    word: str, table: Mapping[str, str], longest: int = LONGEST_WORD, shortest: int = 1
) -> tuple[int, str] | None:
    """The longest lexicon stem that *word* starts with, followed by suffixes.

    *word* is lower-case Cyrillic.  Returns the stem's length in *word* and
    its Latin spelling, or None.  A stem ending in ь also matches without the
    ь, before suffixes as the rules write it (апрелда) and bare as real text
    sometimes does (сентябр).  The suffixes must be a chain the stem's kind takes.
    Only stems from *longest* to *shortest* letters are tried, a ь they end in not
    counted (StemStarts of stem_starts(table, soft_sign=True) knows the bounds).
    """
    for end in range(min(len(word), longest, LONGEST_WORD), shortest - 1, -1):
        key = word[:end]
        latin = table.get(key)
        if latin is None:
            key += SOFT_SIGN
            latin = table.get(key)
        if latin is None:
            continue
        if end == len(word) or is_cyrillic_chain_for(stem_kind(table, key), word[end:]):
            return end, latin
    return None


def match_latin_stem(
    word: str, table: Mapping[str, str], longest: int = LONGEST_WORD, shortest: int = 1
) -> tuple[int, str] | None:
    """The longest lexicon stem that *word* starts with, followed by suffixes.

    *word* is lower-case Latin with canonical apostrophes.  Returns the
    stem's length in *word* and its Cyrillic spelling (without a final ь when
    suffixes follow: oktabrda → октябрда), or None.  The suffixes must be a chain
    the stem's kind takes (is_latin_chain_for).  Only stems from *longest* to
    *shortest* letters are tried (StemStarts knows the bounds for each word).
    """
    for end in range(min(len(word), longest, LONGEST_WORD), shortest - 1, -1):
        cyrillic = table.get(word[:end])
        if cyrillic is None:
            continue
        if end == len(word):
            return end, cyrillic
        if is_latin_chain_for(stem_kind(table, word[:end]), word[end:]):
            return end, cyrillic.removesuffix(SOFT_SIGN)
    return None
