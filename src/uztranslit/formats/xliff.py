"""XLIFF 1.2 and 2.0: the targets converted, the target language switched.

Each ``<target>`` (of a 1.2 ``<trans-unit>``, of a 2.0 ``<segment>`` or
``<ignorable>``) is converted, except in units marked ``translate="no"``; the
text around inline elements is converted as pieces of one text, and the inline
elements stay: ``<g>``, ``<mrk>`` and ``<pc>`` keep their tags and have their
text converted, ``<x/>``, ``<bx/>``, ``<ex/>``, ``<ph/>``, ``<sc/>``, ``<ec/>``
are kept, and so is the content of ``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``
(native code) and of inline elements marked ``translate="no"`` or
``mtype="protected"``.  ``target-language`` (1.2, on ``<file>``, and a ``<target>``'s
own ``xml:lang``) or ``trgLang`` (2.0, on ``<xliff>``) becomes the other script's tag
(_langtags, BCP 47 style).

With *from_source*, a unit whose target is missing or empty gets one made from
its ``<source>`` converted (for a source written in Uzbek): the new
``<target>`` follows ``</source>`` on a line of its own, indented as the source.

Read with expat (_xmlspans) and spliced: every other byte stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from . import _langtags, _xmlspans
from ._base import Chooser, Entry, Limits
from ._parts import Part, convert_strings, unescaped, visible_text
from ._xmlspans import Element

NAME: Final = "xliff"

_KEPT: Final = frozenset({"ph", "bpt", "ept", "it"})  # inline code, not text
_UNITS: Final = frozenset({"trans-unit", "segment", "ignorable"})
_LANGUAGE_ATTRIBUTES: Final = (
    ("file", "target-language"),  # 1.2
    ("xliff", "trgLang"),  # 2.0
    ("target", "xml:lang"),  # 1.2: a target may say its language again
)
# The document's own rows, which declared_script reads (the last, a target's own, is
# retagged only on the targets converted or made: _language_splices).
_DOCUMENT_LANGUAGES: Final = _LANGUAGE_ATTRIBUTES[:2]
# The head of an XLIFF document: <xliff> after the XML prolog.
_HEAD: Final = re.compile(_xmlspans.PROLOG + rb"<xliff[\s>]", re.DOTALL)


def sniff(head: bytes) -> bool:
    """Whether *head* is the start of an XLIFF document."""
    return _HEAD.match(head) is not None


@dataclass
class Unit:
    """A translation unit: its source, its target (if any), and parts of each."""

    element: Element
    source: Element | None
    target: Element | None


def _has_content(element: Element) -> bool:
    return element.content_end > element.content_start


def _untranslatable(element: Element) -> bool:
    current: Element | None = element
    while current is not None:
        if current.name in ("trans-unit", "unit", "group") and (
            current.attrs.get("translate") == "no"
        ):
            return True
        current = current.parent
    return False


def units(root: Element) -> Iterator[Unit]:
    """The units whose target is converted (or made, with from_source)."""
    for element in _xmlspans.walk(root):
        if element.name not in _UNITS or _untranslatable(element):
            continue
        source = next((c for c in element.children if c.name == "source"), None)
        target = next((c for c in element.children if c.name == "target"), None)
        yield Unit(element, source, target)


def inner_parts(data: bytes, element: Element) -> list[Part]:
    """The parts of a source's or target's content."""
    return _xmlspans.inner_parts(_xmlspans.inner(data, element), _KEPT, _xmlspans.xml_text)


def _read(data: bytes) -> tuple[Element, list[Unit]]:
    root = _xmlspans.read(data)
    return root, list(units(root))


def declared_script(data: bytes) -> str | None:
    """The script of the target language (target-language or trgLang)."""
    root = _xmlspans.read(data)
    for element in _xmlspans.walk(root):
        for name, attribute in _DOCUMENT_LANGUAGES:
            if element.name == name and attribute in element.attrs:
                return _langtags.declared_script(element.attrs[attribute])
    return None


def entries(data: bytes) -> Iterator[Entry]:
    """Each target's text (inline code read as a space) with its line."""
    for unit in _read(data)[1]:
        if unit.target is not None:
            text = visible_text(inner_parts(data, unit.target))
            if text.strip():
                yield Entry(unit.target.line, text)


# A splice: (start, end, new bytes) in the file.
_Splice = tuple[int, int, bytes]


def _new_target(data: bytes, unit: Unit, content: str, script: str) -> _Splice:
    """A splice that gives *unit* the target *content* (replacing an empty one, whose
    xml:lang it sets to *script*'s tag)."""
    assert unit.source is not None
    if unit.target is not None:  # an empty target: <target/> or <target></target>
        start_tag = data[unit.target.start : unit.target.content_start].decode("utf-8")
        start_tag = retagged(start_tag, unit.target, script) or start_tag
        start_tag = start_tag[:-2].rstrip() + ">" if start_tag.endswith("/>") else start_tag
        filled = f"{start_tag}{content}</target>"
        return unit.target.start, unit.target.end, filled.encode("utf-8")
    line_start = data.rfind(b"\n", 0, unit.source.start) + 1
    indent = data[line_start : unit.source.start]
    if indent.strip():
        indent = b""
    new = b"\n" + indent + f"<target>{content}</target>".encode()
    return unit.source.end, unit.source.end, new


def convert(data: bytes, choose: Chooser, limits: Limits, /, *, from_source: bool = False) -> bytes:
    """The document with its targets converted (see the module's docstring)."""
    del limits  # an XLIFF file unpacks to nothing
    root, found = _read(data)
    targets = [u for u in found if u.target is not None and _has_content(u.target)]
    empty = [
        u
        for u in found
        if from_source
        and u.source is not None
        and _has_content(u.source)
        and (u.target is None or not _has_content(u.target))
    ]
    target_parts = [inner_parts(data, u.target) for u in targets if u.target is not None]
    source_parts = [inner_parts(data, u.source) for u in empty if u.source is not None]
    translit = choose(visible_text(parts) for parts in target_parts + source_parts)
    splices: list[_Splice] = []
    new_contents = convert_strings(translit, target_parts + source_parts, unescaped)
    for unit, content in zip(targets, new_contents[: len(targets)], strict=True):
        assert unit.target is not None
        new = content.encode("utf-8")
        if new != data[unit.target.content_start : unit.target.content_end]:
            splices.append((unit.target.content_start, unit.target.content_end, new))
    new_targets = [
        _new_target(data, unit, content, translit.target)
        for unit, content in zip(empty, new_contents[len(targets) :], strict=True)
    ]
    replaced = {start for start, end, _ in new_targets if end > start}
    splices += new_targets
    ours = {unit.target.start for unit in found if unit.target is not None} - replaced
    splices += _language_splices(data, root, translit.target, ours)
    return _spliced(data, splices)


def _language_splices(data: bytes, root: Element, script: str, ours: set[int]) -> list[_Splice]:
    """The target-language / trgLang attributes set to *script*'s tag, and the xml:lang
    of the targets *ours* (their start offsets: the targets of the units converted, in
    *script* now or empty); not of a target left as it was (in <alt-trans>, in a unit
    not to translate), whose text is still in the old script, nor of an empty one that
    _new_target fills (it retags that itself)."""
    splices = []
    for element in _xmlspans.walk(root):
        if element.name == "target" and element.start not in ours:
            continue
        new = retagged(data[element.start : element.content_start].decode("utf-8"), element, script)
        if new is not None:
            splices.append((element.start, element.content_start, new.encode("utf-8")))
    return splices


def retagged(start_tag: str, element: Element, script: str) -> str | None:
    """*element*'s *start_tag* with its language attribute (_LANGUAGE_ATTRIBUTES) set to
    *script*'s tag; None if it has none, or one already so."""
    for name, attribute in _LANGUAGE_ATTRIBUTES:
        if element.name != name or attribute not in element.attrs:
            continue
        tag = element.attrs[attribute]
        new_tag = _langtags.for_script(tag, script, style="bcp47")
        if new_tag != tag:
            return _xmlspans.set_attribute(start_tag, attribute, new_tag)
    return None


def _spliced(data: bytes, splices: list[_Splice]) -> bytes:
    out, last = [], 0
    for start, end, new in sorted(splices):
        out += [data[last:start], new]
        last = end
    out.append(data[last:])
    return b"".join(out)
