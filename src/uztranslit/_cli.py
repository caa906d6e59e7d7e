"""The ``uztranslit`` command: its arguments, and what runs for each way of calling it.

Reading and decoding plain text is in _inputs, documents in _documents, many
files at once in _jobs, writing an output file in _files, the progress line in
_progress, SIGTERM and SIGHUP in _signals.
"""

from __future__ import annotations

import argparse
import codecs
import collections
import contextlib
import errno
import importlib
import io
import os
import stat
import sys
from typing import Final, TextIO

from . import __version__, _cli_report, formats
from ._cli_check import check_files
from ._cli_errors import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    CliError,
    Parser,
    UsageExit,
)
from ._documents import check_one_output, format_names, parse_size
from ._files import HardLinkError, NamedSink, write_output
from ._inputs import check_readable, convert_inputs
from ._jobs import convert_each, hard_link_message
from ._lexicon import Lexicon, LexiconError, load_lexicon
from ._options import (
    APOSTROPHE_STYLES,
    CONVENTIONS,
    PROFILES,
    SCRIPTS,
    check_conventions,
    check_keep,
)
from ._progress import DELAY, Progress
from ._signals import Terminated, terminations_raise

ERROR_HANDLERS: Final = ("strict", "replace", "surrogateescape")
SERVE: Final = "serve"  # the first argument that runs the web server instead
SERVE_MISSING: Final = "uztranslit serve needs the web extra: pip install 'uztranslit[web]'"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; `uztranslit --help` prints its help."""
    parser = Parser(
        prog=PROG,
        description=(
            "Convert Uzbek text between Cyrillic and Latin script by the 1995 rules. "
            "Reads FILEs (or stdin) and writes UTF-8 to OUTPUT (or stdout) as it reads."
        ),
        epilog="Example: echo Ўзбекистон | uztranslit   prints Oʻzbekiston",
    )
    parser.add_argument(
        "files",
        nargs="*",
        default=["-"],
        metavar="FILE",
        help="input files, concatenated; - or none means stdin",
    )
    parser.add_argument(
        "-t",
        "--to",
        choices=SCRIPTS,
        help="target script: latin (1995), cyrillic, or new-latin (2026: ş ç ö ğ); without "
        "it Cyrillic input goes to latin and Latin input to cyrillic",
    )
    parser.add_argument(
        "-f",
        "--from",
        dest="source",
        choices=("auto", *SCRIPTS),
        default="auto",
        help="script of the input; auto (the default) detects it for each input from the "
        "letters in its first 64 KiB",
    )
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUTPUT",
        help="output file (default: - for stdout); a file is written whole or not at all, "
        "a device or FIFO is written into directly",
    )
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="convert each FILE into itself, once even if named twice (atomically, keeping "
        "its owner and permissions; a symlink's target is converted)",
    )
    parser.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write each FILE's conversion to DIR under the same name (DIR is created)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="with --in-place or --output-dir, convert up to N files at once in worker "
        "processes (0: one per usable core); never more than the FILEs or the usable cores",
    )
    parser.add_argument(
        "--allow-hardlinks",
        action="store_true",
        help="rewrite an output file that has other hard links in place, so that every name "
        "gets the new text (not atomic); without it such a file is refused",
    )
    parser.add_argument(
        "-e",
        "--encoding",
        default="utf-8",
        metavar="ENCODING",
        help="text encoding of the input (default: utf-8); the output is always UTF-8",
    )
    parser.add_argument(
        "--format",
        choices=format_names(),
        metavar="NAME",
        help="format of the inputs (docs/formats.md); by default each input's is recognised "
        "by its content and name, and anything else is plain text. Documents are converted "
        "whole; plain text streams",
    )
    parser.add_argument(
        "--max-unpacked",
        type=_size,
        metavar="SIZE",
        help="the most a document packed in a zip (Office, OpenDocument) may unpack to, as "
        f"bytes or with K, M, G (default: {formats.Limits().max_unpacked >> 30}G)",
    )
    parser.add_argument(
        "--max-ratio",
        type=int,
        metavar="N",
        help="the largest compression ratio allowed for a zip entry in a document "
        f"(default: {formats.Limits().max_ratio})",
    )
    parser.add_argument(
        "--errors",
        choices=ERROR_HANDLERS,
        default="strict",
        help="what to do with bytes the input encoding cannot decode: stop with an error "
        "(strict, the default), write U+FFFD (replace), or pass them through unchanged "
        "(surrogateescape)",
    )
    parser.add_argument(
        "--apostrophes",
        choices=tuple(APOSTROPHE_STYLES),
        default="modifier",
        help="how Latin output writes oʻ, gʻ and the tutuq: modifier (ʻ ʼ, default), "
        "ascii (' '), quotes (‘ ’)",
    )
    parser.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="FILE",
        help="add the entries of a lexicon file (docs/lexicon.md) to the shipped ones; "
        "may be given more than once, later files winning",
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="WORDS",
        help="words to keep in Latin letters going to Cyrillic, comma-separated, in any "
        "case (brand names: --keep Pepsi,Reuters); their endings are converted "
        "(Pepsining → Pepsiнинг); may be given more than once",
    )
    parser.add_argument(
        "--conventions",
        default="",
        metavar="NAMES",
        help="opt-in conventions that change more than letters, comma-separated: "
        "dates (2025 йил ↔ 2025-yil), particles (бўлсада ↔ boʻlsa-da), "
        "quotes («» ↔ “”); official: dates and particles, as each side's rules write them; all",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="convert nothing: list the entries of each FILE written in the wrong script for "
        "its declared language (a .po header, XLIFF's target language, <html lang>; for "
        "plain text --from, else most of the text) as FILE:LINE: text; exit 3 if any",
    )
    parser.add_argument(
        "--report",
        nargs="?",
        const="-",
        metavar="FILE",
        help="also write the review report of each plain-text input (the words whose "
        "reading is a guess, docs/review.md) to FILE, or to stderr without FILE",
    )
    parser.add_argument(
        "--report-format",
        choices=_cli_report.STYLES,
        help="with --report: the report as a Markdown table (default) or JSON Lines",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="show progress on stderr: bytes and files done, rate, time left (default: when "
        "stderr is a terminal and the output is not, after half a second of work)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say on stderr which direction each input is converted in, and why",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except CliError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse and check the command line; raise CliError(status 2) on misuse."""
    args = build_parser().parse_args(argv)
    check_encoding(args.encoding, args.errors)
    args.conventions = _conventions(args.conventions)
    args.lexicon = _lexicon(args.lexicon)
    args.keep = _keep(args.keep)
    _check_file_modes(args)
    if args.report is not None and (args.in_place or args.output_dir is not None or args.check):
        raise CliError(
            "--report goes with output to stdout or -o, not with --in-place, --output-dir "
            "or --check",
            EXIT_USAGE,
        )
    if args.report_format is not None and args.report is None:
        raise CliError("--report-format goes with --report, which was not given", EXIT_USAGE)
    if args.check and (args.in_place or args.output_dir is not None or args.output != "-"):
        raise CliError(
            "--check writes a list, not files: it does not go with -o, --in-place or --output-dir",
            EXIT_USAGE,
        )
    if args.max_ratio is not None and args.max_ratio < 1:
        raise CliError(f"--max-ratio must be 1 or more; got {args.max_ratio}", EXIT_USAGE)
    if args.output != "-":
        for name in args.files:
            if name != "-" and _same_file(name, args.output):
                raise CliError(f"refusing to write the output over its input {name!r}", EXIT_USAGE)
    return args


def check_encoding(name: str, errors: str) -> None:
    """-e must name a text encoding (bytes to str) that can decode something."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise CliError(f"unknown encoding {name!r} given with -e", EXIT_USAGE) from None
    if not getattr(info, "_is_text_encoding", True):
        raise CliError(
            f"{name!r} given with -e is not a text encoding (it turns bytes into bytes); "
            "name the encoding of the text, such as utf-8 or cp1251",
            EXIT_USAGE,
        )
    try:
        codecs.getincrementaldecoder(name)(errors=errors).decode(b"", final=True)
    except UnicodeError as error:  # "undefined" is a text encoding that decodes nothing
        raise CliError(
            f"encoding {name!r} given with -e cannot decode: {error}", EXIT_USAGE
        ) from None


def _check_file_modes(args: argparse.Namespace) -> None:
    """--in-place, --output-dir and --jobs: what goes with what."""
    each = args.in_place or args.output_dir is not None
    if args.output == "" or args.output_dir == "":
        raise CliError("-o and --output-dir need a name (-o - is standard output)", EXIT_USAGE)
    if args.in_place and args.output_dir is not None:
        raise CliError("give --in-place or --output-dir, not both", EXIT_USAGE)
    if each and args.output != "-":
        raise CliError(
            "-o writes one output; it does not go with --in-place or --output-dir", EXIT_USAGE
        )
    if each and "-" in args.files:
        raise CliError("--in-place and --output-dir need FILEs, not standard input", EXIT_USAGE)
    if args.jobs < 0:
        raise CliError(f"--jobs must be 0 or more; got {args.jobs}", EXIT_USAGE)
    if args.jobs != 1 and not each:
        raise CliError("--jobs needs --in-place or --output-dir", EXIT_USAGE)
    if args.output_dir is not None:
        names = collections.Counter(os.path.basename(name) for name in args.files)
        repeated = sorted(name for name, count in names.items() if count > 1)
        if repeated:
            raise CliError(
                f"two inputs would both be written to {repeated[0]!r} in {args.output_dir}",
                EXIT_USAGE,
            )
        for name in args.files:
            if _same_file(name, os.path.join(args.output_dir, os.path.basename(name))):
                raise CliError(f"refusing to write the output over its input {name!r}", EXIT_USAGE)


def _conventions(names: str) -> frozenset[str]:
    chosen = [name.strip() for name in names.split(",") if name.strip()]
    if "all" in chosen:
        chosen = [*(name for name in chosen if name != "all"), *CONVENTIONS]
    try:
        return check_conventions(chosen)
    except ValueError:
        unknown = sorted(set(chosen).difference(CONVENTIONS, PROFILES))
        raise CliError(
            f"unknown convention {unknown[0]!r} given with --conventions; "
            f"choose from {', '.join((*CONVENTIONS, *PROFILES))} or all",
            EXIT_USAGE,
        ) from None


def _keep(values: list[str]) -> frozenset[str]:
    words = [word.strip() for value in values for word in value.split(",") if word.strip()]
    try:
        return check_keep(words)
    except ValueError as error:
        raise CliError(f"{error} (given with --keep)", EXIT_USAGE) from None


def _lexicon(paths: list[str]) -> Lexicon | None:
    merged: Lexicon | None = None
    for path in paths:
        try:
            lexicon = load_lexicon(path)
        except LexiconError as error:
            raise CliError(f"{error} (in the file given with --lexicon)") from None
        except OSError as error:
            raise CliError(f"{path}: cannot read the lexicon: {error.strerror}") from None
        merged = lexicon if merged is None else merged.merged(lexicon)
    return merged


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def make_progress(args: argparse.Namespace) -> Progress:
    """The progress report this run shows, if any (see _progress)."""
    stream = sys.stderr
    terminal = _isatty(stream)
    to_terminal = args.output == "-" and not args.in_place and args.output_dir is None
    to_terminal = to_terminal and _isatty(sys.stdout)
    enabled = args.progress if args.progress is not None else terminal and not to_terminal
    sizes = [_input_size(name) for name in args.files]
    return Progress(
        stream,
        enabled=enabled,
        terminal=terminal,
        total=None if None in sizes else sum(size or 0 for size in sizes),
        files=len(args.files),
        delay=0.0 if args.progress else DELAY,
    )


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _input_size(name: str) -> int | None:
    """The size of a regular file input (stdin too, if redirected from one); else None."""
    try:
        found = os.fstat(sys.stdin.fileno()) if name == "-" else os.stat(name)
    except (OSError, AttributeError, ValueError):
        return None
    return found.st_size if stat.S_ISREG(found.st_mode) else None


def write_to_stdout(args: argparse.Namespace, progress: Progress) -> int:
    """The inputs converted to standard output; one that cannot be opened is
    named and skipped, and the status is then 1."""
    if sys.stdout is None:
        raise CliError("standard output is closed; give -o OUTPUT")
    check_one_output(args.files, args)
    out = NamedSink(sys.stdout.buffer, "standard output")
    missing = convert_inputs(args.files, args, out, skip_unreadable=True, progress=progress)
    out.flush()
    return EXIT_FAILURE if missing else EXIT_OK


def write_to_output(args: argparse.Namespace, progress: Progress) -> None:
    """The inputs converted into -o OUTPUT: all of them, or nothing is written."""
    output = args.output
    check_one_output(args.files, args)
    problems: list[str] = []
    for name in args.files:
        try:
            check_readable(name)
        except CliError as error:
            problems.append(error.message)
    if problems:
        for message in problems[:-1]:
            sys.stderr.write(f"{PROG}: {message}\n")
        raise CliError(f"{problems[-1]}\n{PROG}: {output} was not written")
    if os.path.isdir(output):
        raise CliError(
            f"{output}: is a directory; -o names a file (--output-dir DIR writes each FILE "
            "into DIR)"
        )
    try:
        write_output(
            output,
            lambda out: convert_inputs(
                args.files, args, out, skip_unreadable=False, progress=progress
            ),
            hard_links="rewrite" if args.allow_hardlinks else "refuse",
        )
    except HardLinkError:
        raise CliError(hard_link_message(output, os.stat(output).st_nlink)) from None


def open_report(args: argparse.Namespace) -> TextIO | None:
    """Where --report writes (stderr for ``-``), kept on *args* for the inputs."""
    args.report_style = args.report_format or "table"
    if args.report is None:
        args.report_out = None
        return None
    if args.report == "-":
        args.report_out = sys.stderr
        return sys.stderr
    try:
        args.report_out = open(args.report, "w", encoding="utf-8")  # noqa: SIM115 - closed in run
    except OSError as error:
        raise CliError(f"{args.report}: cannot write the report: {error.strerror}") from None
    return args.report_out  # type: ignore[no-any-return]


def serve(argv: list[str]) -> int:
    """``uztranslit serve ...``: the web server of the web extra."""
    try:
        cli = importlib.import_module("uztranslit.web.cli")  # optional: the web extra
    except ImportError:
        sys.stderr.write(f"{SERVE_MISSING}\n")
        return EXIT_USAGE
    status = cli.main(argv)
    return EXIT_OK if status is None else int(status)


def main(argv: list[str] | None = None) -> int:
    """Run the command with *argv* (default: sys.argv[1:]); return the exit status.

    ``uztranslit serve ...`` runs the web server; a file named serve is
    converted with ``uztranslit ./serve`` or ``uztranslit -- serve``.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    _plug_closed_standard_files()
    if argv[:1] == [SERVE]:
        return serve(argv[1:])
    with terminations_raise():
        return run(argv)


def run(argv: list[str]) -> int:
    """Convert as the arguments say; every failure becomes a message and a status."""
    status = EXIT_OK
    try:
        args = parse_args(argv)
        progress = make_progress(args)
        report = open_report(args)
        try:
            if args.check:
                status = check_files(args)
            elif args.in_place or args.output_dir is not None:
                convert_each(args, progress)
            elif args.output == "-":
                status = write_to_stdout(args, progress)
            else:
                write_to_output(args, progress)
        finally:
            progress.clear()  # before any message, and for the shell prompt
            if report is not None and report is not sys.stderr:
                report.close()
    except UsageExit as done:
        status = done.status
    except CliError as error:
        sys.stderr.write(f"{PROG}: {error}\n")
        status = error.status
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, and keep Python from
        # complaining when it flushes stdout on the way out.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        status = EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        status = EXIT_INTERRUPTED
    except Terminated as killed:
        status = killed.status
    except OSError as error:
        sys.stderr.write(f"{PROG}: {error.filename or 'output'}: {error.strerror}\n")
        status = EXIT_FAILURE
    return status


def _plug_closed_standard_files() -> None:
    """Started with 0, 1 or 2 closed (``1>&-``), the first files opened would take
    those numbers and anything written to "stdout" would land in them.  Each
    closed one gets /dev/null; sys.stdin and sys.stdout stay None, which the
    command reports when it needs them."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError as error:
            if error.errno != errno.EBADF:
                continue
            with contextlib.suppress(OSError):
                opened = os.open(os.devnull, os.O_RDWR)
                if opened != fd:
                    os.dup2(opened, fd)
                    os.close(opened)
    if sys.stderr is None:
        sys.stderr = io.TextIOWrapper(open(os.devnull, "wb"))  # noqa: SIM115 - for the process
