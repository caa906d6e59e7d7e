"""WebVTT subtitles (.vtt): the cue text converted; see formats.subtitles."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ._base import Chooser, Entry, Limits
from .html import script_of_tag
from .subtitles import convert_subtitles, cue_entries, read_vtt, split_bom

NAME: Final = "vtt"


def convert(data: bytes, choose: Chooser, limits: Limits, /) -> bytes:
    """The subtitles in *data* with each cue's text converted; all else as it was."""
    del limits  # subtitles unpack to nothing
    bom, source = split_bom(data)
    return bom + convert_subtitles(read_vtt(source), choose).encode("utf-8")


def entries(data: bytes) -> Iterator[Entry]:
    """Each cue's text and the line it starts on."""
    return cue_entries(read_vtt(split_bom(data)[1]))


def declared_script(data: bytes) -> str | None:
    """The script the ``Language:`` header declares ("latin", "cyrillic"), or None."""
    languages = read_vtt(split_bom(data)[1]).languages
    return script_of_tag(languages[0].value) if languages else None
