"""The two Uzbek alphabets, defined once.

Every other module takes its notion of "an Uzbek letter" from here, and the
tests check these definitions directly.  The rules themselves are written
out in docs/rules.md.
"""

from __future__ import annotations

from typing import Final

# The Uzbek Cyrillic alphabet (1940 and after), lower case, plus щ and ы, which
# Uzbek Cyrillic text keeps in Russian words and which the 1995 annex converts.
CYRILLIC_LOWER: Final = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ"
CYRILLIC_UPPER: Final = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЎҚҒҲ"
CYRILLIC_LETTERS: Final = frozenset(CYRILLIC_LOWER + CYRILLIC_UPPER)

# Cyrillic vowels: after these е is written "ye" and ц is "ts" (rules.md: е, ц).
CYRILLIC_VOWELS: Final = frozenset("аеёиоуэюяўы")

# The letters of the 1995 Uzbek Latin alphabet as they appear in text.  c only
# occurs in the digraph ch, but it is still a letter of the alphabet; the
# apostrophe letters oʻ, gʻ and the tutuq ʼ are handled as marks (see
# APOSTROPHES) because real text writes them with many look-alikes.
LATIN_LOWER: Final = "abcdefghijklmnopqrstuvxyz"
LATIN_UPPER: Final = "ABCDEFGHIJKLMNOPQRSTUVXYZ"
LATIN_LETTERS: Final = frozenset(LATIN_LOWER + LATIN_UPPER)

# Latin vowels: e after these (or at the start of a word) is Cyrillic э.
LATIN_VOWELS: Final = frozenset("aeiou")

# Canonical apostrophe letters used internally and in the default output.
TURNED_COMMA: Final = "\u02bb"  # ʻ  MODIFIER LETTER TURNED COMMA: oʻ, gʻ
APOSTROPHE_LETTER: Final = "\u02bc"  # ʼ  MODIFIER LETTER APOSTROPHE: the tutuq

# Every character that real Latin Uzbek text uses for oʻ, gʻ and the tutuq.
# The same characters also serve as quotation marks, so which one a mark is
# depends on where it stands (see _latin_to_cyrillic.classify_marks).
APOSTROPHES: Final = frozenset(
    (
        "'",  # U+0027 APOSTROPHE, by far the most common on the web
        "`",  # U+0060 GRAVE ACCENT
        "\u2018",  # ‘ LEFT SINGLE QUOTATION MARK, news sites and BGN/PCGN for oʻ gʻ
        "\u2019",  # ’ RIGHT SINGLE QUOTATION MARK, news sites for the tutuq
        "\u02bb",  # ʻ MODIFIER LETTER TURNED COMMA, the recommended oʻ gʻ
        "\u02bc",  # ʼ MODIFIER LETTER APOSTROPHE, the recommended tutuq
        "\u00b4",  # ´ ACUTE ACCENT
        "\u02b9",  # ʹ MODIFIER LETTER PRIME
        "\u02bd",  # ʽ MODIFIER LETTER REVERSED COMMA
        "\u2032",  # ′ PRIME
        "\uff07",  # ＇ FULLWIDTH APOSTROPHE, from East Asian input methods
    )
)


def is_uzbek_letter(char: str) -> bool:
    """Whether *char* is a letter of the Uzbek Cyrillic or Latin alphabet.

    Apostrophe look-alikes are not letters by this definition: on their own
    they are punctuation, and they only become part of a letter next to one.
    """
    return char in CYRILLIC_LETTERS or char in LATIN_LETTERS


# The one letter whose lower case is longer than itself: U+0130 İ becomes i + U+0307.
_LONGER_IN_LOWER_CASE: Final = "\u0130"


def lower_in_place(text: str) -> str:
    """*text* in lower case, one character for one, so that indexes still match.

    str.lower() turns U+0130 İ (Turkish, Azerbaijani) into two characters; İ is
    kept as it is instead, a letter of its own that is never an Uzbek letter.
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(char if char in _LONGER_IN_LOWER_CASE else char.lower() for char in text)
