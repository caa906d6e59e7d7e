"""The ``uztranslit`` command: a streaming filter over files or stdin."""

from __future__ import annotations

import argparse
import codecs
import concurrent.futures
import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO, Final, NoReturn

from . import __version__
from ._api import convert_stream, detect_script
from ._files import ByteSink, write_atomically
from ._lexicon import Lexicon, LexiconError, load_lexicon
from ._options import APOSTROPHE_STYLES, CONVENTIONS, SCRIPTS, check_keep

PROG: Final = "uztranslit"
READ_SIZE: Final = 1 << 16  # bytes read at a time: a line, or at most this much
DETECT_SIZE: Final = 1 << 16  # bytes looked at to choose the direction
ERROR_HANDLERS: Final = ("strict", "replace", "surrogateescape")

DECODE_HINT: Final = (
    "the input is not {encoding}: name its encoding with -e (for example -e cp1251), "
    "or pass --errors replace to keep going"
)

EXIT_OK: Final = 0
EXIT_FAILURE: Final = 1
EXIT_USAGE: Final = 2
EXIT_BROKEN_PIPE: Final = 141  # 128 + SIGPIPE, as the shell reports a filter killed by it
EXIT_INTERRUPTED: Final = 130  # 128 + SIGINT


class CliError(Exception):
    """A failure to report in one line and exit with *status*."""

    def __init__(self, message: str, status: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __reduce__(self) -> tuple[type[CliError], tuple[str, int]]:
        return (CliError, (self.message, self.status))


class _UsageExit(Exception):
    """argparse wanted to exit; carries its status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _UsageExit(status)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; `uztranslit --help` prints its help."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Convert Uzbek text between Cyrillic and Latin script by the 1995 rules. "
            "Reads FILEs (or stdin) and writes UTF-8 to OUTPUT (or stdout), line by line."
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
        help="output file, written whole or not at all (default: - for stdout)",
    )
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="convert each FILE into itself (atomically, keeping its permissions)",
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
        help="with --in-place or --output-dir, convert N files at once (0: one per core)",
    )
    parser.add_argument(
        "-e",
        "--encoding",
        default="utf-8",
        metavar="ENCODING",
        help="encoding of the input (default: utf-8); the output is always UTF-8",
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
        "quotes («» ↔ “”), or all",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="say on stderr which direction each input is converted in, and why",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Parse and check the command line; raise CliError(status 2) on misuse."""
    args = build_parser().parse_args(argv)
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        raise CliError(f"unknown encoding {args.encoding!r} given with -e", EXIT_USAGE) from None
    args.conventions = _conventions(args.conventions)
    args.lexicon = _lexicon(args.lexicon)
    args.keep = _keep(args.keep)
    _check_file_modes(args)
    if args.output != "-":
        for name in args.files:
            if name != "-" and _same_file(name, args.output):
                raise CliError(f"refusing to write the output over its input {name!r}", EXIT_USAGE)
    return args


def _check_file_modes(args: argparse.Namespace) -> None:
    """--in-place, --output-dir and --jobs: what goes with what."""
    each = args.in_place or args.output_dir is not None
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
    args.jobs = args.jobs or os.cpu_count() or 1
    if args.output_dir is not None:
        names = [os.path.basename(name) for name in args.files]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise CliError(
                f"two inputs would both be written to {repeated[0]!r} in {args.output_dir}",
                EXIT_USAGE,
            )
        for name in args.files:
            if _same_file(name, _target(name, args)):
                raise CliError(f"refusing to write the output over its input {name!r}", EXIT_USAGE)


def _target(name: str, args: argparse.Namespace) -> str:
    """Where one input's conversion goes with --in-place or --output-dir."""
    if args.in_place:
        return name
    return os.path.join(args.output_dir, os.path.basename(name))


def _conventions(names: str) -> frozenset[str]:
    chosen = frozenset(name.strip() for name in names.split(",") if name.strip())
    if chosen == {"all"}:
        return frozenset(CONVENTIONS)
    unknown = sorted(chosen.difference(CONVENTIONS))
    if unknown:
        raise CliError(
            f"unknown convention {unknown[0]!r} given with --conventions; "
            f"choose from {', '.join(CONVENTIONS)} or all",
            EXIT_USAGE,
        )
    return chosen


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


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def decoded_pieces(raw: BinaryIO, name: str, encoding: str, errors: str) -> Iterator[str]:
    """Decode *raw* a line (or READ_SIZE bytes) at a time.

    Undecodable input raises CliError naming the file, the line and a hint.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    line = 1
    while True:
        data = raw.readline(READ_SIZE)
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            bad = error.object[error.start : error.start + 1].hex()
            raise CliError(
                f"{_display(name)}: line {line}: cannot decode byte 0x{bad} as {encoding} "
                f"({error.reason}); " + DECODE_HINT.format(encoding=encoding)
            ) from None
        if text:
            line += text.count("\n")
            yield text
        if not data:
            return


def choose_direction(
    pieces: Iterator[str], name: str, args: argparse.Namespace
) -> tuple[str, str, Iterator[str]]:
    """The source and target scripts of one input, and its pieces with none lost.

    With -t and without --from, nothing is read ahead, so output starts with the
    first line: the source is 1995 Latin for -t cyrillic and Cyrillic otherwise.
    Without -t, the pieces in the first DETECT_SIZE bytes are read ahead and their
    letters counted; Cyrillic then goes to Latin and either Latin to Cyrillic.
    """
    source: str | None = None if args.source == "auto" else args.source
    ahead: list[str] = []
    why = "--from"
    if source is None and args.to is not None:
        source = "latin" if args.to == "cyrillic" else "cyrillic"
        why = f"taken for -t {args.to}; say --from otherwise"
    elif source is None:
        size = 0
        for piece in pieces:
            ahead.append(piece)
            size += len(piece.encode("utf-8", "surrogateescape"))
            if size >= DETECT_SIZE:
                break
        source = detect_script("".join(ahead))
        why = f"detected in the first {size} bytes"
        if source is None:
            source, why = "cyrillic", f"no dominant script in the first {size} bytes"
    target = args.to or ("latin" if source == "cyrillic" else "cyrillic")
    if args.verbose:
        action = "copying it unchanged" if source == target else f"converting to {target}"
        sys.stderr.write(f"{PROG}: {_display(name)}: {source} ({why}); {action}\n")
    return source, target, _chain(ahead, pieces)


def _chain(first: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from first
    yield from rest


@contextlib.contextmanager
def _open_input(name: str) -> Iterator[BinaryIO]:
    if name == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{name}: is a directory, not a file") from None
    except OSError as error:
        raise CliError(f"{name}: cannot open: {error.strerror}") from None
    with handle:
        yield handle


def _is_stream(raw: BinaryIO) -> bool:
    """Whether *raw* is a pipe or terminal (output is then flushed per line)."""
    try:
        return not stat.S_ISREG(os.fstat(raw.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return True


def convert_files(args: argparse.Namespace, names: list[str], out: ByteSink) -> None:
    """Convert the inputs *names* in turn into *out*."""
    encode_errors = "surrogateescape" if args.errors == "surrogateescape" else "strict"
    for name in names:
        with _open_input(name) as raw:
            flush = _is_stream(raw)
            pieces = decoded_pieces(raw, name, args.encoding, args.errors)
            source, target, pieces = choose_direction(pieces, name, args)
            for text in convert_stream(
                pieces,
                to=target,
                source=source,
                apostrophes=args.apostrophes,
                lexicon=args.lexicon,
                conventions=args.conventions,
                keep=args.keep,
            ):
                out.write(text.encode("utf-8", encode_errors))
                if flush:
                    out.flush()


def convert_one_file(name: str, args: argparse.Namespace) -> str:
    """Convert one input into its --in-place or --output-dir target; return its name."""
    target = _target(name, args)
    try:
        write_atomically(target, lambda out: convert_files(args, [name], out), target)
    except OSError as error:
        raise CliError(f"{target}: {error.strerror}") from None
    return name


def convert_each(args: argparse.Namespace) -> None:
    """--in-place and --output-dir: each input to its own file, --jobs at a time.

    A failure stops the rest; the message says which files were converted and
    which were left untouched.
    """
    if args.output_dir is not None:
        try:
            os.makedirs(args.output_dir, exist_ok=True)
        except OSError as error:
            raise CliError(f"{args.output_dir}: cannot create: {error.strerror}") from None
    done: list[str] = []
    try:
        if args.jobs == 1:
            for name in args.files:
                done.append(convert_one_file(name, args))
        else:
            with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
                futures = [pool.submit(convert_one_file, name, args) for name in args.files]
                try:
                    for future in concurrent.futures.as_completed(futures):
                        done.append(future.result())
                except BaseException:
                    for future in futures:
                        future.cancel()
                    concurrent.futures.wait(futures)
                    done = [
                        f.result()
                        for f in futures
                        if f.done() and not f.cancelled() and f.exception() is None
                    ]
                    raise
    except CliError as error:
        untouched = [name for name in args.files if name not in done]
        raise CliError(
            f"{error.message}\n{PROG}: converted: {', '.join(done) or 'none'}; "
            f"left untouched: {', '.join(untouched)}",
            error.status,
        ) from None


def main(argv: list[str] | None = None) -> int:
    """Run the command with *argv* (default: sys.argv[1:]); return the exit status."""
    try:
        args = parse_args(argv)
        if args.in_place or args.output_dir is not None:
            convert_each(args)
        elif args.output == "-":
            out = sys.stdout.buffer
            convert_files(args, args.files, out)
            out.flush()
        else:
            output = args.output
            write_atomically(output, lambda out: convert_files(args, args.files, out), output)
    except _UsageExit as done:
        return done.status
    except CliError as error:
        sys.stderr.write(f"{PROG}: {error}\n")
        return error.status
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, and keep Python from
        # complaining when it flushes stdout on the way out.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as error:
        sys.stderr.write(f"{PROG}: {error.filename or 'output'}: {error.strerror}\n")
        return EXIT_FAILURE
    return EXIT_OK
