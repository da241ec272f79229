"""Bytes to text: size limits, binary detection and encoding fallbacks, with clear errors."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ingest._documents import LoadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes, or a LoadError for a missing, unreadable, empty or oversize file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LoadError(source, "file not found") from None
    except OSError as exc:
        raise LoadError(source, f"cannot read file ({exc.strerror or exc})") from None
    if size > max_bytes:
        raise LoadError(source, f"file is {size:,} bytes, above the {max_bytes:,}-byte input limit")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(source, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew while we looked
        raise LoadError(source, f"file is above the {max_bytes:,}-byte input limit")
    return data


def _declared(data: bytes) -> str | None:
    head = data[:2048]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str) -> str:
    """Text from bytes: a BOM wins, then a declared charset (HTML/XML), then UTF-8, then cp1252.

    Raises LoadError for empty input, binary data (NUL bytes or control characters) and bytes
    that are neither UTF-8 nor cp1252.
    """
    if not data.strip():
        raise LoadError(source, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), source)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    source, f"starts with a {encoding} byte-order mark but is not {encoding}: {exc}"
                ) from None
    if b"\x00" in data[:8192]:
        raise LoadError(source, "binary file (contains NUL bytes), not text")
    declared = _declared(data)
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return _check_text(data.decode(declared), source)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return _check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError as utf8_error:
        try:
            return _check_text(data.decode("cp1252"), source)
        except UnicodeDecodeError:
            raise LoadError(
                source,
                f"cannot decode text: not UTF-8 (bad byte 0x{data[utf8_error.start]:02x} at "
                f"offset {utf8_error.start}) and not cp1252 either; re-save it as UTF-8",
            ) from None


def _check_text(text: str, source: str) -> str:
    sample = text[:8192]
    control = len(_CONTROL.findall(sample))
    if sample and control / len(sample) > 0.05:
        raise LoadError(source, "binary file (control characters), not text")
    if not text.strip():
        raise LoadError(source, "file is empty")
    return text.replace("\x00", "")
