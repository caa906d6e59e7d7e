"""The 2026 Latin alphabet (ş ç ö ğ) as a third script, in one table.

Since 2021 drafts have replaced the 1995 digraphs and apostrophe letters with single
letters; in September 2026 the Senate was reported to have approved a version with
Ş Ç Ö Ğ, awaiting signature (docs/new-latin.md).  Everything else (ng, ye yo yu ya, the
tutuq ʼ) stays as in 1995, so the new alphabet is the 1995 Latin with four letters
rewritten: converting to or from it goes through 1995 Latin, and every context rule
and lexicon entry of the 1995 directions applies unchanged.

If the signed law differs, NEW_LETTERS and OLD_LETTERS are the lines to change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ._alphabet import APOSTROPHE_LETTER, TURNED_COMMA
from ._latin_to_cyrillic import classify_marks, is_foreign
from ._patterns import Lazy

# 1995 Latin → 2026 Latin, lower case (the capitals follow their case).
NEW_LETTERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "sh": "ş",  # ш: U+015F LATIN SMALL LETTER S WITH CEDILLA
        "ch": "ç",  # ч: U+00E7 LATIN SMALL LETTER C WITH CEDILLA
        "o" + TURNED_COMMA: "ö",  # ў: U+00F6 LATIN SMALL LETTER O WITH DIAERESIS
        "g" + TURNED_COMMA: "ğ",  # ғ: U+011F LATIN SMALL LETTER G WITH BREVE
    }
)

# 2026 Latin → 1995 Latin, lower case: the same pairs, written out the other way.
OLD_LETTERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ş": "sh",  # ш
        "ç": "ch",  # ч
        "ö": "o" + TURNED_COMMA,  # ў
        "ğ": "g" + TURNED_COMMA,  # ғ
    }
)

# What keyboards and earlier drafts type for the new letters, read as the letter meant.
LOOK_ALIKES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ș": "ş",  # U+0219 s with comma below (Romanian keyboards)
        "Ș": "Ş",  # U+0218
        "ǧ": "ğ",  # U+01E7 g with caron
        "Ǧ": "Ğ",  # U+01E6
        "ḡ": "ğ",  # U+1E21 g with macron (an earlier draft)
        "Ḡ": "Ğ",  # U+1E20
        "ō": "ö",  # U+014D o with macron (an earlier draft)
        "Ō": "Ö",  # U+014C
        "õ": "ö",  # U+00F5 o with tilde (an earlier draft)
        "Õ": "Ö",  # U+00D5
        "ı": "i",  # U+0131 dotless i (Turkish and Azerbaijani keyboards)
        "İ": "I",  # U+0130 capital I with dot above (Turkish and Azerbaijani keyboards)
    }
)
_LOOK_ALIKES: Final = str.maketrans(dict(LOOK_ALIKES))
# A letter with combining marks; composed only into one of these (s + cedilla → ş).
_DECOMPOSED_LETTER: Final = Lazy("[A-Za-z][\u0300-\u036f]+")
_COMPOSABLE: Final = frozenset("şçöğŞÇÖĞ").union(LOOK_ALIKES)

# The letters, both cases, that mark a text as written in the new alphabet.
NEW_ALPHABET_LETTERS: Final = frozenset("şçöğŞÇÖĞ")


def read_look_alikes(text: str) -> str:
    """Compose decomposed new letters (s + cedilla …) and read keyboard look-alikes.

    Only a letter and combining marks that compose into a new letter or a look-alike
    are composed; any other (a foreign e + acute) stays as written, byte for byte.
    """
    if any("\u0300" <= char <= "\u036f" for char in text):
        text = _DECOMPOSED_LETTER().sub(_composed_if_new_letter, text)
    return text.translate(_LOOK_ALIKES)


def _composed_if_new_letter(found: re.Match[str]) -> str:
    composed = unicodedata.normalize("NFC", found.group())
    return composed if composed in _COMPOSABLE else found.group()


def to_old_latin_token(token: str) -> str:
    """A 2026 Latin token read in the 1995 alphabet, or as written if it is foreign.

    A token that is not Uzbek even when read so (Çüş, cafe + U+0301) stays exactly
    as written, like any foreign word: it is not re-spelled or normalised.
    """
    read = to_old_latin_text(token)
    if read != token and is_foreign(classify_marks(read).body):
        return token
    return read


_S_BEFORE_H: Final = Lazy("(?<=[sS])(?=[hH])")
_NEW_CAPITALS: Final = Lazy("[ŞÇÖĞ]")


def to_old_latin_text(text: str) -> str:
    """*text* (a token, or tokens joined by newlines) with look-alikes read
    (read_look_alikes) and rewritten in the 1995 alphabet (to_old_latin_word)."""
    return to_old_latin_word(read_look_alikes(text))


def _old_capital(found: re.Match[str]) -> str:
    """A capital new letter in 1995 Latin, in capitals if all capitals (_upper_in_context)."""
    old = OLD_LETTERS[found[0].lower()]
    return old.upper() if _upper_in_context(found.string, found.start(), 1) else old.capitalize()


def _upper_in_context(word: str, i: int, width: int) -> bool:
    """Whether a capital at word[i:i+width] is all capitals (rule 79): SH, not Sh; and
    so is the last capital of an abbreviation before a lower-case suffix (AQŞda →
    AQSHda), as _cyrillic_to_latin.case_of_segment writes АҚШда."""
    following = word[i + width : i + width + 1]
    previous = word[i - 1 : i] if i else ""
    if following.isalpha() and not following.isupper() and previous.isupper():
        return True
    neighbour = following if following.isalpha() else previous
    return neighbour.isupper()


def to_new_latin_word(word: str) -> str:
    """Rewrite a 1995 Latin word (canonical ʻ ʼ) in the 2026 alphabet; or many words
    joined by newlines, as the converter's word path joins them.

    sh ch oʻ gʻ become ş ç ö ğ, a capital when the pair's first letter is one (SH and
    Sh → Ş); sʼh, which 1995 spells so that it is not read as sh, becomes plain sh,
    since ş now stands for ш (Isʼhoq → Ishoq).  No two of these overlap (none ends
    with a letter another starts with), so replacing each everywhere reads a word as
    going through it letter by letter does; sʼh goes last, or its sh would be ş.
    """
    for pair, new in NEW_LETTERS.items():
        first, second = pair[0], pair[1]
        for start, letter in ((first, new), (first.upper(), new.upper())):
            for end in {second, second.upper()}:
                word = word.replace(start + end, letter)
    if APOSTROPHE_LETTER in word:
        for start, end in (("s", "h"), ("s", "H"), ("S", "h"), ("S", "H")):
            word = word.replace(start + APOSTROPHE_LETTER + end, start + end)
    return word


def to_old_latin_word(word: str) -> str:
    """Rewrite a 2026 Latin word in the 1995 alphabet (canonical ʻ ʼ); or many words
    joined by newlines, as the converter's fast path joins a text's tokens.

    ş ç ö ğ become sh ch oʻ gʻ, in capitals when the next letter is one (ŞAHAR
    → SHAHAR, Şahar → Shahar); a plain s before h becomes sʼh (Ishoq → Isʼhoq),
    before any ş becomes sh.
    """
    if "h" in word or "H" in word:
        word = _S_BEFORE_H().sub(APOSTROPHE_LETTER, word)
    if _NEW_CAPITALS().search(word) is not None:
        word = _NEW_CAPITALS().sub(_old_capital, word)
    for new, old in OLD_LETTERS.items():
        word = word.replace(new, old)
    return word
