"""A very long Cyrillic word is cut at the same places by a stream and by a converter
given it whole (_long_words), so that its format characters land where the whole
text puts them, and a stream holds a bounded piece of it (issue 11's memory target)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uztranslit import _long_words, _stream, convert_stream, to_latin, transliterate
from uztranslit._invisible import FORMAT_CHARACTERS
from uztranslit._long_words import (
    PIECE,
    RUN_CONTEXT,
    first_cut,
    no_rule_reads_across,
    pieces,
)

from ._seed import SEED_CYRILLIC_WORDS
from .test_chunking import chunked, streamed, whole

LETTERS = "".join(SEED_CYRILLIC_WORDS)  # the seed's Cyrillic words run together


def run(letters: int, every: int, marks: str = "\u00ad", *, lower: bool = True) -> str:
    """*letters* of the seed's words, without spaces, with a format character (in turn
    from *marks*) after every *every* letters."""
    source = LETTERS.lower() if lower else LETTERS
    text = (source * (letters // len(source) + 1))[:letters]
    stretches = [text[i : i + every] for i in range(0, len(text), every)]
    return "".join(part + marks[n % len(marks)] for n, part in enumerate(stretches))[:-1]


def random_marks(letters: int, share: float) -> str:
    """*letters* of the seed's words, in their case, with any format characters after
    about *share* of them."""
    chosen = random.Random(11)
    text = (LETTERS * (letters // len(LETTERS) + 1))[:letters]
    return "".join(
        letter + (chosen.choice(FORMAT_CHARACTERS) if chosen.random() < share else "")
        for letter in text
    )


def in_chunks(text: str, size: int = 1 << 16) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


SHAPES: dict[str, Callable[[], str]] = {
    "a soft hyphen every 2,000 letters": lambda: run(1_300_000, 2000),
    "mixed case, a joiner or soft hyphen every 3rd letter": lambda: run(
        900_000, 3, "\u200d\u00ad", lower=False
    ),
    "any format characters after a third of the letters": lambda: random_marks(1_000_000, 0.3),
    # cut inside, after a place no rule reads across; then before the next run
    "after a Latin letter": lambda: "x" + run(1_300_000, 700),
    "after a run with no place to cut": lambda: "ецЪ" * 400_000 + "," + run(1_300_000, 5),
}


@pytest.mark.parametrize("to", ["latin", "new-latin"])
@pytest.mark.parametrize("shape", SHAPES)
def test_a_long_marked_run_streams_as_it_converts_whole(shape: str, to: str) -> None:
    # a word this long has its marks placed in proportion: before, the stream cut it
    # where it liked and placed each piece's marks in proportion to the piece
    text = SHAPES[shape]()
    streamed_pieces = list(convert_stream(in_chunks(text), to=to))
    assert len(streamed_pieces) > 1  # it was cut inside the run
    assert "".join(streamed_pieces) == transliterate(text, to=to)


def test_a_stream_holds_a_bounded_piece_of_a_run_of_marks() -> None:
    # a soft hyphen after every second letter: before, no place to cut, held whole
    text = run(1_750_000, 2)
    streamed_pieces = list(convert_stream(in_chunks(text)))
    assert "".join(streamed_pieces) == to_latin(text)
    assert len(streamed_pieces) >= 4
    assert max(map(len, streamed_pieces)) < 3 * PIECE


def test_the_first_cut_is_known_from_the_word_s_beginning() -> None:
    word = run(700_000, 7, "".join(FORMAT_CHARACTERS), lower=False)
    place = first_cut(word)
    assert place >= PIECE
    assert word[place] not in FORMAT_CHARACTERS  # right before a letter
    assert word[place - 1] in FORMAT_CHARACTERS  # the marks before it stay before the cut
    # the place and RUN_CONTEXT letters after it are enough to find it; fewer are not
    letters_after = 0
    end = place
    while letters_after < RUN_CONTEXT:
        letters_after += word[end] not in FORMAT_CHARACTERS
        end += 1
    assert first_cut(word[:end]) == place
    assert first_cut(word[: end - 1]) == 0
    # its letters convert the same in two pieces as whole
    bare = "".join(char for char in word if char not in FORMAT_CHARACTERS)
    before = place - sum(char in FORMAT_CHARACTERS for char in word[:place])
    assert to_latin(bare[:before]) + to_latin(bare[before:]) == to_latin(bare)
    # and the word is cut again from there, as a word of its own
    assert pieces(word) == [word[:place], *pieces(word[place:])]
    assert pieces(word + word) == [word[:place], *pieces(word[place:] + word)]


def test_no_cut_where_a_rule_reads_across() -> None:
    side = RUN_CONTEXT
    assert no_rule_reads_across("к" * side + "т" * side, side)
    assert not no_rule_reads_across("к" * side + "е" * side, side)  # е reads back
    assert not no_rule_reads_across("а" * side + "т" * side, side)  # -да, -чи end a piece
    assert not no_rule_reads_across("к" * side + "т" * (side - 1), side)  # too few after
    assert not no_rule_reads_across("к" * side + "т" * 3 + "." + "т" * side, side)
    # ц after a vowel reads what follows it: "s" before a suffix chain at the word's end
    assert not no_rule_reads_across("к" * side + "ацлар" + "т" * side, side + 5)
    assert no_rule_reads_across("к" * side + "ацлар" + "т" * side, side)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from([*SEED_CYRILLIC_WORDS[:40], "цирк", "аца", "ТЕТ", *FORMAT_CHARACTERS[:4]]),
        min_size=40,
        max_size=160,
    ).map("".join),
    st.lists(st.integers(0, 1500), max_size=12),
    st.sampled_from(["latin", "new-latin"]),
)
def test_any_chunks_of_long_words_give_the_whole_conversion(
    text: str, cuts: list[int], to: str
) -> None:
    # places seen often: a word is cut after 150 characters, a stream looks for one
    # after 200 (RUN_CONTEXT stays: it is what keeps a cut from changing the letters)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_long_words, "PIECE", 150)
        patch.setattr(_stream, "CUT_LIMIT", 200)
        expected = whole(text, "cyrillic", to, ())
        assert streamed(chunked(text, cuts), "cyrillic", to, ()) == expected
