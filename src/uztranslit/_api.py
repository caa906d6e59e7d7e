"""The public functions: argument checks, finding words, caching converted words."""

from __future__ import annotations

import functools
import importlib
import re
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, Literal, NamedTuple

from . import _cyrillic_to_latin, _latin_to_cyrillic, _new_latin, _spans
from ._alphabet import (
    APOSTROPHE_LETTER,
    APOSTROPHES,
    CYRILLIC_LETTERS,
    LATIN_LETTERS,
    TURNED_COMMA,
)
from ._lexicon import Lexicon, default_lexicon

Script = Literal["cyrillic", "latin", "new-latin"]
# The scripts: Cyrillic, the 1995 Latin alphabet, and the 2026 one (ş ç ö ğ).
SCRIPTS: Final[tuple[str, ...]] = ("latin", "cyrillic", "new-latin")
# Opt-in conventions that change more than letters (_conventions, docs/rules.md).
CONVENTIONS: Final[tuple[str, ...]] = ("dates", "particles", "quotes")

# Output styles for oʻ/gʻ and the tutuq: name → (oʻ gʻ mark, tutuq mark).
APOSTROPHE_STYLES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "modifier": (TURNED_COMMA, APOSTROPHE_LETTER),  # ʻ ʼ: Uzbek Wikipedia, uzbek-net
        "ascii": ("'", "'"),  # ' ': what most web text types
        "quotes": ("\u2018", "\u2019"),  # ‘ ’: government sites, BGN/PCGN tables
    }
)

# Distinct chunks (a word with its punctuation) and words remembered per converter:
# enough for the vocabulary of a large corpus, at about 25 MB when full.
_CHUNK_CACHE_LIMIT: Final = 100_000
_CACHE_LIMIT: Final = 40_000
_LONGEST_CACHED: Final = 64  # longer words (base64, data) are converted but not kept
_INITIALS: Final[Mapping[str, str]] = MappingProxyType({"I": "И", "V": "В", "X": "Х"})


def check_text(function: str, text: object) -> str:
    """Return *text* if it is a str, else raise TypeError naming *function*."""
    if not isinstance(text, str):
        raise TypeError(f"{function}() argument must be str, not {type(text).__name__}")
    return text


def check_choice(option: str, value: object, choices: Iterable[str]) -> str:
    """Return *value* if it is one of *choices*, else raise naming them all."""
    valid = tuple(choices)
    if not isinstance(value, str):
        raise TypeError(f"{option} must be a str, one of {', '.join(valid)}; got {value!r}")
    if value not in valid:
        raise ValueError(f"{option} must be one of {', '.join(valid)}; got {value!r}")
    return value


def one_or_many(option: str, value: object, what: str) -> Iterable[object]:
    """*value* as a collection: a single str is one item; anything else must iterate."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return value
    raise TypeError(f"{option} must be a collection of {what}; got {value!r}")


def check_conventions(value: object) -> frozenset[str]:
    """The set of convention names in *value* (one name, or a collection of them)."""
    names = one_or_many("conventions", value, "names")
    return frozenset(check_choice("each convention", name, CONVENTIONS) for name in names)


def check_keep(value: object) -> frozenset[str]:
    """The words to keep in Latin letters in *value* (one word, or a collection)."""
    kept = set()
    for word in one_or_many("keep", value, "words"):
        if not isinstance(word, str):
            raise TypeError(f"each word to keep must be a str; got {word!r}")
        if not word.isalpha():
            raise ValueError(
                "each word to keep must be one word of letters only"
                f" (give Coca-Cola as 'Coca' and 'Cola'); got {word!r}"
            )
        kept.add(word.lower())
    return frozenset(kept)


def check_lexicon(value: object) -> Lexicon | None:
    if value is None or isinstance(value, Lexicon):
        return value
    raise TypeError(
        f"lexicon must be a Lexicon from load_lexicon() or parse_lexicon(), "
        f"not {type(value).__name__}"
    )


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


class _WordCache(dict[str, str]):
    """Converted words by their source; a miss converts the word and remembers it.

    Looking words up with __getitem__ keeps the hot loop in C.  The cache stops
    growing at *limit* words, so memory stays bounded whatever the input; it keeps
    the first words it sees, which in real text are mostly the frequent ones.
    """

    def __init__(self, convert: Callable[[str], str], limit: int = _CACHE_LIMIT) -> None:
        super().__init__()
        self.convert = convert
        self.limit = limit

    def __missing__(self, word: str) -> str:
        result = self.convert(word)
        if len(self) < self.limit and len(word) <= _LONGEST_CACHED:
            self[word] = result
        return result


def _by_chunks(text: str, chunks: _WordCache) -> str:
    """Convert *text* a space-separated chunk at a time, each chunk through *chunks*.

    No letter rule looks across whitespace, so this gives the same as converting
    the whole; it is faster because str.split is, and real text repeats its
    chunks (a word with its punctuation) as it repeats its words.
    """
    return " ".join(map(chunks.__getitem__, text.split(" ")))


def _convert_words(text: str, words: re.Pattern[str], cache: _WordCache) -> str:
    """Replace every word that *words* finds in *text* by its cached conversion."""
    parts = words.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = map(cache.__getitem__, parts[1::2])
    return "".join(parts)


def _lexicon_with(user: Lexicon | None) -> Lexicon:
    return default_lexicon() if user is None else default_lexicon().merged(user)


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


class _Converter(NamedTuple):
    """Everything one call needs: text in, text out, and how to cut a stream."""

    convert: Callable[[str], str]
    looks_across_whitespace: bool
    cyrillic_source: bool


def _from_cyrillic(
    word: Callable[[str], str], before: tuple[Callable[[str], str], ...], across: bool
) -> _Converter:
    """A converter of Cyrillic text that turns each word by *word*, cached."""
    cache = _WordCache(word)

    def letters(text: str) -> str:
        if any(mark in text for mark in _spans.DECOMPOSING_MARKS):
            return _convert_words(text, _spans.CYRILLIC_WORDS_DECOMPOSED, cache)
        return _convert_words(text, _spans.CYRILLIC_WORDS, cache)

    chunks = _WordCache(letters, _CHUNK_CACHE_LIMIT)

    def convert(text: str) -> str:
        for convention in before:
            text = convention(text)
        return letters(text) if across else _by_chunks(text, chunks)

    return _Converter(convert, across, cyrillic_source=True)


def _from_latin(
    token: Callable[[str], str],
    before: tuple[Callable[[str], str], ...],
    across: bool,
    initials: bool,
) -> _Converter:
    """A converter of Latin text that turns each token by *token*, cached.

    URLs, placeholders, tags and entities are kept; with *initials*, a lone
    I, V or X before a full stop is an initial to convert, not a numeral.
    """
    cache = _WordCache(token)
    split = _spans.latin_tokens().split

    def words(text: str) -> str:
        parts = split(text)
        if len(parts) == 1:
            return text
        parts[1::2] = map(cache.__getitem__, parts[1::2])
        if initials and any(initial in text for initial in _spans.LONE_I_V_X):
            _initials_to_cyrillic(parts)
        return "".join(parts)

    def letters(text: str) -> str:
        return _outside_skipped(text, words)

    chunks = _WordCache(letters, _CHUNK_CACHE_LIMIT)

    def convert(text: str) -> str:
        for convention in before:
            text = convention(text)
        if across or "<" in text:  # a tag may hold spaces: <a href="…" title="…">
            return letters(text)
        return _by_chunks(text, chunks)

    return _Converter(convert, across, cyrillic_source=False)


def _style(apostrophes: str) -> dict[int, str]:
    letter_mark, tutuq = APOSTROPHE_STYLES[apostrophes]
    return str.maketrans({TURNED_COMMA: letter_mark, APOSTROPHE_LETTER: tutuq})


@functools.lru_cache(maxsize=64)
def _latin_converter(
    apostrophes: str,
    lexicon: Lexicon | None,
    conventions: frozenset[str],
    alphabet: str = "latin",
) -> _Converter:
    """Cyrillic → Latin, in the 1995 alphabet or the 2026 one (*alphabet* "new-latin")."""
    table = _lexicon_with(lexicon).to_latin
    style = _style(apostrophes)
    new = alphabet == "new-latin"

    def word(cyrillic: str) -> str:
        latin = _cyrillic_to_latin.word_to_latin(compose_decomposed(cyrillic), table)
        if new:
            latin = _new_latin.to_new_latin_word(latin)
        return latin.translate(style)

    before = _conventions_for(_conventions().TO_LATIN, conventions) if conventions else ()
    return _from_cyrillic(word, before, _joins_across_whitespace(conventions))


@functools.lru_cache(maxsize=64)
def _cyrillic_converter(
    lexicon: Lexicon | None, conventions: frozenset[str], source: str = "latin"
) -> _Converter:
    """Latin → Cyrillic, from the 1995 alphabet or the 2026 one (*source* "new-latin")."""
    table = _lexicon_with(lexicon).to_cyrillic
    new = source == "new-latin"

    def token(latin: str) -> str:
        if latin[0] in "IVXLCDM" and _spans.is_roman_numeral(latin):
            return latin
        if len(latin) > _spans.LONGEST_TOKEN:
            return latin  # no word is this long: data, kept like a foreign word
        if new:
            read = _new_latin.to_old_latin_word(_new_latin.read_look_alikes(latin))
            return _latin_to_cyrillic.token_to_cyrillic(read, table)
        return _latin_to_cyrillic.token_to_cyrillic(latin, table)

    before = _conventions_for(_conventions().TO_CYRILLIC, conventions) if conventions else ()
    return _from_latin(token, before, _joins_across_whitespace(conventions), initials=True)


@functools.lru_cache(maxsize=8)
def _alphabet_converter(source: str, apostrophes: str) -> _Converter:
    """1995 Latin → 2026 Latin, or back (*source* is the one converted from)."""
    style = _style(apostrophes)

    def token(latin: str) -> str:
        if source == "new-latin":
            latin = _new_latin.to_old_latin_word(_new_latin.read_look_alikes(latin))
        marks = _latin_to_cyrillic.classify_marks(latin)
        if _latin_to_cyrillic.is_foreign(marks.body):
            return latin
        body = marks.body if source == "new-latin" else _new_latin.to_new_latin_word(marks.body)
        return marks.leading + body.translate(style) + marks.trailing

    return _from_latin(token, (), across=False, initials=False)


def _initials_to_cyrillic(parts: list[str]) -> None:
    """A lone I, V or X before a full stop is an initial (I. Karimov), not a numeral.

    *parts* alternate between what lies between words and the converted words.
    """
    for i in range(1, len(parts) - 1, 2):
        if parts[i] in _INITIALS and parts[i + 1].startswith("."):
            parts[i] = _INITIALS[parts[i]]


def _outside_skipped(text: str, convert: Callable[[str], str]) -> str:
    """Apply *convert* to the parts of Latin *text* outside URLs, placeholders, tags …"""
    spans = _spans.skipped_spans(text)
    if not spans:
        return convert(text)
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(convert(text[position:start]))
        pieces.append(text[start:end])
        position = end
    pieces.append(convert(text[position:]))
    return "".join(pieces)


def _joins_across_whitespace(conventions: frozenset[str]) -> bool:
    """Whether a convention joins a word to the one before it (dates: 2025 йил)."""
    return "dates" in conventions


def _conventions() -> types.ModuleType:
    """The conventions module, imported on first use: it needs `regex`."""
    return importlib.import_module("._conventions", __package__)


def _fixed(  # noqa: PLR0917 - private; called with all six
    source: str,
    to: str,
    apostrophes: object,
    lexicon: object,
    conventions: object,
    keep: object = (),
) -> _Converter:
    """The converter between two different scripts, after checking the options."""
    converter = _converter_for(source, to, apostrophes, lexicon, conventions, keep, "")
    assert converter is not None  # source and to differ
    return converter


_BLOCK: Final = 1 << 18  # characters converted at a time in a long text


def _in_blocks(text: str, converter: _Converter) -> str:
    """Convert *text*, a long one in blocks cut where no rule looks across (_stream).

    The result is the same; the cost per character stays flat, since each block's
    words and pieces fit in the processor's caches.
    """
    if len(text) <= _BLOCK:
        return converter.convert(text)
    from . import _stream  # noqa: PLC0415 - imported on first use, for import time

    blocks = (text[i : i + _BLOCK] for i in range(0, len(text), _BLOCK))
    return "".join(
        _stream.stream(
            blocks,
            converter.convert,
            converter.cyrillic_source,
            converter.looks_across_whitespace,
            check_text,
        )
    )


def to_latin(
    text: str,
    /,
    *,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
) -> str:
    """Convert Uzbek Cyrillic *text* to Latin by the 1995 rules.

    Only Uzbek Cyrillic letters change; everything else (digits, punctuation,
    whitespace, other scripts, URLs, e-mail addresses) passes through.
    *apostrophes* picks how oʻ, gʻ and the tutuq are written: ``"modifier"``
    (ʻ ʼ, the default), ``"ascii"`` (' ') or ``"quotes"`` (‘ ’).  *lexicon*
    adds entries to the shipped lexicon.  *conventions* turns on any of
    ``"dates"``, ``"particles"``, ``"quotes"`` (docs/rules.md).

    >>> to_latin("Ўзбекистон Республикаси")
    'Oʻzbekiston Respublikasi'
    >>> to_latin("2025 йил 15 октябрда", conventions={"dates"})
    '2025-yil 15-oktabrda'
    """
    check_text("to_latin", text)
    return _in_blocks(text, _fixed("cyrillic", "latin", apostrophes, lexicon, conventions))


def to_cyrillic(
    text: str,
    /,
    *,
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> str:
    """Convert Uzbek Latin *text* to Cyrillic by the 1995 rules and the lexicon.

    Any apostrophe look-alike is read as oʻ/gʻ after o/g and as the tutuq
    between other letters; around a word it stays a quotation mark.  Words
    with letters outside the Uzbek Latin alphabet (c, w, é …), words such as
    iPhone, Roman numerals, URLs, e-mail addresses, placeholders (%s, {name}),
    escapes (\\n), HTML tags and entities stay as written.  So do the words of
    *keep* (brand names such as Pepsi, matched in any case) and a foreign word
    or name before an apostrophe and Uzbek endings, whose endings are converted.

    >>> to_cyrillic("O'zbekiston Respublikasi")
    'Ўзбекистон Республикаси'
    >>> to_cyrillic("XXI asr boshida %s faylini <b>oching</b>")
    'XXI аср бошида %s файлини <b>очинг</b>'
    >>> to_cyrillic("Pepsining Facebook'dagi sahifasi", keep={"Pepsi"})
    "Pepsiнинг Facebook'даги саҳифаси"
    """
    check_text("to_cyrillic", text)
    converter = _fixed("latin", "cyrillic", "modifier", lexicon, conventions, keep)
    return _in_blocks(text, converter)


def normalize_apostrophes(text: str, /, *, apostrophes: str = "modifier") -> str:
    """Write the oʻ, gʻ and tutuq marks of Latin *text* in one style.

    Nothing else changes: quotation marks around words, foreign words and
    Cyrillic text stay as they are.

    >>> normalize_apostrophes("o'zbek tilining ma'nosi")
    'oʻzbek tilining maʼnosi'
    """
    check_text("normalize_apostrophes", text)
    check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES)
    letter_mark, tutuq = APOSTROPHE_STYLES[apostrophes]
    style = str.maketrans({TURNED_COMMA: letter_mark, APOSTROPHE_LETTER: tutuq})

    def normalise(token: str) -> str:
        marks = _latin_to_cyrillic.classify_marks(token)
        if _latin_to_cyrillic.is_foreign(marks.body):
            return token
        return marks.leading + marks.body.translate(style) + marks.trailing

    cache = _WordCache(normalise)
    tokens = _spans.latin_tokens()
    return _outside_skipped(text, lambda part: _convert_words(part, tokens, cache))


def detect_script(text: str, /) -> Script | None:
    """Which Uzbek script has more letters in *text*: "cyrillic", "latin", "new-latin" or None.

    Latin text is "new-latin" when it has more of ş ç ö ğ than of the 1995 letters
    they replace (sh ch oʻ gʻ).  None means no Uzbek letters at all, or as many
    Cyrillic as Latin ones.

    >>> detect_script("date 2025-10-15 Қозоғистонлик шифокорлар")
    'cyrillic'
    >>> detect_script("Öqituvçilar kengaşi")
    'new-latin'
    """
    check_text("detect_script", text)
    cyrillic = sum(text.count(letter) for letter in CYRILLIC_LETTERS)
    new = sum(text.count(letter) for letter in _new_latin.NEW_ALPHABET_LETTERS)
    latin = sum(text.count(letter) for letter in LATIN_LETTERS) + new
    if cyrillic > latin:
        return "cyrillic"
    if latin > cyrillic:
        return "new-latin" if new > _old_latin_letters(text) else "latin"
    return None


def _old_latin_letters(text: str) -> int:
    """How many sh, ch, oʻ, gʻ (any apostrophe look-alike) *text* has."""
    digraphs = sum(text.count(pair) for pair in ("sh", "Sh", "SH", "ch", "Ch", "CH"))
    return digraphs + sum(text.count(letter + mark) for letter in "oOgG" for mark in APOSTROPHES)


def transliterate(
    text: str,
    /,
    *,
    to: str,
    source: str | None = None,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> str:
    """Convert *text* to the script *to*: "latin", "cyrillic" or "new-latin".

    *source* is the script it is written in, detected by detect_script when
    None; text already in *to*, or with no Uzbek letters, is returned as it
    is.  Conversions to or from the 2026 alphabet go through the 1995 rules,
    so a Cyrillic word and its two Latin forms always agree.  The other
    options are those of to_latin and to_cyrillic.

    >>> transliterate("Шаҳар ўғли", to="new-latin")
    'Şahar öğli'
    >>> transliterate("Şahar öğli", to="latin")
    'Shahar oʻgʻli'
    """
    check_text("transliterate", text)
    converter = _converter_for(source, to, apostrophes, lexicon, conventions, keep, text)
    return text if converter is None else _in_blocks(text, converter)


def _converter_for(  # noqa: PLR0917 - private; called with all seven
    source: object,
    to: object,
    apostrophes: object,
    lexicon: object,
    conventions: object,
    keep: object,
    sample: str,
) -> _Converter | None:
    """The converter from *source* to *to* (None: nothing to do); checks every option."""
    target = check_choice("to", to, SCRIPTS)
    style = check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES)
    user = check_lexicon(lexicon)
    chosen = check_conventions(conventions)
    kept = check_keep(keep)
    read = detect_script(sample) if source is None else check_choice("source", source, SCRIPTS)
    if read is None or read == target:
        return None
    if read == "cyrillic":
        return _latin_converter(style, user, chosen, target)
    if target == "cyrillic":
        return _cyrillic_converter(_with_kept(user, kept), chosen, read)
    return _alphabet_converter(read, style)


def convert_stream(
    chunks: Iterable[str],
    /,
    *,
    to: str = "latin",
    source: str | None = None,
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
    keep: Iterable[str] = (),
) -> Iterator[str]:
    """Convert an iterable of text pieces (lines, a text file) lazily.

    Pieces are joined and cut again only where no rule looks across the cut
    (after whitespace; see _stream for text without any), so the output is the
    same as converting the whole text at once, and a line is yielded as soon as
    it is complete.  Memory stays bounded whatever the input.  *to* is
    ``"latin"``, ``"cyrillic"`` or ``"new-latin"``; *source* is the script of the
    input, by default Cyrillic for a Latin target and 1995 Latin for a Cyrillic
    one.  The other options are those of to_latin and to_cyrillic.
    """
    target = check_choice("to", to, SCRIPTS)
    if source is None:
        source = "latin" if target == "cyrillic" else "cyrillic"
    converter = _converter_for(source, target, apostrophes, lexicon, conventions, keep, "")
    if converter is None:
        return (check_text("convert_stream", chunk) for chunk in chunks)
    from . import _stream  # noqa: PLC0415 - imported on first use, for import time

    return _stream.stream(
        chunks,
        converter.convert,
        converter.cyrillic_source,
        converter.looks_across_whitespace,
        check_text,
    )
