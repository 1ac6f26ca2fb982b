"""Number formatting shared by the charts and the tables: compact for reading, exact on hover."""

from __future__ import annotations

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def compact(value: float | int | None) -> str:
    """``7274900000000`` -> ``"7.27 tn"``, ``1500`` -> ``"1,500"``; None -> ``"—"``."""
    if value is None:
        return "—"
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            x = value / scale
            return f"{x:,.0f} {suffix}" if abs(x) >= 100 else f"{x:.3g} {suffix}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"


def exact(value: float | int | None) -> str:
    """Every digit, thousands separated: what a reviewer checks against the text."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def money(value: float | int | None, currency: str | None) -> str:
    return f"{compact(value)} {currency}" if currency else compact(value)


def confidence(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"
