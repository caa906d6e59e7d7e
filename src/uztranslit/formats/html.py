"""HTML web pages: the text nodes and the attributes a reader sees, nothing else.

The standard library's html.parser (with convert_charrefs=False) reports each
tag, text node and character reference with its line and column, so the page
is never re-serialised: converted text is spliced into the original, and every
tag, comment, doctype, entity and script stays byte for byte.

- The text nodes of one block are one group: ``<p><b>Ш</b>аҳар</p>`` is one
  word.  Inline elements (INLINE) continue a block; any other tag ends it.
- script, style, code, pre, kbd, samp, var and textarea (its text is form
  data), elements with translate="no" and with the class notranslate keep their
  text and attributes, with everything inside them (translate="yes" inside
  translate="no" converts again, as the HTML standard says).
- VISIBLE_ATTRIBUTES are converted inside their quotes; an ASCII apostrophe
  written into a single-quoted (or unquoted) value becomes ``&#39;``.
- lang="uz-Cyrl" becomes "uz-Latn" and back; a bare "uz" (Latin by default,
  as in CLDR) stays when converting to Latin and becomes "uz-Cyrl" when
  converting to Cyrillic.  Other languages are left alone.
- The page is decoded by its byte order mark, else its ``<meta charset>``,
  else as UTF-8, and written back in the same encoding; a character that
  encoding cannot hold is written as a character reference (``&#699;``).

XHTML is the same, after a check that the file is well-formed XML (with the
hardened parser: no entity expansion, no network); a document type
declaration with an internal subset is refused.
"""

from __future__ import annotations

import codecs
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import MappingProxyType
from typing import Final

from .._transliterator import Transliterator
from ._base import Chooser, Entry, FormatError, Limits
from ._markup import (
    HTML_MARKUP,
    Edit,
    Group,
    Lines,
    Piece,
    converted_edits,
    group_entries,
    group_text,
    splice,
    unchanged,
)

NAME: Final = "html"

# Elements that continue the text around them: a word may run through them.
INLINE: Final = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn",
        "em", "font", "i", "ins", "label", "mark", "nobr", "q", "s", "small", "span",
        "strike", "strong", "sub", "sup", "time", "tt", "u", "wbr",
    }
)  # fmt: skip

# Elements whose text (and attributes) are not prose: code, form data, programs.
SKIPPED: Final = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "textarea"})

# Elements with no end tag.
VOID: Final = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    }
)  # fmt: skip

# A start tag → the open elements it ends (HTML's implied end tags), when one
# of them is the current element.
_BLOCKS_ENDING_P: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
    }
)  # fmt: skip
IMPLIED_END: Final = MappingProxyType(
    {
        **{tag: frozenset({"p"}) for tag in _BLOCKS_ENDING_P},
        "li": frozenset({"li", "p"}),  # a new item ends the last one
        "dt": frozenset({"dt", "dd", "p"}),  # terms and definitions end each other
        "dd": frozenset({"dt", "dd", "p"}),
        "tr": frozenset({"tr", "td", "th"}),  # a new row ends the last row and cell
        "td": frozenset({"td", "th"}),  # a new cell ends the last one
        "th": frozenset({"td", "th"}),
        "option": frozenset({"option"}),  # options of a select end each other
        "optgroup": frozenset({"option", "optgroup"}),
    }
)

# Attribute → the elements it is shown on (None: any element).
VISIBLE_ATTRIBUTES: Final = MappingProxyType(
    {
        "title": None,  # the tooltip
        "alt": frozenset({"img", "area", "input"}),  # shown when the image is not
        "placeholder": frozenset({"input", "textarea"}),  # the hint in an empty field
        "aria-label": None,  # read out by screen readers
        "aria-description": None,
        "aria-placeholder": None,
        "aria-roledescription": None,
        "aria-valuetext": None,
        "label": frozenset({"optgroup", "option", "track"}),  # shown in menus
    }
)
# input types whose value is the button's caption.
BUTTON_INPUTS: Final = frozenset({"button", "submit", "reset"})
# <meta name|property=…> whose content a reader sees (search results, link previews).
VISIBLE_META: Final = frozenset(
    {"description", "og:title", "og:description", "twitter:title", "twitter:description"}
)
# Attributes that name a language.
LANG_ATTRIBUTES: Final = frozenset({"lang", "xml:lang"})

# The ISO 15924 script subtag of each target script.
SCRIPT_SUBTAGS: Final = MappingProxyType({"latin": "Latn", "new-latin": "Latn", "cyrillic": "Cyrl"})

BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# How far into a page its encoding declaration is looked for.
PRESCAN_SIZE: Final = 4096
_META_CHARSET: Final = re.compile(
    rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING: Final = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_DOCTYPE: Final = re.compile("<!DOCTYPE", re.IGNORECASE)

# An attribute of a raw start tag, as html.parser finds it (its attrfind_tolerant).
_ATTRIBUTE: Final = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
_TAG_NAME: Final = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*")
# A character reference inside an attribute value.
_REFERENCE: Final = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


# --- encodings -------------------------------------------------------------------------


@dataclass(frozen=True)
class Encoding:
    """How a page's bytes are text: a codec and the byte order mark it began with."""

    codec: str
    bom: bytes = b""

    def decode(self, data: bytes) -> str:
        body = data[len(self.bom) :]
        try:
            return body.decode(self.codec)
        except UnicodeDecodeError as error:
            line = body.count(b"\n", 0, error.start) + 1
            raise FormatError(
                f"cannot decode byte 0x{body[error.start]:02x} as {self.codec} ({error.reason})",
                line,
            ) from None

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec, errors="xmlcharrefreplace")


def page_encoding(data: bytes, *, xml: bool = False) -> Encoding:
    """The encoding of a page: its byte order mark, its XML declaration (XHTML),
    its ``<meta charset>`` or http-equiv Content-Type, else UTF-8."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Encoding(codec, bom)
    head = data[:PRESCAN_SIZE]
    found = (_XML_ENCODING.match(head) if xml else None) or _META_CHARSET.search(head)
    if found is None:
        return Encoding("utf-8")
    label = found.group(1).decode("ascii")
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        line = data.count(b"\n", 0, found.start()) + 1
        raise FormatError(f"unknown encoding {label!r}", line) from None
    if codec.startswith("utf-16"):
        return Encoding("utf-8")  # as browsers do: a UTF-16 page would have begun with a BOM
    return Encoding(codec)


# --- the scan: what a reader sees, and where it is -----------------------------------------


@dataclass(frozen=True)
class LangValue:
    """A language attribute's value, at source[start:end]."""

    start: int
    end: int
    value: str


@dataclass
class Scan:
    """The groups of visible text of a page and its language attributes."""

    groups: list[Group] = field(default_factory=list)
    langs: list[LangValue] = field(default_factory=list)
    root_lang: str | None = None  # the lang of the <html> element


@dataclass(frozen=True)
class _Open:
    """An open element: its name and whether its content is kept as written."""

    tag: str
    hard_skip: bool  # code-like or class="notranslate": nothing inside converts
    translate: bool  # the inherited translate attribute


def _quote_escape(quote: str) -> Callable[[str], str]:
    """The escape of text written inside an attribute value quoted by *quote*."""
    if quote == '"':
        return lambda text: text.replace('"', "&quot;")
    if quote == "'":
        return lambda text: text.replace("'", "&#39;")
    return lambda text: text.replace("'", "&#39;").replace('"', "&quot;")


def _value_pieces(source: str, start: int, end: int) -> tuple[Piece, ...]:
    """The pieces of an attribute value at source[start:end]: runs of text and
    character references."""
    pieces: list[Piece] = []
    at = start
    for ref in _REFERENCE.finditer(source, start, end):
        if ref.start() > at:
            pieces.append(Piece(at, ref.start(), source[at : ref.start()]))
        pieces.append(Piece(ref.start(), ref.end(), html.unescape(ref.group()), reference=True))
        at = ref.end()
    if at < end:
        pieces.append(Piece(at, end, source[at:end]))
    return tuple(pieces)


class _Scanner(HTMLParser):
    """html.parser, recording where each visible text lies in the source."""

    def __init__(self, source: str, xml: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.xml = xml
        self.lines = Lines(source)
        self.scan = Scan()
        self.stack: list[_Open] = []
        self.pieces: list[Piece] = []

    # state

    def _skipped(self) -> bool:
        return bool(self.stack) and (self.stack[-1].hard_skip or not self.stack[-1].translate)

    def _here(self) -> int:
        line, column = self.getpos()
        return self.lines.offset(line, column)

    def _end_group(self) -> None:
        if self.pieces:
            self.scan.groups.append(Group(tuple(self.pieces), unchanged, markup=HTML_MARKUP))
            self.pieces = []

    # events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, empty=tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # In HTML "<div/>" opens a div; only in XHTML is it empty.
        self._start(tag, attrs, empty=self.xml or tag in VOID)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], empty: bool) -> None:
        ending = IMPLIED_END.get(tag)
        while ending and self.stack and self.stack[-1].tag in ending:
            self.stack.pop()
        if tag not in INLINE:
            self._end_group()
        parent_hard = bool(self.stack) and self.stack[-1].hard_skip
        parent_translate = not self.stack or self.stack[-1].translate
        values = dict(attrs)
        translate = values.get("translate")
        opened = _Open(
            tag,
            hard_skip=parent_hard
            or tag in SKIPPED
            or "notranslate" in (values.get("class") or "").split(),
            translate=parent_translate if translate is None else translate.lower() != "no",
        )
        if not (opened.hard_skip or not opened.translate):
            self._attributes(tag, attrs, values)
        if tag == "html" and self.scan.root_lang is None:
            self.scan.root_lang = values.get("lang") or values.get("xml:lang")
        if not empty:
            self.stack.append(opened)

    def _attributes(
        self, tag: str, attrs: list[tuple[str, str | None]], values: dict[str, str | None]
    ) -> None:
        raw = self.get_starttag_text() or ""
        start = self._here()
        name = _TAG_NAME.match(raw)
        if name is None:
            return
        found = list(_ATTRIBUTE.finditer(raw, name.end()))
        if [m.group(1).lower() for m in found] != [a for a, _ in attrs]:
            return  # not the attributes html.parser saw: leave them all alone
        meta_visible = tag == "meta" and (
            (values.get("name") or values.get("property") or "").lower() in VISIBLE_META
        )
        content_language = tag == "meta" and (
            (values.get("http-equiv") or "").lower() == "content-language"
        )
        for match in found:
            attribute = match.group(1).lower()
            if match.group(3) is None:
                continue
            value_start, value_end = match.span(3)
            quote = raw[value_start] if raw[value_start] in "'\"" else ""
            if quote:
                value_start, value_end = value_start + 1, value_end - 1
            begin, end = start + value_start, start + value_end
            if attribute in LANG_ATTRIBUTES or (content_language and attribute == "content"):
                self.scan.langs.append(LangValue(begin, end, self.source[begin:end]))
            elif _is_visible(attribute, tag, values) or (meta_visible and attribute == "content"):
                pieces = _value_pieces(self.source, begin, end)
                if pieces:
                    self.scan.groups.append(Group(pieces, _quote_escape(quote), markup=HTML_MARKUP))

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE:
            self._end_group()
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipped():
            start = self._here()
            self.pieces.append(Piece(start, start + len(data), data))

    def _reference(self, raw_length: int) -> None:
        if self._skipped():
            return
        start = self._here()
        end = start + raw_length
        if self.source.startswith(";", end):
            end += 1
        self.pieces.append(Piece(start, end, html.unescape(self.source[start:end]), True))

    def handle_entityref(self, name: str) -> None:
        self._reference(len(name) + 1)

    def handle_charref(self, name: str) -> None:
        self._reference(len(name) + 2)

    def handle_decl(self, decl: str) -> None:
        self._end_group()

    def handle_pi(self, data: str) -> None:
        self._end_group()

    def unknown_decl(self, data: str) -> None:
        self._end_group()

    # comments are invisible: they neither add text nor break a word


def _is_visible(attribute: str, tag: str, values: dict[str, str | None]) -> bool:
    """Whether a reader sees *attribute* of *tag* (with the element's *values*)."""
    if attribute == "value":
        return tag == "input" and (values.get("type") or "").lower() in BUTTON_INPUTS
    if attribute not in VISIBLE_ATTRIBUTES:
        return False
    shown_on = VISIBLE_ATTRIBUTES[attribute]
    return shown_on is None or tag in shown_on


def scan(source: str, *, xml: bool = False) -> Scan:
    """Where the text a reader sees lies in the page *source*.

    What follows the last ``>`` from its first ``<`` on is an unfinished tag,
    comment or declaration that runs to the end of the file: it is left as
    written and not given to html.parser, which would take time growing with
    the square of its length to read it as text (a browser drops it).
    """
    end = _unfinished_tail(source)
    scanner = _Scanner(source, xml)
    scanner.feed(source[:end])
    scanner.close()
    scanner._end_group()
    return scanner.scan


def _unfinished_tail(source: str) -> int:
    """Where the unfinished markup at the end of *source* starts (len(source) if none)."""
    last = source.rfind(">") + 1
    start = source.find("<", last)
    return len(source) if start < 0 else start


# --- languages -------------------------------------------------------------------------


def retagged(tag: str, target: str) -> str | None:
    """The language tag *tag* for text now in the script *target*, or None to keep it.

    Only Uzbek tags change: the script subtag is swapped (``uz-Cyrl-UZ`` ↔
    ``uz-Latn-UZ``); a tag with none means Latin, so it gains ``Cyrl`` when the
    text becomes Cyrillic and stays as it is when it becomes Latin.
    """
    subtags = tag.strip().split("-")
    if subtags[0].lower() != "uz":
        return None
    wanted = SCRIPT_SUBTAGS[target]
    if len(subtags) > 1 and len(subtags[1]) == 4 and subtags[1].isalpha():
        if subtags[1].lower() == wanted.lower():
            return None
        subtags[1] = wanted if subtags[1][0].isupper() else wanted.lower()
    elif wanted == "Latn":
        return None
    else:
        subtags.insert(1, wanted)
    return "-".join(subtags)


def script_of_tag(tag: str | None) -> str | None:
    """The script an Uzbek language tag declares ("latin", "cyrillic"), or None
    when it names none (a bare "uz" is used for either) or is not Uzbek."""
    if tag is None:
        return None
    subtags = tag.strip().lower().split("-")
    if subtags[0] != "uz" or len(subtags) < 2:
        return None
    return {"latn": "latin", "cyrl": "cyrillic"}.get(subtags[1])


def lang_edits(langs: list[LangValue], translit: Transliterator) -> Iterator[Edit]:
    """The edits that make Uzbek language attributes name the script converted to."""
    if translit.source is None or translit.source == translit.target:
        return
    for lang in langs:
        new = retagged(lang.value, translit.target)
        if new is not None:
            yield Edit(lang.start, lang.end, new)


# --- the format ----------------------------------------------------------------------


def convert_text(source: str, choose: Chooser, *, xml: bool = False) -> str:
    """The page *source* with its visible text converted."""
    found = scan(source, xml=xml)
    translit = choose(group_text(group) for group in found.groups)
    edits = [*converted_edits(found.groups, translit), *lang_edits(found.langs, translit)]
    return splice(source, edits)


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The page in *data* with its visible text converted; the same bytes elsewhere."""
    del limits  # a page unpacks to nothing
    encoding = page_encoding(data)
    return encoding.encode(convert_text(encoding.decode(data), choose))


def entries(data: bytes) -> Iterator[Entry]:
    """Each visible text of the page (a block's text, a visible attribute) and its line."""
    source = page_encoding(data).decode(data)
    return group_entries(source, scan(source).groups)


def declared_script(data: bytes) -> str | None:
    """The script the page's ``<html lang>`` declares: "latin", "cyrillic" or None."""
    source = page_encoding(data).decode(data)
    return script_of_tag(scan(source).root_lang)


def check_well_formed(source: str, data: bytes) -> None:
    """FormatError unless *data* is well-formed XML with no internal DTD subset."""
    from ._safexml import lxml_etree  # noqa: PLC0415 - lxml is an optional dependency

    found = _DOCTYPE.search(source)  # XML allows one, which lxml checks
    if found is not None:
        bracket, end = source.find("[", found.end()), source.find(">", found.end())
        if bracket >= 0 and (end < 0 or bracket < end):
            line = source.count("\n", 0, found.start()) + 1
            message = "a document type declaration with an internal subset is refused"
            raise FormatError(message, line)
    lxml = lxml_etree()
    parser = lxml.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        lxml.fromstring(data, parser)
    except lxml.XMLSyntaxError as error:
        raise FormatError(f"not well-formed XML: {error.msg}", error.lineno) from None
