"""Uzbek suffixes, in both scripts, for matching a stem followed by suffixes.

Uzbek is agglutinative: a lexicon entry such as концерт / konsert must also
match концертларимизда / konsertlarimizda.  A word matches an entry when it is
the entry's stem followed by a chain of zero or more of these suffixes.  The
list holds the common nominal, possessive, case and derivational suffixes and
the particles that attach to nouns; verbal inflection is left out because the
lexicon holds nouns and adjectives borrowed from Russian.

Both directions are written out (never derived from each other).  Each row is
one suffix, its kind (an inflection, which can follow any complete word, or a
derivation, which makes a new stem), and what it is.
"""

from __future__ import annotations

from typing import Final

from ._patterns import Lazy

CYRILLIC_SUFFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("лар", "inflection"),  # plural
    ("ларча", "derivation"),  # "in the manner of" after plural
    ("им", "inflection"),  # 1sg possessive after a consonant
    ("м", "inflection"),  # 1sg possessive after a vowel
    ("имиз", "inflection"),  # 1pl possessive after a consonant
    ("миз", "inflection"),  # 1pl possessive after a vowel; 1pl predicative
    ("инг", "inflection"),  # 2sg possessive after a consonant
    ("нг", "inflection"),  # 2sg possessive after a vowel
    ("ингиз", "inflection"),  # 2pl possessive after a consonant
    ("нгиз", "inflection"),  # 2pl possessive after a vowel
    ("и", "inflection"),  # 3rd person possessive after a consonant
    ("си", "inflection"),  # 3rd person possessive after a vowel
    ("нинг", "inflection"),  # genitive
    ("ни", "inflection"),  # accusative
    ("га", "inflection"),  # dative
    ("ка", "inflection"),  # dative after к
    ("қа", "inflection"),  # dative after қ
    ("да", "inflection"),  # locative; also the particle -da
    ("дан", "inflection"),  # ablative
    ("даги", "inflection"),  # locative adjective
    ("ги", "inflection"),  # adjective of place or time
    ("ки", "inflection"),  # adjective of place or time after к
    ("гача", "inflection"),  # terminative
    ("дек", "inflection"),  # similative
    ("дай", "inflection"),  # similative
    ("ча", "derivation"),  # diminutive, "in the manner of"
    ("чалик", "derivation"),  # equative
    ("лик", "derivation"),  # abstract noun
    ("ли", "derivation"),  # "having"
    ("сиз", "derivation"),  # "without"; 2pl predicative
    ("чи", "derivation"),  # agent noun; also the particle -chi
    ("чилик", "derivation"),  # abstract of agent noun
    ("дош", "derivation"),  # "fellow"
    ("гина", "inflection"),  # particle "only"
    ("кина", "inflection"),  # particle "only" after к
    ("қина", "inflection"),  # particle "only" after қ
    ("дир", "inflection"),  # predicative "is"
    ("ман", "inflection"),  # 1sg predicative
    ("сан", "inflection"),  # 2sg predicative
    ("ми", "inflection"),  # question particle
    ("ку", "inflection"),  # emphatic particle
    ("ий", "derivation"),  # relative adjective (ilmiy)
    ("роқ", "derivation"),  # comparative of an adjective (мўътадилроқ)
    ("вий", "derivation"),  # relative adjective after a vowel (maʼnaviy)
    ("ик", "derivation"),  # adjective of Russian stems in -ист (социалистик)
    ("кор", "derivation"),  # "doer of" (ижодкор)
    ("дор", "derivation"),  # "holder of" (акциядор)
    ("шунос", "derivation"),  # "-ologist" (фольклоршунос)
    ("ив", "derivation"),  # adjective of Russian stems (субъектив)
    ("изм", "derivation"),  # "-ism" of Russian stems (субъективизм)
    ("лаш", "derivation"),  # verb-forming
    ("лаштир", "derivation"),  # causative verb-forming
    ("иб", "derivation"),  # converb, after the verb-forming suffixes
    ("иш", "derivation"),  # verbal noun, after the verb-forming suffixes
    ("ган", "derivation"),  # participle, after the verb-forming suffixes
)

LATIN_SUFFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("lar", "inflection"),  # plural
    ("larcha", "derivation"),  # "in the manner of" after plural
    ("im", "inflection"),  # 1sg possessive after a consonant
    ("m", "inflection"),  # 1sg possessive after a vowel
    ("imiz", "inflection"),  # 1pl possessive after a consonant
    ("miz", "inflection"),  # 1pl possessive after a vowel; 1pl predicative
    ("ing", "inflection"),  # 2sg possessive after a consonant
    ("ng", "inflection"),  # 2sg possessive after a vowel
    ("ingiz", "inflection"),  # 2pl possessive after a consonant
    ("ngiz", "inflection"),  # 2pl possessive after a vowel
    ("i", "inflection"),  # 3rd person possessive after a consonant
    ("si", "inflection"),  # 3rd person possessive after a vowel
    ("ning", "inflection"),  # genitive
    ("ni", "inflection"),  # accusative
    ("ga", "inflection"),  # dative
    ("ka", "inflection"),  # dative after k
    ("qa", "inflection"),  # dative after q
    ("da", "inflection"),  # locative; also the particle -da
    ("dan", "inflection"),  # ablative
    ("dagi", "inflection"),  # locative adjective
    ("gi", "inflection"),  # adjective of place or time
    ("ki", "inflection"),  # adjective of place or time after k
    ("gacha", "inflection"),  # terminative
    ("dek", "inflection"),  # similative
    ("day", "inflection"),  # similative
    ("cha", "derivation"),  # diminutive, "in the manner of"
    ("chalik", "derivation"),  # equative
    ("lik", "derivation"),  # abstract noun
    ("li", "derivation"),  # "having"
    ("siz", "derivation"),  # "without"; 2pl predicative
    ("chi", "derivation"),  # agent noun; also the particle -chi
    ("chilik", "derivation"),  # abstract of agent noun
    ("dosh", "derivation"),  # "fellow"
    ("gina", "inflection"),  # particle "only"
    ("kina", "inflection"),  # particle "only" after k
    ("qina", "inflection"),  # particle "only" after q
    ("dir", "inflection"),  # predicative "is"
    ("man", "inflection"),  # 1sg predicative
    ("san", "inflection"),  # 2sg predicative
    ("mi", "inflection"),  # question particle
    ("ku", "inflection"),  # emphatic particle
    ("iy", "derivation"),  # relative adjective (ilmiy)
    ("roq", "derivation"),  # comparative of an adjective (moʻtadilroq)
    ("viy", "derivation"),  # relative adjective after a vowel (maʼnaviy)
    ("ik", "derivation"),  # adjective of Russian stems in -ist (sotsialistik)
    ("kor", "derivation"),  # "doer of" (ijodkor)
    ("dor", "derivation"),  # "holder of" (aksiyador)
    ("shunos", "derivation"),  # "-ologist" (folklorshunos)
    ("iv", "derivation"),  # adjective of Russian stems (subyektiv)
    ("izm", "derivation"),  # "-ism" of Russian stems (subyektivizm)
    ("lash", "derivation"),  # verb-forming
    ("lashtir", "derivation"),  # causative verb-forming
    ("ib", "derivation"),  # converb, after the verb-forming suffixes
    ("ish", "derivation"),  # verbal noun, after the verb-forming suffixes
    ("gan", "derivation"),  # participle, after the verb-forming suffixes
)


def _chain_pattern(suffixes: tuple[tuple[str, str], ...], *kinds: str) -> Lazy:
    """A pattern matching any chain of one or more of *suffixes* of the given kinds."""
    chosen = sorted((suffix for suffix, kind in suffixes if kind in kinds), key=len, reverse=True)
    return Lazy("(?:" + "|".join(chosen) + ")+")


CYRILLIC_SUFFIX_CHAIN: Final = _chain_pattern(CYRILLIC_SUFFIXES, "inflection", "derivation")
CYRILLIC_INFLECTION_CHAIN: Final = _chain_pattern(CYRILLIC_SUFFIXES, "inflection")
LATIN_SUFFIX_CHAIN: Final = _chain_pattern(LATIN_SUFFIXES, "inflection", "derivation")
LATIN_INFLECTION_CHAIN: Final = _chain_pattern(LATIN_SUFFIXES, "inflection")


# Real chains are short (-лар-имиз-дан-ги-ни: 14 letters).  Longer text is not
# tried: a chain pattern may backtrack exponentially on a long near-match.
LONGEST_CHAIN: Final = 20


def is_cyrillic_suffix_chain(text: str) -> bool:
    """Whether lower-case Cyrillic *text* is one or more suffixes in a row."""
    return len(text) <= LONGEST_CHAIN and CYRILLIC_SUFFIX_CHAIN().fullmatch(text) is not None


def is_cyrillic_inflection_chain(text: str) -> bool:
    """Whether lower-case Cyrillic *text* is one or more inflections (case, number,
    person, particles) in a row: what can follow a complete word."""
    return len(text) <= LONGEST_CHAIN and CYRILLIC_INFLECTION_CHAIN().fullmatch(text) is not None


def is_latin_suffix_chain(text: str) -> bool:
    """Whether lower-case Latin *text* is one or more suffixes in a row."""
    return len(text) <= LONGEST_CHAIN and LATIN_SUFFIX_CHAIN().fullmatch(text) is not None


def is_latin_inflection_chain(text: str) -> bool:
    """Whether lower-case Latin *text* is one or more inflections (case, number,
    person, particles) in a row: what can follow a complete word."""
    return len(text) <= LONGEST_CHAIN and LATIN_INFLECTION_CHAIN().fullmatch(text) is not None
