"""Xcode String Catalogs (.xcstrings): recognised, and refused with the way round.

A String Catalog is one JSON file that holds an app's strings in every language,
with metadata beside them ("sourceLanguage": "en", "state": "translated").  Read
as plain text its keys and metadata would be converted, and read as a JSON
catalogue its metadata would: either way Xcode could no longer read it.  Until
the catalogue's own structure is converted (the values of an Uzbek localization
alone), such a file is refused, naming the way that works today.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ._base import Chooser, Entry, FormatError, Limits

NAME: Final = "xcstrings"
REFUSAL: Final = (
    "Xcode String Catalogs (.xcstrings) are not converted yet (as text or JSON their "
    "keys and metadata would change); export the localization as XLIFF in Xcode "
    "(Product > Export Localizations), convert the .xliff, and import it back"
)


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """Never: a FormatError saying why and what to do instead."""
    del data, choose, limits
    raise FormatError(REFUSAL)


def entries(data: bytes) -> Iterator[Entry]:
    """Never: a FormatError, as convert."""
    del data
    raise FormatError(REFUSAL)
