"""Web archive inputs the tests make: an HTML page, a WARC of such pages (written with warcio),
an RSS 2.0 and an Atom feed (fictional)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="2016-03-11"></head><body>
<nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>LISBON (Reuters) - Dock workers in Lisbon extended their strike on Monday, the union said,
as talks with the port authority broke down for a second week.</p>
<p>"We will stay out until the contracts are signed," said union leader Ana Ferreira.</p>
</article></body></html>"""


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], gzip: bool = True) -> Path:
    """A WARC of response records (url, status, content type, payload), each after its
    request, as a crawler writes them."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, status, content_type, payload in records:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                )
            )
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    http_headers=headers,
                )
            )
    return path


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>News</title><link>https://news.example/</link>
<item><title>Port strike spreads</title><link>https://news.example/port-strike</link>
<pubDate>Tue, 11 Mar 2030 23:30:00 -0300</pubDate><author>desk@news.example (Rui Costa)</author>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>VALPARAISO, March 11 - Dock workers joined the strike.</p>
<p>"We stand with Lisbon," said union leader Marta Rojas.</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://news.example/summary</link>
<description>&lt;p&gt;The mayor opened the new library on Monday, officials said.&lt;/p&gt;
</description></item>
<item><title>Only a headline</title><link>https://news.example/headline</link></item>
</channel></rss>"""


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2031-01-20T10:00:00Z</updated>
<entry><title>Library opens</title><id>urn:uuid:1</id>
<link href="https://wire.example/krakow-library"/><published>2031-01-20T09:00:00+01:00</published>
<updated>2031-01-20T09:00:00+01:00</updated><author><name>Jan Nowak</name></author>
<content type="html">&lt;p&gt;KRAKOW, Jan 20 - The central library opened.&lt;/p&gt;</content>
</entry></feed>"""
