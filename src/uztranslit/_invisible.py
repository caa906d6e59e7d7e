"""Format characters inside a word: kept where they are, the word converted without them.

A soft hyphen marks where a word may break (Тош­кент), a zero-width joiner or
non-joiner and the direction marks steer rendering; none of them is a letter.
Inside a word they must neither split it (Toshk + ent would convert as two words)
nor change it: the word is converted as if they were absent, and each is put back
where it stood.

Where it stood is a place in the converted word.  Letters do not convert one to
one (ш → sh, ye → е, ъ → nothing), so the place is found from the word itself: a
mark after the first k letters lands after the longest common beginning of the
converted word and the converted first k letters (Toshk­ent → Тошк­ент, сь­езд →
s­yezd).  Places never go backwards, so the marks keep their order.  A word with so
many marks that converting each beginning would cost too much (hostile input)
places them in proportion instead; what is converted is the same either way.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import accumulate, chain, compress, count, repeat
from operator import add, eq, floordiv, itemgetter, mul, not_
from typing import Final

# The format characters that may stand inside a word, one per row.
FORMAT_CHARACTERS: Final = (
    "\u00ad",  # SOFT HYPHEN: a place where the word may be hyphenated
    "\u200b",  # ZERO WIDTH SPACE: a place where a line may break
    "\u200c",  # ZERO WIDTH NON-JOINER: keeps two letters from joining or ligating
    "\u200d",  # ZERO WIDTH JOINER: joins two letters (or emoji)
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u2060",  # WORD JOINER: forbids a line break
    "\ufeff",  # ZERO WIDTH NO-BREAK SPACE (a byte order mark inside text)
)
# The same, for a character set in a regular expression ([...]).
FORMAT_CLASS: Final = "".join(FORMAT_CHARACTERS)
_FORMAT: Final = re.compile(f"[{FORMAT_CLASS}]")
# What ends a stretch of text that may hold a word (around_marked_words): a space or a
# line break; a line break alone where marks come more than one in 2**_DENSE characters.
_GAP: Final = re.compile("[ \n]")
_LINE_BREAK: Final = re.compile("\n")
_DENSE: Final = 6
# Letters converted at most, over all of a word's beginnings, to place its marks.
PRECISE_COST: Final = 1 << 14


def first_mark(text: str) -> int:
    """Where the first of FORMAT_CHARACTERS stands in *text*; -1 if none does."""
    found = _FORMAT.search(text)
    return -1 if found is None else found.start()


def marks_are_dense(text: str, first: int) -> bool:
    """Whether *text*, whose first format character is at *first*, holds them more
    than one in 2**_DENSE characters (hyphenated text), as the _SAMPLE characters
    from the first tell: a guess for speed alone (the converters give the same either
    way), and one that does not read the whole text, as counting each mark would."""
    sample = text[first : first + _SAMPLE]
    return len(_FORMAT.findall(sample)) << _DENSE > len(sample)


_SAMPLE: Final = 1 << 12


def marked_positions(words: list[str]) -> list[int]:
    """The positions of the *words* that hold a format character, in order (one scan
    of the words joined, so that a text with a few soft hyphens does not send every
    word down the slow path that keeps them)."""
    if _FORMAT.search("\n".join(words)) is None:
        return []
    return list(compress(count(), map(_FORMAT.search, words)))


def by_marks(
    words: list[str],
    plain: Callable[[list[str]], list[str]],
    marked: Callable[[list[str]], list[str]],
) -> list[str]:
    """*words* converted by *plain*, except those with format characters: by *marked*."""
    positions = marked_positions(words)
    if not positions:
        return plain(words)
    keep = [True] * len(words)
    for i in positions:
        keep[i] = False
    others = list(compress(range(len(words)), keep))
    out = [""] * len(words)
    for i, converted in zip(others, plain([words[i] for i in others]), strict=True):
        out[i] = converted
    for i, converted in zip(positions, marked([words[i] for i in positions]), strict=True):
        out[i] = converted
    return out


def around_marked_lines(
    text: str, plain: Callable[[str], str], marked: Callable[[str], str]
) -> str:
    """*text* converted by *plain*, except its lines with format characters: by *marked*.

    For a converter whose rules never look across a line (the Cyrillic side, once its
    conventions have run), so that one soft hyphen keeps only its own line off the
    fast path."""
    pieces: list[str] = []
    position = 0
    search = _FORMAT.search
    while (found := search(text, position)) is not None:
        start = text.rfind("\n", position, found.start()) + 1 or position
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        pieces.append(plain(text[position:start]) if start > position else "")
        pieces.append(marked(text[start:end]))
        position = end
    pieces.append(plain(text[position:]) if position < len(text) else "")
    return "".join(pieces)


# Stands, in the text given to a converter, for what was cut out of it (a marked word:
# around_marked_words; a kept span: _converter.outside_skipped): private use, never a
# letter, mark or format character, so it ends any word or token.
HOLE: Final = "\ue0b1"


def around_marked_words(
    text: str,
    marked_words: re.Pattern[str],
    plain: Callable[[str], str],
    marked: Callable[[list[str]], list[str]],
    first: int = 0,
) -> str | None:
    """*text* converted by *plain*, except its words that hold a format character (as
    *marked_words* finds them, each whole): each is cut out, converted by *marked*
    with the others, and put back where a HOLE stood in what *plain* converted.  For
    a converter none of whose rules looks across a word (the Cyrillic side, once its
    conventions have run): the rest of a line with a soft hyphen then takes the fast
    paths too.  None if *text* holds a HOLE already.  *first*: where to look for marks
    from (the first mark's place, when the caller has found it).

    The pattern looks only at what lies around a mark, each stretch once (linear
    time, whatever the marks): the stretch between spaces or line breaks; or, once
    marks have come more than one in 2**_DENSE characters (hyphenated text), the
    whole line, which takes fewer steps in Python."""
    if HOLE in text:
        return None
    cut: list[tuple[int, int]] = []
    floor = 0  # what lies before was looked at for an earlier mark
    for seen, mark in enumerate(_FORMAT.finditer(text, first), 1):
        position = mark.start()
        if position < floor:
            continue
        dense = seen << _DENSE > position
        start = text.rfind("\n", floor, position) + 1 or floor
        if not dense:
            start = max(start, text.rfind(" ", start, position) + 1)
        end = (_LINE_BREAK if dense else _GAP).search(text, position)
        floor = len(text) if end is None else end.start()
        cut += [found.span() for found in marked_words.finditer(text, start, floor)]
    if not cut:
        return plain(text)
    edges = [0, *(edge for span in cut for edge in span), len(text)]
    rest = HOLE.join(text[start:end] for start, end in zip(edges[::2], edges[1::2], strict=True))
    converted = plain(rest).split(HOLE)
    out = [converted[0]]
    for kept, after in zip(
        marked([text[start:end] for start, end in cut]), converted[1:], strict=True
    ):
        out.append(kept)
        out.append(after)
    return "".join(out)


def keeping_format_characters(convert: Callable[[str], str]) -> Callable[[str], str]:
    """*convert* (of one word), made to keep format characters in the word in place."""
    search = _FORMAT.search

    def converted(word: str) -> str:
        if search(word) is None:
            return convert(word)
        return convert_around_marks(word, convert)

    return converted


def convert_around_marks(word: str, convert: Callable[[str], str]) -> str:
    """Convert *word* as if its format characters were absent, and put them back."""
    return around_marks_all([word], lambda words: list(map(convert, words)))[0]


def around_marks_all(
    words: list[str],
    convert_all: Callable[[list[str]], list[str]],
    pieces: Callable[[str], list[str]] = lambda word: [word],
) -> list[str]:
    """convert_around_marks on each of *words*, with the conversions it needs (the
    words without their marks, and the beginnings that place the marks) made by
    *convert_all*, which converts a list of words at once.  Words up to _TOGETHER
    characters go together (around_marks_together), longer ones one at a time
    (around_marks_of_a_word), each *pieces* of it on its own (the Cyrillic side cuts a
    very long word where a stream cuts it: _long_words.pieces)."""
    together = list(map(_TOGETHER.__ge__, map(len, words)))
    if all(together):
        return around_marks_together(words, convert_all)
    done = iter(around_marks_together(list(compress(words, together)), convert_all))
    return [
        next(done)
        if short
        else "".join(around_marks_of_a_word(piece, convert_all) for piece in pieces(word))
        for word, short in zip(words, together, strict=True)
    ]


# Words up to this many characters place their marks together (around_marks_together):
# the beginnings of such a word hold at most _TOGETHER**2 // 4 letters, so their marks
# are always placed from the beginnings' conversions (PRECISE_COST), never in proportion.
_TOGETHER: Final = 1 << 7
_SOFT_HYPHEN: Final = FORMAT_CHARACTERS[0]
# Every format character read as a soft hyphen (for str.translate), so that one
# str.split finds a word's letters between its marks whichever marks they are.
_AS_SOFT_HYPHEN: Final = str.maketrans(dict.fromkeys(FORMAT_CHARACTERS, _SOFT_HYPHEN))
_ALL_BUT_LAST: Final = itemgetter(slice(0, -1))  # a word's letters before its last mark
_FIRST: Final = itemgetter(slice(0, 1))  # a string's first character, or ""


def around_marks_together(
    words: list[str], convert_all: Callable[[list[str]], list[str]]
) -> list[str]:
    """around_marks_all on short *words*, all of their marks placed at once: steps for
    the whole list, not for each word or mark (hyphenated text has a mark every few
    letters, and went at a tenth of plain text's speed a word at a time).

    A mark after a beginning of the word whose conversion begins the word's conversion
    lands right after it: that is the whole common beginning of places_of.  The
    marks are placed in the words' conversions joined by line breaks, so that never
    going back (places_of's maximum) is one running maximum over them all.  A word
    with a beginning that does not begin its conversion (лиц in лицей: lis, litsey),
    or whose first letter stays as written (places_of's kept letters), has its marks
    placed mark by mark from the same conversions (marks_by_the_rule); all go one at a
    time (around_marks_of_a_word) if a line break is in a word."""
    joined = "\n".join(words)
    if joined.count("\n") != len(words) - 1:  # a line break in a word
        return [around_marks_of_a_word(word, convert_all) for word in words]
    each = list(map(joined.count, FORMAT_CHARACTERS))  # the soft hyphen first
    soft_hyphens_only = each[0] == sum(each)
    marks = [] if soft_hyphens_only else _FORMAT.findall(joined)
    if not soft_hyphens_only:
        joined = joined.translate(_AS_SOFT_HYPHEN)
    letters_of = list(map(str.split, joined.split("\n"), repeat(_SOFT_HYPHEN)))
    beginnings_of = list(map(list, map(accumulate, map(_ALL_BUT_LAST, letters_of))))
    bares = list(map("".join, letters_of))
    outs = converted_or_empty(bares, convert_all)
    joined_out = "\n".join(outs)  # a conversion adds no line break, nor takes one away
    counts = list(map(len, beginnings_of))  # marks of each word
    firsts = list(accumulate(counts, initial=0))  # where each word's marks start
    offsets = list(accumulate(map((1).__add__, map(len, outs)), initial=0))  # in joined_out
    beginnings = converted_or_empty(list(chain.from_iterable(beginnings_of)), convert_all)
    starts = list(chain.from_iterable(map(repeat, offsets, counts)))  # each mark's word's
    places = list(map(add, map(len, beginnings), starts))
    begins_out = map(joined_out.startswith, beginnings, starts)
    alone = {bisect_right(firsts, mark) - 1 for mark in compress(count(), map(not_, begins_out))}
    alone.update(compress(count(), map(eq, map(_FIRST, bares), map(_FIRST, outs))))
    for word in alone:  # their marks wait at the word's start, to be placed by the rule
        places[firsts[word] : firsts[word + 1]] = repeat(offsets[word], counts[word])
    if places != sorted(places):
        places = list(accumulate(places, max))  # never back
    pieces = map(joined_out.__getitem__, map(slice, [0, *places], [*places, len(joined_out)]))
    if soft_hyphens_only:
        result = _SOFT_HYPHEN.join(pieces).split("\n")
    else:
        between = [""] * (2 * len(places) + 1)
        between[::2], between[1::2] = pieces, marks
        result = "".join(between).split("\n")
    for word in alone:
        mine = slice(firsts[word], firsts[word + 1])
        result[word] = marks_by_the_rule(
            bares[word],
            outs[word],
            beginnings_of[word],
            beginnings[mine],
            [_SOFT_HYPHEN] * counts[word] if soft_hyphens_only else marks[mine],
        )
    return result


def marks_by_the_rule(
    bare: str, out: str, beginnings: list[str], converted: list[str], marks: list[str]
) -> str:
    """*out* (the conversion of *bare*) with *marks* put in mark by mark where places_of
    puts them, from *beginnings* (the letters before each mark) and *converted* (their
    conversions): for the words around_marks_together cannot place at once.  A word
    there has at most _TOGETHER characters, so its marks are placed precisely."""
    befores = list(map(len, beginnings))
    beginning_of = {(bare, len(b)): c for b, c in zip(beginnings, converted, strict=True)}
    places = places_of(bare, befores, out, beginning_of, precise=True)
    return with_marks(out, places, zip(befores, marks, strict=True))


def converted_or_empty(
    texts: list[str], convert_all: Callable[[list[str]], list[str]]
) -> list[str]:
    """*texts* converted by *convert_all*, each empty one left empty without asking it."""
    if "" not in texts:
        return convert_all(texts) if texts else []
    converted = iter(convert_all(list(filter(None, texts))) if any(texts) else [])
    return [next(converted) if text else "" for text in texts]


_JOINED_AT: Final = 1 << 10  # pieces of a word's result held before they are joined


def marks_of(word: str) -> Iterator[tuple[int, str]]:
    """Each format character of *word* with the number of letters before it, one at a
    time."""
    return ((mark.start() - i, mark[0]) for i, mark in enumerate(_FORMAT.finditer(word)))


def around_marks_of_a_word(word: str, convert_all: Callable[[list[str]], list[str]]) -> str:
    """around_marks_all on one *word*, by places_of's rule: for a word over _TOGETHER
    characters, and for words that hold a line break.  Memory holds the word and its
    conversion, not objects for each letter and mark (a run of a million letters and
    soft hyphens, data or hostile input, took 330 MB): a few marks, placed precisely,
    are read one at a time (with_marks joins the result as it goes); more are placed
    in proportion a window of the word at a time (around_marks_in_proportion)."""
    bare = without_format_characters(word)
    if not bare:
        return word
    if not is_precise(word):
        return around_marks_in_proportion(word, bare, convert_all([bare])[0])
    # precise, the marks inside the word are few (each after a letter: at most PRECISE_COST)
    wanted = beginnings_to_convert(bare, [before for before, _ in marks_of(word)])
    out, *beginnings = convert_all([bare, *(bare[:before] for before in wanted)])
    beginning_of = dict(zip(((bare, before) for before in wanted), beginnings, strict=True))
    befores = (before for before, _ in marks_of(word))
    places = places_of(bare, befores, out, beginning_of, precise=True)
    return with_marks(out, places, marks_of(word))


def without_format_characters(word: str) -> str:
    """*word* without its format characters, _WINDOW characters at a time: str.split
    and str.join of each kind it holds, faster than str.translate (a dict look-up a
    character) and, unlike re.sub over the whole word, holding a string for each mark
    of one window only."""
    kinds = [mark for mark in FORMAT_CHARACTERS if mark in word]
    if not kinds:
        return word
    windows = []
    for start in range(0, len(word), _WINDOW):
        window = word[start : start + _WINDOW]
        for mark in kinds:
            window = "".join(window.split(mark))
        windows.append(window)
    return "".join(windows)


def is_precise(word: str) -> bool:
    """Whether the marks of *word* are placed precisely (places_of): the letters before
    each, added up, are at most PRECISE_COST.  Read until they are over it."""
    total = 0
    for before, _ in marks_of(word):
        total += before
        if total > PRECISE_COST:
            return False
    return True


# Characters of a word whose marks around_marks_in_proportion places at a time.
_WINDOW: Final = 1 << 16


def around_marks_in_proportion(word: str, bare: str, out: str) -> str:
    """*out*, the conversion of *bare* (*word* without its format characters), with
    the marks of *word* placed in proportion, as places_of places them when it is not
    precise (and with_marks writes them): a word with too many marks to place each
    from its beginning's conversion (hostile input, data).  _WINDOW characters of the
    word at a time, with steps for each window rather than each mark, and nothing held
    for each mark beyond its window."""
    kept = min(common_beginning(bare, out), len(bare) - 1)  # the last letter: all of out
    whole, letters = len(out), len(bare)
    written: list[str] = []
    letters_before = 0  # in the word before the window
    last = 0  # the last place: never back
    for start in range(0, len(word), _WINDOW):
        window = word[start : start + _WINDOW]
        marks = _FORMAT.findall(window)
        if not marks:
            letters_before += len(window)
            continue
        if window.count(_SOFT_HYPHEN) != len(marks):  # (str.translate is slow: only if needed)
            window = window.translate(_AS_SOFT_HYPHEN)
        runs = window.split(_SOFT_HYPHEN)
        runs.pop()  # the letters after the window's last mark
        befores = list(accumulate(map(len, runs), initial=letters_before))
        del befores[0]
        letters_before += len(window) - len(marks)
        as_written = bisect_right(befores, kept)  # after letters that stayed as written
        places = befores[:as_written]
        places += map(floordiv, map(mul, befores[as_written:], repeat(whole)), repeat(letters))
        # never back: each part rises, so only its places below the highest before move up
        highest = max(last, places[as_written - 1]) if as_written else last
        below = bisect_left(places, last, 0, as_written)
        places[:below] = repeat(last, below)
        behind = bisect_left(places, highest, as_written)
        places[as_written:behind] = repeat(highest, behind - as_written)
        pieces = map(out.__getitem__, map(slice, [last, *places[:-1]], places))
        written.append("".join(map(add, pieces, marks)))
        last = places[-1]
    written.append(out[last:])
    return "".join(written)


def with_marks(out: str, places: Iterable[int], marks: Iterable[tuple[int, str]]) -> str:
    """*out* with the format character of each of *marks* (marks_of's pairs) put in
    at its place (places in order).  The pieces are joined _JOINED_AT at a time, so
    that a word of a million marks does not hold a string for each."""
    written: list[str] = []
    pieces: list[str] = []
    position = 0
    for place, (_, mark) in zip(places, marks, strict=True):
        pieces.append(out[position:place])
        pieces.append(mark)
        position = place
        if len(pieces) > _JOINED_AT:
            written.append("".join(pieces))
            pieces.clear()
    return "".join([*written, *pieces, out[position:]])


def beginnings_to_convert(bare: str, befores: list[int]) -> list[int]:
    """The counts of letters of *bare* whose conversion places a mark precisely
    (places_of), for a word whose marks is_precise says are few enough."""
    return sorted({before for before in befores if 0 < before < len(bare)})


def places_of(
    bare: str,
    befores: Iterable[int],
    out: str,
    beginning_of: Mapping[tuple[str, int], str],
    precise: bool,
) -> Iterator[int]:
    """Where in *out* (the conversion of *bare*) a mark after each count of letters of
    *befores* goes, one at a time.  *precise* (befores' sum is at most PRECISE_COST):
    after the longest common beginning of *out* and the beginning's conversion, which
    *beginning_of* holds for each of bare's beginnings that beginnings_to_convert
    names; else in proportion.  Never back: each place is at least the one before."""
    kept = common_beginning(bare, out)  # letters at the start that stayed as written
    last = 0
    for before in befores:
        if before == 0:
            place = 0
        elif before == len(bare):
            place = len(out)
        elif before <= kept:
            place = before  # the letters before it stayed as written (my, Telegramʼda)
        elif precise:
            place = common_beginning(beginning_of[bare, before], out)
        else:
            place = before * len(out) // len(bare)
        last = max(last, place)
        yield last


def common_beginning(a: str, b: str) -> int:
    """How many characters *a* and *b* share at their start."""
    length = min(len(a), len(b))
    if a[:length] == b[:length]:
        return length
    low, high = 0, length  # a[:low] == b[:low] and a[:high] != b[:high]
    while high - low > 1:
        middle = (low + high) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle
    return low
