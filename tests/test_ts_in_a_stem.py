"""ц inside a stem before letters that look like suffixes (docs/rules.md: ц)."""

from __future__ import annotations

import pytest

from uztranslit import to_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("боцман", "botsman"),  # not боц + -ман
        ("лоцман", "lotsman"),
        ("лизоцим", "lizotsim"),  # not лизоц + -им
        ("Боцманга", "Botsmanga"),
        ("ЛОЦМАНЛАР", "LOTSMANLAR"),
        ("лизоцимни", "lizotsimni"),
        ("клёцка", "klyotska"),  # after ё
        ("соц.", "sos."),  # at the end it is s after any vowel
    ],
)
def test_ts_after_o_yo_yu_u_y_is_inside_the_stem(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("абзацни", "abzasni"),  # абзац + -ни: the stem ends in ц
        ("шприцим", "shprisim"),
        ("марганецнинг", "marganesning"),
        ("ТЭЦда", "TESda"),
        ("кибуцда", "kibusda"),
        ("месяцга", "mesyasga"),
    ],
)
def test_a_stem_that_ends_in_ts_keeps_s_before_its_endings(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.xfail(
    strict=True,
    reason="ц inside a stem after а е и я before suffix-like letters reads as the end of"
    " a stem; only the lexicon can tell (docs/rules.md: ц, known limit)",
)
@pytest.mark.parametrize(("cyrillic", "latin"), [("наци", "natsi"), ("клецка", "kletska")])
def test_ts_inside_a_stem_after_a_e_i_ya(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin
