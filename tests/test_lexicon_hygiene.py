"""The shipped lexicons leave Uzbek words alone (issue 14, lexicon hygiene).

Each case is an Uzbek word that a generated entry used to rewrite, and the filter
or the kind that now keeps it (docs/lexicon.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import uztranslit
from uztranslit import to_cyrillic
from uztranslit._lexicon import KINDS

FOLDER = Path(uztranslit.__file__).parent


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Yassi", "Ясси"),  # "flat"; Яссы (Iași) has ы where the rules read и
        ("Kizilkum", "Кизилкум"),  # not Кызылкум: the same filter
        ("pishmagan", "пишмаган"),  # "unripe"; Пышма is a name and takes no -gan
        ("mergan", "мерган"),  # "marksman"; мэр is a noun and takes no -gan
        ("merganlik", "мерганлик"),
        ("Peres", "Перес"),  # the Spanish name; перец is a Russian noun in -ец
        ("Lopes", "Лопес"),
        ("Oden", "Оден"),  # the name; одень is a Russian imperative (flag B)
        ("Maryam", "Марям"),  # the Uzbek name; Марья is a name: no 1sg possessive
        ("Maryamning", "Марямнинг"),
        ("Gilbert", "Гилберт"),  # CLDR writes Гилберт (Gilbert orollari)
        ("flesh-kartada", "флеш-картада"),  # a flash drive; lexicon_ru has флешь
    ],
)
def test_uzbek_words_are_not_rewritten(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("filmlarimizda", "фильмларимизда"),  # a noun keeps its nominal chains
        ("filmlashgan", "фильмлашган"),  # -gan after the verb-forming -lash
        ("Maryaga", "Марьяга"),  # a name keeps its case endings
        ("Melnikovlar", "Мельниковлар"),
        ("prinsipi", "принципи"),  # "its principle"
        ("kvarsli", "кварцли"),  # a noun in -ц that is not a person stays
        ("marganets", "марганец"),  # the -ets variant of a noun in -ец stays
        ("interer", "интерьер"),  # ье written e, as much Latin text does
        ("premerasi", "премьераси"),
        ("dose", "досе"),  # not досье: ье at the end has no e variant
    ],
)
def test_loanwords_still_get_their_spelling(latin: str, cyrillic: str) -> None:
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.xfail(
    strict=True,
    reason="homograph: Prinsipi is CLDR's Принсипи (São Tomé and Príncipe) and prinsip + i"
    " 'its principle' (принципи), the far more frequent reading, which the lexicon keeps",
)
def test_the_island_prinsipi() -> None:
    assert to_cyrillic("San-Tome va Prinsipi") == "Сан-Томе ва Принсипи"


@pytest.mark.parametrize("name", ["lexicon_ru.tsv", "lexicon_names.tsv", "lexicon.tsv"])
def test_every_shipped_row_names_its_kind(name: str) -> None:
    rows = [
        line.split("\t")
        for line in (FOLDER / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rows
    assert all(len(row) == 5 and row[4] in KINDS for row in rows)


def test_russian_verb_forms_and_oblique_cases_are_not_shipped() -> None:
    text = (FOLDER / "lexicon_ru.tsv").read_text(encoding="utf-8")
    stems = {line.split("\t")[0] for line in text.splitlines() if not line.startswith("#")}
    assert "цунами" in stems  # an indeclinable loan, listed without affix flags, stays
    assert {"пальто", "фойе", "бельканто"} <= stems
    assert not {"умрешь", "немцем", "бенгальцев", "людьми", "суечусь", "очень", "сквозь"} & stems
    assert not any(stem.endswith(("шься", "ться", "цем", "ичем")) for stem in stems)
