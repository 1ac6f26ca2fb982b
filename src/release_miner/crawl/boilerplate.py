"""The generic main-text extractor used when no site adapter applies and trafilatura is absent.

Dropping structural tags alone (nav, header, footer) is not enough on city sites:
elements named like page furniture (cookie banners, breadcrumbs, share bars, related-news
boxes, Korean ``gnb``/``lnb`` menus) are removed, the container holding the most non-link
prose is chosen as the article, and link-dense blocks inside it (tag clouds, "more news"
lists) are dropped.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

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

_BLOCK_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article", "dd",
               "dt", "blockquote", "pre", "table", "ul", "ol", "dl", "td", "th", "figcaption")
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


def strip_furniture(soup: BeautifulSoup | Tag) -> None:
    """Remove furniture tags, hidden elements and elements named like furniture, in place."""
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        if tag.name in ("html", "body", "main", "article"):
            continue
        if _hidden(tag) or BOILERPLATE_WORDS.search(attr_words(tag)):
            tag.decompose()


def _text_len(tag: Tag) -> int:
    return len(" ".join(tag.get_text(" ").split()))


def _link_len(tag: Tag) -> int:
    return sum(len(" ".join(a.get_text(" ").split())) for a in tag.find_all("a"))


def link_density(tag: Tag) -> float:
    total = _text_len(tag)
    return _link_len(tag) / total if total else 0.0


def _scores(soup: BeautifulSoup | Tag) -> tuple[dict[int, float], dict[int, Tag]]:
    """Readability-style content scores: each paragraph-like block credits its parent fully and its
    grandparent by half with its non-link text (per 100 characters) and its commas."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for block in soup.find_all(("p", "li", "dd", "td", "pre", "blockquote", "div")):
        if block.name == "div" and block.find(("p", "div", "li", "table")):
            continue
        text = _text_len(block)
        if text < 25:
            continue
        score = (text - _link_len(block)) / 100 + block.get_text().count(",") * 0.1
        parent = block.parent
        for weight in (1.0, 0.5):
            if parent is None or not isinstance(parent, Tag):
                break
            key = id(parent)
            nodes[key] = parent
            scores[key] = scores.get(key, 0.0) + score * weight
            parent = parent.parent
    return scores, nodes


def _subtree_score(tag: Tag, scores: dict[int, float]) -> float:
    return scores.get(id(tag), 0.0) + sum(scores.get(id(t), 0.0) for t in tag.find_all(True))


def main_nodes(soup: BeautifulSoup | Tag) -> list[Tag]:
    """The elements holding the article, in page order.

    The best-scored container wins; while it is its parent's only substantial child (a ``dd``
    in its ``dl``) the parent is taken instead; then siblings join that score at least a fifth
    of it, or hold 40 characters of paragraphs with few links (a summary box printed before
    the body), as Readability does.
    """
    scores, nodes = _scores(soup)
    if not scores:
        return [soup.body or soup]  # type: ignore[list-item]
    best = nodes[max(scores, key=lambda k: scores[k])]
    while best.parent is not None and best.parent.name not in ("body", "html", "[document]"):
        others = [c for c in best.parent.find_all(True, recursive=False) if c is not best and _text_len(c) >= 25]
        if others:
            break
        best = best.parent
    parent = best.parent
    if parent is None or best.name in ("body", "html"):
        return [best]
    threshold = 0.2 * max(_subtree_score(best, scores), 1e-9)
    chosen = []
    for child in parent.find_all(True, recursive=False):
        if child is best:
            chosen.append(child)
        elif _text_len(child) >= 25 and link_density(child) < 0.25 and (
                _subtree_score(child, scores) >= threshold
                or (_text_len(child) >= 40 and child.find(("p", "li")) is not None)):
            chosen.append(child)
    return chosen


def best_container(soup: BeautifulSoup | Tag) -> Tag:
    """The element whose paragraphs hold the most prose that is not link text."""
    scores, nodes = _scores(soup)
    if not scores:
        return soup.body or soup  # type: ignore[return-value]
    return nodes[max(scores, key=lambda k: scores[k])]


def block_lines(root: Tag, *, max_link_density: float = 0.5) -> list[str]:
    """The text of ``root`` one block per line, dropping blocks that are mostly links."""
    for tag in list(root.find_all(("ul", "ol", "table", "div", "p", "dl"))):
        if tag.decomposed:
            continue
        text = _text_len(tag)
        if text and link_density(tag) > max_link_density:
            tag.decompose()
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in root.get_text().splitlines())
    return [line for line in lines if line]


def generic_main_text(html: str | BeautifulSoup) -> str:
    """Main text of an HTML page, one block per line, without page furniture."""
    soup = BeautifulSoup(html, "lxml") if isinstance(html, str) else html
    strip_furniture(soup)
    root = soup.find("article") or soup.find("main") or soup.find(attrs={"role": "main"})
    if root is not None and _text_len(root) >= 200:
        return "\n".join(block_lines(root))
    return "\n".join(line for node in main_nodes(soup) for line in block_lines(node))
