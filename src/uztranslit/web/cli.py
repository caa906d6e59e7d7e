"""``uztranslit serve``: run the web page and API with uvicorn (docs/web.md)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Final

import uvicorn

from .._cli_errors import Parser, UsageExit
from ._settings import MIB, Settings, default_workers
from .app import create_app

PROG: Final = "uztranslit serve"
# A size: a number of bytes, or with K, M or G (KiB, MiB, GiB).
SIZE: Final = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
UNITS: Final = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2


def size(text: str) -> int:
    """A byte count from *text*: 1048576, 1024K, 1M, 1MiB."""
    match = SIZE.fullmatch(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size (give bytes, or e.g. 10M): {text!r}")
    return int(match.group(1)) * UNITS[match.group(2).lower()]


def build_parser() -> argparse.ArgumentParser:
    """The options of ``uztranslit serve``; each maps to one Settings field."""
    defaults = Settings()
    parser = Parser(
        prog=PROG,
        description=(
            "Serve the uztranslit web page and HTTP API (POST /api/convert, "
            "POST /api/convert-file, GET /api/health) on this machine. It listens on "
            "127.0.0.1 only unless --host says otherwise."
        ),
        epilog=(
            "Example: uztranslit serve --port 8080, then open http://127.0.0.1:8080/ . "
            "Sizes take K, M or G (KiB, MiB, GiB)."
        ),
    )
    listen = parser.add_argument_group("where it listens")
    listen.add_argument(
        "--host",
        default=defaults.host,
        help="address to listen on (default: %(default)s, this machine only; "
        "0.0.0.0 opens it to the network)",
    )
    listen.add_argument(
        "--port", type=int, default=defaults.port, help="TCP port (default: %(default)s)"
    )
    work = parser.add_argument_group("work and limits")
    work.add_argument(
        "-w",
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=f"conversion processes working at once (default: one per core, here "
        f"{default_workers()})",
    )
    work.add_argument(
        "--queue-size",
        type=int,
        default=defaults.queue_size,
        metavar="N",
        help="requests that may wait for a free worker; one more is answered 503 "
        "(default: %(default)s)",
    )
    work.add_argument(
        "--time-cap",
        type=float,
        default=defaults.time_cap,
        metavar="SECONDS",
        help="conversion time allowed per request; past it the worker is stopped and the "
        "answer is 504 (default: %(default)s)",
    )
    work.add_argument(
        "--read-timeout",
        type=float,
        default=defaults.read_timeout,
        metavar="SECONDS",
        help="time a request's body may take to arrive; past it the answer is 408 "
        "(default: %(default)s)",
    )
    work.add_argument(
        "--max-body",
        type=size,
        default=defaults.max_body_bytes,
        metavar="SIZE",
        help=f"largest request body, files included; more is answered 413 (default: "
        f"{defaults.max_body_bytes // MIB}M)",
    )
    work.add_argument(
        "--max-files",
        type=int,
        default=defaults.max_files,
        metavar="N",
        help="most files in one upload (default: %(default)s)",
    )
    work.add_argument(
        "--max-text-chars",
        type=int,
        default=defaults.max_text_chars,
        metavar="N",
        help="most characters of text, or of an inline lexicon, in one request "
        "(default: %(default)s)",
    )
    work.add_argument(
        "--max-unpacked",
        type=size,
        default=defaults.max_unpacked_bytes,
        metavar="SIZE",
        help=f"most bytes a zip-based document may unpack to (default: "
        f"{defaults.max_unpacked_bytes // MIB}M)",
    )
    listen.add_argument(
        "--keep-alive",
        type=int,
        default=defaults.keep_alive,
        metavar="SECONDS",
        help="how long an idle connection is kept open for the next request (default: "
        "%(default)s); a client that reuses a connection later than this may find it closed",
    )
    other = parser.add_argument_group("other")
    other.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="let pages from ORIGIN (e.g. https://intranet.example) call the API; "
        "repeat for more (default: none, no CORS)",
    )
    other.add_argument(
        "--log-level",
        choices=("critical", "error", "warning", "info", "debug", "trace"),
        default="info",
        help="how much the server logs (default: %(default)s); no level logs uploaded text",
    )
    other.add_argument(
        "--no-access-log",
        action="store_true",
        help="do not log a line per request (method, path, status)",
    )
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    """The Settings the parsed *args* ask for; ValueError for a bad value."""
    workers = {} if args.workers is None else {"workers": args.workers}
    return Settings(
        host=args.host,
        port=args.port,
        keep_alive=args.keep_alive,
        queue_size=args.queue_size,
        time_cap=args.time_cap,
        read_timeout=args.read_timeout,
        max_body_bytes=args.max_body,
        max_files=args.max_files,
        max_text_chars=args.max_text_chars,
        max_unpacked_bytes=args.max_unpacked,
        cors_origins=tuple(args.cors_origin),
        **workers,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the server until it is stopped (Ctrl-C); the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
        settings = settings_from(args)
    except UsageExit as done:
        return done.status
    except (ValueError, TypeError) as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        return EXIT_USAGE
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=args.log_level,
        access_log=not args.no_access_log,
        timeout_keep_alive=settings.keep_alive,
        server_header=False,
    )
    return EXIT_OK
