"""``release-miner crawl``: collect press releases from city websites into the dataset."""

from __future__ import annotations

import argparse
import re
import sys

from ..crawl import (AdapterError, CrawlOptions, Crawler, FetchOptions, adapter_named, crawled_documents,
                     load_adapters, reextract, user_agent)
from ..store import SchemaTooNew, Store
from .common import CommandError, add_command, add_model_options, add_quiet, pipeline_from_args, print_input_error


def register(subparsers) -> None:
    p = add_command(subparsers, "crawl", "crawl city websites for press releases (polite, incremental, resumable)", [
        "release-miner crawl https://www.busan.go.kr/eng/ai-translated-press-releases --db releases.sqlite",
        "release-miner crawl --site busan-en --db releases.sqlite --since 2025-06-01 --run",
        "release-miner crawl https://example.gov/news/ --max-pages 200 --delay 2",
        "release-miner crawl --reextract --db releases.sqlite",
    ], description="Crawl start URLs (within their hosts) for press releases and store them in the dataset. "
                   "Run the same command again to resume an interrupted crawl or to collect new releases.")
    p.add_argument("urls", nargs="*", metavar="URL", help="start URLs (default: the --site adapter's start URLs)")
    p.add_argument("--db", default="releases.sqlite", help="the dataset file (created if missing)")
    p.add_argument("--site", metavar="NAME", help="use this site adapter from sites.toml for every page")
    p.add_argument("--sites", metavar="TOML", help="site adapters file (default: corpus/sites.toml)")
    p.add_argument("--max-pages", type=int, metavar="N", help="fetch at most N pages in this invocation")
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
    p.add_argument("--timeout", type=float, default=20.0, metavar="S", help="seconds per request (default 20)")
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
    p.add_argument("-v", "--verbose", action="store_true", help="print each page as it is stored")
    add_model_options(p)
    add_quiet(p)
    p.set_defaults(handler=handle)


def _check_date(value: str | None) -> None:
    if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise CommandError(f"--since {value!r}: expected YYYY-MM-DD")


def handle(args: argparse.Namespace) -> int:
    _check_date(args.since)
    try:
        adapters = load_adapters(args.sites)
        site = adapter_named(args.site, adapters) if args.site else None
    except AdapterError as exc:
        raise CommandError(str(exc)) from None
    seeds = list(args.urls) or (site.start_urls if site else [])
    if not seeds and not args.reextract:
        raise CommandError("give start URLs, or --site NAME with start_urls in sites.toml")
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
            options = CrawlOptions(max_pages=args.max_pages, since=args.since, site=site,
                                   allow_private=args.allow_private, full=args.full, refresh=args.refresh,
                                   extractor=args.extractor, fetch=fetch)

            def event(kind: str, message: str) -> None:
                if args.verbose or (kind == "error" and not args.quiet):
                    print(f"{kind}: {message}", file=sys.stderr)

            try:
                crawler = Crawler(store, seeds, options, adapters, on_event=event)
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            report = crawler.run()
            state = "finished" if report.finished else "paused (run the same command to continue)"
            print(f"crawl {state}{' (resumed)' if report.resumed else ''}: {report.fetched} fetched, "
                  f"{report.releases} new releases, {report.updated} updated, {report.not_modified} not modified, "
                  f"{report.listings} listings/feeds, {report.duplicates} duplicates, {report.attachments} "
                  f"attachments, {report.skipped} skipped, {report.failed} failed", file=sys.stderr)
            status = 1 if report.fetched and report.failed == report.fetched else 0   # nothing could be read
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
