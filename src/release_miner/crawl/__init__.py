"""Collecting press releases from city websites: polite, incremental, resumable.

    >>> from release_miner import Store
    >>> from release_miner.crawl import Crawler, CrawlOptions, crawled_documents
    >>> with Store("releases.sqlite") as store:
    ...     Crawler(store, ["https://www.busan.go.kr/eng/ai-translated-press-releases"]).run()
    ...     documents = crawled_documents(store)   # ready for jobs.run_into_store(documents=...)

Modules, one idea each: `urls` (canonical URLs, address safety), `robots`, `fetch`
(the polite session), `discover` (sitemaps and feeds), `dates`, `boilerplate` (generic
main text), `pages` (one page to title/date/text/kind/links), `adapters` (sites.toml),
`state` (the ``crawl_*`` tables), `crawler` (the loop).
"""

from __future__ import annotations

from .adapters import AdapterError, SiteAdapter, adapter_for, adapter_named, load_adapters
from .crawler import CrawlOptions, CrawlReport, Crawler, reextract
from .fetch import USER_AGENT, FetchError, FetchOptions, PoliteSession, user_agent
from .pages import PageInfo, analyse, main_text
from .state import crawled_documents
from .urls import AddressPolicy, UnsafeURL, canonical_url

__all__ = [
    "USER_AGENT", "AdapterError", "AddressPolicy", "CrawlOptions", "CrawlReport", "Crawler", "FetchError",
    "FetchOptions", "PageInfo", "PoliteSession", "SiteAdapter", "UnsafeURL", "adapter_for", "adapter_named",
    "analyse", "canonical_url", "crawled_documents", "load_adapters", "main_text", "reextract", "user_agent",
]
