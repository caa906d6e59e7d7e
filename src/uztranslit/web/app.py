"""The Starlette application: the page, the API, the limits (docs/web.md).

Routes: ``/`` the page, ``/static/*`` its files, ``GET /api/health``,
``POST /api/convert`` (JSON), ``POST /api/convert-file`` (multipart or a raw
body), ``GET /api/openapi.json``.  The app keeps no state between requests
besides its worker pool; conversions run in the pool (_pool), bodies are read
within caps (_body), options are checked by the library (_request).
"""

from __future__ import annotations

import contextlib
import json
import logging
import mimetypes
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Final

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from .._options import APOSTROPHE_STYLES, CONVENTIONS, SCRIPTS
from ..formats import FORMATS
from ..formats.text import charset_of
from ._body import discard_body, parse_form, read_body
from ._errors import ApiError, error_response, status_of
from ._headers import JsonCors, SecurityHeaders
from ._jobs import Converted, convert_files, convert_text
from ._pool import QueueFull, WorkerPool
from ._request import OPTION_FIELDS, check_length, form_fields, read_options, unknown_fields
from ._settings import Settings

LOG: Final = logging.getLogger("uztranslit.web")
HERE: Final = Path(__file__).resolve().parent
STATIC: Final = HERE / "static"
OPENAPI: Final = HERE / "openapi.json"
# The name of the zip that holds several converted files.
ZIP_NAME: Final = "uztranslit.zip"
# Query parameters of a raw-body upload besides the options.
RAW_PARAMETERS: Final = (*OPTION_FIELDS, "filename")
# The longest file name kept (longer ones are cut, keeping their ending).
NAME_LENGTH: Final = 200
ENDING_LENGTH: Final = 16  # longer, what follows the last dot is not a file ending
_NOT_A_FILE: Final = (
    "the field file must be a file with its name (curl -F file=@name.txt);"
    " to convert text, POST it as JSON to /api/convert"
)

Handler = Callable[[Request], Awaitable[Response]]


def conversion_body(converted: Converted) -> dict[str, Any]:
    """The JSON answer of /api/convert.

    ``"flagged"`` is the review report (uztranslit.review): the words a reader
    should check, with their offsets in the result; the page marks them.
    """
    return {
        "result": converted.result,
        "source": converted.source,
        "to": converted.to,
        "detected": converted.detected,
        "flagged": list(converted.flagged),
    }


def safe_name(filename: str | None) -> str:
    """An uploaded file's name without folders or control characters."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable()).strip().lstrip(".")
    if not name:
        return "file.txt"
    if len(name) > NAME_LENGTH:
        stem, dot, ending = name.rpartition(".")
        if dot and stem and len(ending) <= ENDING_LENGTH:  # the ending says the format: kept
            name = stem[: NAME_LENGTH - len(ending) - 1] + dot + ending
        else:
            name = name[:NAME_LENGTH]
    return name


def content_disposition(name: str) -> str:
    """An attachment header that carries any name: ASCII fallback plus RFC 5987."""
    fallback = "".join(c if c.isascii() and c not in '"\\' else "_" for c in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{urllib.parse.quote(name)}"


def media_type(name: str, converted: bytes) -> str:
    """The content type a converted file goes back with: plain text with the charset
    its byte order mark names (a text file comes back in the encoding it came in)."""
    guessed, _ = mimetypes.guess_type(name)
    if guessed is None or guessed.startswith("text/"):
        if guessed not in (None, "text/plain"):
            return guessed
        return f"text/plain; charset={charset_of(converted)}"
    return guessed


def is_content_type(request: Request, wanted: str) -> bool:
    given = request.headers.get("content-type", "")
    return given.split(";", 1)[0].strip().lower() == wanted


class Api:
    """The API's handlers, sharing the settings and the pool."""

    def __init__(self, settings: Settings, pool: WorkerPool) -> None:
        self.settings = settings
        self.pool = pool

    def guarded(self, handler: Handler) -> Handler:
        """*handler* run within the pool's admission, its errors answered as JSON."""

        async def run(request: Request) -> Response:
            try:
                with self.pool.admission():
                    return await handler(request)
            except QueueFull as error:
                await discard_body(request, self.settings.read_timeout)
                return error_response(503, str(error))
            except Exception as error:
                status = status_of(error)
                if status is None:  # a bug: logged with its traceback, answered as JSON
                    LOG.exception("unexpected %s in %s", type(error).__name__, request.url.path)
                    return error_response(500, "the server failed; its log says why")
                return error_response(status, str(error))

        return run

    async def health(self, request: Request) -> Response:
        settings = self.settings
        return JSONResponse(
            {
                "status": "ok",
                "version": __version__,
                "workers": settings.workers,
                "limits": {
                    "max_body_bytes": settings.max_body_bytes,
                    "max_files": settings.max_files,
                    "max_text_chars": settings.max_text_chars,
                    "time_cap": settings.time_cap,
                    "read_timeout": settings.read_timeout,
                    "queue_size": settings.queue_size,
                },
                "scripts": list(SCRIPTS),
                "apostrophes": list(APOSTROPHE_STYLES),
                "conventions": list(CONVENTIONS),
                "formats": list(FORMATS),
            }
        )

    async def convert(self, request: Request) -> Response:
        """POST /api/convert: ``{"text": ..., options}`` → ``{"result": ..., "source": ...}``."""
        if not is_content_type(request, "application/json"):
            await discard_body(request, self.settings.read_timeout)
            raise ApiError(415, "send the text as JSON, with Content-Type: application/json")
        body = await read_body(request, self.settings.max_body_bytes, self.settings.read_timeout)
        try:
            fields = json.loads(body)
        except json.JSONDecodeError as error:
            raise ApiError(400, f"the body is not valid JSON: {error}") from None
        except UnicodeDecodeError:
            raise ApiError(422, "the body is not valid UTF-8") from None
        except RecursionError:
            raise ApiError(400, "the body is not valid JSON here: it nests too deeply") from None
        except ValueError:  # a number of more digits than Python converts
            raise ApiError(400, "the body is not valid JSON here: a number is too long") from None
        if not isinstance(fields, dict):
            raise ApiError(400, 'the body must be a JSON object: {"text": "...", "to": "latin"}')
        unknown = unknown_fields(fields, ("text", *OPTION_FIELDS))
        if unknown:
            raise ApiError(400, unknown)
        text = fields.get("text")
        if not isinstance(text, str):
            raise ApiError(400, f"text must be a string; got {json.dumps(text)[:40]}")
        check_length("text", text, self.settings.max_text_chars)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ApiError(
                422, "the text holds a lone surrogate: it is not valid Unicode"
            ) from None
        wanted = read_options(fields, self.settings.max_text_chars)
        converted = await self.pool.run(
            convert_text,
            wanted.options,
            wanted.auto_target,
            wanted.lexicon_tsv,
            text,
            size=len(text),
        )
        return JSONResponse(conversion_body(converted))

    async def convert_file(self, request: Request) -> Response:
        """POST /api/convert-file: files in a multipart form, or one file as the raw body."""
        settings = self.settings
        body = await read_body(request, settings.max_body_bytes, settings.read_timeout)
        if is_content_type(request, "multipart/form-data"):
            files, pairs = await self.read_form(request, body)
        else:
            params = request.query_params
            unknown = unknown_fields(params.keys(), RAW_PARAMETERS)
            if unknown:
                raise ApiError(400, unknown)
            name = params.get("filename") or urllib.parse.unquote(
                request.headers.get("x-filename", "")
            )
            files = [(safe_name(name), body)]
            pairs = [(key, value) for key, value in params.multi_items() if key != "filename"]
        if not files:
            raise ApiError(400, "the request has no file: send it in the form field 'file'")
        wanted = read_options(form_fields(pairs), settings.max_text_chars)
        converted = await self.pool.run(
            convert_files,
            wanted.options,
            wanted.auto_target,
            wanted.lexicon_tsv,
            files,
            settings.max_unpacked_bytes,
            size=len(body),
        )
        name = files[0][0] if len(files) == 1 else ZIP_NAME
        return Response(
            converted,
            media_type=media_type(name, converted),
            headers={"content-disposition": content_disposition(name)},
        )

    async def read_form(
        self, request: Request, body: bytes
    ) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
        """The files and the other fields of a multipart body."""
        form = await parse_form(request.headers, body, self.settings.max_files)
        files: list[tuple[str, bytes]] = []
        pairs: list[tuple[str, str]] = []
        try:
            for key, value in form.multi_items():
                if key == "file" and isinstance(value, UploadFile):
                    files.append((safe_name(value.filename), await value.read()))
                elif key == "file":
                    raise ApiError(400, _NOT_A_FILE)
                elif key in OPTION_FIELDS and not isinstance(value, UploadFile):
                    pairs.append((key, value))
                elif key in OPTION_FIELDS:
                    raise ApiError(400, f"{key} must be a plain field, not a file")
                else:
                    unknown = unknown_fields([key], ("file", *OPTION_FIELDS))
                    assert unknown is not None  # key is neither
                    raise ApiError(400, unknown)
        finally:
            await form.close()
        return files, pairs


async def page(request: Request) -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


async def openapi(request: Request) -> Response:
    return FileResponse(OPENAPI, media_type="application/json")


async def http_error(request: Request, error: Exception) -> Response:
    """Starlette's own errors (404, 405) as JSON too."""
    assert isinstance(error, HTTPException)
    return error_response(error.status_code, str(error.detail))


def create_app(settings: Settings | None = None) -> Starlette:
    """The application for *settings* (the defaults if None); its lifespan runs the pool."""
    settings = settings or Settings()
    pool = WorkerPool(settings.workers, settings.admitted, settings.time_cap)
    api = Api(settings, pool)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool.start()
        try:
            yield
        finally:
            pool.stop()

    middleware = [Middleware(SecurityHeaders)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                JsonCors,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["content-type", "x-filename"],
                expose_headers=["content-disposition"],
            )
        )
    routes = [
        Route("/", page),
        Route("/api/health", api.health),
        Route("/api/openapi.json", openapi),
        Route("/api/convert", api.guarded(api.convert), methods=["POST"]),
        Route("/api/convert-file", api.guarded(api.convert_file), methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={HTTPException: http_error},
    )
    app.state.settings = settings
    app.state.pool = pool
    return app
