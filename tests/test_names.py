"""The lexicon of proper names (lexicon_names.tsv, scripts/build_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import uztranslit
from uztranslit import to_cyrillic, to_latin
from uztranslit._lexicon import parse_lexicon

FOLDER = Path(uztranslit.__file__).parent


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Melnikov", "Мельников"),  # russiannames: a surname
        ("Melnikovaning", "Мельникованинг"),  # … with its endings
        ("Igor", "Игорь"),  # a first name
        ("Belgiya", "Бельгия"),  # CLDR: a country
        ("Polshaga", "Польшага"),
        ("Malta", "Мальта"),
        ("Myanma", "Мьянма"),
    ],
)
def test_names_get_back_what_the_latin_spelling_lost(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic
    assert to_latin(cyrillic) == latin  # and the rules give the Latin form back


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("vakil", "вакил"),  # "representative", not the name Вакиль
        ("Shamil", "Шамил"),  # Uzbek writes Turkic and Arabic names its own way
        ("Kamil", "Камил"),
        ("ermak", "эрмак"),  # "hobby", not the name Ермак
        ("supa", "супа"),  # not the surname Цупа
        ("Nasirov", "Насиров"),  # an Uzbek surname: Насыров has ы where the rules read и
        ("Sadikov", "Садиков"),
    ],
)
def test_uzbek_words_and_names_are_not_rewritten(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Vasilev", "Васильев"),  # ье written e, as much Latin text does
        ("Grigorevaning", "Григорьеванинг"),
        ("Vasilevich", "Васильевич"),  # far more frequent than the surname Василевич
        ("Vasilyev", "Васильев"),  # the rules' form still reads back
    ],
)
def test_the_latin_variants_of_names(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


def test_the_names_file_ships_with_both_licences() -> None:
    text = (FOLDER / "lexicon_names.tsv").read_text(encoding="utf-8")
    assert "Ivan" in text[:1000]
    assert "Begtin" in text[:1000]
    assert "Unicode" in text[:1000]
    assert "modified" in text[:1000]
    bsd = (FOLDER / "LICENSE.russiannames.txt").read_text(encoding="utf-8")
    assert "Redistribution and use in source and binary forms" in bsd
    unicode = (FOLDER / "LICENSE.cldr.txt").read_text(encoding="utf-8")
    assert "COPYRIGHT AND PERMISSION NOTICE" in unicode
    names = parse_lexicon(text.splitlines())
    assert not names.to_latin  # names only restore Cyrillic: the rules give the Latin
    assert len(names.to_cyrillic) > 450  # 495 with the rules of 2026-12 (ts → ц)
