"""Which script a text is written in, by counting the letters of its prose.

Letters in markup and code are not counted: an HTML page's tags, its scripts and
styles, URLs, e-mail addresses, entities and code-like tokens (dataLayer.push,
font_size, getElementById) are Latin whatever the page's language, and would
outvote a short Cyrillic text.
"""

from __future__ import annotations

import re
from typing import Final

from . import _new_latin
from ._alphabet import APOSTROPHES, CYRILLIC_LETTERS, LATIN_LETTERS
from ._options import Script, check_text

# Each is removed before letters are counted, if the text can hold it (its trigger).
_NOT_PROSE: Final = (
    # <script> and <style> elements with their contents (to the end if not closed),
    # then comments and any other tag with its attributes.
    (
        "<",
        re.compile(
            r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|</?[A-Za-z!?][^<>]*>",
            re.IGNORECASE | re.DOTALL,
        ),
    ),
    # Character entities: &nbsp; &laquo;
    ("&", re.compile(r"&[A-Za-z][A-Za-z0-9]{1,31};")),
    # URLs, with or without a scheme.
    ("://", re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*")),
    ("www.", re.compile(r"\bwww\.\S*", re.IGNORECASE)),
    # E-mail addresses.
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
)
# Code-like tokens: dotted names (dataLayer.push, window.location), names with an
# underscore (font_size, __init__) and camelCase names (getElementById).  Found from
# what gives them away, so that prose, which has none, is searched at C speed.
_CODE_HINT: Final = re.compile(r"[a-z][A-Z]|_|[\w$]\.[A-Za-z_$]")
_NAME_REST: Final = re.compile(r"[\w$.]*")
_NAME_CHARACTERS: Final = frozenset("_$.")


def without_code(text: str) -> str:
    """*text* with each code-like token replaced by a space."""
    pieces: list[str] = []
    position = 0
    for hint in _CODE_HINT.finditer(text):
        if hint.start() < position:
            continue
        start = hint.start()
        while start > position and (
            text[start - 1].isalnum() or text[start - 1] in _NAME_CHARACTERS
        ):
            start -= 1
        found = _NAME_REST.match(text, hint.start())
        pieces.append(text[position:start])
        pieces.append(" ")
        position = hint.end() if found is None else max(hint.end(), found.end())
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def prose(text: str) -> str:
    """*text* without markup, URLs, e-mail addresses and code-like tokens."""
    for trigger, pattern in _NOT_PROSE:
        if trigger in text:
            text = pattern.sub(" ", text)
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
