"""A conversion with its options checked once: for formats, servers and engines.

``Transliterator(to="latin")`` checks its options when it is made, so calling it
on many texts costs no check per call.  It pickles with its options (not its
caches), so it can be shipped to worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ._converter import Converter, converter_for, in_blocks
from ._detect import detect_script
from ._lexicon import Lexicon
from ._options import Options, check_options, check_text
from ._pieces import convert_pieces
from ._rows import convert_rows


class Transliterator:
    """Convert texts to the script *to* with fixed options.

    The options are those of transliterate().  With *source* None the script
    of each text is detected, as transliterate() does; resolved(sample) gives
    one that converts every text from the script detected in *sample*.

    >>> latin = Transliterator(to="latin")
    >>> latin("Тошкент шаҳри")
    'Toshkent shahri'
    >>> latin.batch(["Ўзбекистон", None, "Oʻzbekiston"])
    ['Oʻzbekiston', None, 'Oʻzbekiston']
    >>> latin.resolved("Салом").convert_pieces(["Ш", "аҳар ", "маркази"])
    ['Shahar', ' ', 'markazi']
    """

    __slots__ = ("_converter", "options")

    def __init__(
        self,
        *,
        to: str,
        source: str | None = None,
        apostrophes: str = "modifier",
        lexicon: Lexicon | None = None,
        conventions: Iterable[str] = (),
        keep: Iterable[str] = (),
    ) -> None:
        self.options: Options = check_options(to, source, apostrophes, lexicon, conventions, keep)
        self._converter: Converter | None = None

    @classmethod
    def from_options(cls, options: Options) -> Transliterator:
        """A transliterator for options already checked (_options.check_options)."""
        made = cls.__new__(cls)
        made.options = options
        made._converter = None
        return made

    def __repr__(self) -> str:
        return f"Transliterator(to={self.target!r}, source={self.source!r})"

    def __getstate__(self) -> Options:
        return self.options

    def __setstate__(self, state: Any) -> None:
        self.options = Options(*state)
        self._converter = None

    @property
    def source(self) -> str | None:
        """The script converted from; None: detected for each text."""
        return self.options.source

    @property
    def target(self) -> str:
        """The script converted to."""
        return self.options.to

    def resolved(self, sample: str) -> Transliterator:
        """This transliterator with its source fixed: detected in *sample* if not given.

        A sample with no Uzbek letters (or as many of each script) gives a
        source equal to the target, so that nothing is converted.
        """
        if self.options.source is not None:
            return self
        found = detect_script(check_text("resolved", sample)) or self.options.to
        return Transliterator.from_options(self.options._replace(source=found))

    def _converter_for(self, text: str) -> Converter | None:
        if self.options.source is None:
            return converter_for(self.options, text)
        if self._converter is None:
            self._converter = converter_for(self.options, "")
        return self._converter

    def convert(self, text: str, /) -> str:
        """*text* converted; the same as transliterate(text, **options)."""
        check_text("convert", text)
        converter = self._converter_for(text)
        return text if converter is None else in_blocks(text, converter)

    __call__ = convert

    def batch(self, texts: Iterable[str | None], /) -> list[str | None]:
        """Each of *texts* converted; None stays None, anything else not a str
        raises TypeError.  For engines that call with a column of texts: the rows
        that one converter takes (all of them, unless the script is detected for
        each) are converted together (_rows.convert_rows), as each would be alone."""
        if isinstance(texts, str):
            raise TypeError("batch() takes a collection of texts, not one str")
        converted: list[str | None] = []
        rows: dict[Converter, tuple[list[int], list[str]]] = {}  # each converter's rows
        for text in texts:
            if isinstance(text, str):
                converter = self._converter_for(text)
                if converter is not None:
                    positions, sources = rows.setdefault(converter, ([], []))
                    positions.append(len(converted))
                    sources.append(text)
            elif text is not None:
                raise TypeError(f"batch() items must be str or None, not {type(text).__name__}")
            converted.append(text)
        for converter, (positions, sources) in rows.items():
            for i, text in zip(positions, convert_rows(sources, converter), strict=True):
                converted[i] = text
        return converted

    def convert_pieces(self, pieces: Sequence[str], /) -> list[str]:
        """Convert text kept in pieces (the runs of a paragraph) as one text.

        As many pieces come back; each converted word goes into the piece where
        its source word started, and the joined result equals the conversion of
        the joined pieces (_pieces).  The source script is that of the joined text
        when it is not given.
        """
        for piece in pieces:
            check_text("convert_pieces", piece)
        converter = self._converter_for("".join(pieces))
        if converter is None:
            return list(pieces)
        return convert_pieces(
            pieces,
            lambda text: in_blocks(text, converter),
            converter.cyrillic_source,
            converter.looks_across_whitespace,
        )
