"""``release-miner crawl``: collect press releases from city websites into the dataset."""

from __future__ import annotations

import argparse
import re
import sys

from ..crawl import (AdapterError, CrawlOptions, Crawler, FetchOptions, adapter_named, crawled_documents,
                     load_adapters, reextract, user_agent)
from ..crawl.crawler import DEFAULT_MAX_PAGES, seed_urls
from ..crawl.scope import Scope, ScopeError
from ..crawl.state import waiting_hint
from ..store import SchemaTooNew, Store
from .common import CommandError, add_command, add_model_options, add_quiet, pipeline_from_args, print_input_error


def register(subparsers) -> None:
    p = add_command(subparsers, "crawl", "crawl city websites for press releases (polite, incremental, resumable)", [
        "release-miner crawl https://www.busan.go.kr/eng/ai-translated-press-releases --db releases.sqlite",
        "release-miner crawl --site busan-en --db releases.sqlite --since 2025-06-01 --run",
        "release-miner crawl https://example.gov/news/ --max-pages 200 --delay 2",
        "release-miner crawl https://example.gov/press/ --exclude '/press/archive/' --depth 3",
        "release-miner crawl https://example.gov/ --scope host --include '/(news|press)/'",
        "release-miner crawl --reextract --db releases.sqlite",
    ], description="Crawl start URLs for press releases and store the pages in the dataset. By default only the "
                   "start URL's path is crawled (releases and listings linked from it may lie elsewhere on the "
                   "site); at most --max-pages pages are fetched per invocation. Run the same command again to "
                   "resume an interrupted or limited crawl, or to collect new releases. Crawled releases join the "
                   "dataset with --run or `release-miner run --crawled`.")
    p.add_argument("urls", nargs="*", metavar="URL", help="start URLs (default: the --site adapter's start URLs)")
    p.add_argument("--db", default="releases.sqlite", help="the dataset file (created if missing)")
    p.add_argument("--site", metavar="NAME", help="use this site adapter from sites.toml for every page")
    p.add_argument("--sites", metavar="TOML", help="site adapters file (default: the adapters shipped with release-miner)")
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, metavar="N",
                   help=f"fetch at most N pages in this invocation (default {DEFAULT_MAX_PAGES:,}; 0: no limit); "
                        "run again to continue")
    p.add_argument("--scope", default="path", metavar="path|host|REGEX",
                   help="what is crawled: the start URL's path (default), its whole host, or URLs matching REGEX; "
                        "releases and listings linked from inside are fetched wherever they are on the site")
    p.add_argument("--include", action="append", default=[], metavar="REGEX",
                   help="fetch only URLs matching REGEX (repeatable; start URLs, sitemaps and feeds excepted)")
    p.add_argument("--exclude", action="append", default=[], metavar="REGEX",
                   help="never fetch URLs matching REGEX (repeatable)")
    p.add_argument("--depth", type=int, default=6, metavar="N",
                   help="follow links at most N steps from a start URL (default 6; the pages of a listing "
                        "count as one step)")
    p.add_argument("--delay", type=float, default=1.0, metavar="S",
                   help="seconds between requests to one host (default 1; a longer robots.txt Crawl-delay wins)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="only releases published on or after this date")
    p.add_argument("--full", action="store_true",
                   help="walk listings to the end even when their releases are already known")
    p.add_argument("--refresh", action="store_true",
                   help="re-check known releases too (conditional requests: unchanged pages cost a 304)")
    p.add_argument("--allow-private", action="store_true",
                   help="allow private, loopback and link-local addresses for every host (start URL hosts "
                        "are always allowed)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="S",
                   help="seconds a request may take in total, headers and body (default 20)")
    p.add_argument("--retries", type=int, default=3, metavar="N",
                   help="retries on connection errors, 5xx and 429 (default 3)")
    p.add_argument("--backoff", type=float, default=2.0, metavar="S",
                   help="first retry wait, doubled each retry (default 2; Retry-After wins when longer)")
    p.add_argument("--max-bytes", type=int, default=10 * 1024 * 1024, metavar="N",
                   help="largest page read, in bytes (default 10 MiB)")
    p.add_argument("--contact", metavar="URL", help="contact URL put in the User-Agent")
    p.add_argument("--extractor", choices=("auto", "trafilatura", "generic"), default="auto",
                   help="main-text extractor for pages without an adapter (default: trafilatura if installed)")
    p.add_argument("--reextract", action="store_true",
                   help="re-extract stored pages from their kept raw HTML (no network) instead of crawling")
    p.add_argument("--run", action="store_true",
                   help="then extract, classify and store the crawled releases (as `release-miner run --crawled`)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print each page as it is stored, and why each link or page was not fetched")
    add_model_options(p)
    add_quiet(p)
    p.set_defaults(handler=handle)


def print_waiting(db: str) -> None:
    """Say so when crawled releases are not in the dataset yet (``crawl`` without ``--run``): ``export``
    and ``report`` would otherwise leave them out without a word."""
    if hint := waiting_hint(db):
        print(hint, file=sys.stderr)


def _check_date(value: str | None) -> None:
    if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise CommandError(f"--since {value!r}: expected YYYY-MM-DD")


def handle(args: argparse.Namespace) -> int:
    _check_date(args.since)
    if args.max_pages < 0 or args.depth < 0:
        raise CommandError("--max-pages and --depth take a number of 0 or more")
    try:
        adapters = load_adapters(args.sites)
        site = adapter_named(args.site, adapters) if args.site else None
    except AdapterError as exc:
        raise CommandError(str(exc)) from None
    seeds = list(args.urls) or (site.start_urls if site else [])
    if not seeds and not args.reextract:
        raise CommandError("give start URLs, or --site NAME with start_urls in sites.toml")
    try:  # a mistyped URL or pattern is refused before the database is created
        if seeds:
            Scope.of(seed_urls(seeds), args.scope, args.include, args.exclude)
    except (ScopeError, ValueError) as exc:
        raise CommandError(str(exc)) from None
    try:
        store = Store(args.db)
    except SchemaTooNew as exc:
        raise CommandError(str(exc)) from None
    status = 0
    with store:
        if args.reextract:
            n = reextract(store, adapters, site=site, prefer=args.extractor)
            print(f"re-extracted {n} pages in {args.db}", file=sys.stderr)
        else:
            fetch = FetchOptions(delay=args.delay, timeout=args.timeout, retries=args.retries, backoff=args.backoff,
                                 max_bytes=args.max_bytes)
            if args.contact:
                fetch.user_agent = user_agent(args.contact)
            options = CrawlOptions(max_pages=args.max_pages or None, since=args.since, site=site,
                                   allow_private=args.allow_private, full=args.full, refresh=args.refresh,
                                   max_depth=args.depth, scope=args.scope, include=args.include,
                                   exclude=args.exclude, extractor=args.extractor, fetch=fetch)

            def event(kind: str, message: str) -> None:
                if args.verbose or (kind in ("error", "robots") and not args.quiet):
                    print(f"{kind}: {message}", file=sys.stderr)

            try:
                crawler = Crawler(store, seeds, options, adapters, on_event=event)
            except (ScopeError, ValueError) as exc:
                raise CommandError(str(exc)) from None
            report = crawler.run()
            for line in report.summary():
                print(line, file=sys.stderr)
            # nothing could be read, or a host's robots.txt cannot be read yet
            status = 1 if report.held or (report.fetched and report.failed == report.fetched) else 0
            if not args.run:
                print_waiting(args.db)
        if args.run:
            from ..jobs import run_into_store
            from ..progress import progress

            nlp = pipeline_from_args(args)
            batch = run_into_store([], store, nlp=nlp, on_error=print_input_error,
                                   documents=crawled_documents(store, since=args.since),
                                   wrap=lambda docs: progress(docs, desc="run", quiet=args.quiet))
            print(f"{batch.read} crawled releases read, {batch.added} added, {batch.skipped_known} already stored; "
                  f"{store.count()} releases in {args.db}", file=sys.stderr)
    return status
