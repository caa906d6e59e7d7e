"""Regressions found by a hostile and careless read of the format layer.

Each test names the input that broke a promise of docs/formats.md or
docs/documents.md (a clear FormatError and nothing else for bad input, the
bytes outside converted text kept, nothing read as plain text by surprise).
"""

from __future__ import annotations

import io
import sys
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import to_cyrillic
from uztranslit.formats import FormatError, convert_bytes, detect_format

# --- JSON ---------------------------------------------------------------------------


def test_a_json_number_too_long_for_int_is_a_format_error_with_its_line() -> None:
    # json.loads raises a plain ValueError (sys.get_int_max_str_digits) for it
    limit = sys.get_int_max_str_digits()
    if not limit:
        pytest.skip("int() has no digit limit in this interpreter")
    data = b'{\n "a": "\xd0\xa8",\n "n": ' + b"1" * (limit + 1) + b"\n}"
    with pytest.raises(FormatError, match=r"line 3: .*digits") as raised:
        convert_bytes(data, to="latin", filename="uz.json")
    assert type(raised.value) is FormatError


# --- gettext ------------------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_po_string_may_hold_what_str_splitlines_takes_for_a_line_end(separator: str) -> None:
    # gettext ends lines at \n only; the string is one line with that character inside
    text = f'msgid "a"\nmsgstr "Шаҳар{separator}маркази"\n'
    out = convert_bytes(text.encode(), to="latin", filename="uz.po").decode()
    assert out == f'msgid "a"\nmsgstr "Shahar{separator}markazi"\n'


@pytest.mark.parametrize("separator", ["\x85", "\x0c", "\x1c", "\x0b"])
def test_a_po_comment_may_hold_a_next_line_or_form_feed_character(separator: str) -> None:
    text = f'# Изоҳ{separator}давоми\nmsgid "a"\nmsgstr "Шаҳар"\n'
    out = convert_bytes(text.encode(), to="latin", filename="uz.po").decode()
    assert out == f'# Изоҳ{separator}давоми\nmsgid "a"\nmsgstr "Shahar"\n'


@pytest.mark.parametrize(
    ("escape", "written"),
    [("\\a", "\\a"), ("\\b", "\\b"), ("\\f", "\\f"), ("\\v", "\\v"), ("\\000", "\\000")],
)
def test_a_changed_po_string_writes_control_characters_as_escapes(
    escape: str, written: str
) -> None:
    # decoded to a control character, it must not go back into the file raw
    text = f'msgid "a"\nmsgstr "Диққат{escape}1"\n'
    out = convert_bytes(text.encode(), to="latin", filename="uz.po")
    assert out == f'msgid "a"\nmsgstr "Diqqat{written}1"\n'.encode()


# --- XML catalogues: recognised by content, also after a DOCTYPE or a PI -------------

ANDROID_AFTER_DOCTYPE = (
    b'<?xml version="1.0" encoding="utf-8"?>\n'
    b'<!DOCTYPE resources SYSTEM "strings.dtd">\n'
    b'<resources>\n  <string name="city">\xd0\xa8\xd0\xb0\xd2\xb3\xd0\xb0\xd1\x80</string>\n'
    b"</resources>\n"
)


def test_an_android_file_with_a_doctype_or_a_pi_is_android_not_plain_text() -> None:
    assert detect_format("strings.xml", ANDROID_AFTER_DOCTYPE) == "android"
    out = convert_bytes(ANDROID_AFTER_DOCTYPE, to="cyrillic", filename="strings.xml")
    assert out == ANDROID_AFTER_DOCTYPE  # as Android: its tags are not converted
    with_pi = ANDROID_AFTER_DOCTYPE.replace(b"<!DOCTYPE", b'<?xml-stylesheet href="x"?><!DOCTYPE')
    assert detect_format("strings.xml", with_pi) == "android"


def test_an_android_file_declaring_entities_is_refused_not_read_as_text() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE resources [<!ENTITY a "aaaa">]>\n'
        b'<resources><string name="a">&a;</string></resources>\n'
    )
    with pytest.raises(FormatError, match="DTD"):
        convert_bytes(data, to="cyrillic", filename="strings.xml")


def test_an_xliff_file_with_a_doctype_is_xliff() -> None:
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE xliff PUBLIC "-//XLIFF//DTD XLIFF//EN" '
        b'"http://www.oasis-open.org/committees/xliff/documents/xliff.dtd">\n'
        b'<xliff version="1.2"><file source-language="en" target-language="uz-Cyrl">'
        b"<body><trans-unit id='1'><source>City</source><target>\xd0\xa8\xd0\xb0\xd2\xb3"
        b"\xd0\xb0\xd1\x80</target></trans-unit></body></file></xliff>\n"
    )
    assert detect_format(None, data) == "xliff"
    out = convert_bytes(data, to="latin", filename="messages")
    assert b"<target>Shahar</target>" in out
    assert b'target-language="uz-Latn"' in out


# --- Word ------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def word_document(body: str, head: bytes = b"") -> bytes:
    """A minimal .docx whose document.xml holds *body* (after *head*, if given)."""
    document = (
        head
        + f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'.encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns='
            '"http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr("word/document.xml", document)
    return out.getvalue()


def document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")


def test_ruby_text_is_not_read_as_one_word_with_its_base() -> None:
    # w:rt (the reading shown above) and w:rubyBase are two texts, not one word
    body = (
        "<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>ша</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>Шаҳар</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"
    )
    out = document_xml(convert_bytes(word_document(body), to="latin", source="cyrillic"))
    assert b"<w:t>sha</w:t>" in out
    assert b"<w:t>Shahar</w:t>" in out


def test_a_changed_part_keeps_its_xml_declaration_and_byte_order_mark() -> None:
    head = b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\r\n'
    body = "<w:p><w:r><w:t>Шаҳар</w:t></w:r></w:p>"
    out = document_xml(convert_bytes(word_document(body, head), to="latin"))
    assert out.startswith(head + b"<w:document")
    assert b"<w:t>Shahar</w:t>" in out


# --- ICU ------------------------------------------------------------------------------


@pytest.mark.parametrize("filename", ["uz.json", "app_uz.arb"])
def test_icu_arguments_nested_thousands_deep_are_no_recursion_error(filename: str) -> None:
    depth = 5000
    message = "{a, select, x {" * depth + "Шаҳар" + "}}" * depth
    data = ('{"@@locale": "uz_Cyrl", "k": "' + message + '"}').encode()
    # not ICU this program reads (MAX_DEPTH): its braces are read as placeholders, kept
    out = convert_bytes(data, to="latin", filename=filename).decode()
    assert out == data.decode().replace("uz_Cyrl", "uz_Latn")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('msgid "a"\nmsgstr "Шаҳар"\nmsgstr "Тош"\n', r"line 3: a second msgstr"),
        ('msgid "a"\nmsgid_plural "b"\nmsgstr "Шаҳар"\n', r"line 3: expected msgstr\[N\]"),
        ('msgid "a"\nmsgstr[0] "Шаҳар"\n', r"line 2: expected msgstr without msgid_plural"),
        ('msgid "a"\nmsgctxt "c"\nmsgctxt "d"\nmsgstr "x"\n', r"line 3: a second msgctxt"),
    ],
)
def test_a_po_entry_msgfmt_refuses_is_a_format_error(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        convert_bytes(text.encode(), to="latin", filename="uz.po")


# --- OpenDocument ---------------------------------------------------------------------


def test_a_password_protected_opendocument_file_says_it_is_encrypted() -> None:
    # ODF encrypts entries without the zip's encryption flag; the manifest says so
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
        b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        b'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:'
        b'encryption-data manifest:checksum="x"/></manifest:file-entry></manifest:manifest>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", bytes(range(256)))
        package.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    with pytest.raises(FormatError, match=r"encrypted.*decrypt it first"):
        convert_bytes(out.getvalue(), to="latin", filename="secret.odt")


# --- XML catalogues: a tag written with entities is the string's HTML, kept -----------


def test_an_escaped_tag_in_an_xliff_target_is_kept() -> None:
    data = (
        b'<?xml version="1.0"?><xliff version="1.2"><file target-language="uz">'
        b"<body><trans-unit id='1'><source>a</source><target>&lt;b&gt;Kitob&lt;/b&gt; "
        b"&lt;a href=&quot;/x&quot;&gt;bor&lt;/a&gt;</target></trans-unit></body></file></xliff>"
    )
    out = convert_bytes(data, to="cyrillic", filename="a.xlf").decode()
    assert (
        "<target>&lt;b&gt;Китоб&lt;/b&gt; &lt;a href=&quot;/x&quot;&gt;бор&lt;/a&gt;</target>"
        in out
    )


def test_an_escaped_tag_in_a_stringsdict_is_kept() -> None:
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>k</key>'
        b"<dict><key>one</key><string>%d ta &lt;i&gt;kitob&lt;/i&gt;</string></dict>"
        b"</dict></plist>"
    )
    out = convert_bytes(data, to="cyrillic", filename="Localizable.stringsdict").decode()
    assert "<string>%d та &lt;i&gt;китоб&lt;/i&gt;</string>" in out


# --- text the source escaped stays text -----------------------------------------------


@pytest.mark.parametrize(
    ("filename", "source", "expected"),
    [
        ("a.html", "<p>Teg &lt;p&gt; paragraf</p>", "<p>Тег &lt;p&gt; параграф</p>"),
        (
            "a.html",
            "<p>Oʻzbekiston &lt;img src=x onerror=alert(1)&gt;</p>",
            "<p>Ўзбекистон &lt;img src=x onerror=alert(1)&gt;</p>",
        ),
        (
            "a.html",
            '<p title="Teg &lt;p&gt; haqida">x</p>',
            '<p title="Тег &lt;p&gt; ҳақида">х</p>',
        ),
        ("a.html", "<p>Salom &amp;copy; belgisi</p>", "<p>Салом &amp;copy; белгиси</p>"),
        (
            "a.html",
            "<p>Sayt http://x.uz/?a=1&amp;b=2 bor</p>",
            "<p>Сайт http://x.uz/?a=1&amp;b=2 бор</p>",
        ),
        ("a.html", "<p>Salom a < b & c dunyo</p>", "<p>Салом а < б & c дунё</p>"),  # raw: kept
        (
            "a.xhtml",
            '<html xmlns="http://www.w3.org/1999/xhtml"><p>Teg &lt;p&gt; paragraf</p></html>',
            '<html xmlns="http://www.w3.org/1999/xhtml"><p>Тег &lt;p&gt; параграф</p></html>',
        ),
        ("a.md", "Teg &lt;p&gt; paragraf\n", "Тег \\<p\\> параграф\n"),  # escaped anew
        ("a.md", "Teg \\<p\\> paragraf\n", "Тег \\<p\\> параграф\n"),
        ("a.md", "Sayt http://x.uz/a\\*b\\*c bor\n", "Сайт http://x.uz/a\\*b\\*c бор\n"),
        (
            "a.vtt",
            "WEBVTT\n\n00:00.000 --> 00:01.000\nTeg &lt;i&gt; kursiv\n",
            "WEBVTT\n\n00:00.000 --> 00:01.000\nТег &lt;i&gt; курсив\n",
        ),
        (
            "a.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nTeg &lt;i&gt; kursiv\n",
            "1\n00:00:01,000 --> 00:00:02,000\nТег &lt;i&gt; курсив\n",
        ),
    ],
)
def test_escaped_markup_comes_back_escaped(filename: str, source: str, expected: str) -> None:
    # a kept span (<p> read from &lt;p&gt;) moved whole into the piece that held &lt;,
    # which was written raw: escaped text came back as a live tag
    assert convert_bytes(source.encode(), to="cyrillic", filename=filename).decode() == expected


_ESCAPED = st.sampled_from(
    ["&lt;p&gt;", "&lt;/b&gt;", "&lt;img src=x&gt;", "&amp;", "&amp;nbsp;", "&quot;", "&#39;"]
)
_LATIN_TEXT = st.text(alphabet="abdefghijklmnopqrstuvxyzOʻ'SCh ,.-0123", max_size=10)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_ESCAPED, _LATIN_TEXT, st.sampled_from(["<b>", "</b>"])), max_size=12))
def test_a_page_never_gains_markup_and_reads_as_its_text_converted(parts: list[str]) -> None:
    import html as stdlib_html  # noqa: PLC0415
    import re  # noqa: PLC0415

    page = "<p>" + "".join(parts) + "</p>"
    out = convert_bytes(page.encode(), to="cyrillic", format="html", source="latin").decode()
    tag = re.compile(r"<[^>]*>")
    assert tag.findall(out) == tag.findall(page)
    text = stdlib_html.unescape(tag.sub("", page))
    assert stdlib_html.unescape(tag.sub("", out)) == to_cyrillic(text)


# --- Markdown: labels, TOML --------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "kept", "links", "images"),
    [
        (
            "Bu [Salom][] va [Dunyo] va ![Rasm][] va [matn][salom] haqida.\n\n"
            "[salom]: https://salom.uz\n[Dunyo]: https://dunyo.uz\n[rasm]: /r.png\n",
            "Бу [Salom][] ва [Dunyo] ва ![Rasm][] ва [матн][salom] ҳақида.\n",
            3,
            1,
        ),
        (  # a label with markup inside: the spans recorded in it were converted
            "Bu [**Toshkent**] va [Salom *dunyo*][] va [Sen &amp; men] haqida.\n\n"
            "[**toshkent**]: /a\n[salom *dunyo*]: /b\n[sen &amp; men]: /c\n",
            "Бу [**Toshkent**] ва [Salom *dunyo*][] ва [Sen &amp; men] ҳақида.",
            3,
            0,
        ),
    ],
)
def test_a_link_whose_text_is_its_label_still_finds_its_definition(
    source: str, kept: str, links: int, images: int
) -> None:
    # the text of a collapsed or shortcut reference link is also its label: converted,
    # it found no definition
    from markdown_it import MarkdownIt  # noqa: PLC0415

    out = convert_bytes(source.encode(), to="cyrillic", filename="a.md").decode()
    assert out.startswith(kept)
    render = MarkdownIt("commonmark").render
    assert render(out).count("<a href") == render(source).count("<a href") == links
    assert render(out).count("<img") == images


def test_toml_front_matter_is_kept_whole() -> None:
    source = '+++\ntitle = "Salom"\ndate = 2024-01-01\n+++\nSalom dunyo\n'
    out = convert_bytes(source.encode(), to="cyrillic", filename="post.md").decode()
    assert out == '+++\ntitle = "Salom"\ndate = 2024-01-01\n+++\nСалом дунё\n'


# --- subtitles: a ruby's reading -------------------------------------------------------------


def test_a_vtt_ruby_reading_is_not_glued_to_its_base() -> None:
    cue = "<ruby>Тош<rt>ер</rt></ruby> ва <ruby>китоб<rt>ер</rt></ruby>"
    source = f"WEBVTT\n\n00:00.000 --> 00:01.000\n{cue}\n"
    out = convert_bytes(source.encode(), to="latin", filename="a.vtt").decode()
    assert out.endswith("<ruby>Tosh<rt>yer</rt></ruby> va <ruby>kitob<rt>yer</rt></ruby>\n")


# --- XML catalogues: the string's own entities; a target's language ----------------------


@pytest.mark.parametrize(
    ("filename", "data", "expected"),
    [
        (
            "a.xlf",
            '<xliff version="1.2"><file target-language="uz"><body><trans-unit id="1">'
            "<target>Salom&amp;nbsp;dunyo &amp;quot;Aziz&amp;quot; &amp;#8212;</target>"
            "</trans-unit></body></file></xliff>",
            "<target>Салом&amp;nbsp;дунё &amp;quot;Азиз&amp;quot; &amp;#8212;</target>",
        ),
        (
            "strings.xml",
            '<resources><string name="a">Salom&amp;nbsp;dunyo &amp;amp; doʻst</string></resources>',
            '<string name="a">Салом&amp;nbsp;дунё &amp;amp; дўст</string>',
        ),
    ],
)
def test_an_entity_of_the_strings_own_html_is_kept(filename: str, data: str, expected: str) -> None:
    assert expected in convert_bytes(data.encode(), to="cyrillic", filename=filename).decode()


def test_an_xliff_targets_own_language_is_retagged_with_the_files() -> None:
    data = (
        '<xliff version="1.2"><file source-language="en" target-language="uz-Latn"><body>'
        '<trans-unit id="1"><source>Hello</source><target xml:lang="uz-Latn" state="x">Salom'
        '</target></trans-unit><trans-unit id="2"><source>Салом</source>'
        '<target xml:lang="uz-Latn"/></trans-unit></body></file></xliff>'
    )
    out = convert_bytes(data.encode(), to="cyrillic", filename="a.xlf").decode()
    assert 'target-language="uz-Cyrl"' in out
    assert '<target xml:lang="uz-Cyrl" state="x">Салом</target>' in out
    assert '<target xml:lang="uz-Latn"/>' not in out  # an empty target is retagged too
    filled = convert_bytes(data.encode(), to="cyrillic", filename="a.xlf", from_source=True)
    assert '<target xml:lang="uz-Cyrl">Салом</target>' in filled.decode()


# --- Xcode String Catalogs: refused, never read as text -------------------------------


def test_an_xcode_string_catalog_is_refused_with_the_way_round() -> None:
    catalog = b'{"sourceLanguage" : "en", "strings" : {"Hi" : {"localizations" : {"uz" : {}}}}}'
    assert detect_format("Localizable.xcstrings", catalog) == "xcstrings"
    with pytest.raises(FormatError, match="XLIFF"):
        convert_bytes(catalog, to="cyrillic", filename="Localizable.xcstrings")


def test_a_vtt_cue_language_span_names_the_new_script() -> None:
    source = "WEBVTT\n\n00:00.000 --> 00:01.000\n<lang.x uz-Latn>Salom</lang> 2025\n"
    out = convert_bytes(source.encode(), to="cyrillic", filename="a.vtt").decode()
    assert out.endswith("<lang.x uz-Cyrl>Салом</lang> 2025\n")
    back = convert_bytes(out.encode(), to="latin", filename="a.vtt").decode()
    assert back == source


def test_a_target_left_as_it_was_keeps_its_language() -> None:
    # in <alt-trans> or a unit not to translate, the text stays Latin: so does its tag
    data = (
        '<xliff version="1.2"><file source-language="en" target-language="uz-Latn"><body>'
        '<trans-unit id="1"><source>Hello</source><target xml:lang="uz-Latn">Salom</target>'
        '<alt-trans><source>Hello</source><target xml:lang="uz-Latn">Salom dunyo</target>'
        '</alt-trans></trans-unit><trans-unit id="2" translate="no"><source>Brand</source>'
        '<target xml:lang="uz-Latn">Brend</target></trans-unit></body></file></xliff>'
    )
    out = convert_bytes(data.encode(), to="cyrillic", filename="a.xlf").decode()
    assert '<target xml:lang="uz-Cyrl">Салом</target>' in out
    assert '<target xml:lang="uz-Latn">Salom dunyo</target>' in out
    assert '<target xml:lang="uz-Latn">Brend</target>' in out


def test_an_escaped_tag_with_quoted_attributes_is_kept_in_android_as_in_xliff() -> None:
    # Android's pattern stopped at the first & inside the tag (&quot;): the tag's name
    # and attributes were converted
    text = "Bu &lt;a href=&quot;https://x.uz&quot;&gt;sayt&lt;/a&gt; bor"
    expected = "Бу &lt;a href=&quot;https://x.uz&quot;&gt;сайт&lt;/a&gt; бор"
    android = f'<resources><string name="a">{text}</string></resources>'
    out = convert_bytes(android.encode(), to="cyrillic", filename="strings.xml").decode()
    assert f'<string name="a">{expected}</string>' in out
    xliff = (
        '<xliff version="1.2"><file target-language="uz"><body><trans-unit id="1">'
        f"<target>{text}</target></trans-unit></body></file></xliff>"
    )
    out = convert_bytes(xliff.encode(), to="cyrillic", filename="a.xlf").decode()
    assert f"<target>{expected}</target>" in out
