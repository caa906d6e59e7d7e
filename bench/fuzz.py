"""A long fuzz run of both directions, outside CI: random hostile text for N seconds or N inputs.

    python bench/fuzz.py [--seconds 300] [--inputs N] [--seed 1]

Each input mixes Uzbek letters of both scripts, apostrophe look-alikes, combining marks,
format characters (soft hyphen, zero-width joiner …), bidirectional controls, lone
surrogates, emoji, other scripts, İ, URLs, placeholders, HTML tags with spaces and
comments, numbers before date words. For each it checks what the tests check on fewer
inputs:

- neither function raises, with or without keep=["İstanbul"];
- every character outside a word is in the output, in order;
- converting in random pieces with convert_stream (cuts anywhere, inside tags too; one
  of three directions; random conventions) gives the same as converting whole;
- to_latin leaves no Uzbek Cyrillic letter;
- a word with format characters inserted inside converts as the word without them,
  with the characters in the output in order;
- the same text without whitespace, streamed with CUT_LIMIT lowered to 40 so that
  pieces are cut between words and inside runs, gives the whole conversion.

It prints how many inputs it tried and the time, and stops at the first failure,
printing the input.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time

import uztranslit
from uztranslit import _converter, _stream
from uztranslit._alphabet import APOSTROPHES, CYRILLIC_LETTERS, CYRILLIC_LOWER, LATIN_LOWER
from uztranslit._invisible import FORMAT_CHARACTERS
from uztranslit._options import check_options
from uztranslit._spans import CYRILLIC_WORDS_DECOMPOSED, latin_tokens

TAGS = [
    '<a href="shahar.html" title="olma va nok">',
    "</a>",
    "<b>",
    "<img src=x alt='bir ikki'/>",
    "<!-- shahar va -->",
    "<!--",
    "-->",
    "<a ",
    ">",
]
PIECES = (
    list(CYRILLIC_LOWER + CYRILLIC_LOWER.upper() + LATIN_LOWER + LATIN_LOWER.upper())
    + sorted(APOSTROPHES)
    + [" ", "  ", "\t", "\n", "\r\n", "-", ",", ".", "«", "»", "“", "”", "%", "{", "<", "&"]
    + ["\u0306", "\u0308", "\u0301", "\u202e", "\x00", *FORMAT_CHARACTERS]
    + ["\ud800", "\udcff", "😀", "🇺🇿", "👨\u200d👩\u200d👧", "ß", "é", "ı", "İ", "中", "ع"]
    + ["https://kun.uz/a", "www.gov.uz", "a@b.uz", "%s", "%1$d", "{name}", "<b>", "&amp;"]
    + ["%(shahar)s", "${olma}", "\\n", "5 %d", "İstanbul", "İSTANBULDA", *TAGS]
    + ["сҳ", "sʼh", "ъе", "ье", "ц", "yoʻ", "ts", "2025 йил", "2025-yil", "XIX", "I."]
    + ["15 октябрь", "бўлсада", "kecha-yu", "ТЕТ", "аца", "Шаҳар", "oʻzbek", "maʼno"]
)
WORDS = ["Шаҳар", "ўзбекистон", "съезд", "лицей", "ШАҲАР", "концерт", "Исҳоқ", "маъно"]
WORDS += [uztranslit.to_latin(word) for word in WORDS] + ["o'g'il", "Toshkent", "SHAHAR"]
DIRECTIONS = (("cyrillic", "latin"), ("latin", "cyrillic"), ("latin", "new-latin"))
CONVENTION_SETS = ((), ("dates",), ("dates", "particles", "quotes"))


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
    if rng.random() < 0.05:  # now and then, one character at a time
        return list(text)
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, rng.randint(0, 8))))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


def whole(text: str, source: str, to: str, conventions: tuple[str, ...]) -> str:
    converter = _converter.converter_for(check_options(to, source, conventions=conventions), "")
    assert converter is not None
    return converter.convert(text)


def marked_word(rng: random.Random) -> tuple[str, str]:
    word = rng.choice(WORDS)
    marked = word
    for _ in range(rng.randint(1, 3)):
        place = rng.randint(1, len(marked) - 1)
        marked = marked[:place] + rng.choice(FORMAT_CHARACTERS) + marked[place:]
    return word, marked


def check(text: str, rng: random.Random) -> str | None:
    """The name of the first property *text* breaks, or None."""
    latin = uztranslit.to_latin(text)
    cyrillic = uztranslit.to_cyrillic(text)
    uztranslit.to_cyrillic(text, keep=["İstanbul"])
    source, to = rng.choice(DIRECTIONS)
    conventions = rng.choice(CONVENTION_SETS)
    streamed = uztranslit.convert_stream(
        pieces(text, rng), to=to, source=source, conventions=conventions
    )
    broken = (
        (CYRILLIC_LETTERS.intersection(latin), "to_latin left a Cyrillic letter"),
        (
            not is_subsequence(CYRILLIC_WORDS_DECOMPOSED.sub("", text), latin),
            "to_latin lost a character",
        ),
        (
            not is_subsequence(latin_tokens().sub("", text), cyrillic),
            "to_cyrillic lost a character",
        ),
        (
            "".join(uztranslit.convert_stream(pieces(text, rng))) != latin,
            "streamed to_latin differs",
        ),
        (
            "".join(uztranslit.convert_stream(pieces(text, rng), to="cyrillic")) != cyrillic,
            "streamed to_cyrillic differs",
        ),
        (
            "".join(streamed) != whole(text, source, to, conventions),
            f"streamed {source} → {to} with {conventions} differs",
        ),
    )
    for failed, problem in broken:
        if failed:
            return problem
    return marks_problem(rng) or forced_cut_problem(text, rng)


def forced_cut_problem(text: str, rng: random.Random) -> str | None:
    """Without whitespace, with CUT_LIMIT lowered so that streams cut inside runs."""
    solid = "".join(text.split()) * rng.randint(1, 4)
    source, to = rng.choice(DIRECTIONS)
    conventions = rng.choice(CONVENTION_SETS)
    limit = _stream.CUT_LIMIT
    setattr(_stream, "CUT_LIMIT", 40)  # noqa: B010 - a Final constant, lowered for the run
    try:
        streamed = "".join(
            uztranslit.convert_stream(
                pieces(solid, rng), to=to, source=source, conventions=conventions
            )
        )
    finally:
        setattr(_stream, "CUT_LIMIT", limit)  # noqa: B010
    if streamed != whole(solid, source, to, conventions):
        return f"streamed {source} → {to} with {conventions} differs without whitespace: {solid!r}"
    return None


def marks_problem(rng: random.Random) -> str | None:
    """A word with format characters inside must change only by them."""
    word, marked = marked_word(rng)
    convert = uztranslit.to_latin if word[0] in CYRILLIC_LETTERS else uztranslit.to_cyrillic
    out = convert(marked)
    kept = "".join(c for c in out if c not in FORMAT_CHARACTERS)
    marks = "".join(c for c in out if c in FORMAT_CHARACTERS)
    if kept != convert(word) or marks != "".join(c for c in marked if c in FORMAT_CHARACTERS):
        return f"format characters inside {marked!r} changed more than themselves"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--inputs", type=int, default=0, help="stop after this many (0: none)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    tried = 0
    started = time.monotonic()
    deadline = started + args.seconds
    while time.monotonic() < deadline and (not args.inputs or tried < args.inputs):
        text = random_text(rng)
        tried += 1
        problem = check(text, rng)
        if problem:
            print(f"after {tried} inputs: {problem}: {text!r}")
            return 1
        if tried % 100_000 == 0:
            print(f"{tried} inputs, {time.monotonic() - started:.0f} s", flush=True)
    spent = time.monotonic() - started
    print(f"{tried} inputs in {spent:.0f} s (seed {args.seed}): no failure")
    return 0


if __name__ == "__main__":
    sys.exit(main())
