"""The zip layer under Office and OpenDocument files (formats/_safezip.py)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from uztranslit.formats import FormatError, Limits, convert_bytes
from uztranslit.formats._safezip import RATIO_FLOOR, SafeZip, first_entry


def archive(*, comment: bytes = b"", method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip with a stored first entry, entry comments, extra fields, attributes
    and old timestamps, as an ODF file has."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.comment = comment
        first = zipfile.ZipInfo("mimetype", (1999, 1, 2, 3, 4, 6))
        package.writestr(first, b"application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        content = zipfile.ZipInfo("content.xml", (2001, 5, 6, 7, 8, 10))
        content.comment = b"the body"
        content.external_attr = 0o640 << 16
        content.extra = b"\xfe\xca\x04\x00abcd"
        package.writestr(content, b"<doc>" + "Шаҳар ".encode() * 50 + b"</doc>", method)
        package.writestr("Pictures/a.png", bytes(range(256)) * 4, zipfile.ZIP_STORED)
        package.writestr("zz/last.xml", b"<last/>", method)
    return out.getvalue()


def test_nothing_changed_gives_the_same_bytes() -> None:
    data = archive(comment=b"archive comment")
    assert SafeZip(data, Limits()).rewrite(lambda name: None) == data


def test_a_changed_entry_keeps_its_metadata_and_the_others_their_bytes() -> None:
    data = archive()
    out = SafeZip(data, Limits()).rewrite(
        lambda name: b"<doc>Shahar</doc>" if name == "content.xml" else None
    )
    with zipfile.ZipFile(io.BytesIO(data)) as before, zipfile.ZipFile(io.BytesIO(out)) as after:
        assert after.read("content.xml") == b"<doc>Shahar</doc>"
        assert after.testzip() is None
        for old, new in zip(before.infolist(), after.infolist(), strict=True):
            assert (old.filename, old.compress_type, old.date_time) == (
                new.filename,
                new.compress_type,
                new.date_time,
            )
            assert (old.comment, old.extra, old.external_attr) == (
                new.comment,
                new.extra,
                new.external_attr,
            )
            if old.filename != "content.xml":
                length = 30 + len(old.filename) + old.compress_size
                assert (
                    data[old.header_offset : old.header_offset + length]
                    == out[new.header_offset : new.header_offset + length]
                )
    assert out.startswith(data[: 30 + 8 + 39])  # mimetype first, stored, as it was


def test_methods_the_raw_copy_does_not_write_go_through_zipfile() -> None:
    data = archive(method=zipfile.ZIP_BZIP2)
    out = SafeZip(data, Limits()).rewrite(
        lambda name: b"<doc>Shahar</doc>" if name == "content.xml" else None
    )
    with zipfile.ZipFile(io.BytesIO(out)) as after:
        infos = after.infolist()
        assert [i.filename for i in infos] == [
            "mimetype",
            "content.xml",
            "Pictures/a.png",
            "zz/last.xml",
        ]
        assert infos[1].compress_type == zipfile.ZIP_BZIP2
        assert infos[1].date_time == (2001, 5, 6, 7, 8, 10)
        assert after.read("content.xml") == b"<doc>Shahar</doc>"


def test_a_bomb_is_refused_by_ratio_and_total() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("content.xml", b"\0" * (RATIO_FLOOR * 4))
    data = out.getvalue()
    with pytest.raises(FormatError, match=r"compressed \d+:1.*Limits\.max_ratio"):
        SafeZip(data, Limits())
    assert SafeZip(data, Limits(max_ratio=100_000)).read("content.xml") == b"\0" * RATIO_FLOOR * 4
    with pytest.raises(FormatError, match=r"more than 1000 bytes"):
        SafeZip(data, Limits(max_unpacked=1000, max_ratio=100_000))


def test_small_parts_may_compress_well() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("styles.xml", b"<s/>" * 20_000)  # 80 kB at about 400:1
    SafeZip(out.getvalue(), Limits())


def test_a_lying_size_is_caught() -> None:
    data = bytearray(archive())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        info = package.getinfo("content.xml")
    # corrupt the compressed data of content.xml
    start = info.header_offset + 30 + len("content.xml") + len(info.extra)
    data[start : start + 8] = b"\xff" * 8
    with pytest.raises(FormatError, match=r"corrupt zip entry 'content\.xml'"):
        SafeZip(bytes(data), Limits()).read("content.xml")


def test_duplicate_names_and_encrypted_entries_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("a.xml", "<a/>")
        with pytest.warns(UserWarning, match="Duplicate name"):
            package.writestr("a.xml", "<b/>")
    with pytest.raises(FormatError, match="two entries of the same name"):
        SafeZip(out.getvalue(), Limits())
    data = bytearray(archive())
    data[6] |= 1  # the first local header's flags: encrypted
    offset = data.find(b"PK\x01\x02")
    data[offset + 8] |= 1  # and the central directory's
    with pytest.raises(FormatError, match="encrypted"):
        SafeZip(bytes(data), Limits())


def test_first_entry_reads_the_head_of_a_file() -> None:
    data = archive()
    assert first_entry(data[:200]) == ("mimetype", b"application/vnd.oasis.opendocument.text")
    assert first_entry(b"plain") is None


def test_damaged_documents_give_a_format_error_and_nothing_else() -> None:
    """Bytes changed anywhere, the central directory most often: the conversion
    succeeds (the damage was in data copied as it was) or raises FormatError."""
    from . import test_odf, test_office  # noqa: PLC0415

    documents = [test_office.rich_document(), test_odf.text_document()]
    rng = random.Random(1)
    outcomes = set()
    for _ in range(300):
        data = bytearray(rng.choice(documents))
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.5:
                position = len(data) - 1 - rng.randrange(400)  # the central directory
            else:
                position = rng.randrange(len(data))
            data[position] = rng.randrange(256)
        try:
            convert_bytes(bytes(data), to="latin")
            outcomes.add("converted")
        except FormatError:
            outcomes.add("FormatError")
    assert outcomes == {"converted", "FormatError"}
