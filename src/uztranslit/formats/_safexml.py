"""One hardened XML parser for every format: no DTD entities, no network.

Files come from strangers.  A document with a DTD could expand entities a
billion times or fetch an external one; this parser refuses DTDs outright
and never touches the network.  lxml is imported here, on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._base import FormatError

if TYPE_CHECKING:
    from lxml import etree


def lxml_etree() -> Any:
    """The lxml.etree module, or a FormatError naming the extra to install."""
    try:
        from lxml import etree  # noqa: PLC0415 - an optional dependency
    except ImportError:
        raise FormatError("this format needs lxml: pip install 'uztranslit[formats]'") from None
    return etree


def parse(data: bytes) -> etree._Element:
    """The root element of the XML in *data*, parsed without entities or network.

    A document type declaration is refused (FormatError), since Office, ODF and
    the catalogue formats never need one; so is XML that is not well-formed.
    """
    lxml = lxml_etree()
    parser = lxml.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=False,
        strip_cdata=False,
    )
    try:
        root: etree._Element = lxml.fromstring(data, parser)
    except lxml.XMLSyntaxError as error:
        raise FormatError(f"not well-formed XML: {error.msg}", error.lineno) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # type: ignore[attr-defined]
        raise FormatError("XML with a document type declaration (DTD) is refused")
    return root
