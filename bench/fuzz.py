"""A long fuzz run of both directions, outside CI: random hostile text for N seconds.

    python bench/fuzz.py [--seconds 300] [--seed 1]

Each input mixes Uzbek letters of both scripts, apostrophe look-alikes, combining marks,
zero-width and bidirectional controls, lone surrogates, emoji, other scripts, URLs and
placeholders. For each it checks what tests/test_hostile.py checks on fewer inputs:

- neither function raises;
- every character outside a word is in the output, in order;
- converting in random pieces with convert_stream gives the same as converting whole;
- to_latin leaves no Uzbek Cyrillic letter.

It prints how many inputs it tried and stops at the first failure, printing the input.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time

import uztranslit
from uztranslit._alphabet import APOSTROPHES, CYRILLIC_LETTERS, CYRILLIC_LOWER, LATIN_LOWER
from uztranslit._spans import CYRILLIC_WORDS_DECOMPOSED, latin_tokens

PIECES = (
    list(CYRILLIC_LOWER + CYRILLIC_LOWER.upper() + LATIN_LOWER + LATIN_LOWER.upper())
    + sorted(APOSTROPHES)
    + [" ", "  ", "\t", "\n", "\r\n", "-", ",", ".", "«", "»", "“", "”", "%", "{", "<", "&"]
    + ["\u0306", "\u0308", "\u0301", "\u200d", "\u200b", "\u202e", "\ufeff", "\x00"]
    + ["\ud800", "\udcff", "😀", "🇺🇿", "👨\u200d👩\u200d👧", "ß", "é", "ı", "İ", "中", "ع"]
    + ["https://kun.uz/a", "www.gov.uz", "a@b.uz", "%s", "%1$d", "{name}", "<b>", "&amp;"]
    + ["сҳ", "sʼh", "ъе", "ье", "ц", "yoʻ", "ts", "2025 йил", "2025-yil", "XIX", "I."]
)


def is_subsequence(part: str, whole: str) -> bool:
    position = 0
    for char in part:
        position = whole.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60)))


def pieces(text: str, rng: random.Random) -> list[str]:
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(0, 5))))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def check(text: str, rng: random.Random) -> str | None:
    """The name of the first property *text* breaks, or None."""
    latin = uztranslit.to_latin(text)
    cyrillic = uztranslit.to_cyrillic(text)
    if CYRILLIC_LETTERS.intersection(latin):
        return "to_latin left a Cyrillic letter"
    if not is_subsequence(CYRILLIC_WORDS_DECOMPOSED.sub("", text), latin):
        return "to_latin lost a character"
    if not is_subsequence(latin_tokens().sub("", text), cyrillic):
        return "to_cyrillic lost a character"
    if "".join(uztranslit.convert_stream(pieces(text, rng))) != latin:
        return "streamed to_latin differs"
    if "".join(uztranslit.convert_stream(pieces(text, rng), to="cyrillic")) != cyrillic:
        return "streamed to_cyrillic differs"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    tried = 0
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        text = random_text(rng)
        tried += 1
        problem = check(text, rng)
        if problem:
            print(f"after {tried} inputs: {problem}: {text!r}")
            return 1
    print(f"{tried} inputs in {args.seconds:.0f} s (seed {args.seed}): no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
