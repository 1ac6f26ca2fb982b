"""Who a policy is for: the "for X" / "to support X" group stated with it, when there is one."""

from __future__ import annotations

import re

_FOR = re.compile(
    r"\b(?:for|to support|to help|supporting|targeting|aimed at|to assist)\s+(?:the\s+)?"
    r"(?P<target>[^,.;:()\n]{3,80}?)(?=\s*(?:[,.;:()\n]|\bwho\b|\bthat\b|\bwhich\b|\bto\b|\bthrough\b|\bby\b"
    r"|\bin\b|\bwith\b|\bfrom\b|\bat\b|$))"
)
#: Nouns that make a phrase a group of people or firms (the only kind of target worth reporting).
_GROUP_WORDS = re.compile(
    r"\b(?:owners?|businesses|business|companies|firms|enterprises|smes?|industry|industries|sector|youth|"
    r"residents|citizens|households|workers|people|families|seniors|elderly|students|startups?|"
    r"start-ups|entrepreneurs|merchants|markets|tenants|newlyweds|farmers|fishermen|women|children|"
    r"governments|creators|victims|disabled|vulnerable|nonprofits|organizations|employers|job seekers)\b",
    re.IGNORECASE,
)


def find_target(span_text: str, after: str) -> str | None:
    """The target group stated inside the span or right after it in its sentence, else None."""
    for piece in (span_text, after[:120]):
        for m in _FOR.finditer(piece):
            target = m.group("target").strip()
            if _GROUP_WORDS.search(target):
                return target
    return None
