"""_parts: strings converted in one run give what each converted alone gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import Transliterator
from uztranslit.formats._parts import Part, convert_strings, unescaped

_WORDS = [
    "Ё",
    "ЁЛҒИЗ",
    "ёлғиз",
    "Ўзбекистон",
    "ЦЕНТР",
    "цирк",
    "съезд",
    "Е",
    "ел",
    "маъно",
    "I",
    "II",
    "XX",
    "аср",
    "2025",
    "йил",
    "«",
    "»",
    "-",
    "да",
    ".",
    ",",
    "%s",
    "{name}",
    "Oʻzbekiston",
    "O'zbekiston",
    "YO",
    "SH",
    "Sh",
    "shahar",
    "G",
    "gʻ",
    "s",
    "c",
    "ts",
]
_STRINGS = st.lists(
    st.lists(st.sampled_from(_WORDS), max_size=5).map(" ".join), min_size=1, max_size=6
)


@settings(max_examples=150, deadline=None)
@given(_STRINGS, st.sampled_from(["latin", "cyrillic"]))
def test_one_run_equals_each_string_alone(texts: list[str], to: str) -> None:
    source = "cyrillic" if to == "latin" else "latin"
    translit = Transliterator(to=to, source=source)
    strings = [[Part(text, text)] for text in texts]
    assert convert_strings(translit, strings, unescaped) == [translit(text) for text in texts]


@settings(max_examples=100, deadline=None)
@given(_STRINGS)
def test_syntax_parts_stay_and_separate_words(texts: list[str]) -> None:
    translit = Transliterator(to="latin", source="cyrillic")
    parts = [Part("{x}") if n % 2 else Part(text, text) for n, text in enumerate(texts)]
    (converted,) = convert_strings(translit, [parts], unescaped)
    expected = "".join("{x}" if n % 2 else translit(text) for n, text in enumerate(texts))
    assert converted == expected
