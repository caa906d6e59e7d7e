"""Uzbek Cyrillic ↔ Latin transliteration by the 1995 orthography rules.

>>> from uztranslit import to_latin, to_cyrillic
>>> to_latin("Ўзбекистон")
'Oʻzbekiston'
>>> to_cyrillic("Oʻzbekiston")
'Ўзбекистон'
"""

from typing import TYPE_CHECKING, Any

from ._api import (
    APOSTROPHE_STYLES,
    CONVENTIONS,
    PROFILES,
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

if TYPE_CHECKING:
    from .formats import FormatError, Limits, convert_bytes, convert_file

__all__ = [
    "APOSTROPHE_STYLES",
    "CONVENTIONS",
    "PROFILES",
    "SCRIPTS",
    "BatchTransliterator",
    "FormatError",
    "Lexicon",
    "LexiconError",
    "Limits",
    "ScriptCounts",
    "Transliterator",
    "convert_bytes",
    "convert_file",
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

# Files with structure (Office documents, catalogues …): imported on first use, so
# that `import uztranslit` stays fast for text.
_FROM_FORMATS = frozenset(("FormatError", "Limits", "convert_bytes", "convert_file"))


def __getattr__(name: str) -> Any:
    if name in _FROM_FORMATS:
        from . import formats  # noqa: PLC0415 - lazy on purpose

        return getattr(formats, name)
    raise AttributeError(f"module 'uztranslit' has no attribute {name!r}")
