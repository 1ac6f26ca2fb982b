"""A small council website, written to a folder for `SiteServer`: what a new user points the crawler at.

Every page carries the site's navigation (home, bins, council tax, consultations, press) and
footer (cookies, privacy, accessibility, a broken "old page" link). The press office lives at
``/press/``: a listing paginated with "Next" links over `PRESS_PAGES` pages, each naming
`PER_PAGE` releases under ``/press/2025/``, one release published elsewhere on the site
(``/news/view?id=3``) and one listed release that has been withdrawn (404). Inside the press
section: a link back to the listing as ``/press/index.html``, a broken archive link, a
robots-disallowed drafts page and a PDF. A second section, ``/consultations/``, has its own
listing and pages; ``/events/`` is an endless listing repeating the same three items.
"""

from __future__ import annotations

from pathlib import Path

PRESS_PAGES = 12
PER_PAGE = 4
EVENT_PAGES = 400

NAV = ('<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/bins">Bin collection days</a>'
       '</li><li><a href="/council-tax">Council tax</a></li><li><a href="/consultations/">Have your say now</a></li>'
       '<li><a href="/press/">Press releases</a></li><li><a href="/events/">Events</a></li></ul></nav></header>')
FOOTER = ('<footer><ul><li><a href="/cookies">Cookies</a></li><li><a href="/privacy">Privacy notice</a></li>'
          '<li><a href="/accessibility">Accessibility</a></li><li><a href="/old-page">Old page</a></li>'
          '<li><a href="https://social.example.org/council">Follow us</a></li></ul></footer>')

TOPICS = ["park", "library", "bridge", "school", "clinic", "market", "bus route", "cycle lane", "playground",
          "swimming pool", "housing block", "tree planting"]


def page(title: str, main: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title} | Northbrook Council</title></head><body>{NAV}"
            f"<main>{main}</main>{FOOTER}</body></html>")


def release(n: int, *, extra: str = "") -> str:
    topic = TOPICS[n % len(TOPICS)]
    day = n % 27 + 1
    body = (f"Northbrook Council has approved plans for a new {topic} in ward {n}, with work due to start this "
            f"autumn. The council will spend {n + 2} million pounds on the project, which was chosen after a public "
            f"consultation in which {n * 37 + 120} residents took part. Councillor Jane Okafor, cabinet member for "
            f"communities, said the {topic} would serve families across the borough for decades to come, and that "
            f"local firms would be invited to bid for the building contracts in the coming weeks.")
    return page(f"New {topic} for ward {n}",
                f"<article><h1>Council approves new {topic} for ward {n}</h1><p class='date'>2025-06-{day:02d}</p>"
                f"<p>{body}</p><p>Residents with questions about council tax can read our "
                f"<a href='/council-tax'>council tax pages</a>.</p>{extra}</article>")


def listing(title: str, items: list[tuple[str, str]], next_url: str | None, extra: str = "") -> str:
    rows = "".join(f'<li><a href="{href}">{text}</a> <span>2025-06-01</span></li>' for href, text in items)
    nxt = f'<p class="pager"><a href="{next_url}" rel="next">Next</a></p>' if next_url else ""
    return page(title, f"<h1>{title}</h1><ul class='items'>{rows}</ul>{nxt}{extra}")


def press_items(number: int) -> list[tuple[str, str]]:
    first = (number - 1) * PER_PAGE + 1
    items = [(f"/press/2025/item-{n}.html", f"Council approves new plans for ward {n}")
             for n in range(first, first + PER_PAGE)]
    if number == 1:
        items.append(("/news/view?id=3", "Leader welcomes funding for the high street"))
        items.append(("/press/2025/withdrawn.html", "Withdrawn statement on parking charges"))
    return items


def press_releases() -> set[str]:
    """Paths of every release the press section lists (the withdrawn one excepted)."""
    paths = {f"/press/2025/item-{n}.html" for n in range(1, PRESS_PAGES * PER_PAGE + 1)}
    return paths | {"/news/view?id=3"}


def build(root: Path) -> Path:
    """Write the site under ``root``; returns ``root``."""
    def write(path: str, text: str) -> None:
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    write("robots.txt", "User-agent: *\nDisallow: /press/drafts/\n")
    write("index.html", page("Welcome", "<h1>Welcome to Northbrook</h1><p>Find council services.</p>"))
    for name, title in (("bins", "Bin collection days"), ("council-tax", "Council tax"), ("cookies", "Cookies"),
                        ("privacy", "Privacy notice"), ("accessibility", "Accessibility statement")):
        write(f"{name}/index.html", page(title, f"<h1>{title}</h1><p>Information about {title.lower()}.</p>"))
    extra = ("<p>Looking for older statements? See the <a href='/press/archive-2019.html'>archive</a>, or go back "
             "to <a href='/press/index.html'>all releases</a>. Draft: <a href='/press/drafts/next.html'>draft</a>."
             "</p>")
    for number in range(1, PRESS_PAGES + 1):
        next_url = f"/press/?page={number + 1}" if number < PRESS_PAGES else None
        name = "index.html" if number == 1 else f"index.html@page={number}"
        write(f"press/{name}", listing("Press releases", press_items(number), next_url, extra))
    for n in range(1, PRESS_PAGES * PER_PAGE + 1):
        attachment = "<p><a href='/files/plan.pdf'>Read the plan (PDF)</a></p>" if n == 1 else ""
        write(f"press/2025/item-{n}.html", release(n, extra=attachment))
    write("press/drafts/next.html", release(999))
    write("news/view@id=3", release(500))
    write("files/plan.pdf", "%PDF-1.4\n%%EOF\n")
    write("consultations/index.html", listing("Consultations", [
        (f"/consultations/c{n}.html", f"Consultation on the future of ward {n}") for n in range(1, 4)], None))
    for n in range(1, 4):
        write(f"consultations/c{n}.html", release(700 + n))
    events = [(f"/events/e{n}.html", f"Summer fair in ward {n} this year") for n in range(1, 4)]
    for number in range(1, EVENT_PAGES + 1):
        name = "index.html" if number == 1 else f"index.html@page={number}"
        write(f"events/{name}", listing("Events", events, f"/events/?page={number + 1}"))
    for n in range(1, 4):
        write(f"events/e{n}.html", release(800 + n))
    return root
