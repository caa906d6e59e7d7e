"""Security headers on every response (the page handles text people paste into it), and
CORS for the origins allowed, its refusals in the API's JSON."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._errors import error_response

# Header → value, added to every response.
SECURITY_HEADERS: Final = MappingProxyType(
    {
        # Scripts and styles only from the server's own files: no inline code, no CDN,
        # so text shown on the page can never run.  Nothing may frame the page.
        "content-security-policy": (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        ),
        "x-content-type-options": "nosniff",  # a download is never run as a page or script
        "referrer-policy": "no-referrer",  # the page's address goes nowhere
        "x-frame-options": "DENY",  # frame-ancestors for browsers that predate it
        "cross-origin-opener-policy": "same-origin",  # no other window keeps a handle on it
        "cross-origin-resource-policy": "same-origin",  # no other site embeds its answers
    }
)
# Answers of the API hold people's text: no cache keeps them.
NO_STORE: Final = (b"cache-control", b"no-store")


class SecurityHeaders:
    """ASGI middleware that adds SECURITY_HEADERS (and no-store under /api/)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(name.encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(self.headers)
        if str(scope.get("path", "")).startswith("/api/"):
            extra.append(NO_STORE)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class JsonCors(CORSMiddleware):
    """Starlette's CORS middleware, with a refused preflight answered as JSON like every
    other error of the API (Starlette's own answer is plain text)."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        refused = bytes(response.body).decode().removeprefix("Disallowed CORS ")
        answer = error_response(400, f"the CORS preflight is refused (not allowed here: {refused})")
        for name, value in response.headers.items():
            if name not in {"content-type", "content-length"}:
                answer.headers[name] = value  # Starlette's CORS headers
        return answer
