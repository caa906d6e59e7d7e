"""Uzbek Cyrillic ↔ Latin transliteration by the 1995 orthography rules.

>>> from uztranslit import to_latin, to_cyrillic
>>> to_latin("Ўзбекистон")
'Oʻzbekiston'
>>> to_cyrillic("Oʻzbekiston")
'Ўзбекистон'
"""

from ._api import (
    APOSTROPHE_STYLES,
    CONVENTIONS,
    SCRIPTS,
    convert_stream,
    detect_script,
    normalize_apostrophes,
    to_cyrillic,
    to_latin,
    transliterate,
)
from ._batch import (  # columns for engines, scripts per row (docs/scale.md)
    BatchTransliterator,
    ScriptCounts,
    count_scripts,
    detect_scripts,
    transliterate_batch,
)
from ._lexicon import Lexicon, LexiconError, load_lexicon, parse_lexicon
from ._transliterator import Transliterator

__all__ = [
    "APOSTROPHE_STYLES",
    "CONVENTIONS",
    "SCRIPTS",
    "BatchTransliterator",
    "Lexicon",
    "LexiconError",
    "ScriptCounts",
    "Transliterator",
    "convert_stream",
    "count_scripts",
    "detect_script",
    "detect_scripts",
    "load_lexicon",
    "normalize_apostrophes",
    "parse_lexicon",
    "to_cyrillic",
    "to_latin",
    "transliterate",
    "transliterate_batch",
]
__version__ = "1.0.0"
