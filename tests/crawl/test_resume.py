"""An interrupted crawl (a real ``kill -9`` of a crawling process) resumes with nothing lost or duplicated."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

from release_miner.cli import main

from .site_server import FIXTURES, SiteServer
from .test_crawler import BUDGET, RIVERTON_RELEASES

CLI = "import sys; from release_miner.cli import main; sys.exit(main(sys.argv[1:]))"


def _releases(db) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT canonical_url FROM crawl_pages WHERE kind = 'release'")}
    except sqlite3.OperationalError:   # the crawling process is still creating the schema
        return set()
    finally:
        conn.close()


def test_kill_9_then_resume(tmp_path, capsys):
    db = tmp_path / "crawl.sqlite"
    with SiteServer(FIXTURES / "riverton", latency=0.05) as intranet, \
            SiteServer(FIXTURES / "riverton", latency=0.05) as site:
        site.intranet = f"http://localhost:{intranet.httpd.server_address[1]}"
        args = ["crawl", site.url("/"), "--db", str(db), "--delay", "0", "--backoff", "0.01", "-q"]
        proc = subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None:
                if db.exists() and len(_releases(db)) >= 3:
                    break
                time.sleep(0.02)
            assert proc.poll() is None, "the crawl ended before it could be interrupted"
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == -signal.SIGKILL
        before_kill = _releases(db)
        hits_at_kill = len(site.log)

        assert main(args) == 0
        assert "(resumed)" in capsys.readouterr().err
        after = _releases(db)

        expected = {site.base + path for path in RIVERTON_RELEASES | BUDGET}

        assert 3 <= len(before_kill) < len(expected)
        assert after == expected                                   # nothing lost
        resumed_paths = [h.path for h in site.log[hits_at_kill:]]
        for url in before_kill:                                    # committed pages are not fetched again
            assert url.replace(site.base, "") not in resumed_paths
        conn = sqlite3.connect(db)
        try:                                                       # nothing duplicated
            assert conn.execute("SELECT count(*), count(DISTINCT canonical_url) FROM crawl_pages").fetchone()[0] == \
                conn.execute("SELECT count(DISTINCT canonical_url) FROM crawl_pages").fetchone()[0]
            assert conn.execute("SELECT count(*) FROM crawl_runs").fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM crawl_frontier WHERE status = 'pending'").fetchone()[0] == 0
        finally:
            conn.close()
