"""The web page and HTTP API: ``uztranslit serve`` (docs/web.md).

An office runs it on its own machine, so that its documents go to no one
else's server.  Starlette on uvicorn serves a static page and a JSON API;
conversions run in a small pool of worker processes with a time cap each, so
one huge or slow request cannot stall the others.

This package needs the ``web`` extra: ``pip install 'uztranslit[web]'``.
"""

from __future__ import annotations

try:
    import python_multipart as _multipart  # noqa: F401 - checked here, used by Starlette
    import starlette as _starlette  # noqa: F401
    import uvicorn as _uvicorn  # noqa: F401
except ImportError as missing:  # pragma: no cover - the test extra brings them
    raise ImportError(
        f"the web server needs the 'web' extra ({missing.name} is missing): "
        "pip install 'uztranslit[web]'"
    ) from missing

from ._settings import Settings
from .app import create_app

__all__ = ["Settings", "create_app"]
