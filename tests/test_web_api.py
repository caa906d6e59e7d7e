"""The HTTP API (uztranslit.web) through Starlette's TestClient: answers, errors, limits."""

from __future__ import annotations

import asyncio
import io
import json
import tempfile
import urllib.parse
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.requests import Request
from starlette.routing import Route
from starlette.testclient import TestClient

from uztranslit import parse_lexicon, to_cyrillic, to_latin, transliterate
from uztranslit.web import Settings, create_app
from uztranslit.web import app as web_app
from uztranslit.web._body import TooSlow, discard_body, read_body
from uztranslit.web._errors import STATUSES
from uztranslit.web.app import OPENAPI, STATIC

from ._seed import SEED_TEXT

SMALL = Settings(workers=1, max_body_bytes=4 << 20, max_files=3, max_text_chars=1_500_000)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(SMALL)) as client:
        yield client


def convert(client: TestClient, **body: Any) -> Any:
    answer = client.post("/api/convert", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def error_of(answer: Any, status: int) -> str:
    """The message of a JSON error answer with *status*."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["status"] == status
    message: str = body["error"]
    return message


# --- /api/convert ----------------------------------------------------------------------


def test_cyrillic_is_detected_and_goes_to_latin(client: TestClient) -> None:
    body = convert(client, text="Ўзбекистон Республикаси")
    assert body == {
        "result": "Oʻzbekiston Respublikasi",
        "source": "cyrillic",
        "to": "latin",
        "detected": True,
        "flagged": [],
    }


def test_latin_is_detected_and_goes_to_cyrillic(client: TestClient) -> None:
    body = convert(client, text="O'zbekiston, tog' va 'Buxoro' shahri")
    assert body["result"] == "Ўзбекистон, тоғ ва 'Бухоро' шаҳри"
    assert (body["source"], body["to"]) == ("latin", "cyrillic")


def test_a_whole_article_converts_as_the_library_does(client: TestClient) -> None:
    assert convert(client, text=SEED_TEXT, to="latin")["result"] == to_latin(SEED_TEXT)


def test_options_are_those_of_transliterate(client: TestClient) -> None:
    text = "Шаҳар ўғли 2025 йил"
    for options in (
        {"to": "new-latin"},
        {"to": "latin", "apostrophes": "ascii"},
        {"to": "latin", "apostrophes": "quotes", "conventions": ["dates"]},
        {"to": "latin", "conventions": "dates"},
    ):
        expected = transliterate(text, **options)
        assert convert(client, text=text, **options)["result"] == expected
    assert convert(client, text="Oʻgʻil", to="new-latin")["result"] == "Öğil"


def test_a_given_source_is_not_detected(client: TestClient) -> None:
    body = convert(client, text="Shahar", to="cyrillic", source="latin")
    assert body == {
        "result": "Шаҳар",
        "source": "latin",
        "to": "cyrillic",
        "detected": False,
        "flagged": [],
    }


def test_guessed_words_are_flagged_at_their_place_in_the_result(client: TestClient) -> None:
    body = convert(client, text="Biz yod va Konsertlarimizda", to="cyrillic")
    result = body["result"]
    marked = [
        (result[f["start"] : f["end"]], f["kind"], f["alternatives"]) for f in body["flagged"]
    ]
    assert marked == [
        ("ёд", "homograph", ["йод"]),
        ("Концертларимизда", "lexicon", ["Консертларимизда"]),
    ]


def test_keep_words_stay_latin(client: TestClient) -> None:
    text = "Reuters Telegram'dagi xabarida Pepsini tilga oldi"
    body = convert(client, text=text, to="cyrillic", keep=["Pepsi", "Reuters"])
    assert body["result"] == to_cyrillic(text, keep=["Pepsi", "Reuters"])
    assert body["result"].startswith("Reuters ")
    assert "Pepsiни" in body["result"]


def test_text_without_uzbek_letters_comes_back_unchanged(client: TestClient) -> None:
    body = convert(client, text="2025 — 🇺🇿 (12:30)")
    assert body["result"] == "2025 — 🇺🇿 (12:30)"
    assert body["source"] is None


def test_html_and_script_come_back_as_json_text(client: TestClient) -> None:
    text = '<script>alert("салом")</script><img src=x onerror=alert(1)>'
    answer = client.post("/api/convert", json={"text": text, "to": "latin", "source": "cyrillic"})
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["result"] == '<script>alert("salom")</script><img src=x onerror=alert(1)>'


def test_an_inline_lexicon_is_used_for_that_request_only(client: TestClient) -> None:
    lexicon = "# a local spelling\nшаҳар\tshaxar\n"
    mine = parse_lexicon(lexicon.splitlines())
    with_it = convert(client, text="Шаҳарда", to="latin", lexicon=lexicon)["result"]
    assert with_it == to_latin("Шаҳарда", lexicon=mine) == "Shaxarda"
    without = convert(client, text="Шаҳарда", to="latin")["result"]
    assert without == "Shaharda"  # the server kept nothing of the previous request


def test_a_malformed_lexicon_is_a_400_naming_the_line(client: TestClient) -> None:
    answer = client.post("/api/convert", json={"text": "x", "lexicon": "ok\tok\nonly-one-column\n"})
    assert "lexicon:2" in error_of(answer, 400)


# --- errors ------------------------------------------------------------------------------


def library_message(**options: Any) -> str:
    try:
        transliterate("x", **options)
    except (TypeError, ValueError) as error:
        return str(error)
    raise AssertionError("the library took the options")


@pytest.mark.parametrize(
    "options",
    [
        {"to": "latin", "apostrophes": "curly"},
        {"to": "lat"},
        {"to": "latin", "conventions": ["dates", "moons"]},
        {"to": "cyrillic", "keep": ["Coca-Cola"]},
        {"to": "latin", "source": "greek"},
        {"to": "latin", "keep": [3]},
    ],
    ids=["apostrophes", "to", "conventions", "keep", "source", "keep-type"],
)
def test_a_bad_option_is_a_400_with_the_library_s_message(
    client: TestClient, options: dict[str, Any]
) -> None:
    answer = client.post("/api/convert", json={"text": "Шаҳар", **options})
    assert error_of(answer, 400) == library_message(**options)


def test_unknown_fields_and_wrong_shapes_are_400(client: TestClient) -> None:
    message = error_of(client.post("/api/convert", json={"text": "x", "too": "latin"}), 400)
    assert "'too'" in message
    assert "apostrophes" in message
    assert "JSON object" in error_of(client.post("/api/convert", json=["x"]), 400)
    assert "text must be a string" in error_of(client.post("/api/convert", json={"to": "x"}), 400)
    bad_json = client.post(
        "/api/convert", content=b'{"text": ', headers={"content-type": "application/json"}
    )
    assert "not valid JSON" in error_of(bad_json, 400)


def test_a_body_that_is_not_json_is_415(client: TestClient) -> None:
    answer = client.post(
        "/api/convert", content="Шаҳар".encode(), headers={"content-type": "text/plain"}
    )
    assert "application/json" in error_of(answer, 415)


def test_undecodable_text_is_422(client: TestClient) -> None:
    headers = {"content-type": "application/json"}
    answer = client.post("/api/convert", content=b'{"text": "\xff"}', headers=headers)
    assert "UTF-8" in error_of(answer, 422)
    lone = client.post("/api/convert", content=b'{"text": "a\\ud800b"}', headers=headers)
    assert "surrogate" in error_of(lone, 422)


def test_text_over_the_character_cap_is_413(client: TestClient) -> None:
    answer = client.post("/api/convert", json={"text": "ш" * (SMALL.max_text_chars + 1)})
    assert "at most 1500000" in error_of(answer, 413)


def test_a_body_over_the_cap_is_413_declared_or_streamed(client: TestClient) -> None:
    big = b"a" * (SMALL.max_body_bytes + 1)
    declared = client.post(
        "/api/convert", content=big, headers={"content-type": "application/json"}
    )
    assert "at most" in error_of(declared, 413)

    def chunks() -> Iterator[bytes]:  # sent chunked: no Content-Length to trust
        for start in range(0, len(big), 1 << 16):
            yield big[start : start + (1 << 16)]

    streamed = client.post(
        "/api/convert-file?to=latin&filename=a.txt",
        content=chunks(),
        headers={"content-type": "application/octet-stream"},
    )
    assert "more than" in error_of(streamed, 413)


def test_unknown_routes_and_methods_answer_json(client: TestClient) -> None:
    error_of(client.get("/api/nothing"), 404)
    error_of(client.get("/api/convert"), 405)


# --- /api/convert-file ----------------------------------------------------------------------


def test_one_uploaded_file_comes_back_converted_under_its_name(client: TestClient) -> None:
    answer = client.post(
        "/api/convert-file",
        files=[("file", ("maqola.txt", SEED_TEXT.encode(), "text/plain"))],
        data={"to": "latin"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.content.decode() == to_latin(SEED_TEXT)
    assert answer.headers["content-disposition"].startswith('attachment; filename="maqola.txt"')
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"


def test_several_files_come_back_in_a_zip_with_unique_names(client: TestClient) -> None:
    answer = client.post(
        "/api/convert-file",
        files=[
            ("file", ("a.txt", "Шаҳар".encode())),
            ("file", ("a.txt", "Ўғил".encode())),
            ("file", ("../../etc/b.txt", "Тоғ".encode())),
        ],
        data={"to": "latin", "apostrophes": "ascii"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        contents = {name: archive.read(name).decode() for name in archive.namelist()}
    assert contents == {"a.txt": "Shahar", "a (2).txt": "O'g'il", "b.txt": "Tog'"}


def test_a_raw_body_with_its_name_in_a_header_or_the_query(client: TestClient) -> None:
    name = "Ўзбек тили.txt"
    answer = client.post(
        "/api/convert-file?to=latin&conventions=dates,particles",
        content="2025 йил бўлсада".encode(),
        headers={"x-filename": urllib.parse.quote(name)},
    )
    assert answer.status_code == 200, answer.text
    assert answer.content.decode() == to_latin(
        "2025 йил бўлсада", conventions=["dates", "particles"]
    )
    assert answer.headers["content-disposition"].endswith("''" + urllib.parse.quote(name))
    by_query = client.post("/api/convert-file?to=cyrillic&filename=x.txt", content=b"Shahar")
    assert by_query.content.decode() == "Шаҳар"


def test_without_a_target_each_file_goes_to_the_other_script(client: TestClient) -> None:
    answer = client.post(
        "/api/convert-file",
        files=[("file", ("k.txt", "Шаҳар".encode())), ("file", ("l.txt", b"Shahar"))],
    )
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        assert archive.read("k.txt").decode() == "Shahar"
        assert archive.read("l.txt").decode() == "Шаҳар"


def test_file_errors_have_their_statuses(client: TestClient) -> None:
    binary = client.post(
        "/api/convert-file?to=latin&filename=p.png", content=b"\x89PNG\r\n\x1a\n\x00"
    )
    assert "p.png: not a file type" in error_of(binary, 415)
    broken = client.post("/api/convert-file?to=latin&filename=b.txt", content=b"ok\n\xff")
    assert "b.txt: line 2: cannot decode byte 0xff" in error_of(broken, 422)
    unknown = client.post("/api/convert-file?to=latin&name=b.txt", content=b"ok")
    assert "'name'" in error_of(unknown, 400)
    empty_form = client.post("/api/convert-file", data={"to": "latin"}, files={"x": ("", b"")})
    assert empty_form.status_code in (200, 400)


def test_a_utf16_text_file_comes_back_in_utf16(client: TestClient) -> None:
    # Windows Notepad's "Unicode": UTF-16 with its mark, NUL bytes and all
    data = "Ўзбекистон\r\nшаҳар\r\n".encode("utf-16")
    answer = client.post("/api/convert-file?to=latin&filename=n.txt", content=data)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/plain; charset=utf-16"
    assert answer.content == "Oʻzbekiston\r\nshahar\r\n".encode("utf-16")
    utf8 = client.post("/api/convert-file?to=latin&filename=n.txt", content="Ўз".encode())
    assert utf8.headers["content-type"] == "text/plain; charset=utf-8"
    nul = client.post("/api/convert-file?to=latin&filename=n.txt", content=b"ab\x00cd")
    assert "UTF-16 with its byte order mark" in error_of(nul, 415)  # no mark: binary
    marked = client.post("/api/convert-file?to=latin&filename=n.txt", content=b"\xef\xbb\xbfa\x00")
    assert marked.status_code == 415  # UTF-8's mark: a NUL is still binary


def test_too_many_files_is_413(client: TestClient) -> None:
    files = [("file", (f"{n}.txt", b"x")) for n in range(SMALL.max_files + 1)]
    answer = client.post("/api/convert-file", files=files, data={"to": "latin"})
    assert "at most 3 files" in error_of(answer, 413)


def test_uploads_are_never_written_to_disk(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_disk(*args: object, **kwargs: object) -> Any:
        raise AssertionError("an upload went to a temporary file")

    for name in ("TemporaryFile", "NamedTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, no_disk)
    # The trap works: a spooled file that outgrows its size would hit it.
    with (
        pytest.raises(AssertionError, match="temporary file"),
        tempfile.SpooledTemporaryFile(max_size=1) as spooled,
    ):
        spooled.write(b"xx")
    text = ("Шаҳар " * 300_000).encode()  # 3.3 MB: over Starlette's own 1 MiB spool size
    answer = client.post(
        "/api/convert-file", files=[("file", ("big.txt", text))], data={"to": "latin"}
    )
    assert answer.status_code == 200, answer.text
    assert answer.content == ("Shahar " * 300_000).encode()


# --- page, headers, description ------------------------------------------------------------


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for answer in (
        client.get("/"),
        client.get("/static/app.js"),
        client.get("/api/health"),
        client.post("/api/convert", json={"text": "x", "to": "nope"}),
    ):
        csp = answer.headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/health").headers["cache-control"] == "no-store"


def test_no_cors_unless_an_origin_is_allowed(client: TestClient) -> None:
    origin = {"origin": "https://elsewhere.example"}
    plain = client.post("/api/convert", json={"text": "x"}, headers=origin)
    assert "access-control-allow-origin" not in plain.headers
    preflight = client.options(
        "/api/convert", headers={**origin, "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers
    opened = Settings(workers=1, cors_origins=("https://elsewhere.example",))
    with TestClient(create_app(opened)) as other:
        answer = other.post("/api/convert", json={"text": "x"}, headers=origin)
        assert answer.headers["access-control-allow-origin"] == "https://elsewhere.example"
        refused = other.post(
            "/api/convert", json={"text": "x"}, headers={"origin": "https://third.example"}
        )
        assert "access-control-allow-origin" not in refused.headers
        # a refused preflight is JSON like every other error (Starlette's is plain text)
        preflight = other.options(
            "/api/convert",
            headers={"origin": "https://third.example", "access-control-request-method": "POST"},
        )
        assert "not allowed here: origin" in error_of(preflight, 400)


def test_health_says_what_the_server_offers(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["scripts"] == ["latin", "cyrillic", "new-latin"]
    assert "text" in body["formats"]
    assert body["limits"]["max_files"] == SMALL.max_files


def test_the_openapi_description_matches_the_routes(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec == json.loads(OPENAPI.read_text(encoding="utf-8"))
    app = client.app
    routes = {
        (route.path, method.lower())
        for route in app.routes  # type: ignore[attr-defined]
        if isinstance(route, Route) and route.path.startswith("/api/")
        for method in (route.methods or set()) - {"HEAD"}
    }
    described = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert described == routes
    errors = {str(status) for _, status in STATUSES}
    for path in ("/api/convert", "/api/convert-file"):
        assert errors <= set(spec["paths"][path]["post"]["responses"])
    fields = set(spec["components"]["schemas"]["ConvertRequest"]["properties"])
    assert fields == {"text", "to", "source", "apostrophes", "conventions", "keep", "lexicon"}
    response = spec["paths"]["/api/convert"]["post"]["responses"]["200"]["content"]
    example = response["application/json"]["example"]
    assert convert(client, text="Ўзбекистон Республикаси", to="latin") == example


def test_the_static_files_are_the_package_s(client: TestClient) -> None:
    for path in STATIC.iterdir():
        answer = client.get(f"/static/{path.name}")
        assert answer.status_code == 200
        assert answer.content == path.read_bytes()


# --- concurrency limits ---------------------------------------------------------------------


def test_a_full_queue_answers_503_at_once() -> None:
    settings = Settings(workers=1, queue_size=1)
    with TestClient(create_app(settings)) as client:
        pool = client.app.state.pool  # type: ignore[attr-defined]
        # Two requests in progress (one converting, one waiting) fill workers + queue.
        with pool.admission(), pool.admission():
            answer = client.post("/api/convert", json={"text": "Шаҳар"})
            upload = client.post("/api/convert-file?to=latin&filename=a.txt", content=b"x" * 4096)
        assert pool.held == 0
        assert convert(client, text="Шаҳар")["result"] == "Shahar"  # and then it is served
    assert "busy (1 converting, 1 waiting)" in error_of(answer, 503)
    assert answer.headers["retry-after"] == "1"
    error_of(upload, 503)


def test_the_time_cap_answers_504_and_the_next_request_works() -> None:
    settings = Settings(workers=1, time_cap=0.01, max_text_chars=3_000_000)
    with TestClient(create_app(settings)) as client:
        pool = client.app.state.pool  # type: ignore[attr-defined]
        before = pool.pids()
        answer = client.post("/api/convert", json={"text": "Шаҳар ўғли " * 250_000})
        assert "more than 0.01 s" in error_of(answer, 504)
        assert pool.pids() != before  # the worker that overran was replaced
        client.app.state.pool.time_cap = 30.0  # type: ignore[attr-defined]
        assert convert(client, text="Шаҳар")["result"] == "Shahar"


def test_uploaded_text_is_not_logged(caplog: pytest.LogCaptureFixture, client: TestClient) -> None:
    marker = "Маҳфийсўз"
    with caplog.at_level("DEBUG"):
        convert(client, text=marker)
        client.post("/api/convert-file?to=latin&filename=a.txt", content=marker.encode())
        client.post("/api/convert", json={"text": marker, "to": "bad"})
    assert marker not in caplog.text


def test_a_body_that_trickles_in_is_cut_off_with_408() -> None:
    async def slow_receive() -> dict[str, object]:
        await asyncio.sleep(0.05)
        return {"type": "http.request", "body": b"x", "more_body": True}

    async def fast_receive() -> dict[str, object]:
        return {"type": "http.request", "body": b"xy", "more_body": False}

    scope = {"type": "http", "method": "POST", "headers": [], "path": "/api/convert"}
    with pytest.raises(TooSlow, match=r"within 0\.3 s"):
        asyncio.run(read_body(Request(scope, slow_receive), 1000, 0.3))
    assert asyncio.run(read_body(Request(scope, fast_receive), 1000, 0.3)) == b"xy"


def test_an_unexpected_error_is_a_json_500_and_logged(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(web_app, "convert_text", broken)  # runs in the server, not a worker
    pool = client.app.state.pool  # type: ignore[attr-defined]

    async def in_place(function: Any, *args: Any, size: int = 0) -> Any:
        return function(*args)

    monkeypatch.setattr(pool, "run", in_place)
    answer = client.post("/api/convert", json={"text": "Шаҳар"})
    assert "the server failed" in error_of(answer, 500)
    assert "unexpected RuntimeError in /api/convert" in caplog.text


# --- found by a red-team pass -----------------------------------------------------------


def test_a_body_turned_away_is_dropped_only_for_the_read_timeout() -> None:
    # the 415 and 503 answers read the body on and dropped it with no time limit: six
    # clients that never sent theirs held every place, and every other request got 503
    async def never_receive() -> dict[str, object]:
        await asyncio.sleep(3600)
        raise AssertionError("unreachable")

    scope = {"type": "http", "method": "POST", "headers": [], "path": "/api/convert"}

    async def turned_away() -> None:
        await asyncio.wait_for(discard_body(Request(scope, never_receive), 0.2), 30)

    asyncio.run(turned_away())  # returns (a hang would be a TimeoutError here)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
        (b'{"text": ' + b"9" * 5000 + b"}", "a number is too long"),
    ],
)
def test_json_python_cannot_read_is_a_400_not_a_500(
    client: TestClient, body: bytes, message: str
) -> None:
    answer = client.post("/api/convert", content=body, headers={"content-type": "application/json"})
    assert message in error_of(answer, 400)


@pytest.mark.parametrize("value", [float("inf"), 1e7, float("nan"), 0.0])
def test_a_time_cap_the_pipes_cannot_wait_for_is_refused(value: float) -> None:
    # an infinite cap was accepted and made every conversion fail with a 500
    with pytest.raises(ValueError, match="at most 86400 seconds"):
        Settings(time_cap=value)
    with pytest.raises(ValueError, match="at most 86400 seconds"):
        Settings(read_timeout=value)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("a." + "b" * 300, "a." + "b" * 198),  # no ending to keep: cut, not a dot-file
        ("x" * 300 + ".docx", "x" * 195 + ".docx"),
        ("." + "c" * 300, "c" * 200),
        ("../../Ўзбек.txt", "Ўзбек.txt"),
    ],
)
def test_an_uploaded_name_is_cut_to_its_length_keeping_a_real_ending(
    given: str, expected: str
) -> None:
    assert web_app.safe_name(given) == expected


def test_form_fields_are_what_the_docs_name(client: TestClient) -> None:
    not_a_file = client.post("/api/convert-file", files={"file": (None, "Ўзбек")})
    assert "must be a file with its name" in error_of(not_a_file, 400)
    other_name = client.post("/api/convert-file", files={"upload": ("a.txt", b"x")})
    assert "unknown field 'upload'" in error_of(other_name, 400)
    option_file = client.post(
        "/api/convert-file", files={"file": ("a.txt", b"x"), "to": ("t.txt", b"latin")}
    )
    assert "to must be a plain field" in error_of(option_file, 400)


def test_json_options_take_the_types_the_description_gives(client: TestClient) -> None:
    sent = {"text": "2025 йил", "conventions": {"dates": 1}}
    assert "conventions must be a string or a list" in error_of(
        client.post("/api/convert", json=sent), 400
    )
    assert convert(client, text="Ўзбек", apostrophes=None)["result"] == "Oʻzbek"
    spec = json.loads(OPENAPI.read_text(encoding="utf-8"))
    properties = spec["components"]["schemas"]["ConvertRequest"]["properties"]
    assert None in properties["apostrophes"]["enum"]
    assert convert(client, text="2025 йил", conventions=["official"])["result"] == "2025-yil"
    listed = properties["conventions"]["oneOf"][1]["items"]["enum"]
    assert "official" in listed
    for name in ("conventions", "keep"):  # null is taken as none
        assert {"type": "null"} in properties[name]["oneOf"]
        assert convert(client, text="Ўзбек", **{name: None})["result"] == "Oʻzbek"
    assert "null" in properties["lexicon"]["type"]
    assert convert(client, text="Ўзбек", lexicon=None)["result"] == "Oʻzbek"


def test_a_converted_file_s_type_is_one_the_description_allows(client: TestClient) -> None:
    answer = client.post("/api/convert-file?to=latin&filename=a.txt", content="Шаҳар".encode())
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    spec = json.loads(OPENAPI.read_text(encoding="utf-8"))
    content = spec["paths"]["/api/convert-file"]["post"]["responses"]["200"]["content"]
    assert "*/*" in content
