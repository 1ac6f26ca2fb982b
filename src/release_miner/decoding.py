"""Bytes to text for files and pages of unknown encoding.

Korean public-sector sites still serve EUC-KR and CP949; the charset may be declared in
an HTTP header, a ``<meta>`` tag, or nowhere. We honour a BOM first, then a declared
charset, then strict UTF-8, and only then statistical detection (charset-normalizer).
EUC-KR is always decoded as CP949, its superset, because real pages use CP949's extra
syllables while labelling themselves EUC-KR.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SUPERSETS = {"euc-kr": "cp949", "euc_kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252",
              "latin-1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}


class UndecodableError(ValueError):
    """The bytes are binary or in no encoding we can identify."""


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or an XML declaration).

    A declaration of UTF-16 or UTF-32 is read as UTF-8, as the HTML standard's prescan does:
    the declaration was just read as ASCII bytes, so the bytes cannot be UTF-16 (a real UTF-16
    page is known by its BOM, checked before this).
    """
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    name = _canonical(m.group(1).decode("ascii", "ignore")) if m else None
    return "utf-8" if name and name.startswith(("utf-16", "utf-32")) else name


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first block mean a binary file (UTF-16 is recognised by its BOM before this)."""
    return b"\x00" in data[:8192]


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``; ``declared`` is a charset from outside the bytes (an HTTP header)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise UndecodableError("binary content (NUL bytes)")
    for candidate in (_canonical(declared), declared_charset(data)):
        if candidate:
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise UndecodableError("no text encoding fits these bytes")
    encoding = _canonical(best.encoding) or best.encoding
    return data.decode(encoding, errors="replace")
