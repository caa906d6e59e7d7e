"""Token accuracy of uztranslit (and installed peers) on parallel Cyrillic/Latin text.

    python bench/accuracy.py CYR_FILE LAT_FILE [CYR_FILE LAT_FILE ...] [--peers] [--top N]

Line N of CYR_FILE is the counterpart of line N of LAT_FILE. Each direction converts
every line of one file and compares it with the same line of the other, token by token,
in position: tokens are whitespace-separated (punctuation attached), the output tokens
are aligned with the reference tokens (difflib), and each line costs
max(len(output), len(reference)) - matched tokens errors, so a wrong, missing or extra
token costs one. Apostrophe look-alikes are folded to one character before comparing.
A token is never counted right because it occurs elsewhere in the document.

Every tool runs with its default options. The data are never copied into the project:
give their paths.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import difflib
import json
import os
import platform
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex
from peers import Convert, Tool, installed_peers, uztranslit_tool

from uztranslit._alphabet import APOSTROPHES

FOLD = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


@dataclass
class Score:
    tokens: int = 0
    errors: int = 0
    pairs: collections.Counter[tuple[str, str]] = field(default_factory=collections.Counter)

    @property
    def accuracy(self) -> float:
        return 100.0 * (self.tokens - self.errors) / self.tokens if self.tokens else 0.0


def fold(text: str) -> list[str]:
    return text.translate(FOLD).split()


def score_line(output: str, reference: str, score: Score) -> None:
    """Add one line's tokens, errors and error pairs (output, reference) to *score*."""
    got, want = fold(output), fold(reference)
    matcher = difflib.SequenceMatcher(None, got, want, autojunk=False)
    matched = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
            continue
        wrong, right = got[i1:i2], want[j1:j2]
        for k in range(max(len(wrong), len(right))):
            pair = (wrong[k] if k < len(wrong) else "", right[k] if k < len(right) else "")
            score.pairs[pair] += 1
    score.tokens += len(want)
    score.errors += max(len(got), len(want)) - matched


def score_direction(convert: Convert, sources: Sequence[str], references: Sequence[str]) -> Score:
    score = Score()
    for source, reference in zip(sources, references, strict=True):
        score_line(convert(source), reference, score)
    return score


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@dataclass(frozen=True)
class Pair:
    name: str
    cyrillic: list[str]
    latin: list[str]


def load_pairs(paths: Sequence[str]) -> list[Pair]:
    if len(paths) % 2:
        raise SystemExit("give the files in pairs: CYR_FILE LAT_FILE ...")
    pairs = []
    for cyr, lat in zip(paths[::2], paths[1::2], strict=True):
        cyrillic, latin = read_lines(Path(cyr)), read_lines(Path(lat))
        if len(cyrillic) != len(latin):
            raise SystemExit(f"{cyr} has {len(cyrillic)} lines but {lat} has {len(latin)}")
        name = Path(cyr).name.removesuffix(".txt").removesuffix(".cyr")
        pairs.append(Pair(name, cyrillic, latin))
    return pairs


# Error classes, tried in order; the first that fits names the error. Each is a
# predicate on (output token, reference token) with apostrophes folded to ', and a
# kind that says whose the error is:
RULES = "the reference contradicts a rule"  # any converter that follows the rules errs
CONVENTION = "a convention the default options leave out"  # not letters (opt-in or layout)
NOISE = "corpus noise"  # no converter could be right
OURS = "ours, or not known to be anyone else's"  # counted against uztranslit
KINDS = (RULES, CONVENTION, NOISE, OURS)


def _same_without(chars: str) -> Callable[[str, str], bool]:
    table = str.maketrans("", "", chars)
    return lambda got, want: got.translate(table) == want.translate(table)


def _same_after(*pairs: tuple[str, str]) -> Callable[[str, str], bool]:
    def fold(token: str) -> str:
        for old, new in pairs:
            token = token.replace(old, new)
        return token

    return lambda got, want: fold(got) == fold(want)


def _y_count(token: str) -> int:
    return token.lower().count("y")


_SAME_BUT_Y = _same_after(("yo", "o"), ("yu", "u"), ("ya", "a"))
CYRILLIC = regex.compile(r"\p{Cyrillic}")
LATIN = regex.compile(r"[A-Za-z]")
DATES = regex.compile(r"^\W*\d|^\W*(?:yil|йил)", regex.IGNORECASE)
# A final ь of a bare stem (нефть, октябрь) that the reference leaves out: the rules
# write it (docs/rules.md: ь); the corpus often does not.
BARE_SOFT_SIGN = regex.compile(r"[ьЬ](?=\W*$)")
# Roman numerals typed with Cyrillic look-alikes (ХХ аср): a numeral is not an Uzbek
# word, so it passes through as written.
ROMAN = regex.compile(r"\W*[IVXLCDM]+(?:\W+[IVXLCDM]+)*\W*")
CYRILLIC_LOOK_ALIKES = str.maketrans("ХСМІ", "XCMI")
# The y of a final izofa -yi after a vowel (nuqtayi nazar), which the rules write and
# the corpus leaves out (docs/rules.md: izofa).
IZOFA_Y = regex.compile(r"(?<=[aoAO'])[yY](?=[iI]\W*$)")
Predicate = Callable[[str, str], bool]
_SAME_BUT_SIGN = _same_after(("'", ""), ("y", ""))


def _not_letters(date: str, particle: str) -> tuple[tuple[str, str, Predicate], ...]:
    """The classes of both directions where tokens differ in more than letters."""
    return (
        (
            "one token became two or two one (hyphens, dashes, layout)",
            CONVENTION,
            lambda g, w: not g or not w,
        ),
        (f"date hyphen ({date})", CONVENTION, lambda g, w: bool(DATES.match(g) or DATES.match(w))),
        (f"particle or other hyphen ({particle})", CONVENTION, _same_without("-")),
        ("quotation marks («» vs “”)", CONVENTION, _same_without('«»“”„"')),
    )


def _roman_in_look_alikes(got: str, want: str) -> bool:
    return bool(ROMAN.fullmatch(got)) and want.translate(CYRILLIC_LOOK_ALIKES) == got


CLASSES: dict[str, tuple[tuple[str, str, Predicate], ...]] = {
    "latin": (
        *_not_letters("2025-yil", "boʻlsa-da"),
        (
            "tutuq after oʻ (oʻʼ): rule 32 says none",
            RULES,
            _same_after(("o''", "o'"), ("O''", "O'")),
        ),
        (
            "capitals of digraphs (AQSh vs AQSH): rule 79",
            RULES,
            lambda g, w: g.lower() == w.lower(),
        ),
        (
            "ц written ts where the rules say s",
            RULES,
            _same_after(("ts", "s"), ("Ts", "S"), ("TS", "S")),
        ),
        (
            "е written e where the rules say ye",
            RULES,
            _same_after(("ye", "e"), ("Ye", "E"), ("YE", "E")),
        ),
        (
            "izofa written -i where the rules write -yi (nuqtayi nazar)",
            RULES,
            lambda g, w: IZOFA_Y.sub("", g) == w,
        ),
        (
            "ъ written ʼ (sʼezd) where the rules drop it",
            RULES,
            lambda g, w: "'" in w and _SAME_BUT_SIGN(g, w),
        ),
        (
            "y kept that the lexicon of the rules drops (oktyabr for oktabr)",
            RULES,
            lambda g, w: _SAME_BUT_Y(g, w) and _y_count(g) < _y_count(w),
        ),
        (
            "y dropped where current usage keeps it (valuta for valyuta)",
            OURS,
            lambda g, w: _SAME_BUT_Y(g, w) and _y_count(g) > _y_count(w),
        ),
        ("Cyrillic letter left in the reference", NOISE, lambda g, w: bool(CYRILLIC.search(w))),
    ),
    "cyrillic": (
        *_not_letters("2025-йил", "бўлса-да"),
        (
            "Roman numeral in Cyrillic look-alikes in the reference (ХХ for XX)",
            NOISE,
            _roman_in_look_alikes,
        ),
        (
            "Latin letters kept in the reference (names, brands)",
            OURS,
            lambda g, w: bool(LATIN.search(w)),
        ),
        (
            "final ь of a bare stem left out by the reference (нефт for нефть)",
            RULES,
            lambda g, w: BARE_SOFT_SIGN.sub("", g) == w,
        ),
        ("ь missing or extra (loanword not in the lexicon)", OURS, _same_without("ьЬ")),
        ("ъ missing or extra", OURS, _same_without("ъЪ'")),
        (
            "ц read as тс or с",
            OURS,
            _same_after(("ц", "с"), ("тс", "с"), ("Ц", "С"), ("Тс", "С"), ("ТС", "С")),
        ),
        ("э and е", OURS, _same_after(("э", "е"), ("Э", "Е"))),
        (
            "й + vowel and ё ю я",
            OURS,
            _same_after(("йо", "ё"), ("йу", "ю"), ("йа", "я"), ("ьё", "ё")),
        ),
        ("capitals", OURS, lambda g, w: g.lower() == w.lower()),
    ),
}
OTHER = ("other", OURS)


def classify(script: str, score: Score) -> collections.Counter[tuple[str, str]]:
    """Error pairs counted by (class, kind); "other" when no class fits."""
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for (got, want), count in score.pairs.items():
        fitting = (entry[:2] for entry in CLASSES[script] if entry[2](got, want))
        counts[next(fitting, OTHER)] += count
    return counts


def ceiling(classes: collections.Counter[tuple[str, str]], score: Score) -> float:
    """The best accuracy reachable by fixing every error pair of the kind OURS.

    The other kinds are forced: a converter that follows the rules and keeps
    non-letters (the default options) makes them too, since it never changes the
    whitespace that splits tokens.  Fixing a pair removes at most one error, so
    this is an upper bound.
    """
    ours = sum(count for (_, kind), count in classes.items() if kind == OURS)
    return 100.0 * min(score.tokens, score.tokens - score.errors + ours) / score.tokens


def percent(score: Score | None) -> str:
    return "–" if score is None else f"{score.accuracy:.2f} %"


def report(pairs: Iterable[Pair], tools: Sequence[Tool], top: int) -> list[dict[str, object]]:
    """Print the tables; return the rows of the first (for bench/charts.py)."""
    print("| data | tool | version | tokens | Cyrillic → Latin | Latin → Cyrillic |")
    print("|---|---|---|---|---|---|")
    mine: list[tuple[str, str, Score, Score]] = []
    rows: list[dict[str, object]] = []
    for pair in pairs:
        for tool in tools:
            forward = backward = None
            if tool.to_latin is not None:
                forward = score_direction(tool.to_latin, pair.cyrillic, pair.latin)
            if tool.to_cyrillic is not None:
                backward = score_direction(tool.to_cyrillic, pair.latin, pair.cyrillic)
            tokens = forward.tokens if forward else backward.tokens if backward else 0
            print(
                f"| {pair.name} | {tool.name} | {tool.version} | {tokens} "
                f"| {percent(forward)} | {percent(backward)} |"
            )
            rows.append(
                {
                    "data": pair.name,
                    "tool": tool.name,
                    "version": tool.version,
                    "tokens": tokens,
                    "to_latin": forward.accuracy if forward else None,
                    "to_cyrillic": backward.accuracy if backward else None,
                }
            )
            if tool.name.startswith("uztranslit") and forward and backward:
                mine.append((pair.name, tool.name, forward, backward))
    for name, tool_name, forward, backward in mine:
        for title, script, score in (
            ("Cyrillic → Latin", "latin", forward),
            ("Latin → Cyrillic", "cyrillic", backward),
        ):
            print(f"\n{name}, {tool_name}, {title}: {score.errors} errors")
            classes = classify(script, score)
            print("\n| error pairs by class (heuristic) | kind | pairs |\n|---|---|---|")
            for (label, kind), count in classes.most_common():
                print(f"| {label} | {kind} | {count} |")
            print("\n| kind | pairs |\n|---|---|")
            by_kind = collections.Counter(dict.fromkeys(KINDS, 0))
            for (_, kind), count in classes.items():
                by_kind[kind] += count
            for kind in KINDS:
                print(f"| {kind} | {by_kind[kind]} |")
            print(
                f"\nCeiling: {ceiling(classes, score):.2f} % at most, even with every pair of"
                f" the last kind fixed (now {score.accuracy:.2f} %)"
            )
            print(f"\nMost frequent error pairs of {name}, {tool_name}, {title}:")
            print("| count | output | reference |")
            print("|---|---|---|")
            for (got, want), count in score.pairs.most_common(top):
                print(f"| {count} | `{got}` | `{want}` |")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help="CYR_FILE LAT_FILE pairs")
    parser.add_argument("--peers", action="store_true", help="also run the installed peers")
    parser.add_argument("--top", type=int, default=30, help="error pairs to list (default 30)")
    parser.add_argument(
        "--conventions",
        default="",
        help="also run uztranslit with these opt-in conventions, comma-separated "
        "(dates,particles,quotes)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the scores as JSON (for charts)")
    args = parser.parse_args(argv)
    tools = [uztranslit_tool()]
    for names in filter(None, args.conventions.split(";")):
        tools.append(uztranslit_tool(frozenset(names.split(","))))
    if args.peers:
        peers, missing = installed_peers()
        tools += peers
        for note in missing:
            print(f"<!-- {note} -->")
    print(
        f"<!-- {datetime.date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()}; apostrophe look-alikes folded -->\n"
    )
    rows = report(load_pairs(args.files), tools, args.top)
    if args.json:
        machine = (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        result = {"date": str(datetime.date.today()), "machine": machine, "rows": rows}
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
