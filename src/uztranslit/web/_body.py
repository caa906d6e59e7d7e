"""Reading a request's body within a byte cap, and its multipart form from memory.

uvicorn sets no limit on a body, so the bytes are counted as they arrive and
reading stops at the cap.  A rejected body is still read on (and dropped) up
to DRAIN_LIMIT bytes, so that the client, still sending, gets the error
instead of a reset connection.

Starlette's own multipart parser spools each file part over 1 MiB to a
temporary file on disk; parse_form raises that threshold above the whole
body, so no uploaded byte is ever written to disk.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Final

from starlette.datastructures import FormData, Headers
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

# Bytes read past a cap and dropped before answering, so the client sees the answer.
DRAIN_LIMIT: Final = 64 << 20
# Form fields (options) allowed besides the files.
MAX_FIELDS: Final = 32


class TooLarge(Exception):
    """A body over the cap (413)."""


class TooSlow(Exception):
    """A body that did not arrive within the read timeout (408)."""


class BadForm(Exception):
    """A multipart body that cannot be parsed (400)."""


class TooManyFiles(Exception):
    """More files than allowed in one request (413)."""


async def drain(stream: AsyncIterator[bytes], already: int) -> None:
    """Read and drop the rest of *stream*, up to DRAIN_LIMIT bytes in all."""
    read = already
    async for chunk in stream:
        read += len(chunk)
        if read > DRAIN_LIMIT:
            return


async def read_body(request: Request, cap: int, timeout: float) -> bytes:
    """The whole body; TooLarge as soon as it passes *cap* bytes, TooSlow if it takes
    more than *timeout* seconds (a client trickling bytes would hold a place)."""
    try:
        return await asyncio.wait_for(read_capped(request, cap), timeout)
    except asyncio.TimeoutError:
        raise TooSlow(f"the request's body did not arrive within {timeout:g} s") from None


async def read_capped(request: Request, cap: int) -> bytes:
    """The whole body, or TooLarge as soon as it passes *cap* bytes."""
    stream = request.stream()
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        await drain(stream, 0)
        raise TooLarge(f"the request has {int(declared)} bytes; at most {cap} are accepted")
    body = bytearray()
    async for chunk in stream:
        if len(body) + len(chunk) > cap:
            await drain(stream, len(body) + len(chunk))
            raise TooLarge(f"the request has more than {cap} bytes; at most {cap} are accepted")
        body += chunk
    return bytes(body)


async def discard_body(request: Request, timeout: float) -> None:
    """Read and drop the body (a request turned away before its body was wanted), for
    at most *timeout* seconds: a client that sends it slowly, or never, must not hold
    a place (the answer goes out then, and the connection may be closed)."""
    try:
        await asyncio.wait_for(drain(request.stream(), 0), timeout)
    except asyncio.TimeoutError:
        return


async def parse_form(headers: Headers, body: bytes, max_files: int) -> FormData:
    """The multipart form in *body*, every part kept in memory."""

    async def whole() -> AsyncGenerator[bytes, None]:
        yield body

    parser = MultiPartParser(
        headers, whole(), max_files=max_files, max_fields=MAX_FIELDS, max_part_size=len(body) + 1
    )
    # Every part is smaller than the body, so no part rolls over to a temporary file.
    parser.spool_max_size = len(body) + 1
    try:
        return await parser.parse()
    except MultiPartException as error:
        if error.message.startswith("Too many files"):
            raise TooManyFiles(f"at most {max_files} files are accepted in one request") from None
        raise BadForm(f"the form cannot be read: {error.message}") from None
