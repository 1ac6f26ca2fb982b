"""Collecting press releases from city websites: polite, incremental, resumable.

    >>> from release_miner import Store
    >>> from release_miner.crawl import Crawler, CrawlOptions, crawled_documents
    >>> with Store("releases.sqlite") as store:
    ...     Crawler(store, ["https://www.busan.go.kr/eng/ai-translated-press-releases"]).run()
    ...     documents = crawled_documents(store)   # ready for jobs.run_into_store(documents=...)

Modules, one idea each: `urls` (canonical URLs, address safety), `scope` (what a crawl
may fetch), `robots`, `fetch` (the polite session), `discover` (sitemaps and feeds),
`dates`, `html` (depth-bounded parsing, one-pass text measures), `boilerplate` (generic
main text), `pages` (one page to title/date/text/kind/links), `adapters` (sites.toml),
`state` (the ``crawl_*`` tables), `crawler` (the loop).
"""

from __future__ import annotations

from .adapters import AdapterError, SiteAdapter, adapter_for, adapter_named, load_adapters
from .crawler import DEFAULT_MAX_PAGES, CrawlOptions, CrawlReport, Crawler, reextract
from .fetch import USER_AGENT, FetchError, FetchOptions, PoliteSession, user_agent
from .pages import PageInfo, analyse, main_text
from .scope import Scope, ScopeError
from .state import crawled_documents, waiting_releases
from .urls import AddressPolicy, UnsafeURL, canonical_url

__all__ = [
    "DEFAULT_MAX_PAGES", "USER_AGENT", "AdapterError", "AddressPolicy", "CrawlOptions", "CrawlReport", "Crawler",
    "FetchError", "FetchOptions", "PageInfo", "PoliteSession", "Scope", "ScopeError", "SiteAdapter", "UnsafeURL",
    "adapter_for", "adapter_named", "analyse", "canonical_url", "crawled_documents", "load_adapters", "main_text",
    "reextract", "user_agent", "waiting_releases",
]
