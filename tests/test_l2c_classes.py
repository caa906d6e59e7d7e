"""Latin → Cyrillic classes of issue 14 where each script follows its own rules.

docs/rules.md holds the examples that run both ways; these tests hold the edges:
where a rule must stop, and that the rule path and the text path agree
(tests/test_speed_paths.py compares the two on the same tokens).
"""

from __future__ import annotations

import pytest

from uztranslit import to_cyrillic, to_latin


class TestGhBeforeASuffixInG:
    """gʻ + a suffix in g is ққ in Cyrillic (rules.md: gʻ before a suffix in g)."""

    @pytest.mark.parametrize(
        ("latin", "cyrillic"),
        [
            ("bogʻga", "боққа"),
            ("tog'ga", "тоққа"),  # any apostrophe look-alike
            ("tog`gacha", "тоққача"),
            ("yogʻganida", "ёққанида"),
            ("sigʻguncha", "сиққунча"),
            ("bogʻgina", "боққина"),
            ("BOGʻGA", "БОҚҚА"),
            ("Qorabogʻga", "Қорабоққа"),
            ("TOGʻga", "ТОҚқа"),  # each letter keeps its own case
        ],
    )
    def test_before_a_suffix_in_g(self, latin: str, cyrillic: str) -> None:
        assert to_cyrillic(latin) == cyrillic

    @pytest.mark.parametrize(
        ("latin", "cyrillic"),
        [
            ("bogʻda", "боғда"),  # a suffix not in g
            ("bogʻi", "боғи"),
            ("bogʻlar", "боғлар"),
            ("togʻgʻa", "тоғға"),  # gʻ + gʻ is no suffix in g
            ("bogʻg", "боғг"),  # no vowel after the g
            ("bargga", "баргга"),  # a stem in g keeps both letters (1995 and 1956 alike)
            ("qaymoqqa", "қаймоққа"),
            ("tilakka", "тилакка"),
        ],
    )
    def test_elsewhere_gh_stays(self, latin: str, cyrillic: str) -> None:
        assert to_cyrillic(latin) == cyrillic

    def test_cyrillic_to_latin_reads_kk_as_written(self) -> None:
        # тоққа may be тоқ + қа ("to the full one"): only the stem could tell.
        assert to_latin("тоққа боғга") == "toqqa bogʻga"

    def test_in_running_text(self) -> None:
        assert to_cyrillic("Biz togʻga chiqdik, bogʻgacha yurdik.") == (
            "Биз тоққа чиқдик, боққача юрдик."
        )
