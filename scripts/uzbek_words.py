"""Uzbek words that a generated lexicon entry must leave alone, for the build scripts.

Two word lists serve as filters, and nothing of either is written to the output:

- Debian's hunspell-uz word list (uz_UZ.dic, GPL-2+): used only as a test, never as a
  source; Word lists under the GPL may be used to measure, never shipped.
- The Uzbek names of Unicode CLDR (uz.xml, uz_Cyrl.xml; Unicode-DFS-2016), paired word
  by word across the two scripts: the official spellings of country, territory,
  language and city names and of the words around them (San-Tome va Prinsipi:
  Сан-Томе ва Принсипи; Gilbert orollari: Гилберт ороллари).

An entry *rewrites* an Uzbek word when the word's Latin form (the letter rules) is the
entry's Latin stem followed by a suffix chain the entry's kind takes, and the entry
turns it into another Cyrillic spelling than the word's own: prinsip → принцип turns
Prinsipi into Принципи where CLDR writes Принсипи.
"""

from __future__ import annotations

import bisect
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from uztranslit._alphabet import APOSTROPHE_LETTER, CYRILLIC_LETTERS, LATIN_LETTERS, TURNED_COMMA
from uztranslit._cyrillic_to_latin import word_to_latin
from uztranslit._latin_to_cyrillic import classify_marks, word_to_cyrillic
from uztranslit._lexicon import StemDict, is_latin_chain_for

NO_LEXICON: dict[str, str] = {}
# What CLDR's Uzbek Latin writes for oʻ and gʻ, read as the letter ʻ.
CLDR_MARKS = str.maketrans({"‘": TURNED_COMMA, "'": TURNED_COMMA, "’": TURNED_COMMA})
MARKS = (TURNED_COMMA, APOSTROPHE_LETTER)


def rules_latin(word: str) -> str:
    return word_to_latin(word, NO_LEXICON)


def rules_cyrillic(latin: str) -> str:
    return word_to_cyrillic(latin, NO_LEXICON)


def read_dic(path: Path) -> Iterator[tuple[str, str]]:
    """(word, affix flags) of a hunspell .dic file (first line is a count)."""
    with path.open(encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            word, _, flags = line.strip().partition("/")
            if word:
                yield word, flags


class UzbekWords:
    """The words of the Uzbek list, sorted, for asking which start with a given stem."""

    def __init__(self, words: Iterable[str]) -> None:
        self.sorted = sorted({word.lower() for word in words})

    def starting_with(self, stem: str) -> Iterator[str]:
        index = bisect.bisect_left(self.sorted, stem)
        while index < len(self.sorted) and self.sorted[index].startswith(stem):
            yield self.sorted[index]
            index += 1


class UzbekReadings:
    """Uzbek words by their Latin form, sorted, for asking which an entry rewrites."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        """*pairs*: (Cyrillic word, its Latin form), in any case."""
        self.sorted = sorted({(latin.lower(), cyrillic.lower()) for cyrillic, latin in pairs})

    def __len__(self) -> int:
        return len(self.sorted)

    def rewritten(
        self, word: str, latin: str, kind: str, own: tuple[str, ...], *, suffixes: bool = True
    ) -> Iterator[str]:
        """The words whose Latin form is *latin* + a chain *kind* takes (without
        *suffixes*: *latin* alone), which the entry latin → *word* converts into
        something else; a word that starts with one of *own* (the entry's own
        spellings) does not count."""
        table = StemDict({latin: word}, {latin: kind} if kind else {})
        index = bisect.bisect_left(self.sorted, (latin, ""))
        while index < len(self.sorted) and self.sorted[index][0].startswith(latin):
            found_latin, found = self.sorted[index]
            index += 1
            rest = found_latin[len(latin) :]
            if rest and not (suffixes and is_latin_chain_for(kind, rest)):
                continue
            if word_to_cyrillic(found_latin, table) != found and not found.startswith(own):
                yield found


def dic_readings(path: Path) -> UzbekReadings:
    """The words of a hunspell .dic list with their Latin forms by the rules."""
    words = {word.lower() for word, _ in read_dic(path)}
    return UzbekReadings((word, rules_latin(word)) for word in words if is_cyrillic_word(word))


def is_cyrillic_word(word: str) -> bool:
    return len(word) > 1 and all(char in CYRILLIC_LETTERS for char in word)


def cldr_names(path: Path) -> dict[str, str]:
    """Display names (territories, languages, cities) of a CLDR locale file by their key."""
    root = ET.parse(path).getroot()
    names = {}
    for kind in ("territory", "language"):
        for element in root.iter(kind):
            if element.get("alt") is None and element.text:
                names[f"{kind}:{element.get('type')}"] = element.text
    for zone in root.iter("zone"):
        city = zone.find("exemplarCity")
        if city is not None and city.text:
            names[f"city:{zone.get('type')}"] = city.text
    return names


def cldr_texts(path: Path) -> dict[str, str]:
    """Every text of a CLDR locale file (names, months, units, time zones …) by its
    path of element names and attributes."""
    texts = {}

    def walk(element: ET.Element, path: str) -> None:
        key = f"{path}/{element.tag}{sorted(element.attrib.items())}"
        if element.text and element.text.strip():
            texts[key] = element.text
        for child in element:
            walk(child, key)

    walk(ET.parse(path).getroot(), "")
    return texts


def read_cldr_pairs(folder: Path, *, names_only: bool = True) -> Iterator[tuple[str, str]]:
    """(Cyrillic word, Latin word) of the names uz.xml and uz_Cyrl.xml both give (or
    every text, without *names_only*), paired word by word where both have as many
    words."""
    read = cldr_names if names_only else cldr_texts
    latin = read(folder / "uz.xml")
    cyrillic = read(folder / "uz_Cyrl.xml")
    for key in sorted(latin.keys() & cyrillic.keys()):
        latin_words = latin[key].translate(CLDR_MARKS).replace("-", " ").split()
        cyrillic_words = cyrillic[key].replace("-", " ").split()
        if len(latin_words) != len(cyrillic_words):
            continue
        for latin_word, cyrillic_word in zip(latin_words, cyrillic_words, strict=True):
            lat = latin_word.strip('()«»,.:;!?“”"')
            lat = classify_marks(lat).body if any(c in LATIN_LETTERS for c in lat) else ""
            cyr = cyrillic_word.strip('()«»,.:;!?“”"')
            if lat and is_cyrillic_word(cyr) and all(c in LATIN_LETTERS or c in MARKS for c in lat):
                yield cyr, lat


def cldr_readings(folder: Path) -> UzbekReadings:
    """CLDR's word pairs that are one word in both scripts (the rules' Latin form of
    the Cyrillic word is the Latin word; not oʻzbek and ўзбекча)."""
    pairs = read_cldr_pairs(folder, names_only=False)
    return UzbekReadings((c, lat) for c, lat in pairs if rules_latin(c.lower()) == lat.lower())
