"""The scoring of bench/accuracy.py and bench/roundtrip.py, reported in docs/accuracy.md."""

from __future__ import annotations

import pytest
from accuracy import CONVENTION, NOISE, OURS, RULES, Score, ceiling, classify, score_line
from charts import accuracy_series, errors_per_thousand
from roundtrip import (
    CLDR_NAME,
    OTHER_SPELLING,
    SOFT_SIGN_BEFORE_SUFFIX,
    cldr_names,
    failure_kind,
    through_lexicon,
)
from roundtrip import OURS as NOT_THE_LISTS


def scored(*lines: tuple[str, str]) -> Score:
    score = Score()
    for output, reference in lines:
        score_line(output, reference, score)
    return score


class TestTokenInPosition:
    def test_a_right_line_costs_nothing(self) -> None:
        score = scored(("Oʻzbekiston Respublikasi", "Oʻzbekiston Respublikasi"))
        assert (score.tokens, score.errors) == (2, 0)

    def test_a_wrong_token_costs_one(self) -> None:
        score = scored(("sirk va teatr", "tsirk va teatr"))
        assert (score.tokens, score.errors) == (3, 1)
        assert score.pairs == {("sirk", "tsirk"): 1}

    def test_an_extra_or_missing_token_costs_one(self) -> None:
        assert scored(("2017 yil may", "2017-yil may")).errors == 2
        assert scored(("bir ikki uch", "bir uch")).errors == 1
        assert scored(("bir uch", "bir ikki uch")).errors == 1

    def test_a_token_is_not_right_because_it_occurs_elsewhere(self) -> None:
        # Each word occurs in the reference, but only one can be aligned in position.
        score = scored(("uch ikki bir", "bir ikki uch"))
        assert score.errors == 2
        assert score.accuracy == pytest.approx(100 / 3)

    def test_apostrophe_look_alikes_are_folded(self) -> None:
        assert scored(("oʻzbek maʼno", "o‘zbek ma’no")).errors == 0

    def test_punctuation_stays_attached(self) -> None:
        assert scored(("kitob,", "kitob")).errors == 1


class TestErrorClasses:
    @pytest.mark.parametrize(
        ("output", "reference", "kind"),
        [
            ("Yevgeniy", "Evgeniy", RULES),  # е at the start is ye
            ("fransuz", "frantsuz", RULES),  # ц after a consonant is s
            ("AQSH", "AQSh", RULES),  # rule 79
            ("No'mon", "No''mon", RULES),  # rule 32
            ("syezd", "s'ezd", RULES),  # ъ dropped in Russian words
            ("oktabr", "oktyabr", RULES),  # the months drop the y
            ("nuqtayi", "nuqtai", RULES),  # the izofa after a vowel is -yi
            ("sho'royi", "sho'roi", RULES),
            ("Qal'ayi", "Qal'ai", RULES),
            ("qiyin", "qiin", OURS),  # a y that is no izofa's
            ("valyuta", "valuta", OURS),  # usage is split
            ("bo'lsada,", "bo'lsa-da,", CONVENTION),
            ("«Men", "“Men", CONVENTION),
            ("2017", "2017-yil", CONVENTION),
            ("kitob", "", CONVENTION),
            ("Nasil", "Nasыl", NOISE),
            ("qalam", "kitob", OURS),  # no class fits: counted as ours
        ],
    )
    def test_cyrillic_to_latin(self, output: str, reference: str, kind: str) -> None:
        [(_, found)] = classify("latin", scored((output, reference))).keys()
        assert found == kind

    @pytest.mark.parametrize(
        ("output", "reference", "kind"),
        [
            ("нефть", "нефт", RULES),  # a bare stem keeps its final ь
            ("нефть,", "нефт,", RULES),
            ("Волтер", "Вольтер", OURS),  # a name missing from the lexicon
            ("Воронтсов", "Воронцов", OURS),
            ("Девид", "Дэвид", OURS),
            ("Пепси", "Pepsi", OURS),
            ("бўлса-да,", "бўлсада,", CONVENTION),
            ("XX", "ХХ", NOISE),  # Cyrillic Х typed for a Roman numeral
            ("XIX", "ХIХ", NOISE),
            ("Xon", "Хон", OURS),  # not a numeral
        ],
    )
    def test_latin_to_cyrillic(self, output: str, reference: str, kind: str) -> None:
        [(_, found)] = classify("cyrillic", scored((output, reference))).keys()
        assert found == kind


class TestCeiling:
    def test_only_errors_of_our_kind_can_be_won_back(self) -> None:
        score = scored(("Yevgeniy qalam keldi", "Evgeniy kitob keldi"))
        # One pair is forced (ye), one is ours: at best 2 of 3 tokens right.
        assert ceiling(classify("latin", score), score) == pytest.approx(200 / 3)

    def test_the_ceiling_never_passes_100(self) -> None:
        score = scored(("qalam", "kitob"))
        assert ceiling(classify("latin", score), score) == 100.0


class TestRoundTripFailures:
    def test_soft_sign_kept_before_a_suffix_is_the_lists_convention(self) -> None:
        assert failure_kind("Брюссельда", "Брюсселда", set()) == SOFT_SIGN_BEFORE_SUFFIX
        assert failure_kind("октябрьнинг", "октябрнинг", set()) == SOFT_SIGN_BEFORE_SUFFIX

    def test_a_soft_sign_inside_a_stem_is_not(self) -> None:
        assert failure_kind("Сальвадор", "Салвадор", set()) == NOT_THE_LISTS

    def test_a_cldr_name_the_list_writes_without_its_soft_sign(self) -> None:
        names = cldr_names()
        assert "мальта" in names
        assert failure_kind("Малтада", "Мальтада", set(), names) == CLDR_NAME
        assert failure_kind("Малтада", "Мальтада", set(), ()) == NOT_THE_LISTS
        assert failure_kind("Волтер", "Вольтер", set(), names) == NOT_THE_LISTS

    def test_two_spellings_of_one_latin_form_cannot_both_pass(self) -> None:
        assert failure_kind("Айова", "Аёва", {"Айова", "Аёва"}) == OTHER_SPELLING
        assert failure_kind("Айова", "Аёва", {"Айова"}) == NOT_THE_LISTS


class TestCharts:
    def test_accuracy_series_groups_by_tool_and_data_set(self) -> None:
        rows = [
            {"data": "a", "tool": "x", "to_latin": 99.0, "to_cyrillic": 98.0},
            {"data": "b", "tool": "x", "to_latin": 97.0, "to_cyrillic": None},
            {"data": "a", "tool": "y", "to_latin": 95.0, "to_cyrillic": 94.0},
        ]
        datasets, tools, series = accuracy_series(rows)
        assert datasets == ["a", "b"]
        assert tools == ["x", "y"]
        assert series[("x", "to_latin")] == [99.0, 97.0]
        assert series[("x", "to_cyrillic")] == [98.0, None]
        assert series[("y", "to_latin")] == [95.0, None]  # y did not run on b

    def test_errors_per_thousand(self) -> None:
        assert errors_per_thousand(99.5) == 5.0
        assert errors_per_thousand(100.0) == 0.0
        assert errors_per_thousand(None) is None


def test_round_trip_failures_through_the_lexicon_are_told_apart() -> None:
    assert through_lexicon("Bryusselga")  # брюссель, a loan of the generated lexicon
    assert through_lexicon("Melnikovning")  # a name
    assert not through_lexicon("Ayova")  # the letter rules alone
    assert not through_lexicon("mergan")  # мэр is a noun: it takes no -gan
