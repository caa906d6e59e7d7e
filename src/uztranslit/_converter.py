"""Building converters: each direction's word and token paths, conventions, kept
spans, long texts in blocks.

A converter turns a whole text from one script to another.  It splits the text
into words (Cyrillic) or tokens (Latin), converts each through a cache
(_word_cache), most texts a chunk at a time (_chunks), and leaves what lies
between them as it is.  Converters are built once per set of options and kept
(functools.lru_cache), with their caches.
"""

from __future__ import annotations

import functools
import importlib
import operator
import types
from collections.abc import Callable, Mapping, Sequence
from itertools import compress, count
from types import MappingProxyType
from typing import Final, NamedTuple

from . import (
    _cyrillic_to_latin,
    _invisible,
    _latin_to_cyrillic,
    _long_words,
    _new_latin,
    _spans,
)
from ._alphabet import APOSTROPHE_LETTER, TURNED_COMMA, lower_in_place
from ._chunks import CHUNK_CACHE_LIMIT, by_chunks, by_joining, by_tokens_first, repeats_little
from ._detect import detect_script
from ._lexicon import Lexicon, default_table, merged_table, stem_starts, table_to
from ._options import (
    APOSTROPHE_STYLES,
    CONVENTIONS,
    Options,
    check_options,
    check_text,
)
from ._suffixes import is_latin_inflection_chain
from ._word_cache import WordCache, convert_words

# A lexicon with more stem starts than this to Latin is matched word by word: the
# text path looks each start up in the whole text.
_MOST_STARTS: Final = 64
_INITIALS: Final[Mapping[str, str]] = MappingProxyType({"I": "И", "V": "В", "X": "Х"})


def compose_decomposed(word: str) -> str:
    """Compose и/у + breve and е + diaeresis, as some editors and OCR write them."""
    if "\u0306" not in word and "\u0308" not in word:
        return word
    return (
        word.replace("и\u0306", "й")
        .replace("И\u0306", "Й")
        .replace("у\u0306", "ў")
        .replace("У\u0306", "Ў")
        .replace("е\u0308", "ё")
        .replace("Е\u0308", "Ё")
    )


def _table_with(user: Lexicon | None, to: str) -> Mapping[str, str]:
    """The shipped lexicon's table to *to*, with *user*'s entries added or replacing
    (as Lexicon.merged does for both)."""
    table = default_table(to)
    return table if user is None else merged_table(table, table_to(user, to))


@functools.lru_cache(maxsize=64)
def _with_kept(user: Lexicon | None, keep: frozenset[str]) -> Lexicon | None:
    """*user* plus an entry mapping each word of *keep* to itself, which keeps it
    as written (_latin_to_cyrillic.is_kept_in_latin); cached, so that the
    converter cache sees the same lexicon for the same words."""
    if not keep:
        return user
    kept = Lexicon({}, MappingProxyType({word: word for word in keep}))
    return kept if user is None else user.merged(kept)


def _conventions_for(
    table: Mapping[str, Callable[[str], str]], conventions: frozenset[str]
) -> tuple[Callable[[str], str], ...]:
    return tuple(table[name] for name in CONVENTIONS if name in conventions)


class Converter(NamedTuple):
    """Everything one call needs: text in, text out, and how to cut a stream."""

    convert: Callable[[str], str]
    looks_across_whitespace: bool
    cyrillic_source: bool


def _from_cyrillic(
    word: Callable[[str], str],
    before: tuple[Callable[[str], str], ...],
    across: bool,
    words: Callable[[list[str]], list[str]] | None = None,
    whole: Callable[[str, Callable[[list[str]], list[str]]], str | None] | None = None,
) -> Converter:
    """A converter of Cyrillic text that turns each word by *word*, cached; the
    words not yet cached are converted together by *words* if given.  *whole*, if
    given, converts a whole text (with the cache for the words it leaves to *word*),
    or returns None to leave it to the words.  A word with format characters inside
    (soft hyphens, joiners) is cut out and converted by the word path, which keeps
    them in place (_invisible.around_marked_words); the rest of the text is not."""
    cache = WordCache(word, convert_all=words)
    by_rule = WordCache(word, convert_all=words)
    keep = _invisible.keeping_format_characters(word)

    def marked_words(new: list[str]) -> list[str]:
        # the words of a marked line without format characters go with the others;
        # those with them, without them (and the beginnings that place them), as one
        # text by plain: hyphenated text brings tens of thousands of them, which its
        # whole-text path converts faster than the word cache (no rule looks across
        # the joints)
        return _invisible.by_marks(
            new,
            cache.all,
            # a word over _long_words.PIECE characters a piece at a time, cut where a
            # stream cuts it
            lambda some: _invisible.around_marks_all(some, by_joining(plain), _long_words.pieces),
        )

    marked = WordCache(keep, convert_all=marked_words)

    def by_words(text: str, chosen: WordCache) -> str:
        if any(mark in text for mark in _spans.DECOMPOSING_MARKS):
            return convert_words(text, _spans.CYRILLIC_WORDS_DECOMPOSED, chosen)
        return convert_words(text, _spans.CYRILLIC_WORDS, chosen)

    def letters(text: str) -> str:  # text without format characters (convert sees to it)
        return by_words(text, cache)

    def marked_letters(text: str) -> str:
        return by_words(text, marked)

    chunks = WordCache(letters, CHUNK_CACHE_LIMIT, convert_all=by_joining(letters))
    marked_chunks = WordCache(
        marked_letters, CHUNK_CACHE_LIMIT, convert_all=by_joining(marked_letters)
    )

    def plain(text: str) -> str:
        if whole is not None:
            converted = whole(text, by_rule.all)
            if converted is not None:
                return converted
        return letters(text) if across else by_chunks(text, chunks)

    def convert(text: str) -> str:
        for convention in before:
            text = convention(text)
        if _spans.may_hold_url(text):  # a URL is kept whole, its Cyrillic letters too
            spans = _spans.url_spans_only(text)
            if spans:
                return outside_spans(text, spans, letters_and_marks, joined=False)
        return letters_and_marks(text)

    def letters_and_marks(text: str) -> str:
        first = _invisible.first_mark(text)
        if first >= 0:
            if not across and _invisible.marks_are_dense(text, first):
                return by_chunks(text, marked_chunks)
            decomposed = any(mark in text for mark in _spans.DECOMPOSING_MARKS)
            words = (
                _spans.MARKED_CYRILLIC_WORDS_DECOMPOSED
                if decomposed
                else _spans.MARKED_CYRILLIC_WORDS
            )
            done = _invisible.around_marked_words(text, words(), plain, marked.all, first)
            if done is not None:
                return done
            return _invisible.around_marked_lines(text, plain, marked_letters)
        return plain(text)

    return Converter(convert, across, cyrillic_source=True)


def _from_latin(
    token: Callable[[str], str],
    before: tuple[Callable[[str], str], ...],
    across: bool,
    initials: bool,
    tokens: Callable[[list[str]], list[str]] | None = None,
) -> Converter:
    """A converter of Latin text that turns each token by *token*, cached; or, if
    *tokens* is given, all of a text's tokens together by *tokens*, which keeps
    its own caches for the few tokens it leaves to *token*, and keeps format
    characters in place (see _cyrillic_converter).

    URLs, placeholders, tags and entities are kept; with *initials*, a lone
    I, V or X before a full stop is an initial to convert, not a numeral.
    """
    cache = WordCache(token)
    marked = WordCache(_invisible.keeping_format_characters(token))
    split = _spans.latin_tokens().split

    def by_marks(tokens: list[str]) -> list[str]:
        # tokens with format characters take the token path, which keeps them in place
        return _invisible.by_marks(tokens, cache.all, marked.all)

    convert_tokens = by_marks if tokens is None else tokens

    def words(text: str) -> str:
        parts = split(text)
        if len(parts) == 1:
            return text
        parts[1::2] = convert_tokens(parts[1::2])
        if initials and any(initial in text for initial in _spans.LONE_I_V_X):
            _initials_to_cyrillic(parts)
        return "".join(parts)

    def letters(text: str) -> str:
        return outside_skipped(text, words)

    chunks = WordCache(
        letters, CHUNK_CACHE_LIMIT, convert_all=by_tokens_first(convert_tokens, letters)
    )

    def convert(text: str) -> str:
        for convention in before:
            text = convention(text)
        # a tag may hold spaces (<a href="…" title="…">), and 5 %d is read across one
        if across or "<" in text or " %" in text or repeats_little(text):
            return letters(text)
        return by_chunks(text, chunks)

    return Converter(convert, across, cyrillic_source=False)


def apostrophe_style(apostrophes: str) -> dict[int, str]:
    letter_mark, tutuq = APOSTROPHE_STYLES[apostrophes]
    return str.maketrans({TURNED_COMMA: letter_mark, APOSTROPHE_LETTER: tutuq})


@functools.lru_cache(maxsize=64)
def _latin_converter(
    apostrophes: str,
    lexicon: Lexicon | None,
    conventions: frozenset[str],
    alphabet: str = "latin",
) -> Converter:
    """Cyrillic → Latin, in the 1995 alphabet or the 2026 one (*alphabet* "new-latin")."""
    table = _table_with(lexicon, "latin")
    style = apostrophe_style(apostrophes)
    new = alphabet == "new-latin"

    stems = stem_starts(table, soft_sign=True)
    letter_mark, tutuq = APOSTROPHE_STYLES[apostrophes]

    def word(cyrillic: str) -> str:
        latin = _cyrillic_to_latin.word_to_latin(compose_decomposed(cyrillic), table)
        if new:
            latin = _new_latin.to_new_latin_word(latin)
        return latin.translate(style)

    def words(cyrillic: list[str]) -> list[str]:
        together = "".join(cyrillic)
        if any(mark in together for mark in _spans.DECOMPOSING_MARKS):
            cyrillic = list(map(compose_decomposed, cyrillic))
        latin = _cyrillic_to_latin.words_to_latin(cyrillic, table, stems)
        if new:
            latin = _new_latin.to_new_latin_word("\n".join(latin)).split("\n")
        if (letter_mark, tutuq) == (TURNED_COMMA, APOSTROPHE_LETTER):
            return latin
        joined = "\n".join(latin).replace(TURNED_COMMA, letter_mark)
        return joined.replace(APOSTROPHE_LETTER, tutuq).split("\n")

    whole = None
    if not new and not stems.short and len(stems.longest) <= _MOST_STARTS:
        text_table = _cyrillic_to_latin.compiled_text_table(letter_mark, tutuq)
        forms = _cyrillic_to_latin.stem_forms(stems.longest)

        def whole(text: str, by_rule: Callable[[list[str]], list[str]]) -> str | None:
            return _cyrillic_to_latin.text_to_latin(text, text_table, forms, by_rule)

    before = _conventions_for(_conventions().TO_LATIN, conventions) if conventions else ()
    across = _joins_across_whitespace(conventions)
    return _from_cyrillic(word, before, across, words, whole)


@functools.lru_cache(maxsize=64)
def _cyrillic_converter(
    lexicon: Lexicon | None, conventions: frozenset[str], source: str = "latin"
) -> Converter:
    """Latin → Cyrillic, from the 1995 alphabet or the 2026 one (*source* "new-latin")."""
    table = _table_with(lexicon, "cyrillic")

    def token(latin: str) -> str:
        if stays_latin(latin):
            return latin
        return _latin_to_cyrillic.token_to_cyrillic(latin, table)

    stems = stem_starts(table)
    # A token with a format character is never plain (it is not ASCII), so it comes
    # here, where the characters are kept in place.
    one = _invisible.keeping_format_characters(token)

    def by_rule_tokens(latin: list[str]) -> list[str]:
        # a token with a format character is converted without it with the others
        # (_invisible.around_marks_all), on the fast path where it is plain
        return _invisible.by_marks(
            latin,
            lambda some: _latin_to_cyrillic.tokens_by_rule(some, tokens, one),
            lambda marked: _invisible.around_marks_all(marked, tokens),
        )

    by_rule = WordCache(one, convert_all=by_rule_tokens)
    has_stem = WordCache(_latin_to_cyrillic.stem_verdict(table, stems), CHUNK_CACHE_LIMIT)

    def tokens(latin: list[str]) -> list[str]:
        return _latin_to_cyrillic.tokens_to_cyrillic(latin, by_rule.all, has_stem.all, stems)

    if source == "new-latin":
        return _from_new_latin(table, tokens, conventions)
    before = _conventions_for(_conventions().TO_CYRILLIC, conventions) if conventions else ()
    across = _joins_across_whitespace(conventions)
    return _from_latin(token, before, across, initials=True, tokens=tokens)


def stays_latin(latin: str) -> bool:
    """Whether a Latin token stays as written going to Cyrillic whatever its letters: a
    Roman numeral, or a run too long to be a word (data, kept like a foreign word)."""
    if len(latin) > _spans.LONGEST_TOKEN:
        return True
    return latin[0] in "IVXLCDM" and _spans.is_roman_numeral(latin)


def _from_new_latin(
    table: Mapping[str, str],
    tokens: Callable[[list[str]], list[str]],
    conventions: frozenset[str],
) -> Converter:
    """2026 Latin → Cyrillic: each token read in the 1995 alphabet (all of a text's
    tokens at once, _new_latin.to_old_latin_text) and converted by *tokens*, the 1995
    converter's.  A token whose reading the fast path does not take, or with a format
    character (read with it, s\xadh would not be sʼh), goes one at a time through
    _new_latin.to_old_latin_token without its format characters, which keeps a
    foreign word as written (Çüş) rather than as read, and token_to_cyrillic with
    *table* (a Roman numeral is one as written: İ is И)."""

    def one_new(latin: str) -> str:
        if stays_latin(latin):
            return latin
        read = _new_latin.to_old_latin_token(latin)
        return _latin_to_cyrillic.token_to_cyrillic(read, table)

    by_token = WordCache(_invisible.keeping_format_characters(one_new))

    def new_tokens(latin: list[str]) -> list[str]:
        reads = _new_latin.to_old_latin_text("\n".join(latin)).split("\n")
        converted = tokens(reads)
        changed = list(compress(count(), map(operator.ne, reads, latin)))
        scanned = _latin_to_cyrillic.plain_positions([reads[i] for i in changed])
        # a token with a format character is read without it (Is\xadhoq is Isʼhoq)
        marked = _invisible.marked_positions(latin)
        one_by_one = sorted({changed[j] for j in scanned.special}.union(marked))
        for i, word in zip(one_by_one, by_token.all([latin[i] for i in one_by_one]), strict=True):
            converted[i] = word
        return converted

    before = _conventions_for(_conventions().TO_CYRILLIC, conventions) if conventions else ()
    across = _joins_across_whitespace(conventions)
    return _from_latin(one_new, before, across, initials=True, tokens=new_tokens)


@functools.lru_cache(maxsize=64)
def _alphabet_converter(
    source: str, apostrophes: str, keep: frozenset[str] = frozenset()
) -> Converter:
    """1995 Latin → 2026 Latin, or back (*source* is the one converted from); the words
    of *keep* as written, their endings converted (kept_stem_length)."""
    style = apostrophe_style(apostrophes)
    kept = sorted({lower_in_place(word) for word in keep}, key=len, reverse=True)

    def token(latin: str) -> str:
        if len(latin) > _spans.LONGEST_TOKEN:
            return latin  # no word is this long: data, kept like a foreign word
        if kept:  # 2026 Latin reads İ as I first, as it does going to Cyrillic
            shown = _new_latin.read_look_alikes(latin) if source == "new-latin" else latin
            marks = _latin_to_cyrillic.classify_marks(shown)
            length = kept_stem_length(marks.body, kept)
            if length:
                rest = marks.body[length:]
                ending = letters(rest) if rest else ""
                return marks.leading + marks.body[:length] + ending + marks.trailing
        return letters(latin)

    def letters(latin: str) -> str:
        if source == "new-latin":
            latin = _new_latin.to_old_latin_token(latin)
        marks = _latin_to_cyrillic.classify_marks(latin)
        if _latin_to_cyrillic.is_foreign(marks.body):
            return latin
        body = marks.body if source == "new-latin" else _new_latin.to_new_latin_word(marks.body)
        return marks.leading + body.translate(style) + marks.trailing

    return _from_latin(token, (), across=False, initials=False)


def kept_stem_length(word: str, kept: Sequence[str]) -> int:
    """How many letters of *word* are a word of *kept* (lower case, longest first) that
    it starts with, alone or before Uzbek endings (Pepsining); 0 if none."""
    lower = lower_in_place(word)
    for stem in kept:
        if lower.startswith(stem):
            rest = lower[len(stem) :]
            if not rest or is_latin_inflection_chain(rest):
                return len(stem)
    return 0


def _initials_to_cyrillic(parts: list[str]) -> None:
    """A lone I, V or X before a full stop is an initial (I. Karimov), not a numeral.

    *parts* alternate between what lies between words and the converted words.
    """
    lone = compress(count(1, 2), map(_INITIALS.__contains__, parts[1:-1:2]))
    for i in lone:
        if parts[i + 1].startswith("."):
            parts[i] = _INITIALS[parts[i]]


def outside_skipped(text: str, convert: Callable[[str], str]) -> str:
    """Apply *convert* to the parts of Latin *text* outside URLs, placeholders, tags …"""
    return outside_spans(text, _spans.skipped_spans(text), convert)


def outside_spans(
    text: str,
    spans: list[tuple[int, int]],
    convert: Callable[[str], str],
    *,
    joined: bool = True,
) -> str:
    """Apply *convert* to the parts of *text* outside *spans* (in order, not overlapping).

    *joined*: the parts are converted together, joined by _invisible.HOLE, which ends
    any token or word, so a text with a tag every few words costs one call, not one a
    part; else one by one: Cyrillic → Latin, whose texts seldom hold a URL, and whose
    way around format characters (_invisible.around_marked_words) steps aside for a
    text that holds a HOLE (the corpus's Cyrillic side: 1,157.8 M instructions one by
    one, 1,162.4 M joined)."""
    if not spans:
        return convert(text)
    parts = []
    position = 0
    for start, end in spans:
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    if _invisible.HOLE in text or not joined:
        converted = list(map(convert, parts))
    else:
        converted = convert(_invisible.HOLE.join(parts)).split(_invisible.HOLE)
    pieces = [converted[0]]
    for (start, end), after in zip(spans, converted[1:], strict=True):
        pieces.append(text[start:end])
        pieces.append(after)
    return "".join(pieces)


def _joins_across_whitespace(conventions: frozenset[str]) -> bool:
    """Whether a convention joins a word to the one before it (dates: 2025 йил)."""
    return "dates" in conventions


def _conventions() -> types.ModuleType:
    """The conventions module, imported on first use: it needs `regex`."""
    return importlib.import_module("._conventions", __package__)


def fixed(  # noqa: PLR0917 - called with all six
    source: str,
    to: str,
    apostrophes: object,
    lexicon: object,
    conventions: object,
    keep: object = (),
) -> Converter:
    """The converter between two different scripts, after checking the options."""
    options = check_options(to, source, apostrophes, lexicon, conventions, keep)
    converter = converter_for(options, "")
    assert converter is not None  # source and to differ
    return converter


BLOCK: Final = 1 << 18  # characters converted at a time in a long text


def in_blocks(text: str, converter: Converter) -> str:
    """Convert *text*, a long one in blocks cut where no rule looks across (_stream).

    The result is the same; the cost per character stays flat, since each block's
    words and pieces fit in the processor's caches.
    """
    if len(text) <= BLOCK:
        return converter.convert(text)
    from . import _stream  # noqa: PLC0415 - imported on first use, for import time

    blocks = (text[i : i + BLOCK] for i in range(0, len(text), BLOCK))
    return "".join(
        _stream.stream(
            blocks,
            converter.convert,
            converter.cyrillic_source,
            converter.looks_across_whitespace,
            check_text,
        )
    )


def converter_for(options: Options, sample: str) -> Converter | None:
    """The converter for checked *options* (None: nothing to do).

    Without a source script, it is detected in *sample*.
    """
    read = detect_script(sample) if options.source is None else options.source
    if read is None or read == options.to:
        return None
    if read == "cyrillic":
        return _latin_converter(
            options.apostrophes, options.lexicon, options.conventions, options.to
        )
    if options.to == "cyrillic":
        return _cyrillic_converter(
            _with_kept(options.lexicon, options.keep), options.conventions, read
        )
    return _alphabet_converter(read, options.apostrophes, options.keep)
