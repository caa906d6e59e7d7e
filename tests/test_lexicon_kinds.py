"""The kind of a lexicon stem (fifth column): which suffix chains it takes."""

from __future__ import annotations

import pickle

import pytest

from uztranslit import LexiconError, parse_lexicon, to_cyrillic, to_latin
from uztranslit._lexicon import (
    LARGE,
    is_cyrillic_chain_for,
    is_latin_chain_for,
    stem_kind,
)

ROWS = [
    "мэр\tmer\tto-cyrillic\tэ after a consonant\tnoun",
    "марья\tmarya\tto-cyrillic\ta name\tname",
    "пышма\tpishma\tto-cyrillic",  # no kind: any chain, as before kinds existed
    "мэр\tmer\tto-latin\t\tnoun",
]


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return parse_lexicon(ROWS)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("mer", "мэр"),
        ("merlar", "мэрлар"),
        ("merning", "мэрнинг"),
        ("merlik", "мэрлик"),
        ("mergan", "мерган"),  # "marksman": -gan needs a verb before it
        ("merganlik", "мерганлик"),
        ("merlashgan", "мэрлашган"),  # verb-forming -lash, then -gan
        ("merlashtirib", "мэрлаштириб"),
        ("merish", "мериш"),
        ("marya", "марья"),
        ("maryaning", "марьянинг"),
        ("maryaga", "марьяга"),
        ("maryalar", "марьялар"),
        ("maryam", "марям"),  # the Uzbek name, not Марья + 1sg possessive
        ("maryamning", "марямнинг"),
        ("maryaviy", "марявий"),  # no adjective suffix after a name
        ("maryalashgan", "марялашган"),  # nor a verb
        ("pishmagan", "пышмаган"),  # a row without a kind keeps the old behaviour
    ],
)
def test_a_stem_takes_the_chains_of_its_kind(lexicon, latin: str, cyrillic: str) -> None:  # type: ignore[no-untyped-def]
    assert to_cyrillic(latin, lexicon=lexicon) == cyrillic


def test_case_is_kept_with_kinds(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert to_cyrillic("Maryam Maryaga MERGAN MERLAR", lexicon=lexicon) == (
        "Марям Марьяга МЕРГАН МЭРЛАР"
    )


def test_cyrillic_to_latin_stems_take_their_kinds_chains() -> None:
    lexicon = parse_lexicon(["мещан\tmeshshan\tboth\t\tnoun"])
    assert to_latin("мещанлар", lexicon=lexicon) == "meshshanlar"
    assert to_latin("мещанган", lexicon=lexicon) == "meshangan"  # not the stem + -ган


@pytest.mark.parametrize(
    ("kind", "chain", "takes"),
    [
        ("", "gan", True),
        ("noun", "gan", False),
        ("noun", "lashgan", True),
        ("noun", "larimizdagi", True),
        ("noun", "ish", False),
        ("noun", "ib", False),
        ("name", "ning", True),
        ("name", "dan", True),
        ("name", "m", False),
        ("name", "ingiz", False),
        ("name", "larimiz", True),  # possessives after the plural are fine
        ("name", "iy", False),
        ("name", "lik", True),  # Toshkentlik
        ("name", "lash", False),
        ("noun", "roq", True),  # the comparative: moʻtadilroq
        ("noun", "roqdir", True),
        ("name", "roq", False),
    ],
)
def test_latin_chains_by_kind(kind: str, chain: str, takes: bool) -> None:
    assert is_latin_chain_for(kind, chain) is takes


@pytest.mark.parametrize(
    ("kind", "chain", "takes"),
    [
        ("", "ган", True),
        ("noun", "ган", False),
        ("noun", "лашган", True),
        ("noun", "ларимиздаги", True),
        ("name", "нинг", True),
        ("name", "м", False),
        ("name", "ий", False),
        ("name", "ларимиз", True),
        ("noun", "роқ", True),
        ("name", "роқ", False),
    ],
)
def test_cyrillic_chains_by_kind(kind: str, chain: str, takes: bool) -> None:
    assert is_cyrillic_chain_for(kind, chain) is takes


def test_an_unknown_kind_is_an_error_naming_the_line() -> None:
    with pytest.raises(LexiconError, match=r"<lexicon>:2: kind must be one of noun, name"):
        parse_lexicon(["кола\tkola", "мэр\tmer\tto-cyrillic\t\tverb"])


def test_a_later_row_replaces_the_kind_of_an_earlier_one() -> None:
    lexicon = parse_lexicon(["мэр\tmer\tto-cyrillic\t\tnoun", "мэр\tmer\tto-cyrillic"])
    assert stem_kind(lexicon.to_cyrillic, "mer") == ""
    assert to_cyrillic("mergan", lexicon=lexicon) == "мэрган"


def test_a_user_row_overrides_the_shipped_kind() -> None:
    lexicon = parse_lexicon(["мэр\tmer\tto-cyrillic"])  # the shipped row is a noun
    assert to_cyrillic("mergan") == "мерган"
    assert to_cyrillic("mergan", lexicon=lexicon) == "мэрган"


def test_kinds_survive_pickling(lexicon) -> None:  # type: ignore[no-untyped-def]
    copy = pickle.loads(pickle.dumps(lexicon))
    assert stem_kind(copy.to_cyrillic, "marya") == "name"
    assert to_cyrillic("maryam", lexicon=copy) == "марям"


def test_kinds_of_large_tables_and_their_merges() -> None:
    rows = [f"с{i}\ts{i}\tto-cyrillic" for i in range(LARGE)]
    large = parse_lexicon([*rows, "мэр\tmer\tto-cyrillic\t\tnoun"])
    assert stem_kind(large.to_cyrillic, "mer") == "noun"
    merged = parse_lexicon(["марья\tmarya\tto-cyrillic\t\tname"]).merged(large)
    assert stem_kind(merged.to_cyrillic, "mer") == "noun"
    assert stem_kind(merged.to_cyrillic, "marya") == "name"
    assert stem_kind(pickle.loads(pickle.dumps(merged)).to_cyrillic, "mer") == "noun"


def test_an_adjective_of_the_lexicon_takes_the_comparative() -> None:
    # мўътадил (lexicon.tsv) + -roq, the comparative: the ъ comes back before it too
    assert to_cyrillic("moʻtadilroq va moʻtadil") == "мўътадилроқ ва мўътадил"
