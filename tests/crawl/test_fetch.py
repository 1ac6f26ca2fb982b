"""The polite session against a real server on 127.0.0.1: retries, Retry-After, redirects, validators, limits."""

from __future__ import annotations

import pytest

from release_miner.crawl.fetch import FetchError, FetchOptions, PoliteSession, retry_after_seconds, user_agent
from release_miner.crawl.urls import AddressPolicy

from .site_server import FIXTURES

FIXTURES_INTRANET = FIXTURES / "riverton"


def _session(site, **options) -> PoliteSession:
    fetch = FetchOptions(**{"delay": 0, "backoff": 0.01, "timeout": 5, **options})
    return PoliteSession(fetch, AddressPolicy({site.base.split("//")[1]}))


def test_user_agent_names_release_miner_with_contact(riverton):
    session = _session(riverton, user_agent=user_agent("https://example.org/contact"))
    session.fetch(riverton.url("/"))
    agent = riverton.hits("/")[0].headers["user-agent"]
    assert agent.startswith("release-miner/") and "(+https://example.org/contact)" in agent
    assert "(+https://" in user_agent()


def test_503_is_retried_until_200(riverton):
    result = _session(riverton).fetch(riverton.url("/news/flaky.html"))
    assert result.status == 200 and b"Night markets" in result.body
    assert [h.status for h in riverton.hits("/news/flaky.html")] == [503, 200]


def test_429_waits_as_long_as_retry_after_says(riverton):
    result = _session(riverton).fetch(riverton.url("/news/busy.html"))
    first, second = riverton.hits("/news/busy.html")
    assert (first.status, second.status, result.status) == (429, 200, 200)
    assert second.at - first.at >= 1.0   # Retry-After: 1, although our own backoff is 0.01 s


def test_retries_give_up(riverton):
    session = _session(riverton, retries=0)
    result = session.fetch(riverton.url("/news/flaky.html"))
    assert result.status == 503
    with pytest.raises(FetchError):
        _session(riverton, retries=1, timeout=1).fetch("http://127.0.0.1:9/closed")


def test_redirect_is_followed_and_reported(riverton):
    result = _session(riverton).fetch(riverton.url("/old/water-main"))
    assert result.final_url == riverton.url("/news/water-main.html")
    assert result.redirects == [riverton.url("/old/water-main")] and result.status == 200


def test_redirect_into_a_private_host_is_refused(riverton, intranet):
    with pytest.raises(FetchError, match="non-public address"):
        _session(riverton).fetch(riverton.url("/go/intranet"))
    assert intranet.log == []


def test_private_hosts_reachable_when_allowed(riverton, intranet):
    session = PoliteSession(FetchOptions(delay=0, backoff=0.01), AddressPolicy(allow_private=True))
    assert session.fetch(riverton.url("/go/intranet")).status == 404   # the intranet answered
    assert [h.path for h in intranet.log] == ["/secret"]


def test_conditional_request_gets_304(riverton):
    session = _session(riverton)
    first = session.fetch(riverton.url("/news/"))
    second = session.fetch(riverton.url("/news/"), etag=first.headers["etag"],
                           last_modified=first.headers["last-modified"])
    assert second.status == 304 and second.body is None
    assert riverton.hits("/news/")[1].headers["if-none-match"] == first.headers["etag"]
    assert riverton.hits("/news/")[1].headers["if-modified-since"] == first.headers["last-modified"]


def test_attachments_and_oversized_pages_are_not_downloaded(riverton):
    pdf = _session(riverton).fetch(riverton.url("/files/download?id=7"))
    assert pdf.content_type == "application/pdf" and pdf.body is None and not pdf.is_text
    big = _session(riverton, max_bytes=1000).fetch(riverton.url("/news/harbor-bridge.html"))
    assert big.truncated and big.body is None


def test_per_host_delay_is_kept(riverton):
    session = _session(riverton, delay=0.3)
    for _ in range(3):
        session.fetch(riverton.url("/about.html"))
    times = [h.at for h in riverton.hits("/about.html")]
    assert times[1] - times[0] >= 0.29 and times[2] - times[1] >= 0.29
    session.set_host_delay(riverton.base.split("//")[1], 0.5)   # a longer Crawl-delay wins
    assert session.delay_for(riverton.base.split("//")[1]) == 0.5


@pytest.mark.parametrize("value, seconds", [
    ("120", 120.0), ("0", 0.0), (None, None), ("soon", None),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 10.0),
])
def test_retry_after_values(value, seconds):
    from email.utils import parsedate_to_datetime

    now = parsedate_to_datetime("Wed, 21 Oct 2015 07:27:50 GMT").timestamp()
    assert retry_after_seconds(value, now=now) == seconds


def test_peer_address_is_seen(riverton):
    """The session can see which address it is talking to (the check against DNS rebinding)."""
    from release_miner.crawl.fetch import _peer_address

    session = _session(riverton)
    response = session.http.get(riverton.url("/"), stream=True)
    try:
        assert _peer_address(response) == "127.0.0.1"
    finally:
        response.close()


class Trickle:
    """A loopback server that sends its answer one byte at a time (headers or body), for ``seconds`` at most,
    and records how much it managed to send before the client hung up."""

    def __init__(self, part: str, total: int = 60, pause: float = 0.1) -> None:
        import socket
        import threading

        self.part, self.total, self.pause = part, total, pause
        self.sent = 0
        self.accepted = 0
        self.finished = threading.Event()
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/slow.html"

    def _serve(self) -> None:
        import time

        conn, _ = self.sock.accept()
        self.accepted += 1
        try:
            conn.recv(65536)
            body = b"x" * self.total
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"y" * self.total + b"\r\n" \
                   + f"Content-Length: {len(body)}\r\n\r\n".encode()
            slow, fast = (head, b"") if self.part == "headers" else (body, head)
            conn.sendall(fast)
            for byte in slow:
                conn.sendall(bytes([byte]))
                self.sent += 1
                time.sleep(self.pause)
            if self.part == "headers":
                conn.sendall(body)
        except OSError:
            pass
        finally:
            conn.close()
        self.sock.settimeout(1.5)
        while True:   # count (and hang up on) any further attempt after the first answer
            try:
                self.sock.accept()[0].close()
                self.accepted += 1
            except OSError:
                break
        self.finished.set()

    def close(self) -> None:
        self.finished.wait(self.total * self.pause + 10)
        self.sock.close()


@pytest.mark.parametrize("part", ["headers", "body"])
def test_timeout_is_a_total_deadline_per_request(part):
    """A trickled answer is cut off when the deadline passes, long before the server is done sending."""
    server = Trickle(part, total=60, pause=0.1)   # 6 s of trickle against a 1 s deadline
    try:
        session = PoliteSession(FetchOptions(delay=0, timeout=1, retries=3, backoff=0.01),
                                AddressPolicy({server.url}))
        with pytest.raises(FetchError, match="within the 1 s timeout"):
            session.fetch(server.url)
        server.finished.wait(10)
        assert server.sent < server.total / 2
        assert server.accepted == 1            # a trickling server is not asked again
    finally:
        server.close()


def test_redirect_to_another_port_of_the_start_host_is_refused(riverton, tmp_path):
    """Only the origin the user named is trusted: 127.0.0.1 on another port is a loopback service like any other."""
    import json

    from .site_server import SiteServer

    root = tmp_path / "site"
    root.mkdir()
    with SiteServer(FIXTURES_INTRANET) as other:
        (root / "_server.json").write_text(json.dumps(
            {"/hop": {"redirect": other.url("/about.html"), "status": 302}}))
        with SiteServer(root) as site:
            session = PoliteSession(FetchOptions(delay=0, timeout=5), AddressPolicy({site.url("/")}))
            with pytest.raises(FetchError, match="non-public address"):
                session.fetch(site.url("/hop"))
        assert other.log == []
