"""Subtitles (.srt, .vtt): cue text converts; numbers, timings, tags and blocks stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uztranslit import to_latin
from uztranslit.formats import FormatError, convert_bytes, detect_format, srt, vtt

FIXTURES = Path(__file__).parent / "fixtures" / "web"
SRT = (FIXTURES / "film.cyrl.srt").read_bytes()
VTT = (FIXTURES / "lecture.cyrl.vtt").read_bytes()

# What is not cue text: numbers, timing lines, tags, references, VTT's other blocks.
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}|&[a-z]+;|^\d+\r?$|^.*-->.*$", re.MULTILINE)


def markup(data: bytes) -> list[str]:
    return _MARKUP.findall(data.decode())


def test_files_are_chosen_by_their_ending() -> None:
    assert detect_format("film.srt", SRT) == "srt"
    assert detect_format("lecture.VTT", VTT) == "vtt"


def test_srt_cue_text_converts_and_the_rest_stays() -> None:
    latin = convert_bytes(SRT, to="latin", filename="film.srt")
    expected = SRT.decode()
    for cyrillic, latin_text in (
        ("<i>Ассалому алайкум,</i> азиз\r\n", "<i>Assalomu alaykum,</i> aziz\r\n"),
        ("томошабинлар!", "tomoshabinlar!"),
        ("{\\an8}Бугун биз <b>Ш</b>аҳрисабзга\r\n", "{\\an8}Bugun biz <b>Sh</b>ahrisabzga\r\n"),
        ("саёҳат қиламиз.", "sayohat qilamiz."),
        ("— Ўзбекистон</font> гўзал!\r\n", "— Oʻzbekiston</font> goʻzal!\r\n"),
        ("— Ҳа, жуда ҳам.", "— Ha, juda ham."),
        ("♪ Мусиқа ♪", "♪ Musiqa ♪"),
    ):
        assert cyrillic in expected
        expected = expected.replace(cyrillic, latin_text)
    assert latin.decode() == expected
    assert markup(latin) == markup(SRT)


def test_srt_round_trips() -> None:
    latin = convert_bytes(SRT, to="latin", filename="film.srt")
    assert convert_bytes(latin, to="cyrillic", filename="film.srt") == SRT


def test_vtt_cue_text_converts_and_header_notes_styles_regions_stay() -> None:
    latin = convert_bytes(VTT, to="latin", filename="lecture.vtt").decode()
    source = VTT.decode()
    for kept in (
        "WEBVTT - Маъруза: тарих\nKind: captions\n",
        '::cue(v[voice="Устоз"]) { color: lime; }',
        "REGION\nid:fred\nwidth:40%\nlines:3\n",
        "NOTE Таржимон: ушбу изоҳ ўзгармайди.\nИккинчи қатор ҳам.\n",
        "NOTE\nБу ерда тўхтаймиз.\n",
        "intro\n00:00:00.500 --> 00:00:03.000 align:start position:10% line:0\n",
    ):
        assert kept in source
        assert kept in latin
    assert "Language: uz-Latn\n" in latin
    assert "<v Устоз>Xush kelibsiz, <c.highlight>aziz</c> talabalar!" in latin
    assert "<v.loud Устоз>Bugun Samarqand tarixi &amp; meʼmorchiligi haqida." in latin
    assert "<i>Registon</i> maydonidan <00:00:05.000>boshlaymiz." in latin
    assert "&lt;Taʼkid&gt; oʻquvchi&nbsp;uchun" in latin
    assert markup(latin.encode()) == markup(VTT)


def test_vtt_declares_its_script_in_the_language_header() -> None:
    assert vtt.declared_script(VTT) == "cyrillic"
    assert vtt.declared_script(b"WEBVTT\nLanguage: uz-Latn\n\n") == "latin"
    assert vtt.declared_script(b"WEBVTT\n\n") is None


def test_vtt_round_trips() -> None:
    latin = convert_bytes(VTT, to="latin", filename="lecture.vtt")
    assert convert_bytes(latin, to="cyrillic", filename="lecture.vtt") == VTT


def test_a_cue_converts_as_one_text_across_its_lines() -> None:
    cue = "1\n00:00:01,000 --> 00:00:02,000\nт<i>елефон</i>\n".encode()
    assert convert_bytes(cue, to="latin", format="srt").decode().endswith("telefon<i></i>\n")
    cue = "1\n00:00:01,000 --> 00:00:02,000\n<i>Тошкент</i>да\n".encode()
    assert convert_bytes(cue, to="latin", format="srt").decode().endswith("<i>Toshkent</i>da\n")


def test_a_byte_order_mark_is_kept() -> None:
    data = b"\xef\xbb\xbfWEBVTT\n\n00:01.000 --> 00:02.000\n" + "Салом\n".encode()
    assert convert_bytes(data, to="latin", format="vtt").endswith(b"\nSalom\n")
    assert convert_bytes(data, to="latin", format="vtt").startswith(b"\xef\xbb\xbfWEBVTT")


def test_entries_are_the_cues_with_their_lines() -> None:
    assert list(srt.entries(SRT))[1] == (8, "Бугун биз Шаҳрисабзга\r\nсаёҳат қиламиз.")
    found = list(vtt.entries(VTT))
    assert found[0] == (19, "Хуш келибсиз, азиз талабалар!")
    assert found[-1] == (29, "<Таъкид> ўқувчи\u00a0учун")
    assert len(found) == 3


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        ("1\n00:00:01 --> 00:00:02,000\nСалом\n", "srt", r"line 2: malformed SRT timing"),
        ("1\n00:00:01,000 -> 00:00:02,000\nСалом\n", "srt", r"line 2: malformed SRT timing"),
        ("1\nСалом\n", "srt", r"line 2: malformed SRT timing"),
        ("Салом\n\n", "srt", r"line 1: expected a cue number or timing"),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nА\n\nx 00:03,000 --> 00:04,000\nБ\n",
            "srt",
            "line 5: malformed SRT timing",
        ),
        ("Салом\n\n00:01.000 --> 00:02.000\nА\n", "vtt", "line 1: .*must begin with WEBVTT"),
        ("WEBVTT\n\n00:01,000 --> 00:02.000\nА\n", "vtt", "line 3: malformed WebVTT timing"),
        ("WEBVTT\n\nid\n00:01.000-->00:02.000\nА\n", "vtt", "line 4: malformed WebVTT timing"),
        ("WEBVTT\n\nСалом\nдунё\n", "vtt", "line 3: a cue without a timing line"),
    ],
)
def test_malformed_subtitles_are_errors_never_plain_text(
    data: str, name: str, message: str
) -> None:
    with pytest.raises(FormatError, match=message):
        convert_bytes(data.encode(), to="latin", format=name)


def test_subtitles_must_be_utf8() -> None:
    data = "1\n00:00:01,000 --> 00:00:02,000\nСалом\n".encode("cp1251")
    with pytest.raises(FormatError, match="line 3: cannot decode"):
        convert_bytes(data, to="latin", format="srt")


def _visible(line: str) -> str:
    """*line*, or a dash where it would be blank (a blank line ends a cue)."""
    return line if line.strip() else "-"


# no ь: a word of soft signs alone converts to nothing and leaves an empty line
_WORD = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшъэюяўқғҳШЎ", min_size=1, max_size=8)
_LINE = st.lists(st.one_of(_WORD, st.sampled_from([" ", ", ", "<i>", "</i>", "<b>", "</b>"])))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=3), min_size=1, max_size=5))
def test_generated_srt_keeps_its_structure(cues: list[list[list[str]]]) -> None:
    texts = ["\n".join(_visible("".join(line)) for line in cue) for cue in cues]
    data = "".join(
        f"{n}\n00:00:{n:02},000 --> 00:00:{n + 1:02},500\n{text}\n\n"
        for n, text in enumerate(texts, 1)
    )
    out = convert_bytes(data.encode(), to="latin", format="srt", source="cyrillic").decode()
    assert markup(out.encode()) == markup(data.encode())
    tags = re.compile(r"<[^>]*>")
    assert [tags.sub("", block) for block in out.split("\n\n")] == [
        to_latin(tags.sub("", block)) for block in data.split("\n\n")
    ]
