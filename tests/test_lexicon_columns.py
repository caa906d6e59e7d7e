"""A lexicon's text read a column at a time (read_columns) is what reading it row by
row (parse_lexicon) gives: the same entries in the same order, the same kinds, the
same error for a malformed row."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import Lexicon, LexiconError, parse_lexicon
from uztranslit._lexicon import (
    HERE,
    SHIPPED_FILES,
    SHIPPED_TO_LATIN,
    default_lexicon,
    parse_lexicon_text,
    read_columns,
    shipped_file,
)


def described(table: Mapping[str, str]) -> tuple[list[tuple[str, str]], dict[str, str]]:
    kinds = getattr(table, "kinds", {})
    return list(table.items()), dict(kinds)


def same(one: Lexicon, other: Lexicon) -> bool:
    return described(one.to_latin) == described(other.to_latin) and described(
        one.to_cyrillic
    ) == described(other.to_cyrillic)


@pytest.mark.parametrize("name", SHIPPED_FILES)
def test_the_shipped_files_are_read_by_columns_as_by_rows(name: str) -> None:
    with open(os.path.join(HERE, name), encoding="utf-8") as file:
        text = file.read()
    columns = read_columns(text)
    assert columns is not None  # the fast path is taken at every start
    assert same(columns, parse_lexicon(text.splitlines(), name))


# Pieces of rows, plain and not: stems in both scripts and cases, the three
# directions (and one misspelt), the kinds (and one unknown), blanks, whitespace,
# line breaks other than \n, İ, a byte order mark, comments.
_PIECES = st.sampled_from(
    [
        "салом",
        "Салом",
        "сентябрь",
        "salom",
        "SALOM",
        "sentabr",
        "kitob",
        "both",
        "to-latin",
        "to-cyrillic",
        "To-Latin",
        "noun",
        "name",
        "verb",
        "a note",
        "",
        " ",
        "\t",
        "\t",
        "\t",
        "\n",
        "\n",
        "\r\n",
        "\r",
        "\u2028",
        "\u2029",
        "\x0b",
        "\x85",
        "\x1c",
        "İ",
        "\ufeff",
        "#",
    ]
)


def outcome(read: object) -> tuple[str, object]:
    try:
        lexicon = read() if callable(read) else read
    except LexiconError as error:
        return ("error", str(error))
    assert isinstance(lexicon, Lexicon)
    return ("lexicon", (described(lexicon.to_latin), described(lexicon.to_cyrillic)))


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_any_text_is_read_as_row_by_row(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert outcome(lambda: parse_lexicon_text(text, "x")) == outcome(
        lambda: parse_lexicon(text.splitlines(), "x")
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["сентябрь", "Сентябрь", "кино", "цех"]),
            st.sampled_from(["sentabr", "Sentabr", "kino", "sex"]),
            st.sampled_from(["both", "to-latin", "to-cyrillic"]),
            st.sampled_from(["", "noun", "name"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_plain_rows_take_the_columns_and_keep_the_last_row_of_a_stem(
    rows: list[tuple[str, str, str, str]],
) -> None:
    # rows that repeat a stem with another spelling, direction or kind: the last wins,
    # its kind too (or the lack of one)
    text = "".join(
        f"{cyr}\t{lat}\t{direction}\tnote\t{kind}\n" for cyr, lat, direction, kind in rows
    )
    columns = read_columns(text)
    assert columns is not None
    assert same(columns, parse_lexicon(text.splitlines()))


@pytest.mark.parametrize(
    "text",
    [
        *(f"салом\tsalom{cut}кино\tkino\n" for cut in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
        *(f"салом\tsalom{cut}кино\n" for cut in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
        "ΟΔΟΣ\tΟΔΟΣ\nİ\tİ\n",  # lower case as each stem alone (final sigma), with İ
        "\ufeffсалом\tsalom\n",
        " салом\tsalom\n",
        "салом\tsalom\t\n",  # a blank direction is "both"
        "салом\tsalom\tboth\t\t noun\n",
    ],
)
def test_what_splitlines_cuts_and_strip_trims_is_read_as_row_by_row(text: str) -> None:
    assert outcome(lambda: parse_lexicon_text(text, "x")) == outcome(
        lambda: parse_lexicon(text.splitlines(), "x")
    )


def test_the_files_not_read_to_latin_hold_no_row_to_latin() -> None:
    # the shipped lexicon as all its files merged in order, both ways, is what the
    # tables read apart give: to Latin from SHIPPED_TO_LATIN alone
    merged = Lexicon({}, {})
    for name in SHIPPED_FILES:
        if name not in SHIPPED_TO_LATIN:
            assert len(shipped_file(name).to_latin) == 0, name
        merged = merged.merged(shipped_file(name))
    assert same(default_lexicon(), merged)


def test_converting_to_latin_reads_only_the_files_with_rows_to_latin() -> None:
    code = (
        "import uztranslit; from uztranslit import _lexicon as L;"
        "uztranslit.to_latin('салом'); first = L.shipped_file.cache_info().currsize;"
        "uztranslit.to_cyrillic('salom'); print(first, L.shipped_file.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [str(len(SHIPPED_TO_LATIN)), str(len(SHIPPED_FILES))]
