"""Which script a text is written in, by counting the letters of its prose.

Letters in markup and code are not counted: an HTML page's tags, its scripts and
styles, URLs, e-mail addresses, entities and code-like tokens (dataLayer.push,
font_size, getElementById) are Latin whatever the page's language, and would
outvote a short Cyrillic text.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable
from typing import Final, NamedTuple

from . import _new_latin
from ._alphabet import APOSTROPHES, CYRILLIC_LETTERS, LATIN_LETTERS
from ._options import Script, check_text
from ._patterns import Lazy

# <script> and <style> elements with their contents (to the end if not closed), then
# comments and any other tag with its attributes.
_MARKUP: Final = Lazy(
    r"(?is)"  # any case; . takes line breaks too
    r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|</?[A-Za-z!?][^<>]*>"
)
# Character entities: &nbsp; &laquo;
_ENTITY: Final = Lazy(r"&[A-Za-z][A-Za-z0-9]{1,31};")
# What \bwww\.\S* (any case) finds, written to start with the w's, which re finds at C
# speed where a pattern that starts with \b is tried at every character.
_WWW: Final = Lazy(r"[wW][wW][wW]\.(?<=\b....)\S*")
# E-mail addresses.
_EMAIL: Final = Lazy(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A URL's scheme: a letter, then these (RFC 3986); and what follows its ://.
_SCHEME_LETTERS: Final = frozenset(string.ascii_letters)
_SCHEME: Final = _SCHEME_LETTERS.union(string.digits, "+.-")
_URL_REST: Final = Lazy(r"\S*")


def without_urls(text: str) -> str:
    """*text* with each URL that has a scheme replaced by a space: what
    ``[A-Za-z][A-Za-z0-9+.-]*://\\S*`` replaces, found from each :// (a C search)
    and its scheme read backwards, where that pattern is tried at every letter."""
    pieces: list[str] = []
    position = 0  # the end of the last URL, at a space: no scheme reaches back past it
    colon = text.find("://")
    while colon != -1:
        start = colon
        while start and text[start - 1] in _SCHEME:
            start -= 1
        while start < colon and text[start] not in _SCHEME_LETTERS:
            start += 1  # a scheme starts with a letter
        if start == colon:  # none: not a URL here
            colon = text.find("://", colon + 1)
            continue
        end = _URL_REST().match(text, colon + 3).end()  # type: ignore[union-attr]
        pieces.append(text[position:start])
        pieces.append(" ")
        position = end
        colon = text.find("://", end)
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def spaced_out(pattern: Lazy, text: str) -> str:
    """*text* with each match of *pattern* replaced by a space."""
    return pattern().sub(" ", text)


# Each is removed before letters are counted, if the text can hold it (its trigger):
# markup, entities, URLs with or without a scheme, e-mail addresses.
_NOT_PROSE: Final[tuple[tuple[str, Callable[[str], str]], ...]] = (
    ("<", functools.partial(spaced_out, _MARKUP)),
    ("&", functools.partial(spaced_out, _ENTITY)),
    ("://", without_urls),
    ("www.", functools.partial(spaced_out, _WWW)),
    ("@", functools.partial(spaced_out, _EMAIL)),
)
# Code-like tokens: dotted names (dataLayer.push, window.location), names with an
# underscore (font_size, __init__) and camelCase names (getElementById).  Found from
# what gives them away (code_hints), so that prose, which has none, is searched at C
# speed.
_UNDERSCORE: Final = Lazy("_")
_CAMEL_CASE: Final = Lazy("[A-Z](?<=[a-z][A-Z])")  # found at the capital
_DOTTED: Final = Lazy(r"\.(?<=[\w$]\.)(?=[A-Za-z_$])")  # found at the dot
_NAME_REST: Final = Lazy(r"[\w$.]*")
_NAME_CHARACTERS: Final = frozenset("_$.")


def code_hints(text: str) -> list[int]:
    """Where each sign of a code-like token starts, in order: an underscore, a lower
    case letter before a capital, a name's character before a dot and a letter (a
    scan each, each starting with a rare character)."""
    starts = [found.start() for found in _UNDERSCORE().finditer(text)]
    starts += [found.start() - 1 for found in _CAMEL_CASE().finditer(text)]
    starts += [found.start() - 1 for found in _DOTTED().finditer(text)]
    return sorted(starts)


def without_code(text: str) -> str:
    """*text* with each code-like token replaced by a space."""
    pieces: list[str] = []
    position = 0
    for hint in code_hints(text):
        if hint < position:  # inside the token just removed
            continue
        start = hint
        while start > position and (
            text[start - 1].isalnum() or text[start - 1] in _NAME_CHARACTERS
        ):
            start -= 1
        pieces.append(text[position:start])
        pieces.append(" ")
        position = _NAME_REST().match(text, hint).end()  # type: ignore[union-attr]
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def prose(text: str) -> str:
    """*text* without markup, URLs, e-mail addresses and code-like tokens."""
    for trigger, removed in _NOT_PROSE:
        if trigger in text:
            text = removed(text)
    return without_code(text)


def detect_script(text: str, /) -> Script | None:
    """Which Uzbek script has more letters in *text*: "cyrillic", "latin", "new-latin" or None.

    Letters in tags, scripts, styles, URLs, e-mail addresses and code-like tokens
    are not counted.  Latin text is "new-latin" when it has more of ş ç ö ğ than
    of the 1995 letters they replace (sh ch oʻ gʻ).  None means no Uzbek letters
    at all, or as many Cyrillic as Latin ones.

    >>> detect_script("date 2025-10-15 Қозоғистонлик шифокорлар")
    'cyrillic'
    >>> detect_script("Öqituvçilar kengaşi")
    'new-latin'
    >>> detect_script('<p class="lead">Салом</p><script>dataLayer.push({})</script>')
    'cyrillic'
    """
    check_text("detect_script", text)
    text = prose(text)
    units = code_units(text)
    cyrillic = letters_in(units, _CYRILLIC)
    new = letters_in(units, _NEW_LETTERS)
    latin = letters_in(units, _LATIN) + new
    if cyrillic > latin:
        return "cyrillic"
    if latin > cyrillic:
        return "new-latin" if new and new > _old_latin_letters(text) else "latin"
    return None


class CodeUnits(NamedTuple):
    """A text's UTF-16 code units, their low bytes and their high bytes apart."""

    low: bytes
    high: bytes


def code_units(text: str) -> CodeUnits:
    """*text* as CodeUnits (a lone surrogate is a code unit like any other)."""
    data = text.encode("utf-16-le", "surrogatepass")
    return CodeUnits(data[0::2], data[1::2])


# An alphabet for letters_in: for each high byte its letters share, a bytes.translate
# table that marks that high byte, and one that marks their low bytes.
Alphabet = tuple[tuple[bytes, bytes], ...]


def alphabet(letters: Iterable[str]) -> Alphabet:
    """*letters* (of the Basic Multilingual Plane) as an Alphabet."""
    lows: dict[int, set[int]] = {}
    for letter in letters:
        lows.setdefault(ord(letter) >> 8, set()).add(ord(letter) & 0xFF)
    return tuple(
        (
            bytes(0xFF if byte == high else 0 for byte in range(256)),
            bytes(1 if byte in low else 0 for byte in range(256)),
        )
        for high, low in sorted(lows.items())
    )


def letters_in(units: CodeUnits, letters: Alphabet) -> int:
    """How many of *letters* the text of *units* holds, as str.count would count them
    letter by letter: for each high byte, the code units with that high byte and one
    of its letters' low bytes, as the bits set in two masks ANDed, each made in C."""
    total = 0
    for high, low in letters:
        mask = int.from_bytes(units.high.translate(high), "little")
        total += (mask & int.from_bytes(units.low.translate(low), "little")).bit_count()
    return total


_CYRILLIC: Final = alphabet(CYRILLIC_LETTERS)
_LATIN: Final = alphabet(LATIN_LETTERS)
_NEW_LETTERS: Final = alphabet(_new_latin.NEW_ALPHABET_LETTERS)


def _old_latin_letters(text: str) -> int:
    """How many sh, ch, oʻ, gʻ (any apostrophe look-alike) *text* has: the sum of
    str.count of each pair, in one pass (no two pairs overlap: none ends with a
    letter a pair starts with)."""
    return len(_OLD_LATIN_PAIRS().findall(text))


# sh ch oʻ gʻ in every case and with every apostrophe look-alike (_old_latin_letters).
_OLD_LATIN_PAIRS: Final = Lazy(
    "sh|Sh|SH|ch|Ch|CH|[oOgG][" + "".join(map(re.escape, sorted(APOSTROPHES))) + "]"
)
