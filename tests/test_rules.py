"""Every example table in docs/rules.md, both ways, in lower, title and upper case."""

from __future__ import annotations

import pytest

from uztranslit import to_cyrillic, to_latin

from ._docs import Example, case_variants, rule_examples

EXAMPLES = rule_examples()


def cases(examples: list[Example]) -> list[object]:
    return [
        pytest.param(cyrillic, latin, id=f"{example.rule}: {cyrillic} | {latin} ({case})")
        for example in examples
        for case, cyrillic, latin in case_variants(example)
    ]


def test_rules_page_has_examples_for_every_rule() -> None:
    rules = {example.rule for example in EXAMPLES}
    for section in ("е and э", "ё, ю, я", "ц", "ъ", "ь", "сҳ", "Capitals", "Apostrophes"):
        assert section in rules
    assert len(EXAMPLES) > 150


@pytest.mark.parametrize(("cyrillic", "latin"), cases([e for e in EXAMPLES if e.to_latin]))
def test_cyrillic_to_latin(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(("cyrillic", "latin"), cases([e for e in EXAMPLES if e.to_cyrillic]))
def test_latin_to_cyrillic(cyrillic: str, latin: str) -> None:
    assert to_cyrillic(latin) == cyrillic
