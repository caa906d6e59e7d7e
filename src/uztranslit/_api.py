"""The public functions: argument checks, tokenising text, caching words."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, Literal

import regex

from . import _cyrillic_to_latin, _latin_to_cyrillic
from ._alphabet import (
    APOSTROPHE_LETTER,
    APOSTROPHES,
    CYRILLIC_LETTERS,
    CYRILLIC_LOWER,
    CYRILLIC_UPPER,
    LATIN_LETTERS,
    TURNED_COMMA,
)
from ._lexicon import default_lexicon

Script = Literal["cyrillic", "latin"]
SCRIPTS: Final[tuple[str, ...]] = ("latin", "cyrillic")

# Output styles for oʻ/gʻ and the tutuq: name → (oʻ gʻ mark, tutuq mark).
APOSTROPHE_STYLES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "modifier": (TURNED_COMMA, APOSTROPHE_LETTER),  # ʻ ʼ: Uzbek Wikipedia, uzbek-net
        "ascii": ("'", "'"),  # ' ': what most web text types
        "quotes": ("\u2018", "\u2019"),  # ‘ ’: government sites, BGN/PCGN tables
    }
)

# Spans that are never converted: URLs and e-mail addresses.  They stop at a
# Cyrillic letter, so that to_latin never leaves one behind (a Cyrillic
# domain name is converted like any other Cyrillic word).
_URL: Final = r"(?i:(?:https?|ftp)://|www\.)[^\s<>\"«»“”\p{Cyrillic}]+"
_EMAIL: Final = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_SKIP: Final = f"{_URL}|{_EMAIL}"
_SKIP_HINTS: Final = ("//", "ww.", "WW.", "@")

# A Cyrillic word: Uzbek Cyrillic letters, with й ё ў also in decomposed form.
_CYRILLIC_WORD: Final = "(?:[иИуУ]\u0306|[еЕ]\u0308|[" + CYRILLIC_LOWER + CYRILLIC_UPPER + "])+"
_DECOMPOSED: Final[Mapping[str, str]] = MappingProxyType(
    {
        "и\u0306": "й",  # и + COMBINING BREVE
        "И\u0306": "Й",  # И + COMBINING BREVE
        "у\u0306": "ў",  # у + COMBINING BREVE
        "У\u0306": "Ў",  # У + COMBINING BREVE
        "е\u0308": "ё",  # е + COMBINING DIAERESIS
        "Е\u0308": "Ё",  # Е + COMBINING DIAERESIS
    }
)

# A Latin token: Latin letters (with combining marks) and apostrophe look-alikes.
_MARKS: Final = "".join(sorted(APOSTROPHES))
_LATIN_TOKEN: Final = f"[{_MARKS}]*\\p{{Latin}}[\\p{{Latin}}\\p{{Mn}}{_MARKS}]*"

_CYRILLIC_RE: Final = regex.compile(_CYRILLIC_WORD)
_CYRILLIC_OR_SKIP_RE: Final = regex.compile(f"(?P<skip>{_SKIP})|{_CYRILLIC_WORD}")
_LATIN_RE: Final = regex.compile(_LATIN_TOKEN)
_LATIN_OR_SKIP_RE: Final = regex.compile(f"(?P<skip>{_SKIP})|{_LATIN_TOKEN}")

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


def compose_decomposed(word: str) -> str:
    """Compose и/у + breve and е + diaeresis, as some editors and OCR write them."""
    if "\u0306" not in word and "\u0308" not in word:
        return word
    for decomposed, composed in _DECOMPOSED.items():
        word = word.replace(decomposed, composed)
    return word


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


@functools.cache
def _latin_word_converter(apostrophes: str) -> Callable[[str], str]:
    table = default_lexicon().to_latin
    letter_mark, tutuq = APOSTROPHE_STYLES[apostrophes]
    style = str.maketrans({TURNED_COMMA: letter_mark, APOSTROPHE_LETTER: tutuq})

    def convert(word: str) -> str:
        return _cyrillic_to_latin.word_to_latin(compose_decomposed(word), table).translate(style)

    return _memoised(convert)


@functools.cache
def _cyrillic_token_converter() -> Callable[[str], str]:
    table = default_lexicon().to_cyrillic

    def convert(token: str) -> str:
        return _latin_to_cyrillic.token_to_cyrillic(token, table)

    return _memoised(convert)


def _substitute(
    text: str,
    plain: regex.Pattern[str],
    with_skip: regex.Pattern[str],
    convert: Callable[[str], str],
) -> str:
    """Replace each word matched in *text* by convert(word), leaving skip spans."""
    if any(hint in text for hint in _SKIP_HINTS):

        def replace(match: regex.Match[str]) -> str:
            if match.group("skip") is not None:
                return match.group()
            return convert(match.group())

        return with_skip.sub(replace, text)
    return plain.sub(lambda match: convert(match.group()), text)


def to_latin(text: str, /, *, apostrophes: str = "modifier") -> str:
    """Convert Uzbek Cyrillic *text* to Latin by the 1995 rules.

    Only Uzbek Cyrillic letters change; everything else (digits, punctuation,
    whitespace, other scripts, URLs, e-mail addresses) passes through.
    *apostrophes* picks how oʻ, gʻ and the tutuq are written: ``"modifier"``
    (ʻ ʼ, the default), ``"ascii"`` (' ') or ``"quotes"`` (‘ ’).

    >>> to_latin("Ўзбекистон Республикаси")
    'Oʻzbekiston Respublikasi'
    """
    check_text("to_latin", text)
    check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES)
    return _substitute(text, _CYRILLIC_RE, _CYRILLIC_OR_SKIP_RE, _latin_word_converter(apostrophes))


def to_cyrillic(text: str, /) -> str:
    """Convert Uzbek Latin *text* to Cyrillic by the 1995 rules and the lexicon.

    Any apostrophe look-alike is read as oʻ/gʻ after o/g and as the tutuq
    between other letters; around a word it stays a quotation mark.  Words
    with letters outside the Uzbek Latin alphabet (c, w, é …) stay as written,
    and so does everything that is not a letter.

    >>> to_cyrillic("O'zbekiston Respublikasi")
    'Ўзбекистон Республикаси'
    """
    check_text("to_cyrillic", text)
    return _substitute(text, _LATIN_RE, _LATIN_OR_SKIP_RE, _cyrillic_token_converter())


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

    return _substitute(text, _LATIN_RE, _LATIN_OR_SKIP_RE, normalise)


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


def _safe_cut(text: str) -> int:
    """Where *text* may be cut without changing its conversion: after whitespace.

    No rule looks across whitespace, so converting the two halves gives the
    same as converting the whole.  Returns 0 when there is no such place.
    """
    return max(text.rfind("\n"), text.rfind(" "), text.rfind("\t"), text.rfind("\r")) + 1


def convert_stream(
    chunks: Iterable[str], /, *, to: str = "latin", apostrophes: str = "modifier"
) -> Iterator[str]:
    """Convert an iterable of text pieces (lines, a text file) lazily.

    Pieces are joined and cut again only after whitespace, so the output is
    the same as converting the whole text at once; a line is yielded as soon
    as it is complete.  *to* is ``"latin"`` or ``"cyrillic"``.
    """
    check_choice("to", to, SCRIPTS)
    check_choice("apostrophes", apostrophes, APOSTROPHE_STYLES)
    convert: Callable[[str], str] = to_cyrillic
    if to == "latin":
        convert = functools.partial(to_latin, apostrophes=apostrophes)
    pending = ""
    for chunk in chunks:
        check_text("convert_stream", chunk)
        pending += chunk
        cut = _safe_cut(pending)
        if cut == 0 and len(pending) > _CUT_LIMIT:
            cut = len(pending)
        if cut:
            yield convert(pending[:cut])
            pending = pending[cut:]
    if pending:
        yield convert(pending)
