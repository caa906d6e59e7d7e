"""Cyrillic → Latin, one word at a time, by the 1995 rules.

A word is a maximal run of Uzbek Cyrillic letters (see _alphabet).  Each
letter becomes a Latin *segment* chosen from the table or by the context rule
for that letter; the case of each segment then follows the rules for
capitals.  Rule references are to docs/rules.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ._alphabet import APOSTROPHE_LETTER, CYRILLIC_VOWELS, TURNED_COMMA
from ._lexicon import match_cyrillic_stem
from ._suffixes import LONGEST_CHAIN, is_cyrillic_inflection_chain

TUTUQ: Final = APOSTROPHE_LETTER

# Letters whose Latin form does not depend on context
# (docs/rules.md, "Letters that map one to one").
LETTERS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "а": "a",  # one to one
        "б": "b",  # one to one
        "в": "v",  # one to one
        "г": "g",  # one to one
        "д": "d",  # one to one
        "ж": "j",  # one to one
        "з": "z",  # one to one
        "и": "i",  # one to one
        "й": "y",  # one to one
        "к": "k",  # one to one
        "л": "l",  # one to one
        "м": "m",  # one to one
        "н": "n",  # one to one
        "о": "o",  # one to one
        "п": "p",  # one to one
        "р": "r",  # one to one
        "т": "t",  # one to one
        "у": "u",  # one to one
        "ф": "f",  # one to one
        "х": "x",  # one to one
        "ч": "ch",  # digraph
        "ш": "sh",  # digraph
        "щ": "sh",  # Russian-only: община → obshina (мещан → meshshan is in the lexicon)
        "ы": "i",  # Russian-only: вымпел → vimpel
        "э": "e",  # always e: эркин → erkin
        "ў": "o" + TURNED_COMMA,  # oʻ
        "қ": "q",  # one to one
        "ғ": "g" + TURNED_COMMA,  # gʻ
        "ҳ": "h",  # one to one
        "ё": "yo",  # always yo; loanword exceptions live in the lexicon
        "ю": "yu",  # always yu; loanword exceptions live in the lexicon
        "я": "ya",  # always ya; loanword exceptions live in the lexicon
    }
)

SOFTENED_VOWELS: Final = frozenset("еёюя")  # take a y-form after ъ and ь
BROAD_VOWELS: Final = frozenset("аоуи")  # ь before these is written y


def e_rule(word: str, i: int) -> str:
    """е is ye at the start, after a vowel and after ъ/ь; else e (rules.md: е).

    ер → yer, поезд → poyezd, съезд → syezd, пьеса → pyesa, келин → kelin.
    """
    if i == 0 or word[i - 1] in CYRILLIC_VOWELS or word[i - 1] in "ъь":
        return "ye"
    return "e"


def ts_rule(word: str, i: int) -> str:
    """ц is s at the start, at the end, after a consonant; ts after a vowel (rules.md: ц).

    цирк → sirk, кварц → kvars, концерт → konsert, лицей → litsey.  A ц that
    ends the word before inflections counts as final: абзацни → abzasni.
    """
    if i == 0 or word[i - 1] not in CYRILLIC_VOWELS:
        return "s"
    rest = word[i + 1 : i + 2 + LONGEST_CHAIN]  # enough to tell; keeps long runs linear
    if not rest or is_cyrillic_inflection_chain(rest):
        return "s"
    return "ts"


def hard_sign_rule(word: str, i: int) -> str:
    """ъ is the tutuq ʼ, dropped after ў and in Russian words (rules.md: ъ).

    маъно → maʼno, санъат → sanʼat, мўъжиза → moʻjiza; съезд → syezd,
    адъютант → adyutant (after a consonant, before е ё ю я: Russian).
    """
    previous = word[i - 1] if i > 0 else ""
    following = word[i + 1] if i + 1 < len(word) else ""
    if previous == "ў":
        return ""
    if previous and previous not in CYRILLIC_VOWELS and following in SOFTENED_VOWELS:
        return ""
    return TUTUQ


def soft_sign_rule(word: str, i: int) -> str:
    """ь is dropped, but written y before а о у и (rules.md: ь).

    апрель → aprel, пьеса → pyesa (е takes the y), павильон → pavilyon.
    """
    following = word[i + 1] if i + 1 < len(word) else ""
    return "y" if following in BROAD_VOWELS else ""


def s_before_h_rule(word: str, i: int) -> str:
    """с before ҳ is sʼ so that sʼh is not read as sh (rule 17; rules.md: сҳ): Исҳоқ → Isʼhoq."""
    following = word[i + 1] if i + 1 < len(word) else ""
    return "s" + TUTUQ if following == "ҳ" else "s"


CONTEXT_RULES: Final = MappingProxyType(
    {
        "е": e_rule,  # ye / e
        "ц": ts_rule,  # s / ts
        "ъ": hard_sign_rule,  # ʼ / nothing
        "ь": soft_sign_rule,  # y / nothing
        "с": s_before_h_rule,  # sʼ / s
    }
)


def letter_to_latin(word: str, i: int) -> str:
    """The Latin segment for the lower-case letter word[i], in context."""
    rule = CONTEXT_RULES.get(word[i])
    if rule is not None:
        return rule(word, i)
    return LETTERS[word[i]]


def case_of_segment(original: str, i: int, segment: str) -> str:
    """Give *segment* the case of original[i] and its neighbours (rule 79; rules.md: capitals).

    A capital whose segment has several letters is all capitals when the
    next letter (or, at the end, the previous one) is a capital: ШАҲАР →
    SHAHAR, АҚШ → AQSH; otherwise it is title case: Шаҳар → Shahar, Ш. → Sh.
    """
    if not original[i].isupper():
        return segment
    if len(segment) < 2:
        return segment.upper()
    if i + 1 < len(original):
        neighbour = original[i + 1]
    elif i > 0:
        neighbour = original[i - 1]
    else:
        neighbour = ""
    if neighbour.isupper():
        return segment.upper()
    return segment[0].upper() + segment[1:]


def case_of_stem(original: str, latin: str) -> str:
    """Give a lexicon stem the case of the Cyrillic it replaces."""
    if len(original) > 1 and original.isupper():
        return latin.upper()
    if original[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def word_to_latin(word: str, lexicon: Mapping[str, str]) -> str:
    """Convert one Cyrillic word (letters only) to Latin with ʻ and ʼ."""
    lower = word.lower()
    parts: list[str] = []
    start = 0
    match = match_cyrillic_stem(lower, lexicon) if lexicon else None
    if match is not None:
        start, stem = match
        parts.append(case_of_stem(word[:start], stem))
    for i in range(start, len(word)):
        parts.append(case_of_segment(word, i, letter_to_latin(lower, i)))
    return "".join(parts)
