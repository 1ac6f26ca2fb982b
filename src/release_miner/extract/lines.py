"""Line-level facts about a release's text that name rules depend on.

Headlines are written in title case, so there a capitalised word says nothing about
being a name ("Mayor Gloria Earns City Council Approval"); rules that lean on
capitalisation ask `is_headline` first.
"""

from __future__ import annotations

import re

_SMALL_WORDS = frozenset("a an the of and for to in on at by with as from or its is are be into over".split())


def line_at(text: str, pos: int) -> str:
    """The line of ``text`` holding character ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def is_headline(line: str) -> bool:
    """A short line whose content words are (nearly) all capitalised and that ends without a full stop."""
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", line)
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < 3:
        return True
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.75 and not line.rstrip().endswith((".", "”", "\""))


__all__ = ["is_headline", "line_at"]
