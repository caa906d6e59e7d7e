"""Markdown: prose converts; code, URLs, markup and front-matter keys stay byte for byte."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from uztranslit.formats import FormatError, convert_bytes, detect_format
from uztranslit.formats.markdown import entries

FIXTURES = Path(__file__).parent / "fixtures" / "web"
README = (FIXTURES / "readme.cyrl.md").read_bytes()

# Letters and the apostrophes of oʻ/gʻ: all a conversion may change.
_LETTERS = regex.compile(r"[\p{L}ʻʼ']")


def markdown(text: str, to: str, **options: str) -> str:
    source = options.get("source")
    return convert_bytes(text.encode(), to=to, format="markdown", source=source).decode()


def non_letters(text: str) -> str:
    """Everything but the letters: the markup, spaces, digits, punctuation."""
    return _LETTERS.sub("", text)


def structure(text: str, *, texts: bool = True) -> list[tuple[str, str, str]]:
    """The blocks and inline tokens Markdown reads (without the text tokens if not
    *texts*: a word may move whole into an emphasis where it starts)."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    found = []
    for token in md.parse(text):
        found.append((token.type, token.tag, str(token.map)))
        for child in token.children or []:
            if texts or child.type != "text":
                found.append((child.type, child.tag, str(child.attrGet("href") or "")))
    return found


def test_files_are_chosen_by_their_ending() -> None:
    assert detect_format("README.md", README) == "markdown"
    assert detect_format("notes.markdown", README) == "markdown"


def test_readme_prose_converts() -> None:
    latin = convert_bytes(README, to="latin", filename="README.md").decode()
    for converted in (
        'title: "Oʻzbekiston tarixi"',
        "description: 'Loyiha haqida ''qisqacha'' maʼlumot'",
        "# Oʻzbekiston tarixi ##",
        "Bu loyiha **oʻzbek** tilidagi matnlarni `uztranslit --to latin` buyrugʻi bilan",
        'Batafsil [hujjatlar](https://example.uz/docs "Ҳужжатлар саҳифаси") va ![Loyiha logotipi]',
        "Oʻrnatish\n-------\n",
        "> Iqtibos: *muhim* gap, file_name va 2 * 3 = 6.\n> Davomi &amp; tamom\\!",
        "| Buyruq | Vazifasi |",
        "| `--check` | Xatolarni ~~topish~~ koʻrsatish |",
        "1. Birinchi band\n   davomi",
        '<kbd>Ctrl</kbd> va <span title="Maslahat">tugmani</span> bosing',
        "   - Ichki band [havola][ref]",
        '<p title="Eslatma">Blok matni</p>',
    ):
        assert converted in latin


def test_readme_code_urls_and_keys_are_kept() -> None:
    latin = convert_bytes(README, to="latin", filename="README.md").decode()
    for kept in (
        "layout: post\ntags: [тарих, маданият]\ndate: 2024-05-03\nslug: ozbekiston-tarixi\n",
        "```bash\nuztranslit --to latin файл.txt   # изоҳ\n```",
        "    индентланган код: салом",
        "<code>код</code>",
        "<!-- Изоҳ: ўзгармайди -->",
        '[ref]: https://example.uz/ref "Сарлавҳа"',
        "(logo.png)\n",
        "<https://github.com/uz/uztranslit>",
    ):
        assert kept in README.decode()
        assert kept in latin


def test_readme_changes_letters_only_and_reads_the_same() -> None:
    latin = convert_bytes(README, to="latin", filename="README.md").decode()
    assert non_letters(latin) == non_letters(README.decode())
    assert structure(latin) == structure(README.decode())


def test_readme_round_trips() -> None:
    latin = convert_bytes(README, to="latin", filename="README.md")
    assert convert_bytes(latin, to="cyrillic", filename="README.md") == README


@pytest.mark.parametrize(
    ("text", "to", "expected"),
    [
        # parts that convert alike apart and together stay in place
        ("Ш*аҳ*ар ва Тошкент**да**", "latin", "Sh*ah*ar va Toshkent**da**"),
        # a word moves whole into the part where it starts, but never out of emphasis
        ("**S**hahar va Tosh*kent*", "cyrillic", "**Шаҳар** ва Тош*кент*"),
        ("т**елефон**", "latin", "t**yelefon**"),
        ("Ўзбекистон\nшаҳри", "latin", "Oʻzbekiston\nshahri"),
        ("> Тошкент\n> шаҳри", "latin", "> Toshkent\n> shahri"),
        ("O\\'zbekiston", "cyrillic", "Ўзбекистон"),  # the escaped apostrophe is oʻ
        ("O&#39;zbekiston", "cyrillic", "Ўзбекистон"),
        ("Тошкент&nbsp;шаҳри", "latin", "Toshkent&nbsp;shahri"),
        ("Салом\\\nдунё", "latin", "Salom\\\ndunyo"),  # a hard break
        ("Ў[ҳавола](/йўл)да", "latin", "Oʻ[havola](/йўл)da"),  # link text stays in the link
        ("[Salom](#salom) `salom` <https://x.uz/salom> <salom@mail.uz>", "cyrillic",
         "[Салом](#salom) `salom` <https://x.uz/salom> <salom@mail.uz>"),
        ("Салом <span translate=\"no\">дунё</span> дунё", "latin",
         'Salom <span translate="no">дунё</span> dunyo'),
    ],
)  # fmt: skip
def test_inline_text_converts_as_one_and_markup_stays(text: str, to: str, expected: str) -> None:
    source = "cyrillic" if to == "latin" else "latin"
    assert markdown(text, to, source=source) == expected


def test_front_matter_values_convert_only_for_text_keys() -> None:
    text = (
        '---\ntitle: "Шаҳар \\"маркази\\""\nsummary: Қисқача # изоҳ\nauthor: Алишер\n'
        "caption: |\n  Шаҳар\n---\nМатн\n"
    )
    assert markdown(text, "latin") == (
        '---\ntitle: "Shahar \\"markazi\\""\nsummary: Qisqacha # изоҳ\nauthor: Алишер\n'
        "caption: |\n  Шаҳар\n---\nMatn\n"
    )
    quoted = "---\ntitle: 'Ўзбек'\n---\n"
    latin = convert_bytes(quoted.encode(), to="latin", format="markdown", apostrophes="ascii")
    assert latin.decode() == "---\ntitle: 'O''zbek'\n---\n"


def test_crlf_and_a_byte_order_mark_are_kept() -> None:
    data = b"\xef\xbb\xbf" + "# Салом\r\n\r\nМатн `код`\r\n".encode()
    expected = b"\xef\xbb\xbf" + "# Salom\r\n\r\nMatn `код`\r\n".encode()
    assert convert_bytes(data, to="latin", format="markdown") == expected


def test_entries_are_the_texts_with_their_lines() -> None:
    found = list(entries(README))
    assert (2, "Ўзбекистон тарихи") in found
    assert (10, "Ўзбекистон тарихи") in found
    assert (16, "Ўрнатиш") in found
    assert (24, "Ёзувни танлаш") in found
    assert not [text for _, text in found if "индентланган" in text or "файл.txt" in text]


# no ь: a word of soft signs alone converts to nothing and leaves an empty line
_WORD = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшъэюяўқғҳШЎ", min_size=1, max_size=8)
_INLINE = st.one_of(
    _WORD,
    _WORD,
    st.sampled_from([" ", ", ", "**", "*", "_", "~~", "`код`", "[ҳавола](/йўл)", "\\*", "&amp;"]),
)  # no inline HTML: by the HTML rules a word may move out of <b> (test_formats_html)
_PREFIX = st.sampled_from(["", "# ", "> ", "- ", "1. ", "    ", "| ", ""])


@settings(max_examples=150, deadline=None)
@example([("", ["*", "Ўц", "*", "Ў"])])  # the word moves whole into the emphasis
@given(st.lists(st.tuples(_PREFIX, st.lists(_INLINE, max_size=8)), max_size=8))
def test_generated_markdown_changes_letters_only(lines: list[tuple[str, list[str]]]) -> None:
    text = "\n".join(prefix + "".join(parts) for prefix, parts in lines) + "\n"
    latin = markdown(text, "latin", source="cyrillic")
    assert non_letters(latin) == non_letters(text)
    blocks = structure(text, texts=False)
    assert structure(latin, texts=False) == blocks
    if not any(kind == "html_block" for kind, _, _ in blocks):  # raw HTML has no code spans
        for kept in ("`код`", "(/йўл)"):
            assert latin.count(kept) == text.count(kept)


def test_without_markdown_it_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from uztranslit.formats import markdown as module  # noqa: PLC0415 - the module under test

    module._parser.cache_clear()
    monkeypatch.setitem(sys.modules, "markdown_it", None)
    try:
        with pytest.raises(FormatError, match=r"pip install 'uztranslit\[formats\]'"):
            convert_bytes(b"# x", to="latin", format="markdown")
    finally:
        module._parser.cache_clear()


def test_a_long_word_split_by_many_emphases_converts_piece_by_piece() -> None:
    text = "т*елефон*" * 3000  # one word: every part is cut off on its own, none emptied
    assert markdown(text, "latin", source="cyrillic") == "t*yelefon*" * 3000


def test_front_matter_with_long_runs_of_spaces_converts() -> None:
    spaces = " " * 20_000  # once read with a regular expression that backtracked
    text = f"---\ntitle: Шаҳар{spaces}маркази  # изоҳ\nsummary: 'а'{spaces}x\n---\n"
    expected = f"---\ntitle: Shahar{spaces}markazi  # изоҳ\nsummary: 'а'{spaces}x\n---\n"
    assert markdown(text, "latin", source="cyrillic") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- <div>Салом</div>\n", "- <div>Salom</div>\n"),
        ("* <p>Салом <b>дунё</b></p>\n", "* <p>Salom <b>dunyo</b></p>\n"),
        (
            "- банд\n\n  <div>\n  Салом\n  дунё\n  </div>\n",
            "- band\n\n  <div>\n  Salom\n  dunyo\n  </div>\n",
        ),
        ("> <div>Салом\n> дунё &amp; Ўш</div>\n", "> <div>Salom\n> dunyo &amp; Oʻsh</div>\n"),
        ("1. <p>Ш<b>аҳ</b>ар</p>\n", "1. <p>Sh<b>ah</b>ar</p>\n"),
    ],
)
def test_html_blocks_inside_lists_and_quotes_convert(text: str, expected: str) -> None:
    # they were left as they were: their source lines carry the container's prefix
    latin = markdown(text, "latin", source="cyrillic")
    assert latin == expected
    assert structure(latin, texts=False) == structure(text, texts=False)
