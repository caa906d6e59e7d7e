"""Uzbek Cyrillic ↔ Latin transliteration by the 1995 orthography rules.

>>> from uztranslit import to_latin, to_cyrillic
>>> to_latin("Ўзбекистон")
'Oʻzbekiston'
>>> to_cyrillic("Oʻzbekiston")
'Ўзбекистон'
"""

from ._api import (
    APOSTROPHE_STYLES,
    SCRIPTS,
    convert_stream,
    detect_script,
    normalize_apostrophes,
    to_cyrillic,
    to_latin,
)
from ._lexicon import LexiconError

__all__ = [
    "APOSTROPHE_STYLES",
    "SCRIPTS",
    "LexiconError",
    "convert_stream",
    "detect_script",
    "normalize_apostrophes",
    "to_cyrillic",
    "to_latin",
]
__version__ = "1.0.0"
