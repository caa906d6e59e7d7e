"""The review report (uztranslit.review): guessed words, positions, alternatives."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uztranslit import to_cyrillic, to_latin
from uztranslit.review import KINDS, explain, format_report, review


def test_each_kind_of_guess_going_to_cyrillic() -> None:
    text = "Konsertlarimizda yod, Facebook va militsiya"
    flags = {flag.word: flag for flag in review(text, to="cyrillic")}
    assert flags["Konsertlarimizda"].kind == "lexicon"
    assert flags["Konsertlarimizda"].alternatives == ("Консертларимизда",)
    assert flags["yod"].kind == "homograph"
    assert flags["yod"].alternatives == ("йод",)
    assert flags["Facebook"].kind == "kept"
    assert flags["militsiya"].kind == "loan rule"
    assert flags["militsiya"].alternatives == ("милитсия",)
    assert set(flags) == {"Konsertlarimizda", "yod", "Facebook", "militsiya"}


def test_positions_point_at_the_word_in_the_input() -> None:
    text = "«Yod» va MOL"
    for flag in review(text, to="cyrillic"):
        assert text[flag.start : flag.end] == flag.word
    assert [flag.reading for flag in review(text, to="cyrillic")] == ["Ёд", "МОЛ"]


def test_the_reading_is_what_the_conversion_writes() -> None:
    text = "Konsertlarimizda yod va mol sentabrda"
    converted = to_cyrillic(text)
    for flag in review(text, to="cyrillic"):
        assert flag.reading in converted


def test_assimilated_dative_going_to_latin() -> None:
    (flag,) = review("Тоққа чиқдик", to="latin")
    assert (flag.word, flag.reading, flag.kind) == ("Тоққа", "Toqqa", "homograph")
    assert flag.alternatives == ("Togʻga",)


def test_the_izofa_going_to_latin() -> None:
    flags = review("Нуқтаи назар, манбаи ва ТАРЖИМАИ ҲОЛ", to="latin")
    assert [(f.word, f.reading, f.kind, f.alternatives) for f in flags] == [
        ("Нуқтаи", "Nuqtayi", "homograph", ("Nuqtai",)),
        ("ТАРЖИМАИ", "TARJIMAYI", "homograph", ("TARJIMAI",)),
    ]
    assert "izofa" in flags[0].why


def test_plain_words_are_not_flagged() -> None:
    assert review("Bugun havo issiq, biz bogʻga bordik.", to="cyrillic") == []
    assert review("Бугун ҳаво иссиқ.", to="latin") == []
    assert review("Already Latin text", to="latin") == []


@given(st.text(alphabet=st.sampled_from(list("yodmlaKnsert ʻ'Fcbk,.")), max_size=40))
def test_flags_are_in_order_within_the_text_and_of_known_kinds(text: str) -> None:
    flags = review(text, to="cyrillic", source="latin")
    assert [flag.start for flag in flags] == sorted(flag.start for flag in flags)
    for flag in flags:
        assert flag.kind in KINDS
        assert text[flag.start : flag.end] == flag.word


def test_explain_names_the_rule_of_each_part() -> None:
    steps = explain("Сентябрда", to="latin")
    assert steps[0].rule.startswith("lexicon")
    assert "".join(step.output for step in steps) == to_latin("Сентябрда")
    steps = explain("poyezd", to="cyrillic")
    assert [step.source for step in steps] == ["p", "o", "ye", "z", "d"]
    assert "".join(step.output for step in steps) == to_cyrillic("poyezd")
    assert steps[2].rule.startswith("y_rule")


def test_report_formats() -> None:
    flags = review("yod", to="cyrillic")
    (line,) = format_report(flags, style="jsonl").splitlines()
    assert json.loads(line)["alternatives"] == ["йод"]
    assert "| 0 | yod | ёд | homograph | йод |" in format_report(flags)
    with pytest.raises(ValueError, match="table, jsonl"):
        format_report(flags, style="csv")


def test_a_flagged_word_is_quoted_as_the_text_writes_it() -> None:
    # Hypothesis found it: the word came back with the canonical ʼ for the text's '
    text = "ts'b"
    (flag,) = review(text, to="cyrillic")
    assert flag.word == text[flag.start : flag.end] == "ts'b"


def test_a_name_kept_before_uzbek_endings_is_flagged() -> None:
    text = "Telegram'dagi kanal va Facebook'da"
    flags = review(text, to="cyrillic")
    assert [(f.word, f.reading, f.kind) for f in flags] == [
        ("Telegram'dagi", "Telegram'даги", "kept"),
        ("Facebook'da", "Facebook'да", "kept"),
    ]
    assert flags[0].alternatives == ("Телеграмдаги",)  # the name in Cyrillic too
    assert flags[1].alternatives == ()  # c: no Cyrillic reading by the rules
    assert review("maʼno jamʼi", to="cyrillic") == []  # Uzbek words with a tutuq


def test_a_word_whose_y_is_a_vowel_is_flagged_as_kept() -> None:
    flags = review("Sony va choy", to="cyrillic")
    assert [(f.word, f.reading, f.kind) for f in flags] == [("Sony", "Sony", "kept")]
    (step,) = explain("Sony", to="cyrillic")
    assert step.output == "Sony"
    assert "y that is a vowel" in step.rule
    assert review("YHXB va MFY", to="cyrillic") == []  # Uzbek abbreviations convert


def test_the_2026_alphabet_is_reviewed_in_its_own_letters() -> None:
    # the alternative of Ўққа was written Ögʻga (1995 letters) next to the reading Öqqa
    flags = review("Ўққа чиқдик", to="new-latin")
    assert [(flag.reading, flag.alternatives) for flag in flags] == [("Öqqa", ("Öğga",))]
    for flag in review("Консертларимизда ўқидик", to="new-latin"):
        assert not any(pair in "".join(flag.alternatives) for pair in ("sh", "ch", "oʻ", "gʻ"))


def test_2026_latin_to_cyrillic_is_reviewed_as_1995_latin_is() -> None:
    # with source="new-latin" review said nothing, though the conversion guesses the same
    text = "yod va militsiya konsertlarimizda"
    old = review(text, to="cyrillic", source="latin")
    assert old  # the guesses are there
    assert review(text, to="cyrillic", source="new-latin") == old
    new = review("şöroi yod", to="cyrillic", source="new-latin")
    assert [flag.word for flag in new] == ["yod"]
