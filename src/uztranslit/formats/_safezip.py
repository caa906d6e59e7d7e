"""Zip files from strangers: read with caps, rewrite keeping everything else.

Office and OpenDocument files are zips.  Reading one is capped (Limits): the
total uncompressed size of its entries, and the ratio of an entry's
uncompressed to compressed size for entries above RATIO_FLOOR (small XML parts
compress far better than 200:1 and are harmless).  zipfile itself never
unpacks more than an entry's declared size, and checks its CRC.

Writing keeps the archive as it was: the entries in their order, with their
names, compression methods, timestamps, flags, extra fields, comments and
attributes.  An entry whose content did not change is copied byte for byte
(its local header and compressed data as they were); a changed one is
compressed again with its method, and only its CRC, sizes and offset change in
the central directory.  Archives this raw copy cannot handle (Zip64 records,
split archives) are rewritten through zipfile with each entry's ZipInfo.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

from ._base import FormatError, Limits

# Entries smaller than this are not held to Limits.max_ratio.
RATIO_FLOOR: Final = 1 << 20

_LOCAL: Final = struct.Struct("<4s5H3L2H")  # local file header, 30 bytes
_CENTRAL: Final = struct.Struct("<4s6H3L5H2L")  # central directory header, 46 bytes
_END: Final = struct.Struct("<4s4H2LH")  # end of central directory record, 22 bytes
_LOCAL_SIG: Final = b"PK\x03\x04"
_CENTRAL_SIG: Final = b"PK\x01\x02"
_END_SIG: Final = b"PK\x05\x06"
_DESCRIPTOR_SIG: Final = b"PK\x07\x08"
_FLAG_ENCRYPTED: Final = 0x1
_FLAG_DESCRIPTOR: Final = 0x8
_ZIP64: Final = 0xFFFFFFFF
ZIP_MAGIC: Final = _LOCAL_SIG

# Given an entry's name, its new content, or None to keep it as it was.
Transform = Callable[[str], "bytes | None"]


# What zipfile and zlib raise for a damaged archive or entry.
_CORRUPT: Final = (
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
)
# The compression methods zipfile reads.
_METHODS: Final = frozenset(
    (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
)


class SafeZip:
    """A zip held in memory, checked against *limits* when opened."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self.data = data
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (*_CORRUPT, zipfile.LargeZipFile) as error:
            raise FormatError(f"not a readable zip file ({error})") from None
        check_limits(infos, limits)
        self.infos: tuple[zipfile.ZipInfo, ...] = tuple(infos)
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise FormatError("a zip with two entries of the same name is refused")
        self.names: frozenset[str] = frozenset(names)

    def read(self, name: str) -> bytes:
        """The uncompressed bytes of entry *name*; FormatError if it is corrupt."""
        try:
            return self._zip.read(name)
        except KeyError:
            raise FormatError(f"the zip has no entry {name!r}") from None
        except _CORRUPT as error:
            raise FormatError(f"corrupt zip entry {name!r} ({error})") from None

    def head(self, name: str, size: int) -> bytes:
        """The first *size* uncompressed bytes of entry *name*."""
        try:
            with self._zip.open(name) as entry:
                return entry.read(size)
        except _CORRUPT as error:
            raise FormatError(f"corrupt zip entry {name!r} ({error})") from None

    def rewrite(self, transform: Transform) -> bytes:
        """The archive again, each entry holding what *transform* gives for its name
        (None: the entry as it was).  *transform* is called once per entry, in the
        archive's order, so that only one changed entry is held at a time."""
        try:
            return _raw_rewrite(self.data, self.infos, transform)
        except (_NotRaw, struct.error):
            pass  # records the raw copy cannot follow: zipfile reads them, or says why not
        try:
            return _zipfile_rewrite(self, transform)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, struct.error) as error:
            raise FormatError(f"corrupt zip file ({error})") from None


def check_limits(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """FormatError if the entries unpack to more than the caps allow, or are encrypted."""
    total = 0
    for info in infos:
        if info.flag_bits & _FLAG_ENCRYPTED:
            raise FormatError(f"zip entry {info.filename!r} is encrypted")
        if info.compress_type not in _METHODS:
            raise FormatError(
                f"zip entry {info.filename!r} uses compression method {info.compress_type}, "
                "which cannot be read"
            )
        total += info.file_size
        if total > limits.max_unpacked:
            raise FormatError(
                f"the zip unpacks to more than {limits.max_unpacked} bytes (a zip bomb?); "
                "raise Limits.max_unpacked to allow it"
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise FormatError(
                f"zip entry {info.filename!r} is compressed {ratio:.0f}:1, more than "
                f"{limits.max_ratio}:1 (a zip bomb?); raise Limits.max_ratio to allow it"
            )


class _NotRaw(Exception):
    """The archive has records the raw copy does not rewrite (Zip64, split)."""


@dataclass
class _Central:
    """One central directory record as it was, split into its fixed part and the rest."""

    fields: list[int | bytes]
    tail: bytes  # name, extra field and comment


def _central_records(data: bytes, count: int) -> tuple[list[_Central], int, bytes]:
    """The central directory's records, the offset of the first entry's data
    relative to where the directory says it is (bytes prepended to the zip), and
    the end record's comment."""
    end = data.rfind(_END_SIG, max(0, len(data) - (1 << 16) - _END.size))
    if end < 0:
        raise _NotRaw
    _sig, disk, cd_disk, n_here, n_total, cd_size, cd_offset, comment_len = _END.unpack_from(
        data, end
    )
    if disk or cd_disk or n_here != n_total or n_total != count or _ZIP64 in (cd_size, cd_offset):
        raise _NotRaw
    shift = end - cd_size - cd_offset
    position = cd_offset + shift
    records = []
    for _ in range(count):
        fields = list(_CENTRAL.unpack_from(data, position))
        if fields[0] != _CENTRAL_SIG:
            raise _NotRaw
        name_len, extra_len, comment_len_i = fields[10], fields[11], fields[12]
        size = _CENTRAL.size + int(name_len) + int(extra_len) + int(comment_len_i)
        tail = data[position + _CENTRAL.size : position + size]
        if _ZIP64 in (fields[7], fields[8], fields[9], fields[16]):
            raise _NotRaw
        records.append(_Central(fields, tail))
        position += size
    comment = data[end + _END.size : end + _END.size + comment_len]
    return records, shift, comment


def _local_record(
    data: bytes, offset: int, central: _Central
) -> tuple[list[int | bytes], bytes, int]:
    """The local header's fields, its name and extra bytes, and the length of the
    whole local record (header, data and data descriptor)."""
    fields = list(_LOCAL.unpack_from(data, offset))
    if fields[0] != _LOCAL_SIG:
        raise _NotRaw
    name_extra_len = int(fields[9]) + int(fields[10])
    name_extra = data[offset + _LOCAL.size : offset + _LOCAL.size + name_extra_len]
    length = _LOCAL.size + name_extra_len + int(central.fields[8])
    if int(fields[2]) & _FLAG_DESCRIPTOR:
        after = offset + length
        length += 16 if data[after : after + 4] == _DESCRIPTOR_SIG else 12
    return fields, name_extra, length


def _compress(content: bytes, method: int) -> bytes:
    if method == zipfile.ZIP_STORED:
        return content
    if method == zipfile.ZIP_DEFLATED:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return packer.compress(content) + packer.flush()
    raise _NotRaw  # bzip2, lzma: left to zipfile


def _raw_rewrite(data: bytes, infos: tuple[zipfile.ZipInfo, ...], transform: Transform) -> bytes:
    records, shift, comment = _central_records(data, len(infos))
    out = io.BytesIO()
    for info, central in zip(infos, records, strict=True):
        offset = int(central.fields[16]) + shift
        local, name_extra, length = _local_record(data, offset, central)
        central.fields[16] = out.tell()
        content = transform(info.filename)
        if content is None:
            out.write(data[offset : offset + length])
            continue
        packed = _compress(content, int(local[3]))
        crc = zlib.crc32(content)
        flags = int(local[2]) & ~_FLAG_DESCRIPTOR
        local[2], local[6], local[7], local[8] = flags, crc, len(packed), len(content)
        central.fields[3] = int(central.fields[3]) & ~_FLAG_DESCRIPTOR
        central.fields[7], central.fields[8], central.fields[9] = crc, len(packed), len(content)
        if max(len(packed), len(content), out.tell()) >= _ZIP64:
            raise _NotRaw
        out.write(_LOCAL.pack(*local))
        out.write(name_extra)
        out.write(packed)
    start = out.tell()
    for central in records:
        out.write(_CENTRAL.pack(*central.fields))
        out.write(central.tail)
    size = out.tell() - start
    if start >= _ZIP64:
        raise _NotRaw
    out.write(_END.pack(_END_SIG, 0, 0, len(records), len(records), size, start, len(comment)))
    out.write(comment)
    return out.getvalue()


def _zipfile_rewrite(source: SafeZip, transform: Transform) -> bytes:
    """The rewrite through zipfile: same order, names, methods and ZipInfo metadata."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", allowZip64=True) as target:
        target.comment = source._zip.comment
        for info in source.infos:
            content = transform(info.filename)
            target.writestr(info, source.read(info.filename) if content is None else content)
    return out.getvalue()


def entry_names(data: bytes) -> Iterator[str]:
    """The names of the local headers found in *data* (the head of a zip), in
    order; for recognising a file by its first bytes.  Headers are looked for by
    their signature, since an entry written with a data descriptor does not say
    its size before its data."""
    offset = data.find(_LOCAL_SIG)
    while offset >= 0 and offset + _LOCAL.size <= len(data):
        fields = _LOCAL.unpack_from(data, offset)
        start = offset + _LOCAL.size
        yield data[start : start + int(fields[9])].decode("utf-8", "replace")
        offset = data.find(_LOCAL_SIG, start)


def first_entry(data: bytes) -> tuple[str, bytes] | None:
    """The name and content of the first entry if it is stored whole within *data*."""
    if len(data) < _LOCAL.size or data[:4] != _LOCAL_SIG:
        return None
    fields = _LOCAL.unpack_from(data, 0)
    flags, method, packed, size = int(fields[2]), int(fields[3]), int(fields[7]), int(fields[8])
    start = _LOCAL.size + int(fields[9]) + int(fields[10])
    name = data[_LOCAL.size : _LOCAL.size + int(fields[9])].decode("utf-8", "replace")
    raw = data[start : start + packed]
    if flags & (_FLAG_DESCRIPTOR | _FLAG_ENCRYPTED) or len(raw) < packed:
        return name, b""
    if method == zipfile.ZIP_STORED:
        return name, raw
    if method == zipfile.ZIP_DEFLATED:
        try:
            return name, zlib.decompressobj(-15).decompress(raw, max(size, 1) * 2)
        except zlib.error:
            return name, b""
    return name, b""
