"""PowerPoint presentations (pptx): slides, notes, layouts and masters convert."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from uztranslit.formats import convert_bytes, detect_format

pptx = pytest.importorskip("pptx")
etree = pytest.importorskip("lxml.etree")

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def presentation() -> bytes:
    deck = pptx.Presentation()
    master_text = deck.slide_master.placeholders[0].text_frame
    master_text.text = "Намуна сарлавҳаси"
    layout = deck.slide_layouts[1]
    layout.placeholders[0].text_frame.text = "Макет"
    slide = deck.slides.add_slide(layout)
    title = slide.shapes.title.text_frame.paragraphs[0]
    for piece, bold in (("Т", True), ("ошкент ш", False), ("аҳри", True)):
        run = title.add_run()
        run.text = piece
        run.font.bold = bold
        run.font._rPr.set("lang", "uz-Cyrl-UZ")  # python-pptx writes uz-UZ for Uzbek Cyrillic
    body = slide.placeholders[1].text_frame
    body.text = "Биринчи банд"
    second = body.add_paragraph()
    second.text = "Иккинчи"
    second.add_line_break()
    second.add_run().text = "қатор"
    slide.notes_slide.notes_text_frame.text = "Маърузачи учун изоҳ"
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def source() -> bytes:
    return presentation()


@pytest.fixture(scope="module")
def latin(source: bytes) -> Any:
    return pptx.Presentation(io.BytesIO(convert_bytes(source, to="latin")))


def test_slides_notes_layouts_and_masters_convert(latin: Any) -> None:
    slide = latin.slides[0]
    runs = slide.shapes.title.text_frame.paragraphs[0].runs
    assert [(r.text, r.font.bold) for r in runs] == [
        ("Toshkent", True),
        (" shahri", False),
        ("", True),
    ]
    body = slide.placeholders[1].text_frame
    assert body.paragraphs[0].text == "Birinchi band"
    assert body.paragraphs[1].text == "Ikkinchi\vqator"  # the line break kept
    assert slide.notes_slide.notes_text_frame.text == "Maʼruzachi uchun izoh"
    assert latin.slide_layouts[1].placeholders[0].text_frame.text == "Maket"
    assert latin.slide_master.placeholders[0].text_frame.text == "Namuna sarlavhasi"


def test_run_languages_follow_the_script(source: bytes) -> None:
    out = convert_bytes(source, to="latin")
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        root = etree.fromstring(package.read("ppt/slides/slide1.xml"))
    langs = {props.get("lang") for props in root.iter(A + "rPr")}
    assert "uz-Latn-UZ" in langs
    assert "uz-Cyrl-UZ" not in langs


def test_recognised_by_content(source: bytes) -> None:
    assert detect_format(None, source[:4096]) == "pptx"


def test_round_trip_gives_the_original_text_and_runs(source: bytes) -> None:
    back = pptx.Presentation(
        io.BytesIO(convert_bytes(convert_bytes(source, to="latin"), to="cyrillic"))
    )
    original = pptx.Presentation(io.BytesIO(source))
    for before, after in zip(original.slides, back.slides, strict=True):
        for old, new in zip(before.shapes, after.shapes, strict=True):
            old_paragraphs = old.text_frame.paragraphs
            new_paragraphs = new.text_frame.paragraphs
            assert [p.text for p in new_paragraphs] == [p.text for p in old_paragraphs]
            assert [[r.font.bold for r in p.runs] for p in new_paragraphs] == [
                [r.font.bold for r in p.runs] for p in old_paragraphs
            ]
