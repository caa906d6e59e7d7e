"""The public functions: argument checks, finding words, caching converted words."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

import regex

from . import _conventions, _cyrillic_to_latin, _latin_to_cyrillic, _spans
from ._alphabet import APOSTROPHE_LETTER, CYRILLIC_LETTERS, LATIN_LETTERS, TURNED_COMMA
from ._lexicon import Lexicon, default_lexicon

Script = Literal["cyrillic", "latin"]
SCRIPTS: Final[tuple[str, ...]] = ("latin", "cyrillic")
CONVENTIONS: Final[tuple[str, ...]] = _conventions.CONVENTIONS

# Output styles for oʻ/gʻ and the tutuq: name → (oʻ gʻ mark, tutuq mark).
APOSTROPHE_STYLES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "modifier": (TURNED_COMMA, APOSTROPHE_LETTER),  # ʻ ʼ: Uzbek Wikipedia, uzbek-net
        "ascii": ("'", "'"),  # ' ': what most web text types
        "quotes": ("\u2018", "\u2019"),  # ‘ ’: government sites, BGN/PCGN tables
    }
)

_CYRILLIC_RE: Final = regex.compile(_spans.CYRILLIC_WORD)
_CYRILLIC_OR_SKIP_RE: Final = regex.compile(f"(?P<skip>{_spans.BOTH_WAYS})|{_spans.CYRILLIC_WORD}")
_LATIN_RE: Final = regex.compile(_spans.LATIN_TOKEN)
_LATIN_OR_SKIP_RE: Final = regex.compile(
    f"(?P<skip>{_spans.BOTH_WAYS}|{_spans.LATIN_ONLY})|{_spans.LATIN_TOKEN}"
)
_LATIN_HINTS: Final = _spans.BOTH_WAYS_HINTS + _spans.LATIN_ONLY_HINTS

_CACHE_LIMIT: Final = 200_000  # distinct words remembered per converter


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


def check_conventions(value: object) -> frozenset[str]:
    """The set of convention names in *value* (one name, or a collection of them)."""
    names: Iterable[object]
    if isinstance(value, str):
        names = (value,)
    elif isinstance(value, Iterable):
        names = value
    else:
        raise TypeError(f"conventions must be a collection of names; got {value!r}")
    return frozenset(check_choice("each convention", name, CONVENTIONS) for name in names)


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


def _memoised(convert: Callable[[str], str]) -> Callable[[str], str]:
    """A word converter that remembers up to _CACHE_LIMIT distinct words."""
    cache: dict[str, str] = {}

    def convert_word(word: str) -> str:
        result = cache.get(word)
        if result is None:
            result = convert(word)
            if len(cache) < _CACHE_LIMIT:
                cache[word] = result
        return result

    return convert_word


def _lexicon_with(user: Lexicon | None) -> Lexicon:
    return default_lexicon() if user is None else default_lexicon().merged(user)


@dataclass(frozen=True)
class _Converter:
    """Everything one call needs: text in, text out, and how to cut a stream."""

    convert: Callable[[str], str]
    looks_across_whitespace: bool


@functools.lru_cache(maxsize=64)
def _latin_converter(
    apostrophes: str, lexicon: Lexicon | None, conventions: frozenset[str]
) -> _Converter:
    table = _lexicon_with(lexicon).to_latin
    letter_mark, tutuq = APOSTROPHE_STYLES[apostrophes]
    style = str.maketrans({TURNED_COMMA: letter_mark, APOSTROPHE_LETTER: tutuq})

    def word(cyrillic: str) -> str:
        return _cyrillic_to_latin.word_to_latin(compose_decomposed(cyrillic), table).translate(
            style
        )

    convert_word = _memoised(word)
    before = [
        _conventions.TO_LATIN[name] for name in _conventions.CONVENTIONS if name in conventions
    ]

    def replace(match: regex.Match[str]) -> str:
        if match.group("skip") is not None:
            return match.group()
        return convert_word(match.group())

    def convert(text: str) -> str:
        for convention in before:
            text = convention(text)
        if any(hint in text for hint in _spans.BOTH_WAYS_HINTS):
            return _CYRILLIC_OR_SKIP_RE.sub(replace, text)
        return _CYRILLIC_RE.sub(lambda match: convert_word(match.group()), text)

    return _Converter(convert, _conventions.looks_across_whitespace(conventions))


@functools.lru_cache(maxsize=64)
def _cyrillic_converter(lexicon: Lexicon | None, conventions: frozenset[str]) -> _Converter:
    table = _lexicon_with(lexicon).to_cyrillic

    def token(latin: str) -> str:
        return _latin_to_cyrillic.token_to_cyrillic(latin, table)

    convert_token = _memoised(token)
    before = [
        _conventions.TO_CYRILLIC[name] for name in _conventions.CONVENTIONS if name in conventions
    ]

    def replace_token(match: regex.Match[str]) -> str:
        found = match.group()
        following = match.string[match.end() : match.end() + 1]
        if found[0] in "IVXLCDM" and _spans.is_roman_numeral(found, following):
            return found
        return convert_token(found)

    def replace(match: regex.Match[str]) -> str:
        if match.group("skip") is not None:
            return match.group()
        return replace_token(match)

    def convert(text: str) -> str:
        for convention in before:
            text = convention(text)
        if any(hint in text for hint in _LATIN_HINTS):
            return _LATIN_OR_SKIP_RE.sub(replace, text)
        return _LATIN_RE.sub(replace_token, text)

    return _Converter(convert, _conventions.looks_across_whitespace(conventions))


def _to_latin_converter(apostrophes: object, lexicon: object, conventions: object) -> _Converter:
    return _latin_converter(
        check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES),
        check_lexicon(lexicon),
        check_conventions(conventions),
    )


def _to_cyrillic_converter(lexicon: object, conventions: object) -> _Converter:
    return _cyrillic_converter(check_lexicon(lexicon), check_conventions(conventions))


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
    return _to_latin_converter(apostrophes, lexicon, conventions).convert(text)


def to_cyrillic(
    text: str, /, *, lexicon: Lexicon | None = None, conventions: Iterable[str] = ()
) -> str:
    """Convert Uzbek Latin *text* to Cyrillic by the 1995 rules and the lexicon.

    Any apostrophe look-alike is read as oʻ/gʻ after o/g and as the tutuq
    between other letters; around a word it stays a quotation mark.  Words
    with letters outside the Uzbek Latin alphabet (c, w, é …), words such as
    iPhone, Roman numerals, URLs, e-mail addresses, placeholders (%s, {name}),
    escapes (\\n), HTML tags and entities stay as written.

    >>> to_cyrillic("O'zbekiston Respublikasi")
    'Ўзбекистон Республикаси'
    >>> to_cyrillic("XXI asr boshida %s faylini <b>oching</b>")
    'XXI аср бошида %s файлини <b>очинг</b>'
    """
    check_text("to_cyrillic", text)
    return _to_cyrillic_converter(lexicon, conventions).convert(text)


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

    def normalise(match: regex.Match[str]) -> str:
        token = match.group()
        if match.group("skip") is not None:
            return token
        marks = _latin_to_cyrillic.classify_marks(token)
        if _latin_to_cyrillic.is_foreign(marks.body):
            return token
        return marks.leading + marks.body.translate(style) + marks.trailing

    return _LATIN_OR_SKIP_RE.sub(normalise, text)


def detect_script(text: str, /) -> Script | None:
    """Which Uzbek script has more letters in *text*: "cyrillic", "latin" or None.

    None means no Uzbek letters at all, or as many of one script as the other.

    >>> detect_script("date 2025-10-15 Қозоғистонлик шифокорлар")
    'cyrillic'
    """
    check_text("detect_script", text)
    cyrillic = sum(text.count(letter) for letter in CYRILLIC_LETTERS)
    latin = sum(text.count(letter) for letter in LATIN_LETTERS)
    if cyrillic > latin:
        return "cyrillic"
    if latin > cyrillic:
        return "latin"
    return None


_CUT_LIMIT: Final = 1 << 20  # characters held back at most while looking for a cut
_WHITESPACE: Final = ("\n", " ", "\t", "\r")


def _safe_cut(text: str, across_whitespace: bool) -> int:
    """Where *text* may be cut without changing its conversion; 0 if nowhere.

    No letter rule looks across whitespace, so converting the two halves gives the
    same as converting the whole.  The dates convention joins a number to the word
    after it, so then only whitespace that does not follow a digit will do.
    """
    end = len(text)
    while end > 0:
        cut = max(text.rfind(space, 0, end) for space in _WHITESPACE)
        if cut < 0:
            return 0
        if not across_whitespace or cut == 0 or not text[cut - 1].isdigit():
            return cut + 1
        end = cut
    return 0


def convert_stream(
    chunks: Iterable[str],
    /,
    *,
    to: str = "latin",
    apostrophes: str = "modifier",
    lexicon: Lexicon | None = None,
    conventions: Iterable[str] = (),
) -> Iterator[str]:
    """Convert an iterable of text pieces (lines, a text file) lazily.

    Pieces are joined and cut again only after whitespace, so the output is
    the same as converting the whole text at once; a line is yielded as soon
    as it is complete.  *to* is ``"latin"`` or ``"cyrillic"``; the other
    options are those of to_latin and to_cyrillic.
    """
    check_choice("to", to, SCRIPTS)
    if to == "latin":
        converter = _to_latin_converter(apostrophes, lexicon, conventions)
    else:
        check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES)
        converter = _to_cyrillic_converter(lexicon, conventions)
    return _stream(chunks, converter)


def _stream(chunks: Iterable[str], converter: _Converter) -> Iterator[str]:
    pending = ""
    for chunk in chunks:
        check_text("convert_stream", chunk)
        pending += chunk
        cut = _safe_cut(pending, converter.looks_across_whitespace)
        if cut == 0 and len(pending) > _CUT_LIMIT:
            cut = len(pending)
        if cut:
            yield converter.convert(pending[:cut])
            pending = pending[cut:]
    if pending:
        yield converter.convert(pending)
