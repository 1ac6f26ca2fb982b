"""Parsing HTML into a tree whose cost is bounded: what every page reader here starts from.

Pages come from the web and from local files, and some are hostile or broken: 100,000
nested ``<div>`` elements, or 40,000 links on one page. BeautifulSoup keeps whatever depth
the markup has, and every "walk up to the parents" or "text of this element" step over such
a tree becomes quadratic. So the tree is built with a depth cap: elements nested deeper
than `MAX_DEPTH` are not created, their content (text and deeper elements alike) joins the
element at the cap. No text is lost; only structure nobody reads is dropped. Real pages
nest a few dozen levels.

`block_text` renders an element's text one block per line in one pass (no tree edits),
and `TextStats` gives every element's text length, link-text length and comma count from
one bottom-up pass, so the extractors never re-read a subtree per element.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, CData, NavigableString, Tag

#: Deepest element kept; deeper elements are flattened into their ancestor at this depth.
MAX_DEPTH = 128

#: String types that are page text (as ``get_text`` reads it: not comments, scripts or styles).
_TEXT_TYPES = (NavigableString, CData)


class BoundedSoup(BeautifulSoup):
    """A BeautifulSoup tree at most `MAX_DEPTH` elements deep (see the module docstring)."""

    def reset(self) -> None:
        super().reset()
        self._flattened: list[str] = []
        self.flattened = 0

    def handle_starttag(self, name, namespace, nsprefix, attrs, sourceline=None, sourcepos=None,
                        namespaces=None):
        if len(self.tagStack) > MAX_DEPTH:
            self.endData()
            self._flattened.append(name)
            self.flattened += 1
            return None
        return super().handle_starttag(name, namespace, nsprefix, attrs, sourceline=sourceline,
                                       sourcepos=sourcepos, namespaces=namespaces)

    def handle_endtag(self, name, nsprefix=None) -> None:
        if self._flattened and self._flattened[-1] == name:
            self.endData()
            self._flattened.pop()
            return
        super().handle_endtag(name, nsprefix)


def parse_html(html: str | bytes) -> BoundedSoup:
    """The page as a depth-bounded tree (lxml's lenient HTML parser underneath)."""
    return BoundedSoup(html, "lxml")


def elements(root: Tag) -> list[Tag]:
    """``root`` and every element below it, in document order."""
    return [root, *root.find_all(True)]


def is_text(node: object) -> bool:
    return type(node) in _TEXT_TYPES


@dataclass
class _Counts:
    chars: int = 0      # characters of the words
    words: int = 0
    link: int = 0       # normalised text length of the links below (as find_all('a') sees them)
    commas: int = 0

    @property
    def length(self) -> int:
        """Length of the element's text with whitespace normalised (``" ".join(text.split())``)."""
        return self.chars + max(self.words - 1, 0)


class TextStats:
    """Text length, link-text length and commas of every element under a root, from one pass."""

    def __init__(self, root: Tag) -> None:
        self._counts: dict[int, _Counts] = {}
        order = elements(root)
        for tag in reversed(order):   # children before parents: each count is added to its parent once
            counts = self._counts.setdefault(id(tag), _Counts())
            for child in tag.children:
                if is_text(child):
                    words = child.split()
                    counts.chars += sum(map(len, words))
                    counts.words += len(words)
                    counts.commas += child.count(",")
                elif isinstance(child, Tag):
                    below = self._counts.get(id(child))
                    if below is not None:
                        counts.chars += below.chars
                        counts.words += below.words
                        counts.link += below.link + (below.length if child.name == "a" else 0)
                        counts.commas += below.commas

    def _of(self, tag: Tag) -> _Counts:
        return self._counts.get(id(tag)) or _Counts()

    def text_len(self, tag: Tag) -> int:
        return self._of(tag).length

    def link_len(self, tag: Tag) -> int:
        return self._of(tag).link

    def commas(self, tag: Tag) -> int:
        return self._of(tag).commas

    def link_density(self, tag: Tag) -> float:
        total = self.text_len(tag)
        return self.link_len(tag) / total if total else 0.0


#: Elements that start and end a line of text.
BLOCK_TAGS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article",
                        "dd", "dt", "blockquote", "pre", "table", "ul", "ol", "dl", "td", "th", "figcaption"})


def block_text(root: Tag, *, blocks: frozenset[str] = BLOCK_TAGS, skip: set[int] | None = None) -> list[str]:
    """The text of ``root`` one block per line, whitespace normalised, empty lines dropped.

    One iterative pass in document order; elements whose ``id()`` is in ``skip`` are left out.
    """
    parts: list[str] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if node is None:            # the end of a block element
            parts.append("\n")
            continue
        if isinstance(node, Tag):
            if skip and id(node) in skip:
                continue
            block = node.name in blocks
            if block:
                parts.append("\n")
                stack.append(None)
            stack.extend(reversed(node.contents))
        elif is_text(node):
            parts.append(str(node))
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return [line for line in lines if line]
