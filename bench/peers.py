"""The peer transliterators, each wrapped as two functions str -> str, when installed.

Used by bench/accuracy.py and bench/speed.py so that every tool runs on the same data
in the same run. A peer that is not installed is skipped with a note; none of them is
a dependency of uztranslit (install them by hand to compare: see docs/accuracy.md).
"""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import uztranslit

Convert = Callable[[str], str]


@dataclass(frozen=True)
class Tool:
    name: str
    version: str
    to_latin: Convert | None
    to_cyrillic: Convert | None


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def uztranslit_tool(conventions: frozenset[str] = frozenset()) -> Tool:
    """uztranslit with its defaults, or with some opt-in conventions turned on."""
    if not conventions:
        return Tool(
            "uztranslit", uztranslit.__version__, uztranslit.to_latin, uztranslit.to_cyrillic
        )

    def to_latin(text: str) -> str:
        return uztranslit.to_latin(text, conventions=conventions)

    def to_cyrillic(text: str) -> str:
        return uztranslit.to_cyrillic(text, conventions=conventions)

    name = f"uztranslit + {', '.join(sorted(conventions))}"
    return Tool(name, uztranslit.__version__, to_latin, to_cyrillic)


def _alifbo() -> Tool:
    alifbo: Any = importlib.import_module("alifbo")

    def to_latin(text: str) -> str:
        # alifbo converts Cyrillic to the 2026 alphabet; its to_old_latin gives 1995 Latin.
        return str(alifbo.to_old_latin(alifbo.from_cyrillic(text).text).text)

    def to_cyrillic(text: str) -> str:
        return str(alifbo.to_cyrillic(text).text)

    return Tool("alifbo", _version("alifbo"), to_latin, to_cyrillic)


def _uztransliterator() -> Tool:
    module: Any = importlib.import_module("UzTransliterator")
    converter = module.UzTransliterator()

    def to_latin(text: str) -> str:
        return str(converter.transliterate(text, from_="cyr", to="lat"))

    def to_cyrillic(text: str) -> str:
        return str(converter.transliterate(text, from_="lat", to="cyr"))

    return Tool("UzTransliterator", _version("UzTransliterator"), to_latin, to_cyrillic)


def _latinuzconverter() -> Tool:
    module: Any = importlib.import_module("latinUzConverter.core")
    converter = module.LatinUzConverter()

    def to_latin(text: str) -> str:
        return str(converter.to_latin(text))

    def to_cyrillic(text: str) -> str:
        return str(converter.to_cyrillic(text))

    return Tool("latinuzconverter", _version("latinuzconverter"), to_latin, to_cyrillic)


def _icu() -> Tool:
    icu: Any = importlib.import_module("icu")
    forward = icu.Transliterator.createInstance("uz_Cyrl-uz_Latn")
    backward = icu.Transliterator.createInstance("uz_Latn-uz_Cyrl")

    def to_latin(text: str) -> str:
        return str(forward.transliterate(text))

    def to_cyrillic(text: str) -> str:
        return str(backward.transliterate(text))

    version = f"{_version('PyICU')} (ICU {icu.ICU_VERSION})"
    return Tool("ICU uz_Cyrl-uz_Latn", version, to_latin, to_cyrillic)


PEER_LOADERS: tuple[Callable[[], Tool], ...] = (
    _alifbo,
    _uztransliterator,
    _latinuzconverter,
    _icu,
)


def installed_peers() -> tuple[list[Tool], list[str]]:
    """The peers that import here, and a note for each one that does not."""
    tools: list[Tool] = []
    missing: list[str] = []
    for load in PEER_LOADERS:
        try:
            tools.append(load())
        except ImportError as error:
            missing.append(f"{load.__name__.lstrip('_')}: not installed ({error})")
    return tools, missing
