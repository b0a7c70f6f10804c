"""WARC reading against the HTML-files path, in the same run: pages/s and peak memory.

    .venv/bin/python bench/warc.py [--pages 10000] [--workers N] [--rounds 1] [--train DIR]

1. Builds N news pages from PolNeAR train (bench/reindex.py's recombined articles, each as an
   HTML page with a headline, a date in its <head> and paragraphs) and writes them twice: as N
   `.html` files in a folder, and as one WARC.gz of N response records (warcio, as a crawler
   writes them, with a request record beside each).
2. `dateline reindex` of the folder, then of the WARC, end to end, each as its own process with
   its own archive store (both keep every page they read).
3. Prints pages/s of each, their ratio (goal: the WARC at the HTML path's speed, ratio ~1),
   and each run's peak RSS: the command's own and its largest worker's (constant memory: the
   WARC is streamed, the command's memory must not grow with its size, so a run of N/4 pages
   is measured too).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import sys
import tempfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reindex as corpus_source
from reindex import build_corpus, dateline_reindex

from search.config import EsSettings


def _page(record: dict[str, str]) -> str:
    headline, *paragraphs = record["text"].split("\n\n")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(headline)}</title>"
        f'<meta property="article:published_time" content="{record["published"]}">'
        f"</head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav>"
        f"<article><h1>{html.escape(headline)}</h1>{body}</article>"
        f"<footer>© Bench News</footer></body></html>"
    )


def build_pages(corpus: Path, folder: Path, warc: Path, count: int) -> None:
    """The same `count` pages as files in `folder` and as response records in `warc`."""
    folder.mkdir()
    with corpus.open(encoding="utf-8") as lines, warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, line in enumerate(lines):
            if n == count:
                break
            record = json.loads(line)
            page = _page(record).encode()
            (folder / f"{record['id']}.html").write_bytes(page)
            url = f"https://news.example/{record['published'].replace('-', '/')}/{record['id']}"
            request = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), length=0,
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")],
                                              is_http_request=True),
            )  # fmt: skip
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(page), length=len(page), http_headers=headers
            )
            writer.write_record(request)
            writer.write_record(response)


def reindex(source: Path, alias: str, store: Path, workers: int | None) -> tuple[float, int, int]:
    """Pages/s of `dateline reindex SOURCE` with its own archive store, its peak RSS and its
    largest worker's, in MB (bench/reindex.py's measure)."""
    os.environ["DATELINE_ARCHIVE_DIR"] = str(store)
    rate, main_rss, worker_rss = dateline_reindex(source, alias, workers)
    return rate, round(main_rss), round(worker_rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=1, help="HTML then WARC, this many times")
    parser.add_argument(
        "--train", type=Path, default=corpus_source.TRAIN, help="PolNeAR train texts [%(default)s]"
    )
    args = parser.parse_args()
    if not args.train.is_dir():
        raise SystemExit(f"{args.train} is absent: the shared corpora are not beside this repo")
    corpus_source.TRAIN = args.train
    es = EsSettings.from_env().client()
    alias = f"dateline-bench-warc-{os.getpid()}"
    with tempfile.TemporaryDirectory(dir=os.environ.get("DATELINE_BENCH_TMP")) as tmp:
        root = Path(tmp)
        build_corpus(root / "corpus.jsonl", args.pages)
        build_pages(root / "corpus.jsonl", root / "html", root / "pages.warc.gz", args.pages)
        quarter = args.pages // 4
        build_pages(root / "corpus.jsonl", root / "html-q", root / "quarter.warc.gz", quarter)
        size = (root / "pages.warc.gz").stat().st_size / 2**20
        print(f"{args.pages} pages: {size:.0f} MB of WARC.gz, and as many .html files")
        try:
            for number in range(1, args.rounds + 1):
                print(f"round {number}")
                runs = {}
                for name, source in (("html", root / "html"), ("warc", root / "pages.warc.gz")):
                    store = root / f"store-{name}-{number}"
                    # Each its own alias: both start with no people registry, so each pays
                    # the first labelling of its people (search.index.identity).
                    runs[name] = reindex(source, f"{alias}-{name}", store, args.workers)
                    rate, main_rss, worker_rss = runs[name]
                    print(f"  {name:5} {rate:6.1f} pages/s, peak RSS {main_rss} MB "
                          f"(largest worker {worker_rss} MB)")  # fmt: skip
                print(f"  ratio WARC/HTML: {runs['warc'][0] / runs['html'][0]:.2f}")
            rate, main_rss, worker_rss = reindex(  # its own alias too
                root / "quarter.warc.gz", f"{alias}-quarter", root / "store-quarter", args.workers
            )
            print(
                f"WARC of {quarter} pages: {rate:.1f} pages/s, peak RSS {main_rss} MB "
                f"(largest worker {worker_rss} MB): memory does not grow with the WARC"
            )
        finally:
            for index in es.indices.get(index=f"{alias}*"):
                es.indices.delete(index=index)


if __name__ == "__main__":
    main()
