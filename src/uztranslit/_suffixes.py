"""Uzbek suffixes, in both scripts, for matching a stem followed by suffixes.

Uzbek is agglutinative: a lexicon entry such as концерт / konsert must also
match концертларимизда / konsertlarimizda.  A word matches an entry when it is
the entry's stem followed by a chain of zero or more of these suffixes.  The
list holds the common nominal, possessive, case and derivational suffixes and
the particles that attach to nouns; verbal inflection is left out because the
lexicon holds nouns and adjectives borrowed from Russian.

Both directions are written out (never derived from each other).  Each row is
one suffix with what it is.
"""

from __future__ import annotations

from typing import Final

import regex

CYRILLIC_SUFFIXES: Final[tuple[str, ...]] = (
    "лар",  # plural
    "ларча",  # "in the manner of" after plural
    "им",  # 1sg possessive after a consonant
    "м",  # 1sg possessive after a vowel
    "имиз",  # 1pl possessive after a consonant
    "миз",  # 1pl possessive after a vowel; 1pl predicative
    "инг",  # 2sg possessive after a consonant
    "нг",  # 2sg possessive after a vowel
    "ингиз",  # 2pl possessive after a consonant
    "нгиз",  # 2pl possessive after a vowel
    "и",  # 3rd person possessive after a consonant
    "си",  # 3rd person possessive after a vowel
    "нинг",  # genitive
    "ни",  # accusative
    "га",  # dative
    "ка",  # dative after к
    "қа",  # dative after қ
    "да",  # locative; also the particle -da
    "дан",  # ablative
    "даги",  # locative adjective
    "ги",  # adjective of place or time
    "ки",  # adjective of place or time after к
    "гача",  # terminative
    "дек",  # similative
    "дай",  # similative
    "ча",  # diminutive, "in the manner of"
    "чалик",  # equative
    "лик",  # abstract noun
    "ли",  # "having"
    "сиз",  # "without"; 2pl predicative
    "чи",  # agent noun; also the particle -chi
    "чилик",  # abstract of agent noun
    "дош",  # "fellow"
    "гина",  # particle "only"
    "кина",  # particle "only" after к
    "қина",  # particle "only" after қ
    "дир",  # predicative "is"
    "ман",  # 1sg predicative
    "сан",  # 2sg predicative
    "ми",  # question particle
    "ку",  # emphatic particle
    "лаш",  # verb-forming
    "лаштир",  # causative verb-forming
)

LATIN_SUFFIXES: Final[tuple[str, ...]] = (
    "lar",  # plural
    "larcha",  # "in the manner of" after plural
    "im",  # 1sg possessive after a consonant
    "m",  # 1sg possessive after a vowel
    "imiz",  # 1pl possessive after a consonant
    "miz",  # 1pl possessive after a vowel; 1pl predicative
    "ing",  # 2sg possessive after a consonant
    "ng",  # 2sg possessive after a vowel
    "ingiz",  # 2pl possessive after a consonant
    "ngiz",  # 2pl possessive after a vowel
    "i",  # 3rd person possessive after a consonant
    "si",  # 3rd person possessive after a vowel
    "ning",  # genitive
    "ni",  # accusative
    "ga",  # dative
    "ka",  # dative after k
    "qa",  # dative after q
    "da",  # locative; also the particle -da
    "dan",  # ablative
    "dagi",  # locative adjective
    "gi",  # adjective of place or time
    "ki",  # adjective of place or time after k
    "gacha",  # terminative
    "dek",  # similative
    "day",  # similative
    "cha",  # diminutive, "in the manner of"
    "chalik",  # equative
    "lik",  # abstract noun
    "li",  # "having"
    "siz",  # "without"; 2pl predicative
    "chi",  # agent noun; also the particle -chi
    "chilik",  # abstract of agent noun
    "dosh",  # "fellow"
    "gina",  # particle "only"
    "kina",  # particle "only" after k
    "qina",  # particle "only" after q
    "dir",  # predicative "is"
    "man",  # 1sg predicative
    "san",  # 2sg predicative
    "mi",  # question particle
    "ku",  # emphatic particle
    "lash",  # verb-forming
    "lashtir",  # causative verb-forming
)


def _chain_pattern(suffixes: tuple[str, ...]) -> regex.Pattern[str]:
    """A pattern matching any chain of one or more of *suffixes*."""
    longest_first = sorted(suffixes, key=len, reverse=True)
    return regex.compile("(?:" + "|".join(longest_first) + ")+")


CYRILLIC_SUFFIX_CHAIN: Final = _chain_pattern(CYRILLIC_SUFFIXES)
LATIN_SUFFIX_CHAIN: Final = _chain_pattern(LATIN_SUFFIXES)


def is_cyrillic_suffix_chain(text: str) -> bool:
    """Whether lower-case Cyrillic *text* is one or more suffixes in a row."""
    return CYRILLIC_SUFFIX_CHAIN.fullmatch(text) is not None


def is_latin_suffix_chain(text: str) -> bool:
    """Whether lower-case Latin *text* is one or more suffixes in a row."""
    return LATIN_SUFFIX_CHAIN.fullmatch(text) is not None
