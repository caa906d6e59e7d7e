"""Hypothesis properties of the two directions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import to_cyrillic, to_latin
from uztranslit._alphabet import (
    APOSTROPHES,
    CYRILLIC_LETTERS,
    CYRILLIC_LOWER,
    CYRILLIC_UPPER,
    LATIN_LETTERS,
    is_uzbek_letter,
)

from ._seed import SEED_CYRILLIC_WORDS, SEED_LATIN_WORDS, SEED_TEXT, seed_without_latin_words

SEPARATORS = st.sampled_from([" ", "  ", "\t", "\r\n", "\n", ", ", ". ", " – ", "-", "«", "»", "“"])


def test_seed_has_words_to_test() -> None:
    assert len(SEED_CYRILLIC_WORDS) > 150
    for word in SEED_LATIN_WORDS:
        assert word in SEED_TEXT


@pytest.mark.parametrize("word", SEED_CYRILLIC_WORDS)
def test_every_seed_word_round_trips(word: str) -> None:
    assert to_cyrillic(to_latin(word)) == word


def test_seed_article_round_trips_whole() -> None:
    text = seed_without_latin_words()
    latin = to_latin(text)
    assert latin != text
    assert to_cyrillic(latin) == text


@given(st.lists(st.tuples(st.sampled_from(SEED_CYRILLIC_WORDS), SEPARATORS), min_size=1))
def test_seed_words_in_any_order_and_layout_round_trip(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + separator for word, separator in pieces)
    assert to_cyrillic(to_latin(text)) == text


CYRILLIC_HEAVY = st.text(
    alphabet=st.one_of(st.sampled_from(CYRILLIC_LOWER + CYRILLIC_UPPER), st.characters())
)


@given(CYRILLIC_HEAVY)
def test_to_latin_leaves_no_uzbek_cyrillic_letter(text: str) -> None:
    assert not CYRILLIC_LETTERS.intersection(to_latin(text))


@given(st.sampled_from(["https://", "www.", "x@y.uz "]), CYRILLIC_HEAVY)
def test_to_latin_leaves_no_cyrillic_even_after_a_url(prefix: str, text: str) -> None:
    assert not CYRILLIC_LETTERS.intersection(to_latin(prefix + text))


def _has_no_uzbek_letter(text: str) -> bool:
    return not any(is_uzbek_letter(char) or char in APOSTROPHES for char in text)


@given(st.text().filter(_has_no_uzbek_letter))
def test_text_without_uzbek_letters_is_unchanged(text: str) -> None:
    assert to_latin(text) == text
    assert to_cyrillic(text) == text


@given(st.text(alphabet=st.characters(categories=["Nd", "P", "Zs", "S", "Cc"])))
def test_digits_punctuation_and_space_are_unchanged(text: str) -> None:
    if _has_no_uzbek_letter(text):
        assert to_latin(text) == text
        assert to_cyrillic(text) == text


@settings(max_examples=300)
@given(st.text())
def test_neither_direction_raises(text: str) -> None:
    assert isinstance(to_latin(text), str)
    assert isinstance(to_cyrillic(text), str)


@given(st.text(alphabet=st.sampled_from([*sorted(LATIN_LETTERS | APOSTROPHES), " ", "-"])))
def test_latin_letters_and_marks_never_raise(text: str) -> None:
    assert isinstance(to_cyrillic(text), str)


class TestAlphabetDefinition:
    """The one definition of 'Uzbek letter' that the properties rely on."""

    def test_cyrillic_alphabet(self) -> None:
        assert len(CYRILLIC_LOWER) == len(CYRILLIC_UPPER) == 37
        assert CYRILLIC_LOWER.upper() == CYRILLIC_UPPER
        for letter in "ўқғҳщыъьэ":
            assert is_uzbek_letter(letter)
            assert is_uzbek_letter(letter.upper())
        for foreign in "іїєәңөүһ":
            assert not is_uzbek_letter(foreign)

    def test_latin_alphabet(self) -> None:
        assert set("abcdefghijklmnopqrstuvxyzABCDEFGHIJKLMNOPQRSTUVXYZ") == LATIN_LETTERS
        for foreign in "wWéçşğıß":
            assert not is_uzbek_letter(foreign)

    def test_apostrophes_are_not_letters(self) -> None:
        assert len(APOSTROPHES) == 11  # with the fullwidth ＇ (issue 14)
        for mark in APOSTROPHES:
            assert not is_uzbek_letter(mark)
