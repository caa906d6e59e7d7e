"""Read the example tables of docs/rules.md, which are the rule tests."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "rules.md"
DIRECTIONS = ("↔", "→", "←")


class Example(NamedTuple):
    rule: str
    cyrillic: str
    latin: str
    direction: str

    @property
    def to_latin(self) -> bool:
        return self.direction in ("↔", "→")

    @property
    def to_cyrillic(self) -> bool:
        return self.direction in ("↔", "←")


def rule_examples(path: Path = RULES) -> list[Example]:
    """Every `| Cyrillic | Latin | direction |` row, with the heading above it."""
    examples: list[Example] = []
    rule = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            rule = line.lstrip("#").strip()
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3 and cells[2] in DIRECTIONS:
            examples.append(Example(rule, cells[0], cells[1], cells[2]))
    return examples


def title(text: str) -> str:
    """Capitalise the first letter of *text* only (ʻ and ʼ are not letters here)."""
    return text[:1].upper() + text[1:]


def case_variants(example: Example) -> list[tuple[str, str, str]]:
    """(case, Cyrillic, Latin) forms to test: lower-case rows in three cases."""
    if example.cyrillic != example.cyrillic.lower() or example.latin != example.latin.lower():
        return [("as written", example.cyrillic, example.latin)]
    if len(example.cyrillic) == 1:
        # A lone capital letter is title case (Ч → Ch), and a lone I, V or X is a Roman
        # numeral in Latin text: the Capitals and Roman numerals sections test those.
        return [("lower", example.cyrillic, example.latin)]
    return [
        ("lower", example.cyrillic, example.latin),
        ("title", title(example.cyrillic), title(example.latin)),
        ("upper", example.cyrillic.upper(), example.latin.upper()),
    ]
