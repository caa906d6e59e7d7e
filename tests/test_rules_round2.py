"""Issue 14's smaller classes fixed this round, both directions where they apply."""

from __future__ import annotations

import pytest

from uztranslit import to_cyrillic, to_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("АҚШга", "AQSHga"),  # rule 79: an abbreviation stays in capitals before a suffix
        ("АҚШнинг", "AQSHning"),
        ("ЧЎЛПОНга", "CHOʻLPONga"),
        ("ЯИМнинг", "YAIMning"),  # as before
        ("Шаҳарга", "Shaharga"),  # a title-case word is unchanged
        ("ЎзМУ", "OʻzMU"),
    ],
)
def test_capitals_before_a_lower_case_suffix(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin
    assert to_cyrillic(latin) == cyrillic


def test_the_fullwidth_apostrophe_is_a_look_alike() -> None:
    assert to_cyrillic("o\uff07zbek tog\uff07") == "ўзбек тоғ"


@pytest.mark.parametrize(
    "kept",
    ["file:///home/shahar/hujjat.txt", "mailto:ali@mail.uz", "Mailto:ali@mail.uz"],
)
def test_file_urls_and_mailto_links_stay_as_written(kept: str) -> None:
    assert to_cyrillic(f"Bu {kept} manzil") == f"Бу {kept} манзил"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Tsvetayeva", "Цветаева"),  # an initial ts is a name's or loan's ц
        ("TSVETAYEVA", "ЦВЕТАЕВА"),
        ("Vorontsov", "Воронцов"),  # ts before a vowel
        ("tsikl", "цикл"),
        ("militsiya", "милиция"),
        ("ketsa", "кетса"),  # before an Uzbek suffix in s it stays т + с
        ("aytsin", "айтсин"),
        ("otsiz", "отсиз"),
        ("yotsiragan", "ётсираган"),
        ("soatsoz", "соатсоз"),
        ("Botsvana", "Ботсвана"),  # ts before a consonant inside a word
    ],
)
def test_ts_is_tse_at_the_start_and_before_a_vowel(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic
