"""detect_script counts the letters of prose, not of markup or code (issue 10)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from uztranslit import detect_script
from uztranslit._detect import prose

PAGE = """<!DOCTYPE html>
<html lang="uz"><head><meta charset="utf-8"><title>Янгиликлар</title>
<link rel="stylesheet" href="https://cdn.example.com/bootstrap/css/bootstrap.min.css">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
<script>window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-X');
</script>
<style>body { font-family: Arial, sans-serif; margin: 0 auto; max-width: 960px; }
.navbar-brand { font-weight: bold; color: #333; }</style>
</head><body><nav class="navbar navbar-expand-lg">
<a class="navbar-brand" href="/">Бош саҳифа</a></nav>
<main><h1>Тошкентда янги мактаб очилди</h1>
<p>Пойтахтда 600 ўринли мактаб фойдаланишга топширилди.&nbsp;Батафсил: info@maktab.uz</p>
</main></body></html>
"""


def test_a_small_cyrillic_page_is_cyrillic() -> None:
    assert detect_script(PAGE) == "cyrillic"


def test_the_page_is_converted_and_its_code_left_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uztranslit"], input=PAGE.encode(), capture_output=True, check=True
    )
    out = done.stdout.decode()
    assert "Toshkentda yangi maktab ochildi" in out
    assert "function gtag(){dataLayer.push(arguments);}" in out
    assert 'class="navbar navbar-expand-lg"' in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("<b class='x'>Салом</b>", "class"),
        ("<script>var shahar = 1;</script>Салом", "shahar"),
        ("<STYLE>p{color:red}</STYLE>Салом", "color"),
        ("Салом<script>never closed shahar", "shahar"),
        ("<!-- shahar -->Салом", "shahar"),
        ("Салом https://kun.uz/shahar", "shahar"),
        ("Салом www.shahar.uz", "shahar"),
        ("Салом shahar@kun.uz", "shahar"),
        ("Салом dataLayer.push(x)", "dataLayer"),
        ("Салом font_size", "font_size"),
        ("Салом getElementById", "getElementById"),
        ("Салом &laquo;", "laquo"),
    ],
)
def test_markup_and_code_are_not_prose(text: str, gone: str) -> None:
    assert gone not in prose(text)
    assert "Салом" in prose(text)


@pytest.mark.parametrize(
    "text",
    ["Oʻzbekiston Respublikasi", "Shahar, qishloq va tuman", "O'zbek tili. Toshkent shahri"],
)
def test_latin_prose_is_still_latin(text: str) -> None:
    assert detect_script(text) == "latin"
    assert prose(text) == text
