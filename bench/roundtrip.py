"""Round trip of a Cyrillic word list: the share of words w with to_cyrillic(to_latin(w)) == w.

    python bench/roundtrip.py uz_UZ.dic [--show 40]

The list is a hunspell .dic file (first line a count, flags after /) or one word per
line. Words with letters outside the Uzbek Cyrillic alphabet are left out and counted.
Debian's hunspell-uz (GPL) is the intended input: it may be used to measure, never
shipped, so give its path.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import uztranslit
from uztranslit._alphabet import CYRILLIC_LETTERS
from uztranslit._lexicon import default_lexicon, match_latin_stem
from uztranslit._suffixes import is_cyrillic_suffix_chain

SOFT_SIGN_BEFORE_SUFFIX = "the list keeps ь before a suffix, where the rules drop it"
OTHER_SPELLING = "the list also has the spelling read back: only one of the two can pass"
CLDR_NAME = "the list spells a CLDR place name its own way (Малта for CLDR's Мальта)"
OURS = "ours, or not known to be anyone else's"


def read_words(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].strip().isdigit():
        lines = lines[1:]
    return [line.split("/", 1)[0].strip() for line in lines if line.strip()]


def soft_sign_before_suffix(word: str, back: str) -> bool:
    """Whether *back* is *word* without an ь that a chain of suffixes follows (Брюссельда)."""
    lower = word.lower()
    return any(
        char == "ь"
        and lower[i + 1 :]
        and is_cyrillic_suffix_chain(lower[i + 1 :])
        and word[:i] + word[i + 1 :] == back
        for i, char in enumerate(lower)
    )


def cldr_names() -> tuple[str, ...]:
    """The Cyrillic names the shipped lexicon takes from Unicode CLDR."""
    path = Path(uztranslit.__file__).parent / "lexicon_names.tsv"
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(row[0] for row in rows if len(row) > 3 and row[3] == "CLDR")


def spells_cldr_name_otherwise(word: str, back: str, names: tuple[str, ...]) -> bool:
    """Whether *back* is a CLDR name (with endings) that *word* writes without its ь."""
    lower = back.lower()
    return lower.replace("ь", "") == word.lower() and lower.startswith(names)


def through_lexicon(latin: str) -> bool:
    """Whether Latin → Cyrillic reads *latin* through a shipped lexicon entry (the
    failures of lexicon hygiene: an entry that rewrites a word of the list)."""
    return match_latin_stem(latin.lower(), default_lexicon().to_cyrillic) is not None


def failure_kind(word: str, back: str, listed: set[str], names: tuple[str, ...] = ()) -> str:
    """Why a word fails the round trip: the list's convention, its two spellings, a CLDR
    name it spells otherwise, or ours."""
    if soft_sign_before_suffix(word, back):
        return SOFT_SIGN_BEFORE_SUFFIX
    if spells_cldr_name_otherwise(word, back, names):
        return CLDR_NAME
    if back in listed:
        return OTHER_SPELLING
    return OURS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordlist", type=Path)
    parser.add_argument("--show", type=int, default=40, help="failures to list")
    args = parser.parse_args(argv)
    words = read_words(args.wordlist)
    uzbek = [word for word in words if all(char in CYRILLIC_LETTERS for char in word)]
    failures: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for word in uzbek:
        latin = uztranslit.to_latin(word)
        back = uztranslit.to_cyrillic(latin)
        if back != word:
            failures[(word, latin, back)] += 1
    passed = len(uzbek) - sum(failures.values())
    print(f"{args.wordlist.name}: {len(words)} entries, {len(uzbek)} Uzbek Cyrillic words")
    print(f"round trip to_cyrillic(to_latin(w)) == w: {passed} of {len(uzbek)}", end=" ")
    print(f"= {100.0 * passed / len(uzbek):.2f} %")
    listed = set(uzbek)
    names = cldr_names()
    kinds: collections.Counter[str] = collections.Counter()
    for (word, _, back), count in failures.items():
        kinds[failure_kind(word, back, listed, names)] += count
    print("\n| failures | words |\n|---|---|")
    for kind in (SOFT_SIGN_BEFORE_SUFFIX, OTHER_SPELLING, CLDR_NAME, OURS):
        print(f"| {kind} | {kinds[kind]} |")
    lexicon = sum(
        count
        for (word, latin, back), count in failures.items()
        if failure_kind(word, back, listed, names) == OURS and through_lexicon(latin)
    )
    print(f"\nOf the last kind, {lexicon} go through a lexicon entry (the rest: the letter rules).")
    best = passed + kinds[OURS]
    print(
        f"\nCeiling: {100.0 * best / len(uzbek):.2f} % at most, even with every failure of", end=""
    )
    print(f" the last kind fixed ({best} of {len(uzbek)})")
    if args.show:
        print(f"\nfirst {args.show} failures (word → Latin → back):")
        for word, latin, back in sorted(failures)[: args.show]:
            print(f"  {word} → {latin} → {back}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
