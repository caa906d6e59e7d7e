"""Which script a text is written in, by counting its letters."""

from __future__ import annotations

from . import _new_latin
from ._alphabet import APOSTROPHES, CYRILLIC_LETTERS, LATIN_LETTERS
from ._options import Script, check_text


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
