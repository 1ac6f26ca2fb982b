"""A real HTTP server on 127.0.0.1 serving a fixture site, for the crawler's tests and benchmarks.

Files under the site root are served by path; a query string selects the file
``<name>@<query>`` (query canonicalised: empty values dropped, keys sorted) and, like
real servers, is ignored by pages that have no such variant (listing pages excepted);
a directory serves its ``index.html``. ``_server.json`` in the root adds behaviours per
path: ``{"fail": N, "status": 503, "headers": {...}}`` answers the first N requests with
an error, ``{"redirect": "/to", "status": 301}`` redirects, ``{"body": ..., "content_type":
...}`` serves a fixed body. ``{{BASE}}`` and ``{{INTRANET}}`` in text bodies are replaced by
the server's own base URL and by ``intranet`` (another server standing for a private host).

Every response carries an ETag and answers ``If-None-Match`` with 304. Every request is
logged (path, headers, time) so tests can check what the crawler did.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures"

_TYPES = {".html": "text/html", ".xml": "application/xml", ".txt": "text/plain", ".pdf": "application/pdf",
          ".gz": "application/gzip", ".hwp": "application/x-hwp"}


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float
    status: int = 0


@dataclass
class SiteServer:
    """``with SiteServer(root) as site: site.url("/news/")``."""

    root: Path
    intranet: str = "http://localhost:9"
    latency: float = 0.0
    log: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        config = self.root / "_server.json"
        self.behaviours: dict[str, dict] = json.loads(config.read_text()) if config.exists() else {}
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()
        self.httpd: ThreadingHTTPServer | None = None

    # -- lifecycle ------------------------------------------------------------

    def __enter__(self) -> SiteServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True   # headers and body are separate writes: no 40 ms stalls

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                site._handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.httpd is not None
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        assert self.httpd is not None
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def hits(self, path: str) -> list[Hit]:
        """Requests for ``path`` (path and canonical query, as logged)."""
        return [h for h in self.log if h.path == path]

    # -- serving --------------------------------------------------------------

    @staticmethod
    def _key(raw_path: str) -> tuple[str, str]:
        parts = urlsplit(raw_path)
        query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if v))
        return parts.path, query

    def _file(self, path: str, query: str) -> Path | None:
        target = self.root / path.lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if query and target.with_name(f"{target.name}@{query}").is_file():
            target = target.with_name(f"{target.name}@{query}")
        elif query and target.name == "index.html":
            return None   # a listing page that does not exist
        return target if target.is_file() and self.root in target.resolve().parents else None

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        path, query = self._key(request.path)
        key = f"{path}?{query}" if query else path
        hit = Hit(key, {k.lower(): v for k, v in request.headers.items()}, time.monotonic())
        with self._lock:
            self.log.append(hit)
        if self.latency:
            time.sleep(self.latency)
        behaviour = self.behaviours.get(key, {})
        status, headers, body = self._respond(key, path, query, behaviour, hit)
        hit.status = status
        if status == 200 and "ETag" in headers and request.headers.get("If-None-Match") == headers["ETag"]:
            status, body = 304, b""
            hit.status = 304
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    def _text(self, data: bytes) -> bytes:
        return data.replace(b"{{BASE}}", self.base.encode()).replace(b"{{INTRANET}}", self.intranet.encode())

    def _respond(self, key: str, path: str, query: str, behaviour: dict, hit: Hit) -> tuple[int, dict, bytes]:
        if "fail" in behaviour:
            with self._lock:
                done = self._failures.get(key, 0)
                self._failures[key] = done + 1
            if done < behaviour["fail"]:
                return behaviour.get("status", 503), dict(behaviour.get("headers", {})), b"busy"
        if "redirect" in behaviour:
            location = self._text(behaviour["redirect"].encode()).decode()
            return behaviour.get("status", 302), {"Location": location}, b""
        if "body" in behaviour:
            return 200, {"Content-Type": behaviour.get("content_type", "text/html")}, behaviour["body"].encode()
        file = self._file(path, query)
        if file is None and path.endswith(".gz"):
            plain = self._file(path[:-3], query)
            if plain is not None:
                body = gzip.compress(self._text(plain.read_bytes()), mtime=0)
                return 200, {"Content-Type": "application/gzip", "ETag": _etag(body)}, body
        if file is None:
            return 404, {"Content-Type": "text/html"}, b"<html><body><h1>Not found</h1></body></html>"
        body = file.read_bytes()
        suffix = file.suffix.split("@")[0] if "@" in file.name else file.suffix
        content_type = _TYPES.get(suffix, "text/html")
        if content_type.startswith(("text/", "application/xml")):
            body = self._text(body)
        return 200, {"Content-Type": content_type, "ETag": _etag(body),
                     "Last-Modified": "Mon, 30 Jun 2025 00:00:00 GMT"}, body


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
