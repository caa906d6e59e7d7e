"""Orthographic conventions that change characters other than letters (opt-in).

By default the library changes letters only.  These conventions of the 1995 Latin
rules also move hyphens and quotation marks, so they are options, off by default
(docs/rules.md, "Dates, particles, quotation marks"):

- ``dates``: a year or a day before the word for year or a month takes a hyphen in
  Latin (2025 йил → 2025-yil, 15 октябрь → 15-oktabr) and loses it in Cyrillic.
- ``particles``: the particles -da, -chi, -ku, -yu are written with a hyphen in
  Latin (бўлсада → boʻlsa-da, кечаю кундуз → kecha-yu kunduz) and joined in
  Cyrillic.  Cyrillic → Latin only splits them off where they cannot be a suffix
  (the locative -да of уйда and нарсада stays): -да and -чи after the conditional
  -са and its persons, -ку after the past -ди and -ган forms, -ю after -са, -ди or a
  vowel.
- ``quotes``: Cyrillic «…» and „…“ become Latin “…”, and Latin “…” becomes «…».

Each is applied to the text before its letters are converted; letters are never
touched here, so conversion of the letters is the same with or without them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final

import regex

_MONTHS_CYRILLIC: Final = "январ|феврал|март|апрел|май|июн|июл|август|сентябр|октябр|ноябр|декабр"
_MONTHS_LATIN: Final = (
    "yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentabr|sentyabr|oktabr|oktyabr|noyabr|dekabr"
)

# Letters after the word for year or a month: its endings, never this many.  The bound
# keeps what the rule reads near the date, so a stream cut far away cannot change it.
_LONGEST_ENDINGS: Final = 64

# A number, a space, and the word for year or a month (any suffixes after it).
_CYRILLIC_DATE: Final = regex.compile(
    rf"(?<=[0-9]) (?=(?i:йил|{_MONTHS_CYRILLIC})"
    rf"[\p{{Cyrillic}}]{{0,{_LONGEST_ENDINGS}}}(?![\p{{L}}]))"
)
# The same in Latin, hyphenated.
_LATIN_DATE: Final = regex.compile(
    rf"(?<=[0-9])-(?=(?i:yil|{_MONTHS_LATIN})"
    rf"[\p{{Latin}}ʻʼ'‘’`]{{0,{_LONGEST_ENDINGS}}}(?![\p{{L}}]))"
)

# A particle at the end of a Cyrillic word: found first (a quick scan), then kept only
# after the endings it follows (_PARTICLE_AFTER).
_CYRILLIC_PARTICLE: Final = regex.compile(r"(?i)(?:да|чи|ю|ку)(?![\p{Cyrillic}])")
# The run of Cyrillic letters that ends where a search (backwards) starts.
_WORD_BACKWARDS: Final = regex.compile(r"(?r)[\p{Cyrillic}]+")
_CONDITIONAL: Final = ("са", "сам", "санг", "сак", "сангиз", "салар")  # -са and its persons
_PAST: Final = ("ди", "дим", "динг", "дик", "дингиз", "дилар", "ган", "эди", "эдим", "экан")
# The endings a particle follows, after at least one more letter.
_PARTICLE_AFTER: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "да": _CONDITIONAL,  # бўлсада → бўлса-да
        "чи": _CONDITIONAL,  # борсангизчи → борсангиз-чи
        "ку": _PAST,  # борганку → борган-ку
        # no Uzbek word ends in a vowel + ю: кечаю → кеча-ю
        "ю": (*_CONDITIONAL, "ди", "а", "о", "и", "у", "э", "ў"),
    }
)
# Nouns ending in -са: their locative (нарсада "in the thing") is not a particle.
_NOUNS_IN_SA: Final = frozenset(
    (
        "нарса",  # thing
        "муассаса",  # institution
        "ҳодиса",  # event
        "хулоса",  # conclusion
        "мадраса",  # madrasa
        "масса",  # mass
        "касса",  # cash desk
        "актриса",  # actress
        "муса",  # the name Musa
        "одесса",  # Odessa
        "принцесса",  # princess
    )
)


def _split_particle(match: regex.Match[str]) -> str:
    particle = match.group()
    word = _WORD_BACKWARDS.search(match.string, 0, match.start())
    if word is None or word.end() != match.start():
        return particle
    stem = word.group().lower()
    endings = _PARTICLE_AFTER[particle.lower()]
    if not any(len(stem) > len(ending) and stem.endswith(ending) for ending in endings):
        return particle
    for person in ("м", "нг", "к", "нгиз", "лар"):
        if stem.endswith("са" + person):
            stem = stem.removesuffix(person)
            break
    if stem in _NOUNS_IN_SA or any(stem.endswith(noun) for noun in _NOUNS_IN_SA):
        return particle
    return "-" + particle


# Latin particles after a hyphen, at the end of a word.
_LATIN_PARTICLE: Final = regex.compile(
    r"(?i)(?<=[\p{Latin}ʻʼ'‘’`])-(?=(?:da|chi|ku|yu|u)(?![\p{L}ʻʼ'‘’`]))"
)

# Quotation marks, one pair a row (str.replace, which is many times faster than
# str.translate on text that is not ASCII).
_QUOTES_TO_LATIN: Final = (
    ("«", "“"),  # opening guillemet
    ("»", "”"),  # closing guillemet
    ("„", "“"),  # low opening quotation mark
)
_QUOTES_TO_CYRILLIC: Final = (
    ("“", "«"),  # opening quotation mark
    ("”", "»"),  # closing quotation mark
)


def dates_to_latin(text: str) -> str:
    """2025 йил → 2025-йил (letters are converted afterwards)."""
    return _CYRILLIC_DATE.sub("-", text)


def dates_to_cyrillic(text: str) -> str:
    """2025-yil → 2025 yil (letters are converted afterwards)."""
    return _LATIN_DATE.sub(" ", text)


def particles_to_latin(text: str) -> str:
    """бўлсада → бўлса-да; нарсада ("in the thing") stays."""
    return _CYRILLIC_PARTICLE.sub(_split_particle, text)


def particles_to_cyrillic(text: str) -> str:
    """boʻlsa-da → boʻlsada, kecha-yu → kechayu."""
    return _LATIN_PARTICLE.sub("", text)


def quotes_to_latin(text: str) -> str:
    """«…» and „…“ → “…”."""
    return _replaced(text, _QUOTES_TO_LATIN)


def quotes_to_cyrillic(text: str) -> str:
    """“…” → «…»."""
    return _replaced(text, _QUOTES_TO_CYRILLIC)


def _replaced(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


TO_LATIN: Final[Mapping[str, Callable[[str], str]]] = MappingProxyType(
    {
        "dates": dates_to_latin,  # 2025 йил → 2025-yil
        "particles": particles_to_latin,  # бўлсада → boʻlsa-da
        "quotes": quotes_to_latin,  # «» → “”
    }
)
TO_CYRILLIC: Final[Mapping[str, Callable[[str], str]]] = MappingProxyType(
    {
        "dates": dates_to_cyrillic,  # 2025-yil → 2025 йил
        "particles": particles_to_cyrillic,  # boʻlsa-da → бўлсада
        "quotes": quotes_to_cyrillic,  # “” → «»
    }
)
