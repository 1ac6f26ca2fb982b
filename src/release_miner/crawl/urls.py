"""URLs as the crawler sees them: one canonical spelling per page, and which hosts may be contacted.

Canonicalisation is what makes de-duplication by URL work: the same release is linked
with tracking parameters, empty search parameters (boards carry ``?curPage=&srchKey=``
in every link), fragments, default ports and upper-case hosts. All of these are
normalised away; parameters that select content (``id``, ``curPage``, ``page``) stay.

Address safety follows trafilatura 2.x: a public site must never be able to redirect or
link the crawler into an intranet, so private, loopback, link-local and reserved
addresses are refused unless the user named that host as a start URL.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

#: Query parameters that only track where a click came from; they never change the page.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
    "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "cmpid", "s_cid", "ocid", "sr_share",
    "trkcampaign",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "oly_")

#: Path suffixes of files that are attachments, recorded but never parsed as releases.
ATTACHMENT_SUFFIXES = frozenset({
    ".pdf", ".hwp", ".hwpx", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
    ".zip", ".7z", ".rar", ".csv", ".rtf", ".txt", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".mp3",
    ".mp4", ".mov", ".avi", ".wmv",
})

_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"


class UnsafeURL(ValueError):
    """A URL the crawler must not contact (wrong scheme, or a private address not named by the user)."""


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The canonical spelling of ``url`` (resolved against ``base``), or None when it is not http(s).

    Lower-case scheme and host, no default port, no fragment, no tracking or empty query
    parameters, remaining parameters sorted, percent-escapes normalised.
    """
    url = url.strip()
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    path = quote(unquote(parts.path or "/"), safe=_SAFE_PATH)
    path = re.sub(r"/{2,}", "/", path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if v != "" and not _is_tracking(k)]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def host_of(url: str) -> str:
    """``host[:port]`` of a canonical URL: the unit of politeness and of crawl scope."""
    return urlsplit(url).netloc


def is_attachment_url(url: str) -> bool:
    """True when the URL names a document file (PDF, HWP, office, archive, media) by its suffix."""
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    return dot > path.rfind("/") and path[dot:] in ATTACHMENT_SUFFIXES


def twin_hosts(host: str) -> set[str]:
    """A host and its ``www.`` twin: sites redirect between the two, both are in scope."""
    name, _, port = host.partition(":")
    twin = name[4:] if name.startswith("www.") else f"www.{name}"
    suffix = f":{port}" if port else ""
    return {host, twin + suffix}


@lru_cache(maxsize=1024)
def _addresses(hostname: str) -> tuple[str, ...]:
    try:
        infos = socket.getaddrinfo(hostname, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return ()
    return tuple(sorted({info[4][0] for info in infos}))


def is_public_address(address: str) -> bool:
    """False for private, loopback, link-local, multicast, reserved and unspecified addresses."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified)


def origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of ``url`` with the scheme's default port filled in; None when not http(s)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower().rstrip("."), port or _DEFAULT_PORTS[scheme]


class AddressPolicy:
    """Which hosts the crawler may connect to.

    ``trusted`` holds the origins the user named (start URLs: scheme, host and port, or a bare
    ``host[:port]`` for either scheme); they may be private. Trust stops at the origin: another
    port of a named host is a different service (on a loopback or intranet address, often an
    internal one), so a redirect there is judged like any other host. Every untrusted host must
    resolve only to public addresses, unless ``allow_private`` is set.
    """

    def __init__(self, trusted: set[str] | None = None, *, allow_private: bool = False) -> None:
        self.trusted: set[tuple[str | None, str, int | None]] = set()
        for entry in trusted or set():
            if "://" in entry:
                origin = origin_of(entry)
                if origin:
                    self.trusted.add(origin)
            else:
                host, _, port = entry.lower().rpartition(":") if entry.count(":") == 1 else (entry.lower(), "", "")
                self.trusted.add((None, host.strip("[]"), int(port) if port.isdigit() else None))
        self.allow_private = allow_private

    def is_trusted(self, url: str) -> bool:
        """True when ``url`` is on an origin the user named."""
        origin = origin_of(url)
        if origin is None:
            return False
        scheme, host, port = origin
        default = port == _DEFAULT_PORTS[scheme]
        return (origin in self.trusted or (None, host, port) in self.trusted
                or (default and (None, host, None) in self.trusted))

    def check(self, url: str) -> None:
        """Raise `UnsafeURL` unless ``url`` may be fetched."""
        parts = urlsplit(url)
        if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
            raise UnsafeURL(f"{url}: only http and https URLs are fetched")
        if self.allow_private or self.is_trusted(url):
            return
        addresses = _addresses(parts.hostname)
        if not addresses:
            return  # unresolvable: the connection itself will fail, nothing private is reached
        for address in addresses:
            if not is_public_address(address):
                raise UnsafeURL(f"{url}: {parts.hostname} resolves to non-public address {address}; "
                                "name it as a start URL or pass --allow-private to crawl it")

    def check_peer(self, url: str, address: str | None) -> None:
        """Raise `UnsafeURL` when the address actually connected to is not public (DNS rebinding:
        a name that resolved to a public address for `check` and to a private one for the connection)."""
        if address is None or self.allow_private or self.is_trusted(url):
            return
        if not is_public_address(address):
            raise UnsafeURL(f"{url}: connected to non-public address {address}")
