"""What a word is in each script, and the spans that are never converted.

Patterns are strings here and compiled once in _api.  A span that is never
converted is copied through unchanged, character for character.
"""

from __future__ import annotations

from typing import Final

import regex

from ._alphabet import APOSTROPHES, CYRILLIC_LOWER, CYRILLIC_UPPER

# A Cyrillic word: Uzbek Cyrillic letters, with й ё ў also in decomposed form
# (и/у + COMBINING BREVE, е + COMBINING DIAERESIS), as some editors and OCR write them.
CYRILLIC_WORD: Final = "(?:[иИуУ]\u0306|[еЕ]\u0308|[" + CYRILLIC_LOWER + CYRILLIC_UPPER + "])+"

# A Latin token: Latin letters (with combining marks) and apostrophe look-alikes.
MARKS: Final = "".join(sorted(APOSTROPHES))
LATIN_TOKEN: Final = f"[{MARKS}]*\\p{{Latin}}[\\p{{Latin}}\\p{{Mn}}{MARKS}]*"

# URLs and e-mail addresses, in both directions.  They stop at a Cyrillic letter, so
# that to_latin never leaves one behind (a Cyrillic domain name is converted).
URL: Final = r"(?i:(?:https?|ftp)://|www\.)[^\s<>\"«»“”\p{Cyrillic}]+"
EMAIL: Final = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"

# Software strings, Latin → Cyrillic only (Cyrillic → Latin has nothing to change in
# them): printf and Python placeholders (%s, %1$s, %(name)s, {name}, ${name}), backslash
# escapes (\n), HTML/XML tags and comments, character entities (&amp;).  A % right
# after a digit is a percent sign, not a placeholder: 15%dan is Uzbek for "than 15 %".
PRINTF: Final = (
    r"(?<![0-9])(?<![0-9] )%(?:[0-9]+\$)?[-+ #0']*(?:[0-9]+|\*)?(?:\.(?:[0-9]+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]"
)
PYTHON_NAMED: Final = r"%\([A-Za-z_][A-Za-z0-9_]*\)[-+ #0]*[0-9]*(?:\.[0-9]+)?[diouxXeEfFgGcrsa%]"
BRACES: Final = r"\$?\{[A-Za-z0-9_.:!<>^=+\-#,\[\]]*\}"
ESCAPE: Final = r"\\(?:[abfnrtv0\\'\"]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})"
TAG: Final = r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9:._-]*(?:\s[^<>]*)?/?>"
ENTITY: Final = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"

BOTH_WAYS: Final = f"{URL}|{EMAIL}"
LATIN_ONLY: Final = f"{PYTHON_NAMED}|{PRINTF}|{BRACES}|{ESCAPE}|{TAG}|{ENTITY}"

# Characters without which no protected span can occur: texts with none of them
# take the fast path that looks for words only.
BOTH_WAYS_HINTS: Final = ("//", "ww.", "WW.", "@")
LATIN_ONLY_HINTS: Final = ("%", "{", "\\", "<", "&")

# A Roman numeral (XX, XIX, IV): Cyrillic Uzbek text writes these in Latin letters too.
ROMAN_NUMERAL: Final = regex.compile(
    r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
)


def is_roman_numeral(word: str, followed_by: str) -> bool:
    """Whether a Latin *word* is a Roman numeral, kept in Latin letters in Cyrillic.

    A single letter is a numeral only if it is I, V or X not followed by a full stop:
    I. Karimov and D. Batpenov are initials, and a lone D, L, C or M is a letter.
    """
    if ROMAN_NUMERAL.fullmatch(word) is None:
        return False
    return len(word) > 1 or (word in "IVX" and followed_by != ".")
