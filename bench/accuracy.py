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
import platform
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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


def percent(score: Score | None) -> str:
    return "–" if score is None else f"{score.accuracy:.2f} %"


def report(pairs: Iterable[Pair], tools: Sequence[Tool], top: int) -> None:
    print("| data | tool | version | tokens | Cyrillic → Latin | Latin → Cyrillic |")
    print("|---|---|---|---|---|---|")
    mine: list[tuple[str, Score, Score]] = []
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
            if tool.name == "uztranslit" and forward and backward:
                mine.append((pair.name, forward, backward))
    for name, forward, backward in mine:
        for title, score in (("Cyrillic → Latin", forward), ("Latin → Cyrillic", backward)):
            print(f"\n{name}, uztranslit, {title}: {score.errors} errors; most frequent:")
            print("| count | output | reference |")
            print("|---|---|---|")
            for (got, want), count in score.pairs.most_common(top):
                print(f"| {count} | `{got}` | `{want}` |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE", help="CYR_FILE LAT_FILE pairs")
    parser.add_argument("--peers", action="store_true", help="also run the installed peers")
    parser.add_argument("--top", type=int, default=30, help="error pairs to list (default 30)")
    args = parser.parse_args(argv)
    tools = [uztranslit_tool()]
    if args.peers:
        peers, missing = installed_peers()
        tools += peers
        for note in missing:
            print(f"<!-- {note} -->")
    print(
        f"<!-- {datetime.date.today()}, Python {platform.python_version()}, "
        f"{platform.machine()}; apostrophe look-alikes folded -->\n"
    )
    report(load_pairs(args.files), tools, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
