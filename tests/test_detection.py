"""detect_script counts the letters of prose, not of markup or code (issue 10)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import _detect, detect_script
from uztranslit._alphabet import APOSTROPHES, CYRILLIC_LETTERS, LATIN_LETTERS
from uztranslit._detect import prose
from uztranslit._new_latin import NEW_ALPHABET_LETTERS

PAGE = """<!DOCTYPE html>
<html lang="uz"><head><meta charset="utf-8"><title>Янгиликлар</title>
<link rel="stylesheet" href="https://cdn.example.com/bootstrap/css/bootstrap.min.css">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
<script>window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-X');
</script>
<style>body { font-family: Arial, sans-serif; margin: 0 auto; max-width: 960px; }
.navbar-brand { font-weight: bold; color: #333; }</style>
</head><body><nav class="navbar navbar-expand-lg">
<a class="navbar-brand" href="/">Бош саҳифа</a></nav>
<main><h1>Тошкентда янги мактаб очилди</h1>
<p>Пойтахтда 600 ўринли мактаб фойдаланишга топширилди.&nbsp;Батафсил: info@maktab.uz</p>
</main></body></html>
"""


def test_a_small_cyrillic_page_is_cyrillic() -> None:
    assert detect_script(PAGE) == "cyrillic"


def test_the_page_is_converted_and_its_code_left_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uztranslit"], input=PAGE.encode(), capture_output=True, check=True
    )
    out = done.stdout.decode()
    assert "Toshkentda yangi maktab ochildi" in out
    assert "function gtag(){dataLayer.push(arguments);}" in out
    assert 'class="navbar navbar-expand-lg"' in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("<b class='x'>Салом</b>", "class"),
        ("<script>var shahar = 1;</script>Салом", "shahar"),
        ("<STYLE>p{color:red}</STYLE>Салом", "color"),
        ("Салом<script>never closed shahar", "shahar"),
        ("<!-- shahar -->Салом", "shahar"),
        ("Салом https://kun.uz/shahar", "shahar"),
        ("Салом www.shahar.uz", "shahar"),
        ("Салом shahar@kun.uz", "shahar"),
        ("Салом dataLayer.push(x)", "dataLayer"),
        ("Салом font_size", "font_size"),
        ("Салом getElementById", "getElementById"),
        ("Салом &laquo;", "laquo"),
    ],
)
def test_markup_and_code_are_not_prose(text: str, gone: str) -> None:
    assert gone not in prose(text)
    assert "Салом" in prose(text)


@pytest.mark.parametrize(
    "text",
    ["Oʻzbekiston Respublikasi", "Shahar, qishloq va tuman", "O'zbek tili. Toshkent shahri"],
)
def test_latin_prose_is_still_latin(text: str) -> None:
    assert detect_script(text) == "latin"
    assert prose(text) == text


# The patterns prose() and detect_script() were written as first: each read at every
# character.  They are now found from a rare character or counted in one pass; these
# say what they must still find.
_REFERENCE_NOT_PROSE = (
    (
        "<",
        re.compile(
            r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|</?[A-Za-z!?][^<>]*>",
            re.IGNORECASE | re.DOTALL,
        ),
    ),
    ("&", re.compile(r"&[A-Za-z][A-Za-z0-9]{1,31};")),
    ("://", re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*")),
    ("www.", re.compile(r"\bwww\.\S*", re.IGNORECASE)),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
)
_REFERENCE_CODE_HINT = re.compile(r"[a-z][A-Z]|_|[\w$]\.[A-Za-z_$]")


def reference_prose(text: str) -> str:
    for trigger, pattern in _REFERENCE_NOT_PROSE:
        if trigger in text:
            text = pattern.sub(" ", text)
    pieces: list[str] = []
    position = 0
    for hint in _REFERENCE_CODE_HINT.finditer(text):
        if hint.start() < position:
            continue
        start = hint.start()
        while start > position and (text[start - 1].isalnum() or text[start - 1] in "_$."):
            start -= 1
        found = re.compile(r"[\w$.]*").match(text, hint.start())
        pieces.append(text[position:start])
        pieces.append(" ")
        position = hint.end() if found is None else max(hint.end(), found.end())
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


# What URLs, addresses, names in code and markup are made of, and letters of each script.
PROSE_PIECES = [*"aAbzZwW1+-.:/_$@&;<>! \n\téçşЎўқŞǵǴ😀\ud800фʻє", "://", "www.", "WWW."]
PROSE_PIECES += ["http", "s", "x.y", "<p>", "sh", "CH", "g'", "O‘", "Sʼ", "hH"]
PROSE_TEXT = st.lists(
    st.sampled_from(PROSE_PIECES),
    max_size=40,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(PROSE_TEXT)
def test_prose_removes_what_the_patterns_removed(text: str) -> None:
    assert prose(text) == reference_prose(text)


@settings(max_examples=500, deadline=None)
@given(PROSE_TEXT | st.text(max_size=60))
def test_letters_are_counted_as_str_count_counts_them(text: str) -> None:
    units = _detect.code_units(text)
    for letters in (CYRILLIC_LETTERS, LATIN_LETTERS, NEW_ALPHABET_LETTERS, "ŞşǴǵ"):
        counted = _detect.letters_in(units, _detect.alphabet(letters))
        assert counted == sum(text.count(letter) for letter in letters)
    pairs = ["sh", "Sh", "SH", "ch", "Ch", "CH"]
    pairs += [letter + mark for letter in "oOgG" for mark in APOSTROPHES]
    assert _detect._old_latin_letters(text) == sum(text.count(pair) for pair in pairs)


def reference_detection(text: str) -> str | None:
    """detect_script as first written: every letter counted by str.count, in the prose
    of the patterns it was first written with."""
    text = reference_prose(text)

    def count(letters: frozenset[str] | str) -> int:
        return sum(text.count(letter) for letter in letters)

    cyrillic, new = count(CYRILLIC_LETTERS), count(NEW_ALPHABET_LETTERS)
    latin = count(LATIN_LETTERS) + new
    if cyrillic > latin:
        return "cyrillic"
    if latin > cyrillic:
        pairs = ["sh", "Sh", "SH", "ch", "Ch", "CH"]
        pairs += [letter + mark for letter in "oOgG" for mark in APOSTROPHES]
        old = sum(text.count(pair) for pair in pairs)
        return "new-latin" if new and new > old else "latin"
    return None


# Texts where the count is close: letters of each script and each Latin alphabet.
CLOSE_PIECES = [*"aşçöğŞÇÖĞфўЎ ", "sh", "Ch", "oʻ", "G'", "<b>", "x_y", "http://a"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(CLOSE_PIECES), max_size=30).map("".join) | PROSE_TEXT)
def test_the_script_is_the_one_with_more_letters_as_first_written(text: str) -> None:
    # the 1995 and 2026 letters are counted together, the 2026 ones apart only in a
    # Latin text that holds one
    assert detect_script(text) == reference_detection(text)
