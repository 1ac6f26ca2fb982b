"""A polite HTTP client: one request at a time per host, at a pace the host asked for.

What a well-behaved crawler owes a city website, and what keeps the crawl trustworthy:
- a User-Agent naming release-miner with a contact URL;
- a per-host delay (default 1 s), raised to the robots.txt Crawl-delay when that is longer;
- a total deadline per request (``timeout``): a server trickling its headers or body a byte
  at a time is cut off when the deadline passes, not just when one read stalls;
- retries with exponential backoff on connection errors, 5xx and 429,
  waiting at least as long as ``Retry-After`` says;
- redirects followed by hand, so every hop is checked against the `AddressPolicy`
  (a public page cannot bounce the crawler into an intranet), both before connecting
  and against the address actually connected to (DNS rebinding);
- conditional requests (ETag / Last-Modified) so unchanged pages cost a 304;
- a size limit enforced while streaming, and non-HTML bodies not downloaded at all.
"""

from __future__ import annotations

import email.utils
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .. import __version__
from .urls import AddressPolicy, UnsafeURL, canonical_url, host_of

#: Where a site operator reads who we are and how to reach us; ``--contact`` replaces it.
CONTACT_URL = "https://pypi.org/project/release-miner/"


def user_agent(contact: str = CONTACT_URL) -> str:
    """``release-miner/<version> (+<contact URL>)``: the product token robots.txt groups match on."""
    return f"release-miner/{__version__} (+{contact})"


USER_AGENT = user_agent()

#: Content types whose bodies are read; anything else is an attachment and is not downloaded.
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml",
              "application/atom+xml", "text/plain", "application/gzip", "application/x-gzip")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A URL that could not be fetched after all retries (or must not be)."""


_local = threading.local()


class Deadline:
    """A total time limit for one HTTP request: headers and body together.

    ``requests``' timeout bounds each socket read, so a server sending one byte per second
    never trips it. The connections used while a deadline is active register with it (see
    `_Tracked`); when it expires a timer thread shuts their sockets down, which makes the
    blocked read return at once.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._connections: list[HTTPConnection] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        _local.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.detach()

    def detach(self) -> None:
        """Stop tracking new connections (the request is sent); the timer keeps guarding the body."""
        if getattr(_local, "deadline", None) is self:
            _local.deadline = None

    def cancel(self) -> None:
        self.detach()
        self._timer.cancel()

    def track(self, connection: HTTPConnection) -> None:
        with self._lock:
            self._connections.append(connection)
            expired = self.expired
        if expired:
            _shutdown(connection)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            connections = list(self._connections)
        for connection in connections:
            _shutdown(connection)


def _shutdown(connection: HTTPConnection) -> None:
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class _Tracked:
    """Connection mixin: a connection that connects or sends while a `Deadline` is active joins it."""

    def connect(self) -> None:
        deadline = getattr(_local, "deadline", None)
        if deadline is not None:
            deadline.track(self)
        super().connect()  # type: ignore[misc]

    def request(self, *args, **kwargs) -> None:
        deadline = getattr(_local, "deadline", None)
        if deadline is not None:
            deadline.track(self)
        super().request(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_Tracked, HTTPConnection):
    pass


class _HTTPSConnection(_Tracked, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _DeadlineAdapter(HTTPAdapter):
    """The ``requests`` adapter whose connections can be cut off by a `Deadline`."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


@dataclass
class FetchResult:
    """One fetched URL. ``body`` is None for 304 and for attachments (not downloaded)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes | None
    redirects: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("\"'") or None
        return None

    @property
    def is_text(self) -> bool:
        return not self.content_type or self.content_type.startswith(TEXT_TYPES)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now if now is not None else time.time()
    return max(0.0, when.timestamp() - now)


@dataclass
class FetchOptions:
    """Politeness and robustness settings (every one a CLI option)."""

    delay: float = 1.0
    timeout: float = 20.0          # total seconds per request (headers and body), not per read
    retries: int = 3
    backoff: float = 2.0
    max_retry_after: float = 300.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


class PoliteSession:
    """Fetches URLs one at a time, never faster per host than its delay allows."""

    def __init__(self, options: FetchOptions | None = None, policy: AddressPolicy | None = None,
                 *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.options = options or FetchOptions()
        self.policy = policy or AddressPolicy()
        self.http = requests.Session()
        for scheme in ("http://", "https://"):
            self.http.mount(scheme, _DeadlineAdapter())
        self.http.headers.update({
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        })
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self.requests_made = 0

    def close(self) -> None:
        self.http.close()

    def set_host_delay(self, host: str, seconds: float | None) -> None:
        """A host's own minimum delay (robots.txt Crawl-delay); the longer of it and ours applies."""
        if seconds is not None:
            self._host_delay[host] = seconds

    def delay_for(self, host: str) -> float:
        return max(self.options.delay, self._host_delay.get(host, 0.0))

    def _turn_in(self, host: str) -> float:
        """Seconds until ``host`` may be asked again."""
        last = self._last.get(host)
        return max(0.0, last + self.delay_for(host) - time.monotonic()) if last is not None else 0.0

    def _wait_turn(self, host: str, remaining: float) -> None:
        if remaining > 0:
            self._sleep(remaining)
        self._last[host] = time.monotonic()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              head: int | None = None) -> FetchResult:
        """GET ``url`` politely, following redirects; raises `FetchError` when it cannot be had.

        ``head``: read the first ``head`` bytes of the body whatever its size and content type
        (``truncated`` says there was more), for robots.txt: its rules must be read even when a
        server labels it ``application/octet-stream`` or it is larger than a page may be."""
        redirects: list[str] = []
        current = url
        for _hop in range(self.options.max_redirects + 1):
            try:
                self.policy.check(current)
            except UnsafeURL as exc:
                raise FetchError(str(exc)) from None
            headers = {}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            response = self._get_with_retries(current, headers)
            try:
                self.policy.check_peer(current, _peer_address(response))
            except UnsafeURL as exc:
                response.deadline.cancel()
                response.close()
                raise FetchError(str(exc)) from None
            if response.is_redirect or response.status_code in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                response.deadline.cancel()
                response.close()
                target = canonical_url(location, current) if location else None
                if not target:
                    raise FetchError(f"{current}: redirect to unusable location {location!r}")
                redirects.append(current)
                current = target
                etag = last_modified = None  # validators belong to the URL they were issued for
                continue
            return self._read(url, current, response, redirects, head)
        raise FetchError(f"{url}: more than {self.options.max_redirects} redirects")

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> requests.Response:
        """The response (body not yet read; its `Deadline` rides along as ``response.deadline``)."""
        host = host_of(url)
        attempt = 0
        while True:
            wait = self.options.backoff * (2 ** attempt)
            remaining = self._turn_in(host)
            deadline = Deadline(self.options.timeout + remaining)
            try:
                self.requests_made += 1
                with deadline:   # armed before the polite wait, so its timer adds nothing between turn and request
                    self._wait_turn(host, remaining)
                    response = self.http.get(url, headers=headers, timeout=self.options.timeout,
                                             allow_redirects=False, stream=True)
            except requests.RequestException as exc:
                deadline.cancel()
                if deadline.expired:   # a server that trickles its answer is not asked again
                    raise FetchError(f"{url}: no answer within the {self.options.timeout:g} s timeout") from None
                if attempt >= self.options.retries:
                    raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from None
            else:
                response.deadline = deadline  # type: ignore[attr-defined]
                if response.status_code not in RETRY_STATUSES or attempt >= self.options.retries:
                    return response
                asked = retry_after_seconds(response.headers.get("retry-after"))
                deadline.cancel()
                response.close()
                if asked is not None:
                    if asked > self.options.max_retry_after:
                        raise FetchError(f"{url}: HTTP {response.status_code}, Retry-After {asked:.0f} s is "
                                         f"longer than the {self.options.max_retry_after:.0f} s we wait")
                    wait = max(wait, asked)
            attempt += 1
            self._sleep(wait)
            self._last[host] = time.monotonic()

    def _read(self, url: str, final: str, response: requests.Response, redirects: list[str],
              head: int | None = None) -> FetchResult:
        headers = {k.lower(): v for k, v in response.headers.items()}
        result = FetchResult(url=url, final_url=final, status=response.status_code, headers=headers, body=None,
                             redirects=redirects)
        limit = head if head is not None else self.options.max_bytes
        try:
            if response.status_code == 304 or (head is None and not result.is_text):
                return result
            declared = headers.get("content-length", "")
            if head is None and declared.isdigit() and int(declared) > limit:
                result.truncated = True
                return result
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > limit:
                    result.truncated = True
                    if head is None:
                        return result
                    chunks.append(chunk[: len(chunk) - (size - limit)])
                    break
                chunks.append(chunk)
            if response.deadline.expired:   # a connection-close body simply ends when its socket is shut
                raise FetchError(f"{final}: the whole page did not arrive within the {self.options.timeout:g} s "
                                 "timeout")
            result.body = b"".join(chunks)
            return result
        except requests.RequestException as exc:
            if response.deadline.expired:
                raise FetchError(f"{final}: the whole page did not arrive within the {self.options.timeout:g} s "
                                 "timeout") from None
            raise FetchError(f"{final}: {type(exc).__name__}: {exc}") from None
        finally:
            response.deadline.cancel()
            response.close()


def _peer_address(response: requests.Response) -> str | None:
    """The IP address the response came from (None when the connection is no longer at hand)."""
    try:
        return response.raw._connection.sock.getpeername()[0]  # urllib3's HTTPConnection
    except (AttributeError, OSError, IndexError, TypeError):
        return None


def http_date(when: datetime | None = None) -> str:
    return email.utils.format_datetime((when or datetime.now(timezone.utc)).astimezone(timezone.utc), usegmt=True)
