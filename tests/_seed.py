"""The seed article: a real Uzbek Cyrillic news item, used as test data."""

from __future__ import annotations

import regex

from ._docs import ROOT

SEED = ROOT / "seeds" / "000_cef08cc270b87343.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")

# The article's only Latin-script words; everything else is Uzbek Cyrillic.
SEED_LATIN_WORDS = ("date", "Kazinform")

SEED_CYRILLIC_WORDS = sorted(set(regex.findall(r"\p{Cyrillic}+", SEED_TEXT)))


def seed_without_latin_words() -> str:
    """The article with its Latin-script words taken out, layout kept."""
    text = SEED_TEXT
    for word in SEED_LATIN_WORDS:
        text = text.replace(word, "")
    return text
