"""Drive Debian's headless chromium for the report tests: dump the DOM, take screenshots, type.

Two ways in, both without downloads:
- one-shot command lines (``--dump-dom``, ``--screenshot``) for pages whose state is set by
  the URL fragment the report's script reads;
- the DevTools protocol over ``--remote-debugging-pipe`` (JSON messages separated by NUL
  bytes on file descriptors 3 and 4), to focus the search box and type as a user would.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--mute-audio", "--hide-scrollbars"]

TIMEOUT = 120  # generous: the machine is shared; this is a hang guard, not a speed check


def _command(profile: Path, *args: str) -> list[str]:
    assert CHROMIUM is not None
    return [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]


def dump_dom(url: str) -> str:
    """The serialised DOM once the page loaded and a report page's script has drawn its releases.

    Read over the DevTools protocol, not with ``--dump-dom``: that flag dumps when a fixed
    virtual-time budget runs out, and on a loaded machine the report's first page of releases
    (drawn after the overview's frame) may not be in the DOM yet.
    """
    with DevTools() as browser:
        browser.open(url, same_url=False)
        return "<!DOCTYPE html>" + browser.evaluate("document.documentElement.outerHTML")


def screenshot(url: str, path: Path, size: tuple[int, int] = (1280, 2400)) -> bytes:
    with tempfile.TemporaryDirectory(prefix="rm-chromium-") as profile:
        subprocess.run(_command(Path(profile), f"--window-size={size[0]},{size[1]}", f"--screenshot={path}", url),
                       capture_output=True, timeout=TIMEOUT, check=True, cwd=profile)
    return path.read_bytes()


class DevTools:
    """A chromium process driven over ``--remote-debugging-pipe``; one page, flat session."""

    def __init__(self) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="rm-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:
            # In the child: the protocol expects fds 3 (read) and 4 (write). Move both ends above
            # 10 first, since either may itself be 3 or 4 and be overwritten by the other dup2.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            _command(Path(self._profile.name), "--remote-debugging-pipe", "about:blank"),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False,  # pass_fds would close the dup2'ed 3 and 4
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self.session: str | None = None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]

    def _read_message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, same_url: bool = True) -> None:
        """Navigate and wait until the document has loaded (polling readyState, no timing assumptions).

        ``same_url=False`` accepts a page whose script rewrote its fragment (filters in the URL)
        and tells the new document from the old one by a marker left on the old one instead.
        """
        self.evaluate("window.__rmPrevious = true")
        self.call("Page.navigate", url=url)
        arrived = "location.href === " + json.dumps(url) if same_url else "!window.__rmPrevious"
        for _ in range(24000):
            if (self.evaluate("document.readyState") == "complete" and self.evaluate(arrived)
                    and self.evaluate("!document.getElementById('report-data') || document.body.dataset.ready === '1'")):
                return  # a report page is read once its script has drawn the first releases
            time.sleep(0.005)
        raise RuntimeError(f"{url} did not load")

    def type_into(self, selector: str, text: str) -> None:
        """Focus an input and type ``text`` as keyboard input (fires real input events)."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", text=text)

    def allow_downloads(self, directory: Path) -> None:
        """Save downloads (``<a download>`` clicks) into ``directory``, as a user's browser would."""
        self.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(directory))

    def wait_for_file(self, path: Path) -> bytes:
        """The bytes of a download once chromium has finished writing it (polled through the page)."""
        for _ in range(2000):
            if path.exists() and not list(path.parent.glob("*.crdownload")) and path.stat().st_size:
                return path.read_bytes()
            self.evaluate("new Promise(done => setTimeout(done, 20))")
        raise RuntimeError(f"{path} was not downloaded")

    def set_width(self, width: int, height: int = 900) -> None:
        """Emulate a screen ``width`` CSS pixels wide (a phone at 420)."""
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=True)

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._profile.cleanup()

    def __enter__(self) -> DevTools:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
