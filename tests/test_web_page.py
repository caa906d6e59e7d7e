"""The page's static files: no inline code (the CSP forbids it), no HTML built from text,
every string in both scripts of Uzbek and in English."""

from __future__ import annotations

import html.parser
import json
import re

from uztranslit import to_cyrillic
from uztranslit.web.app import STATIC

PAGE = (STATIC / "index.html").read_text(encoding="utf-8")
SCRIPT = (STATIC / "app.js").read_text(encoding="utf-8")
STRINGS = json.loads((STATIC / "i18n.json").read_text(encoding="utf-8"))
LANGUAGES = ("uz-Latn", "uz-Cyrl", "en")


class PageParser(html.parser.HTMLParser):
    """Collects inline code (which the CSP would block) and the string keys used."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []
        self.keys: set[str] = set()
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        if tag == "script":
            if "src" not in given:
                self.inline.append("inline <script>")
            self.scripts.append(given.get("src") or "")
        if tag == "style":
            self.inline.append("<style>")
        self.inline.extend(f"{name}= on <{tag}>" for name in given if name.startswith("on"))
        if "style" in given:
            self.inline.append(f"style= on <{tag}>")
        for name in ("data-i18n", "data-i18n-placeholder", "data-i18n-label"):
            if given.get(name):
                self.keys.add(str(given[name]))


def parsed() -> PageParser:
    parser = PageParser()
    parser.feed(PAGE)
    return parser


def test_the_page_has_no_inline_script_style_or_handler() -> None:
    page = parsed()
    assert page.inline == []
    assert page.scripts == ["/static/app.js"]  # the checker did see the page's script


def test_nothing_comes_from_another_server() -> None:
    for text in (PAGE, SCRIPT, (STATIC / "app.css").read_text(encoding="utf-8")):
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.IGNORECASE)


def test_the_script_never_builds_html_from_text() -> None:
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in SCRIPT
    assert "textContent" in SCRIPT


def test_every_string_the_page_uses_exists_in_every_language() -> None:
    used = parsed().keys | set(re.findall(r"\bt\(\"([a-z_-]+)\"\)", SCRIPT))
    used |= {f"error_{status}" for status in (400, 413, 415, 422, 503, 504)}
    used |= {f"script_{script}" for script in ("latin", "cyrillic", "new-latin")}
    assert "input_label" in used
    assert "copied" in used
    for language in LANGUAGES:
        assert set(STRINGS[language]) == set(STRINGS["uz-Latn"])
        assert used <= set(STRINGS[language]), language
        assert all(STRINGS[language].values())


def test_the_cyrillic_strings_are_the_library_s_conversion_of_the_latin_ones() -> None:
    latin, cyrillic = STRINGS["uz-Latn"], STRINGS["uz-Cyrl"]
    for key, text in latin.items():
        if key not in STRINGS["_hand_written"]:
            assert cyrillic[key] == to_cyrillic(text, keep=STRINGS["_keep"]), key
    assert cyrillic["copy"] == "Нусха олиш"
    assert cyrillic["direction"] == "Йўналиш"
