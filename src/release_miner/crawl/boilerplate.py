"""The generic main-text extractor used when no site adapter applies and trafilatura is absent.

Dropping structural tags alone (nav, header, footer) is not enough on city sites:
elements named like page furniture (cookie banners, breadcrumbs, share bars, related-news
boxes, Korean ``gnb``/``lnb`` menus) are removed, the container holding the most non-link
prose is chosen as the article, and link-dense blocks inside it (tag clouds, "more news"
lists) are dropped.

Every measure (text and link lengths, scores) comes from one pass over a depth-bounded
tree (see `html`), so the work is linear in the page however it is nested.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from .html import TextStats, block_text, elements, parse_html

#: Tags that never hold release text.
DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "nav", "header", "footer", "form",
             "aside", "button", "select", "input", "head", "menu", "dialog", "object", "embed", "canvas")

#: id/class/role words of page furniture (matched as whole words of the attribute values).
BOILERPLATE_WORDS = re.compile(
    r"(?:^|[\s_-])(cookie|cookies|consent|gdpr|banner|breadcrumbs?|crumbs?|share|sharing|social|sns|related|"
    r"recommend(?:ed)?|popular|most-read|sidebar|side-bar|menu|navbar|nav|navigation|gnb|lnb|snb|quick|quickmenu|"
    r"util|utility|skip|skip-link|popup|modal|subscribe|newsletter|comments?|widget|advert|ads|promo|"
    r"footer|header|masthead|pagination|pager|paging|tags|tagcloud|print|survey|satisfaction|"
    r"copyright|toolbar|alert-bar|gov-banner|official-banner)(?:$|[\s_-])", re.I)

_CONTAINERS = ("article", "main", "section", "div", "td", "dd", "body")


def attr_words(tag: Tag) -> str:
    values = []
    for name in ("id", "class", "role"):
        value = tag.get(name)
        if isinstance(value, list):
            values.extend(value)
        elif value:
            values.append(value)
    return " ".join(values)


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return (tag.has_attr("hidden") or tag.get("aria-hidden") == "true"
            or "display:none" in style or "visibility:hidden" in style)


def is_furniture(tag: Tag) -> bool:
    """An element that is page furniture by its tag, visibility or id/class/role words."""
    if tag.name in DROP_TAGS:
        return True
    if tag.name in ("html", "body", "main", "article", "[document]"):
        return False
    return _hidden(tag) or bool(BOILERPLATE_WORDS.search(attr_words(tag)))


def strip_furniture(soup: BeautifulSoup | Tag) -> None:
    """Remove furniture tags, hidden elements and elements named like furniture, in place.

    Decided in one top-down pass before anything is removed (an element inside removed
    furniture is not looked at), then only the outermost furniture elements are decomposed.
    """
    removed: set[int] = set()
    outermost: list[Tag] = []
    for tag in soup.find_all(True):
        if id(tag.parent) in removed:
            removed.add(id(tag))
        elif is_furniture(tag):
            removed.add(id(tag))
            outermost.append(tag)
    for tag in outermost:
        tag.decompose()


def _scores(soup: BeautifulSoup | Tag, stats: TextStats) -> tuple[dict[int, float], dict[int, Tag]]:
    """Readability-style content scores: each paragraph-like block credits its parent fully and its
    grandparent by half with its non-link text (per 100 characters) and its commas."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    has_block: set[int] = set()   # divs holding a p, div, li or table: scored through those instead
    above: set[int] = set()       # every ancestor of such a block (each walk stops where another did)
    for tag in soup.find_all(("p", "div", "li", "table")):
        for parent in tag.parents:
            if id(parent) in above:
                break
            above.add(id(parent))
            if parent.name == "div":
                has_block.add(id(parent))
    for block in soup.find_all(("p", "li", "dd", "td", "pre", "blockquote", "div")):
        if block.name == "div" and id(block) in has_block:
            continue
        text = stats.text_len(block)
        if text < 25:
            continue
        score = (text - stats.link_len(block)) / 100 + stats.commas(block) * 0.1
        parent = block.parent
        for weight in (1.0, 0.5):
            if parent is None or not isinstance(parent, Tag):
                break
            key = id(parent)
            nodes[key] = parent
            scores[key] = scores.get(key, 0.0) + score * weight
            parent = parent.parent
    return scores, nodes


def _subtree_scores(root: Tag, scores: dict[int, float]) -> dict[int, float]:
    """Each element's score plus its descendants', from one bottom-up pass."""
    total: dict[int, float] = {}
    for tag in reversed(elements(root)):
        value = scores.get(id(tag), 0.0)
        for child in tag.children:
            if isinstance(child, Tag):
                value += total.get(id(child), 0.0)
        total[id(tag)] = value
    return total


def main_nodes(soup: BeautifulSoup | Tag, stats: TextStats | None = None) -> list[Tag]:
    """The elements holding the article, in page order.

    The best-scored container wins; while it is its parent's only substantial child (a ``dd``
    in its ``dl``) the parent is taken instead; then siblings join that score at least a fifth
    of it, or hold 40 characters of paragraphs with few links (a summary box printed before
    the body), as Readability does.
    """
    stats = stats or TextStats(soup)
    scores, nodes = _scores(soup, stats)
    if not scores:
        return [soup.body or soup]  # type: ignore[list-item]
    best = nodes[max(scores, key=lambda k: scores[k])]
    while best.parent is not None and best.parent.name not in ("body", "html", "[document]"):
        others = [c for c in best.parent.find_all(True, recursive=False)
                  if c is not best and stats.text_len(c) >= 25]
        if others:
            break
        best = best.parent
    parent = best.parent
    if parent is None or best.name in ("body", "html"):
        return [best]
    subtree = _subtree_scores(parent, scores)
    threshold = 0.2 * max(subtree.get(id(best), 0.0), 1e-9)
    chosen = []
    for child in parent.find_all(True, recursive=False):
        if child is best:
            chosen.append(child)
        elif stats.text_len(child) >= 25 and stats.link_density(child) < 0.25 and (
                subtree.get(id(child), 0.0) >= threshold
                or (stats.text_len(child) >= 40 and child.find(("p", "li")) is not None)):
            chosen.append(child)
    return chosen


def best_container(soup: BeautifulSoup | Tag) -> Tag:
    """The element whose paragraphs hold the most prose that is not link text."""
    scores, nodes = _scores(soup, TextStats(soup))
    if not scores:
        return soup.body or soup  # type: ignore[return-value]
    return nodes[max(scores, key=lambda k: scores[k])]


def block_lines(root: Tag, *, max_link_density: float = 0.5, stats: TextStats | None = None) -> list[str]:
    """The text of ``root`` one block per line, leaving out blocks that are mostly links."""
    stats = stats or TextStats(root)
    skip = {id(tag) for tag in root.find_all(("ul", "ol", "table", "div", "p", "dl"))
            if stats.text_len(tag) and stats.link_density(tag) > max_link_density}
    return block_text(root, skip=skip)


def generic_main_text(html: str | BeautifulSoup) -> str:
    """Main text of an HTML page, one block per line, without page furniture."""
    soup = parse_html(html) if isinstance(html, str) else html
    strip_furniture(soup)
    stats = TextStats(soup)
    root = soup.find("article") or soup.find("main") or soup.find(attrs={"role": "main"})
    if root is not None and stats.text_len(root) >= 200:
        return "\n".join(block_lines(root, stats=stats))
    return "\n".join(line for node in main_nodes(soup, stats) for line in block_lines(node, stats=stats))
