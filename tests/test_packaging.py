"""A non-editable install (``pip install .``) carries every data file the package reads at run time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "src" / "release_miner"


def _tracked_data_files() -> set[str]:
    """The package's files that are not Python source, as git tracks them (paths inside the package)."""
    out = subprocess.run(["git", "ls-files", "src/release_miner"], cwd=REPO, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return {str(Path(p).relative_to("src/release_miner")) for p in out.stdout.splitlines()
            if not p.endswith(".py")}


@pytest.mark.slow
def test_a_non_editable_install_finds_its_site_adapters_and_data(tmp_path: Path) -> None:
    target = tmp_path / "installed"
    build = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                            str(REPO)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    installed = {str(p.relative_to(target / "release_miner")) for p in (target / "release_miner").rglob("*")
                 if p.is_file() and p.suffix not in (".py", ".pyc")}
    tracked = _tracked_data_files()
    linked = {p for p in tracked if (PACKAGE / p).is_dir()}  # model folders linked in from models/
    assert tracked - linked <= installed
    for folder in linked:
        assert any(p.startswith(f"{folder}/") for p in installed), folder
    probe = ("import release_miner, release_miner.crawl.adapters as a; "
             "print(release_miner.__file__); print(' '.join(s.name for s in a.load_adapters()))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    where, names = run.stdout.splitlines()
    assert Path(where).is_relative_to(target)  # the installed copy, not the source tree
    assert {"london", "nyc", "busan-en"} <= set(names.split())
