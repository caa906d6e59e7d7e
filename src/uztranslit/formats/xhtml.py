"""XHTML pages: HTML's rules (formats.html), once the file is known to be well-formed XML.

The check uses lxml with entities unexpanded and no network; a document type
declaration with an internal subset (where entity bombs live) is refused.
The encoding comes from the byte order mark, the XML declaration, a
``<meta charset>``, else UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ._base import Chooser, Entry, Limits
from ._markup import group_entries
from .html import check_well_formed, convert_text, page_encoding, scan, script_of_tag

NAME: Final = "xhtml"


def _source(data: bytes) -> str:
    source = page_encoding(data, xml=True).decode(data)
    check_well_formed(source, data)
    return source


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The page in *data* with its visible text converted; the same bytes elsewhere."""
    del limits  # a page unpacks to nothing
    encoding = page_encoding(data, xml=True)
    return encoding.encode(convert_text(_source(data), choose, xml=True))


def entries(data: bytes) -> Iterator[Entry]:
    """Each visible text of the page and the line it starts on."""
    source = _source(data)
    return group_entries(source, scan(source, xml=True).groups)


def declared_script(data: bytes) -> str | None:
    """The script the page's ``<html lang>`` or ``xml:lang`` declares, or None."""
    return script_of_tag(scan(_source(data), xml=True).root_lang)
