"""Rebuild src/uztranslit/lexicon_ru.tsv from Debian's Russian hunspell word list.

    apt-get download hunspell-ru hunspell-uz
    dpkg -x hunspell-ru_*.deb x && dpkg -x hunspell-uz_*.deb x
    apt-get download unicode-cldr-core && dpkg -x unicode-cldr-core_*.deb x
    python scripts/build_lexicon.py x/usr/share/hunspell/ru_RU.dic \\
        --uzbek x/usr/share/hunspell/uz_UZ.dic \\
        --cldr x/usr/share/unicode/cldr/common/main -o src/uztranslit/lexicon_ru.tsv

Loanwords in Uzbek Cyrillic are spelled as in Russian, so the Russian word list
(hunspell-ru, © Alexander I. Lebedev, BSD-style licence) is the source of the
Cyrillic spellings that the Latin letters cannot show (ь, ъ, ц, щ, ы, э, й + vowel).
For every Russian noun or name whose Latin form, read back by the letter rules
alone, does not give the Russian spelling again, one Latin → Cyrillic entry is
written (film → фильм, sanksiya → санкция). Variants that real Latin text uses
against the rules are added too (ts for ц: frantsuz; e for initial or post-vowel
е: Evgeniy, Mendeleev; e for ье: interer), so that such text still reads back right.

Each entry names its kind (docs/lexicon.md): a capitalised word is a ``name``, any
other a ``noun``, so that it takes only the suffixes its part of speech can take.

An entry is left out when it is not a word Uzbek borrows or its Latin form is
ambiguous (the counts of each test are printed, and recorded in docs/lexicon.md):

- the Russian word is listed without affix flags and is no indeclinable loan (verb
  forms, oblique cases, adverbs: допрёшься, немцем, очень; Николаевичем), or is a
  reflexive verb (говориться);
- the Russian word is an abstract noun in -ость (активность): Uzbek makes its own
  with -lik (aktivlik);
- the rules' reading of the Latin form is itself a Russian word (mel: мел, мель);
- two Russian words give the same Latin form with different spellings;
- the Russian word has ы where the rules read и (Яссы for yassi, Кызылкум): Latin
  i is an Uzbek и far more often than a Russian ы;
- the Russian word is a noun in -ец and the Latin form its rules' form in -es (перец,
  peres): that reads as a foreign name (Peres, Agnes); the -ets variant (marganets)
  is kept;
- an Uzbek word of the Uzbek word list starts with the rules' reading of the Latin
  form (mol: мол, not моль);
- the entry rewrites an Uzbek word of the list or of CLDR's Uzbek names: the
  word's Latin form is the entry's stem + a suffix chain it takes, and the entry
  gives another spelling (Gilbert: CLDR's Гилберт, not Гильберт; uzbek_words).
  For a common noun only CLDR's bare words count: prinsip + i → принципи "its
  principle" is far more frequent than Prinsipi, the island CLDR writes Принсипи.
  The Uzbek list (hunspell-uz, GPL) is used only for these tests: none of its
  words is written to the output.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from uzbek_words import (
    UzbekReadings,
    UzbekWords,
    cldr_readings,
    dic_readings,
    read_dic,
    rules_cyrillic,
    rules_latin,
)

from uztranslit._alphabet import CYRILLIC_LETTERS, CYRILLIC_VOWELS
from uztranslit._cyrillic_to_latin import letter_to_latin

# Affix flags of ru_RU.aff that mark verbs (L; B: the imperative, so одень, берись;
# M, R, U, V: verbs in -нуть, -ереть, -ечь, -лечь) and adjectives (A): such words
# are not borrowed into Uzbek as stems (Uzbek takes nouns and names), so lower-case
# words with them are skipped.  Capitalised words (names, surnames) are all kept.
NON_NOUN_FLAGS = frozenset("LABMRUV")
MIN_LATIN_LENGTH = 4  # shorter Latin forms are too often Uzbek words too
MIN_VARIANT_LENGTH = 5
MIN_BARE_LENGTH = 6  # see collides_with_uzbek
SOFT_SIGN = "ь"
SOFT_YE = "ье"  # the rules write ye; much Latin text writes e (interer, atele, Vasilev)
# Russian nouns in -ец (немец, перец): their rules' Latin form in -es reads as a
# foreign name (Peres, Agnes), while Latin text that means the noun writes -ets
# (marganets, tunets), which is kept.
RUSSIAN_ETS = "ец"
RULES_ETS = "es"
# ru_RU.dic lists without affix flags the words that do not inflect and the
# irregular forms of those that do.  Uzbek borrows only indeclinable nouns among them,
# which end in a vowel (пальто, фойе, интервью, цунами); a common word without flags
# is kept only so, and not with the endings of Russian forms that end in a vowel.
# The rest (допрёшься, немцем, бенгальцев, очень, сквозь) only risk rewriting Uzbek
# words.
LOAN_FINALS = "оеиуюэё"
NOT_LOAN_ENDINGS = (
    *("ете", "ёте", "ите", "ьте", "те", "щу", "чу", "ну", "ту", "лу", "му", "ню", "лю"),  # verbs
    *("ого", "ому", "ему", "ое", "ее", "ую", "ьми", "ими", "ями", "ками", "чами", "стами"),
    *("но", "ко", "ше", "ще", "че", "це", "не", "ки", "ку", "ке"),  # adverbs, comparatives
    *("ью", "ьи", "ьё", "ти", "цу"),  # oblique cases
)
REFLEXIVE = "ся"  # no Russian common noun ends so
# Russian abstract nouns of adjectives (активность, плотность): Uzbek makes its own
# with -lik (aktivlik, zichlik), and does not borrow them.
ABSTRACT_ENDING = "ость"
# Names: only the instrumental and genitive plural (Николаевичем, Линцем, тверцой).
INFLECTED_NAME_ENDINGS = ("ем", "ом", "ой", "цев")

HEADER = """\
# uztranslit loanword lexicon, generated by scripts/build_lexicon.py on {date}.
# DO NOT EDIT: hand-written entries go in lexicon.tsv, which overrides this file.
#
# Derived (modified) from the Russian hunspell word list ru_RU.dic of Debian's
# hunspell-ru {ru_version}: Copyright 1997-2008 Alexander I. Lebedev, All rights
# reserved; used under its BSD-style licence, reproduced in LICENSE.ru_RU.txt beside
# this file.  This is a modified version: only the Cyrillic spellings of {count}
# words are kept, each paired with its Uzbek Latin form.
#
# Format: cyrillic <TAB> latin <TAB> direction <TAB> note <TAB> kind (see docs/lexicon.md).
"""


def is_candidate(word: str, flags: str) -> bool:
    """A Russian noun or name spelled with Uzbek Cyrillic letters only."""
    if not all(char in CYRILLIC_LETTERS for char in word) or word.isupper():
        return False  # other letters, or an abbreviation
    if word[0].islower():
        # ы only occurs in Russian names in Uzbek text; common nouns with it
        # (мыс, тын) would capture Uzbek words (mis, tin).
        return not NON_NOUN_FLAGS.intersection(flags) and "ы" not in word
    return True


def variant(word: str, replace: Callable[[str, int], str | None]) -> str:
    """The rules' Latin form with some letters written as *replace* says (None: the rules)."""
    return "".join(replace(word, i) or letter_to_latin(word, i) for i in range(len(word)))


def ts_for_tse(word: str, i: int) -> str | None:
    """ц as ts everywhere, as news converters write it (frantsuz, tsirk)."""
    return "ts" if word[i] == "ц" else None


def e_for_ye(word: str, i: int) -> str | None:
    """Initial or post-vowel е as e, as names are often written (Evgeniy, Mendeleev)."""
    if word[i] == "е" and (i == 0 or word[i - 1] in CYRILLIC_VOWELS):
        return "e"
    return None


def latin_forms(word: str, capitalised: bool) -> dict[str, str]:
    """Latin form → note, for the rules' form and the variants of real text."""
    latin = rules_latin(word)
    forms = {latin: ""}
    if len(word) >= MIN_VARIANT_LENGTH:
        if "ц" in word:
            forms.setdefault(variant(word, ts_for_tse), "variant: ц as ts")
        if capitalised and "е" in word:
            forms.setdefault(variant(word, e_for_ye), "variant: е as e")
        if SOFT_YE in word and not word.endswith(SOFT_YE):
            # not at the end: бабье, досье would take babe, dose
            forms.setdefault(rules_latin(word.replace(SOFT_YE, "е")), "variant: ье as e")
    return forms


def own_spellings(word: str) -> tuple[str, ...]:
    """The spellings of *word* an Uzbek word may start with and still be *word*: itself,
    and for longer words itself without its final ь, as Uzbek Cyrillic writes it before
    suffixes and word lists often write it bare (автомобил, автомобилни).  For short
    words that form is as likely another word (маст "drunk", not масть), so short
    entries need the hand lexicon."""
    return (word, word.removesuffix(SOFT_SIGN)) if len(word) >= MIN_BARE_LENGTH else (word,)


def collides_with_uzbek(word: str, latin: str, uzbek: UzbekWords) -> bool:
    """Whether an Uzbek word starts with the rules' reading of *latin* but not with
    *word*'s own spellings: such a word would be rewritten by the entry (tish: тиш
    "tooth", not тишь)."""
    own = own_spellings(word)
    return any(not found.startswith(own) for found in uzbek.starting_with(rules_cyrillic(latin)))


def is_inflected_form(word: str, capitalised: bool, flagless: bool) -> bool:
    """A Russian word form Uzbek does not borrow: a common word without affix flags
    that is no indeclinable loan (LOAN_FINALS, NOT_LOAN_ENDINGS), a name without flags
    in an oblique case, or a reflexive verb, which ends in -ся whatever its flags."""
    if not capitalised and word.endswith(REFLEXIVE):
        return True
    if not flagless:
        return False
    if capitalised:
        return word.endswith(INFLECTED_NAME_ENDINGS)
    return word[-1] not in LOAN_FINALS or word.endswith(NOT_LOAN_ENDINGS)


def is_abstract_noun(word: str, capitalised: bool) -> bool:
    """A Russian abstract noun in -ость (активность)."""
    return not capitalised and word.endswith(ABSTRACT_ENDING)


def has_y_for_i(word: str, latin: str) -> bool:
    """Whether *word* has ы where the rules' reading of *latin* has и, and is the same
    otherwise (Яссы for yassi: Uzbek ясси "flat")."""
    return "ы" in word and rules_cyrillic(latin).replace("и", "ы") == word.replace("и", "ы")


def is_noun_in_es(word: str, latin: str, capitalised: bool) -> bool:
    """A common Russian noun in -ец (немец, перец) in its rules' Latin form in -es."""
    return not capitalised and word.endswith(RUSSIAN_ETS) and latin.endswith(RULES_ETS)


def is_izofa_reading(word: str, latin: str) -> bool:
    """A Russian word in a vowel + и (обои, свои), whose Latin form is the izofa
    rule's -yi (oboyi): Latin text writes such a loan oboi, and Uzbek has words that
    start so (koyi-: koyidi "scolded" must not become коиди)."""
    return word.endswith("и") and word[-2:-1] in CYRILLIC_VOWELS and latin.endswith("yi")


def kind_of(capitalised: bool) -> str:
    """The entry's kind (docs/lexicon.md): a capitalised word is a name."""
    return "name" if capitalised else "noun"


Entry = tuple[str, str, str, str]  # cyrillic, latin, note, kind


def build(
    russian: Iterable[tuple[str, str]],
    uzbek: UzbekWords,
    readings: dict[str, UzbekReadings],
    removed: collections.Counter[str] | None = None,
) -> list[Entry]:
    """(cyrillic, latin, note, kind) entries, sorted by Latin form; *removed* counts
    what each filter leaves out, by its name; *readings* are the word lists that the
    entries must not rewrite, by name."""
    removed = collections.Counter() if removed is None else removed
    candidates: dict[str, bool] = {}  # lower-case word → capitalised
    russian_words = set()
    flagged = set()  # words that one row at least gives affix flags
    for word, flags in russian:
        russian_words.add(word.lower())
        if flags:
            flagged.add(word.lower())
        if is_candidate(word, flags):
            candidates[word.lower()] = word[0].isupper()
    by_latin: dict[str, set[str]] = collections.defaultdict(set)
    notes: dict[tuple[str, str], str] = {}
    for word in sorted(candidates):
        for latin, note in latin_forms(word, candidates[word]).items():
            if len(latin) >= MIN_LATIN_LENGTH and rules_cyrillic(latin) != word:
                by_latin[latin].add(word)
                notes[(word, latin)] = note
    entries = []
    for latin, words in sorted(by_latin.items()):
        if len(words) != 1:
            removed["two Russian spellings for one Latin form"] += 1
            continue
        (word,) = words
        reason = left_out(
            word,
            latin,
            capitalised=candidates[word],
            flagless=word not in flagged,
            russian_words=russian_words,
            uzbek=uzbek,
            readings=readings,
        )
        if reason:
            removed[reason] += 1
            continue
        entries.append((word, latin, notes[(word, latin)], kind_of(candidates[word])))
    return entries


def left_out(
    word: str,
    latin: str,
    *,
    capitalised: bool,
    flagless: bool,
    russian_words: set[str],
    uzbek: UzbekWords,
    readings: dict[str, UzbekReadings],
) -> str:
    """Why the entry latin → *word* is left out (the first test it fails), or ""."""
    kind, own = kind_of(capitalised), own_spellings(word)
    # A common noun + suffixes that spells a CLDR name (prinsip + i, Prinsipi) is a
    # homograph, and the noun is the far more frequent word: only the bare name counts.
    tests: list[tuple[str, Callable[[], bool]]] = [
        (
            "a Russian verb form or oblique case",
            lambda: is_inflected_form(word, capitalised, flagless),
        ),
        ("a Russian abstract noun in -ость", lambda: is_abstract_noun(word, capitalised)),
        ("the rules' reading is a Russian word", lambda: rules_cyrillic(latin) in russian_words),
        ("ы where the rules read и", lambda: has_y_for_i(word, latin)),
        ("the izofa's -yi for a vowel + и", lambda: is_izofa_reading(word, latin)),
        ("a Russian noun in -ец, written -es", lambda: is_noun_in_es(word, latin, capitalised)),
        (
            "an Uzbek word of the list starts with the rules' reading",
            lambda: collides_with_uzbek(word, latin, uzbek),
        ),
        *(
            (
                f"rewrites an Uzbek word of {name}",
                lambda words=words, suffixes=capitalised or name != "CLDR": any(
                    words.rewritten(word, latin, kind, own, suffixes=suffixes)
                ),
            )
            for name, words in readings.items()
        ),
    ]
    return next((reason for reason, test in tests if test()), "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("russian", type=Path, help="ru_RU.dic of hunspell-ru")
    parser.add_argument("--uzbek", type=Path, required=True, help="uz_UZ.dic of hunspell-uz")
    parser.add_argument("--cldr", type=Path, required=True, help="CLDR common/main folder")
    parser.add_argument("--ru-version", default="1:7.5.0-1", help="hunspell-ru package version")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    uzbek = UzbekWords(word for word, _ in read_dic(args.uzbek))
    readings = {"hunspell-uz": dic_readings(args.uzbek), "CLDR": cldr_readings(args.cldr)}
    removed: collections.Counter[str] = collections.Counter()
    entries = build(read_dic(args.russian), uzbek, readings, removed)
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        out.write(
            HEADER.format(
                date=datetime.date.today(), ru_version=args.ru_version, count=len(entries)
            )
        )
        for word, latin, note, kind in entries:
            out.write(f"{word}\t{latin}\tto-cyrillic\t{note}\t{kind}\n")
    print(f"{len(entries)} entries written to {args.output}; left out:", file=sys.stderr)
    for reason, count in removed.most_common():
        print(f"  {count:6} {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
