"""Units of measurement as written in text, taken from pint's unit registry.

pint defines every common unit with its symbol and aliases ("gallon", "gal"; "degree_Celsius",
"°C", "celsius"); this module turns that registry into the surface forms a release writes after a
number: names and their plurals ("6 gallons", "4 cubic kilometers", "two inches"), SI-prefixed
names and symbols ("44 milligrams", "44 mg", "3 GHz", "500 MB"), areas and volumes ("116,347 sq
mi", "2 km²", "10 m3"), each mapped to one short normalised symbol (``gal``, ``km3``, ``mg``,
``GHz``, ``mi2``).

Only physical dimensions a release measures are read (length, area, volume, mass, temperature,
speed, energy, power, pressure, frequency, data); time units belong to the dates. Names that are
ordinary English after a number ("3 points", "2 hands", "a line") and symbols that are English
words or single letters ("in", "at", "a") are left out, or read only where they cannot be words.

The registry loads once per process, on first use (about half a second), never per document.
"""

from __future__ import annotations

from functools import lru_cache

#: pint dimensionalities a release measures, with a name for each.
DIMENSIONS: dict[str, str] = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[temperature]": "temperature",
    "[length] / [time]": "speed",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
    "[mass] * [length] ** 2 / [time] ** 3": "power",
    "[length] ** 2 * [mass] / [time] ** 3": "power",
    "[mass] / [length] / [time] ** 2": "pressure",
    "1 / [time]": "frequency",
}
#: Units pint counts as dimensionless that are still quantities (data sizes).
DATA_UNITS: tuple[str, ...] = ("bit", "byte")

#: SI prefixes read in text: name, symbol.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("kilo", "k"), ("mega", "M"), ("giga", "G"), ("tera", "T"), ("milli", "m"), ("centi", "c"),
    ("micro", "µ"), ("nano", "n"),
)
#: Units that take SI prefixes in everyday text, and which prefixes (by symbol).
PREFIXABLE: dict[str, str] = {
    "meter": "kcmµn", "gram": "kmµ", "liter": "kcmµ", "watt": "kMGTm", "watt_hour": "kMGT",
    "hertz": "kMGT", "byte": "kMGT", "bit": "kMGT", "joule": "kMGT", "pascal": "kMG", "volt": "km",
    "ampere": "km",
}

#: Unit names that are ordinary words after a number ("3 points", "two lines", "5 stones").
WORD_NAMES: frozenset[str] = frozenset({
    "point", "line", "link", "rod", "pole", "perch", "chain", "league", "pace", "span", "cable",
    "hand", "mil", "barn", "are", "stone", "grain", "dram", "scruple", "shot", "drop", "bag", "board",
    "cord", "bolt", "cycle", "count", "square", "fermi", "tex", "denier", "sheet", "quad", "percent",
    "quarter", "thou", "palm", "finger", "nail", "mark", "rem", "rad", "ton_TNT", "gauge", "plank",
    "gill", "peck", "dry", "number", "firkin", "hogshead", "tun", "cc", "water",
    "bale", "pica", "didot", "cicero", "angstrom", "fathom", "bohr", "planck", "atomic", "knot",
    "century", "slug", "glug", "lambda", "stere", "micron", "pinch", "dash", "minim", "jigger",
    "survey", "galileo", "poise", "mercury", "metric", "unit", "sound", "light", "speed", "degree",
    "stokes", "erg", "watt_second", "electron", "the", "chemical", "boiler", "electrical", "refrigeration",
})
#: Symbols that are English words or too short to read alone after a number.
WORD_SYMBOLS: frozenset[str] = frozenset({
    "in", "at", "a", "s", "h", "d", "B", "C", "F", "K", "P", "G", "T", "J", "W", "V", "A", "N", "l",
    "g", "t", "m", "pt", "st", "cp", "ct", "are", "bar", "ly", "Gy", "Sv", "rd", "ch", "fur", "lea",
    "au", "pc", "yr", "kn", "hp", "bu", "pk", "gi", "floz", "tsp", "tbsp", "dr", "gr", "u", "Da",
    "sq_mi", "sq_ft", "sq_yd", "sq_in", "sq_rd", "long_ton", "ton", "R", "Pa", "Hz", "TV", "VA", "GA",
    "MA", "TA", "BF", "Ci", "Ba", "Bd", "Bq", "Rd", "Ry", "SPL", "LMH", "dpi", "nt", "mt", "th", "li",
    "pp", "px", "sft", "smi", "toe", "jig", "blob", "quad", "erg", "cps", "fps", "mps", "rps", "kps",
    "tlb", "thm", "BDFT", "FBM", "cmil", "dgal", "dqt", "fldr", "toz", "slpm", "statF", "statmho", "Å",
    "eV", "cwt", "dwt", "fm", "dm", "au", "ly", "pc", "Gm", "Mm", "Tm", "Gl", "Ml", "Tl", "Gg", "Mg", "Tg",
    "Gt", "Tt", "Mt", "µ", "a0", "KPH", "MPH", "bag", "tTNT", "°Re", "Δ°C", "Δ°F", "Δ°Re", "°R", "mHz", "cHz", "nHz", "µHz",
})
#: Length symbols that "sq"/"cu", "²"/"³" and a trailing 2/3 turn into areas and volumes.
AREA_BASES: frozenset[str] = frozenset({"mm", "cm", "m", "km", "in", "ft", "yd", "mi"})
#: Short symbols read after a number even though WORD_SYMBOLS would refuse them bare:
#: metric units written with a space or glued ("500 m", "44 g", "278,000 t", "5 L", "3.5 W").
SAFE_SHORT: dict[str, str] = {"m": "m", "g": "g", "t": "t", "L": "L", "W": "W", "Pa": "Pa", "Hz": "Hz", "hp": "hp"}
#: Symbols the guidelines write differently from pint.
SYMBOL_STYLE: dict[str, str] = {
    "l": "L", "ml": "mL", "kl": "kL", "µl": "µL", "cl": "cL", "sq_mi": "mi2", "sq_ft": "ft2", "sq_yd": "yd2",
    "sq_in": "in2", "ton": "t", "metric_ton": "t", "long_ton": "t", "kton": "kt", "ktonne": "kt",
    "cp": "cup", "degree_Celsius": "°C", "degree_Fahrenheit": "°F", "kph": "km/h", "kn": "kn",
}


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh", "z")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word == "foot":
        return "feet"
    return word + "s"


def _spoken(name: str) -> str:
    return name.replace("_", " ")


def _style(symbol: str) -> str:
    symbol = SYMBOL_STYLE.get(symbol, symbol)
    return symbol.replace("²", "2").replace("³", "3").replace("_", " ")


@lru_cache(maxsize=1)
def unit_forms() -> tuple[dict[str, str], dict[str, str]]:
    """``(names, symbols)``: lower-case written names and case-sensitive symbols -> normalised symbol."""
    import pint  # loaded here, once: most processes that import the package never measure anything

    ureg = pint.UnitRegistry()
    names: dict[str, str] = {}
    symbols: dict[str, str] = {}
    lengths: dict[str, str] = {}  # written length name or symbol -> symbol, for "square X" / "cubic X"

    def add_name(written: str, symbol: str) -> None:
        low = _spoken(written).lower()
        if not low.replace(" ", "").replace("-", "").isascii() or low.startswith("delta"):
            return
        if not low.replace(" ", "").replace("-", "").isalpha() or low.split()[0] in WORD_NAMES:
            return
        if any(part in WORD_NAMES for part in low.split()):
            return
        names.setdefault(low, symbol)
        if not low.endswith(("s", "feet")):
            names.setdefault(_plural(low), symbol)

    def add_symbol(written: str, symbol: str) -> None:
        if written.isalpha() and written.islower() and len(written) > 3:
            return  # a word ("quarter", "hand"): read as a name, if at all
        if written in SAFE_SHORT or (written not in WORD_SYMBOLS and len(written) > 1 and "_" not in written):
            symbols.setdefault(written, symbol)

    for key, unit in ureg._units.items():
        if key != unit.name:
            continue
        try:
            dim = str(ureg.get_dimensionality(key))
        except Exception:  # noqa: BLE001 - offset or logarithmic units pint cannot reduce
            continue
        kind = DIMENSIONS.get(dim) or ("data" if key in DATA_UNITS else None)
        if kind is None:
            continue
        symbol = _style(unit.symbol or key)
        if key in SYMBOL_STYLE:
            symbol = SYMBOL_STYLE[key]
        for written in (key, *unit.aliases):
            if written[:1].isalpha() and written[:1].islower() and len(written) > 2:
                add_name(written, symbol)
        if unit.symbol:
            add_symbol(unit.symbol, symbol)
        for alias in unit.aliases:
            if not alias.isalpha() or alias.isupper() or alias[:1] in "°":
                add_symbol(alias, symbol)
        if kind == "length" and unit.symbol:
            lengths[unit.symbol] = symbol
            for written in (key, *unit.aliases):
                if written.isalpha() and written.islower() and len(written) > 2:
                    lengths[_spoken(written)] = symbol
                    lengths[_plural(_spoken(written))] = symbol
    for base, allowed in PREFIXABLE.items():
        unit = ureg._units[base]
        base_symbol = SYMBOL_STYLE.get(unit.symbol, unit.symbol)
        written_names = [base, *[a for a in unit.aliases if a.isalpha() and a.islower()]]
        for pname, psym in PREFIXES:
            if psym not in allowed:
                continue
            symbol = _style(psym + base_symbol)
            for written in written_names:
                add_name(pname + written, symbol)
            add_symbol(psym + unit.symbol, symbol)
            if base_symbol != unit.symbol:
                add_symbol(psym + base_symbol, symbol)
            if base == "meter":
                lengths[psym + "m"] = psym + "m"
                for written in written_names:
                    lengths[pname + written] = lengths[_plural(pname + written)] = psym + "m"
    for written, symbol in lengths.items():
        for power, word, short in ((2, "square", "sq"), (3, "cubic", "cu")):
            styled = f"{symbol}{power}"
            if symbol not in AREA_BASES:
                continue
            if written.isalpha() and written.islower() and len(written) > 2:
                names.setdefault(f"{word} {written}", styled)
            elif len(written) <= 3:
                for form in (f"{short} {written}", f"{short}. {written}", f"{written}{power}",
                             f"{written}{'²' if power == 2 else '³'}"):
                    symbols.setdefault(form, styled)
    for written in ("degrees celsius", "degrees fahrenheit", "degrees centigrade", "degree celsius",
                    "degree fahrenheit", "deg c", "deg f"):
        names.setdefault(written, "°C" if "c" in written.split()[-1][:1] else "°F")
    symbols.setdefault("in.", "in")  # "a 2 in. pipe": "in" alone is the preposition
    for written in ("°C", "°F", "℃", "℉", "º C", "° C", "° F", "ºC", "ºF"):
        symbols.setdefault(written, "°C" if written.rstrip()[-1] in "C℃" else "°F")
    return names, symbols


__all__ = ["DIMENSIONS", "unit_forms"]
