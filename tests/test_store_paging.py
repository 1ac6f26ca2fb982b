"""`Store.releases` streams page by page: all releases, in order, even while the caller writes."""

from __future__ import annotations

import pytest

from release_miner.records import Figure, Release
from release_miner.store import Store


def _release(n: int) -> Release:
    text = f"Release number {n} reports {n} new parks."
    start = text.index(f" {n} new") + 1
    return Release(id=f"r{n}", text=text, figures=[Figure(text=str(n), start=start, end=start + len(str(n)),
                                                          kind="count", value=n)])


@pytest.mark.parametrize("stored, page_size", [(0, 2), (5, 2), (4, 2), (3, 256), (7, 1)])
def test_releases_pages_cover_everything_in_order(tmp_path, stored, page_size):
    with Store(tmp_path / "d.sqlite") as store:
        for n in range(stored):
            store.add(_release(n))
        got = list(store.releases(page_size=page_size))
    assert [r.id for r in got] == [f"r{n}" for n in range(stored)]
    assert all(r.figures[0].value == n for n, r in enumerate(got))


def test_writing_while_reading_is_allowed(tmp_path):
    with Store(tmp_path / "d.sqlite") as store:
        for n in range(3):
            store.add(_release(n))
        seen = []
        for release in store.releases(page_size=2):
            seen.append(release.id)
            if release.id == "r0":
                store.add(_release(10))  # lands after the pages already read
        assert seen == ["r0", "r1", "r2", "r10"]
