"""The page in a real browser: headless Chromium driving the real server (uvicorn).

Needs Debian's chromium (/usr/bin/chromium) and Playwright's Python package
(``pip install playwright``; never ``playwright install``: its browser download
needs a network CI lacks).  Without them these tests skip, saying which is
missing; docs/web.md records the last run by hand.

UZTRANSLIT_SCREENSHOTS=1 writes the screenshots into docs/ (web.png, web-phone.png).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._docs import ROOT

CHROMIUM = Path("/usr/bin/chromium")
# As this machine's notes say: no sandbox as root, and nothing that phones home
# (a closed network refuses those connections).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A word that must never show up in the server's log, however it is sent.
SECRET = "Махфийхабар"
MAX_BODY = "1M"

playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="the browser tests need Playwright: pip install playwright"
)
if not CHROMIUM.exists():
    pytest.skip(
        "the browser tests need Debian's chromium: apt-get install chromium",
        allow_module_level=True,
    )

expect: Any = playwright_sync.expect
# The machine may be shared and busy: wait longer than Playwright's 5 s for a change.
expect.set_options(timeout=30_000)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real server, started as `python -m uztranslit.web`; its address."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "uztranslit.web", "--port", str(port), "--workers", "1",
             "--max-body", MAX_BODY, "--log-level", "debug"],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{base}/api/health", timeout=5):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(30)
    logged = log_path.read_text(encoding="utf-8", errors="replace")
    assert "Application startup complete" in logged  # the log was captured
    assert SECRET not in logged  # no uploaded or typed text went into it


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 860}, locale="uz-Latn", accept_downloads=True
    )
    opened = context.new_page()
    problems: list[str] = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            problems.append(message.text)

    opened.on("console", on_console)
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.goto(server)
    expect(opened.locator("body")).to_have_attribute("data-ready", "true")
    yield opened
    context.close()
    # A CSP violation or a script error shows up in the console: there must be none,
    # but for the error statuses the page provoked on purpose.
    assert [p for p in problems if "status of 413" not in p] == []


def screenshot(page: Any, name: str, tmp_path: Path) -> Path:
    folder = ROOT / "docs" if os.environ.get("UZTRANSLIT_SCREENSHOTS") == "1" else tmp_path
    path = folder / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_typing_cyrillic_shows_latin_and_the_direction(page: Any, tmp_path: Path) -> None:
    page.locator("#input").press_sequentially("Ўзбекистон Республикаси, тоғ ва шаҳар")
    expect(page.locator("#output")).to_have_text("Oʻzbekiston Respublikasi, togʻ va shahar")
    expect(page.locator("#detected")).to_have_text("Yoʻnalish: Kirill → Lotin (aniqlandi)")
    screenshot(page, "web.png", tmp_path)


def test_the_switch_turns_the_direction_round(page: Any) -> None:
    page.locator("#input").fill("Тошкент шаҳри")
    expect(page.locator("#output")).to_have_text("Toshkent shahri")
    page.locator("#swap").click()
    expect(page.locator("#input")).to_have_value("Toshkent shahri")
    expect(page.locator("#output")).to_have_text("Тошкент шаҳри")
    expect(page.locator("#detected")).to_have_text("Yoʻnalish: Lotin → Kirill")
    page.locator("#to").select_option("new-latin")
    expect(page.locator("#output")).to_have_text("Toşkent şahri")


def test_options_change_the_result(page: Any) -> None:
    page.locator("#input").fill("Ўғил 2025 йил")
    expect(page.locator("#output")).to_have_text("Oʻgʻil 2025 yil")
    page.locator("#apostrophes").select_option("ascii")
    expect(page.locator("#output")).to_have_text("O'g'il 2025 yil")
    page.get_by_label("Sanalar: 2025-yil").check()
    expect(page.locator("#output")).to_have_text("O'g'il 2025-yil")


def test_guessed_words_are_marked_for_review(page: Any) -> None:
    page.locator("#input").fill("Biz yod va mol haqida gapirdik")
    expect(page.locator("#output")).to_have_text("Биз ёд ва мол ҳақида гапирдик")
    expect(page.locator("#output mark")).to_have_text(["ёд", "мол"])
    assert page.locator("#output mark").first.get_attribute("title") == "homograph: йод"


def test_html_typed_in_is_shown_as_text_and_never_run(page: Any) -> None:
    hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> салом'
    page.locator("#source").select_option("cyrillic")  # more Latin letters than Cyrillic
    page.locator("#input").fill(hostile)
    expect(page.locator("#output")).to_have_text(
        '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> salom'
    )
    assert page.locator("#output img, #output script").count() == 0
    assert page.evaluate("window.pwned") is None


def test_the_interface_speaks_both_scripts_and_english(page: Any) -> None:
    page.locator("#ui-language").select_option("uz-Cyrl")
    expect(page.locator("label[for=input]")).to_have_text("Матн")
    expect(page.locator("html")).to_have_attribute("lang", "uz-Cyrl")
    page.locator("#ui-language").select_option("en")
    expect(page.locator("label[for=input]")).to_have_text("Text")
    page.reload()  # the choice is remembered in this browser
    expect(page.locator("label[for=input]")).to_have_text("Text")
    page.locator("#ui-language").select_option("uz-Latn")


def test_copy_and_download_the_result(page: Any) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.locator("#input").fill("Шаҳар")
    expect(page.locator("#output")).to_have_text("Shahar")
    page.locator("#copy").click()
    expect(page.locator("#copy-status")).to_have_text("Nusxa olindi")
    assert page.evaluate("navigator.clipboard.readText()") == "Shahar"
    with page.expect_download() as download:
        page.locator("#download").click()
    assert download.value.suggested_filename == "uztranslit-latin.txt"
    assert Path(download.value.path()).read_text(encoding="utf-8") == "Shahar"


def test_files_upload_and_come_back_converted(page: Any, tmp_path: Path) -> None:
    one = tmp_path / "maqola.txt"
    one.write_text(f"Ўзбекистон\n{SECRET}\n", encoding="utf-8")
    two = tmp_path / "xat.txt"
    two.write_text("Тоғ", encoding="utf-8")
    page.locator("#files").set_input_files([str(one)])
    page.locator("#files-convert").click()
    link = page.locator("#files-result a").first
    expect(link).to_have_text("Yuklab olish: maqola.txt")
    with page.expect_download() as download:
        link.click()
    converted = Path(download.value.path()).read_text(encoding="utf-8")
    assert converted.startswith("Oʻzbekiston\n")
    page.locator("#files").set_input_files([str(one), str(two)])
    page.locator("#files-convert").click()
    expect(page.locator("#files-result a").first).to_have_text("Yuklab olish: uztranslit.zip")
    with page.expect_download() as download:
        page.locator("#files-result a").first.click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert sorted(archive.namelist()) == ["maqola.txt", "xat.txt"]
        assert archive.read("xat.txt").decode() == "Togʻ"


def test_an_oversized_file_shows_the_server_s_message(page: Any, tmp_path: Path) -> None:
    big = tmp_path / "katta.txt"
    big.write_bytes("Шаҳар ".encode() * 200_000)  # 2.2 MB, over the server's 1 MiB
    page.locator("#files").set_input_files([str(big)])
    page.locator("#files-convert").click()
    error = page.locator("#files-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Hajmi juda katta: the request has")
    expect(error).to_contain_text("at most 1048576")


def test_the_keyboard_reaches_everything_in_order_with_a_visible_focus(page: Any) -> None:
    order = []
    for _ in range(9):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", order[-1]
    assert order == [
        "A", "ui-language", "source", "swap", "to", "input", "output", "copy", "download",
    ]  # fmt: skip


def test_a_phone_gets_one_column_without_sideways_scrolling(
    browser: Any, server: str, tmp_path: Path
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
        has_touch=True, locale="uz-Cyrl",
    )  # fmt: skip
    phone = context.new_page()
    phone.goto(server)
    expect(phone.locator("body")).to_have_attribute("data-ready", "true")
    phone.locator("#ui-language").select_option("uz-Cyrl")
    phone.locator("#input").fill("Oʻzbekiston Respublikasi")
    expect(phone.locator("#output")).to_have_text("Ўзбекистон Республикаси")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    input_box = phone.locator("#input").bounding_box()
    output_box = phone.locator("#output").bounding_box()
    assert output_box["y"] > input_box["y"] + input_box["height"]  # stacked, not side by side
    screenshot(phone, "web-phone.png", tmp_path)
    context.close()
