"""A small web written for the monitor's tests, served on 127.0.0.1: news pages, a feed, a
sitemap, a gz WET file, GDELT and UN Digital Library answers and treaty-database pages, with
the troublesome cases a crawler meets (robots.txt, slow and failing pages, redirects, a
redirect to a private address, a wrong content type). Every text is our own."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from tests.core.extract.makers import make_pdf, make_warc
from tests.monitor.pages import Page
from tests.monitor.server import Route, TestServer

FULL_TITLE = (
    "Ljubljana - The Hague Convention on International Cooperation in the Investigation and "
    "Prosecution of the Crime of Genocide, Crimes against Humanity, War Crimes and other "
    "International Crimes"
)
STORY = (
    "Brussels, 12 March 2026. A further State has joined the "
    + FULL_TITLE
    + ", the treaty on mutual legal assistance and extradition for the gravest crimes that "
    "was adopted in Ljubljana in May 2023 and opened for signature in The Hague. The foreign "
    "minister signed the instrument at a short ceremony at the Belgian foreign ministry, which "
    "keeps the treaty's records. Officials said the new signature brings the number of "
    "signatories closer to the level its supporters had hoped for, although ratifications "
    "remain few. Prosecutors and judges who handle cases of genocide, crimes against humanity "
    "and war crimes have long asked for a common legal basis to request evidence, hear "
    "witnesses by video link and transfer suspects between countries. Until now they have had "
    "to rely on a patchwork of bilateral agreements, which slows investigations and sometimes "
    "lets suspects escape justice. Civil society groups welcomed the step and called on other "
    "governments to start their domestic approval procedures this year, so that the treaty can "
    "enter into force and be used in practice by central authorities and prosecution services."
)
FRENCH = (
    "Paris, 3 avril 2026. Le gouvernement a déposé un projet de loi autorisant la ratification "
    "de la Convention de Ljubljana-La Haye sur la coopération internationale en matière "
    "d'enquête et de poursuite du crime de génocide, des crimes contre l'humanité, des crimes "
    "de guerre et autres crimes internationaux. Le texte sera examiné au Sénat en mai."
)
REPORT = (
    "Annual report 2026. Our section on international cooperation notes that the "
    "Ljubljana-The Hague Convention gives prosecutors new tools for joint investigation teams "
    "and for hearing witnesses abroad. We recommend that the ministry prepare its approval."
)
UNRELATED = (
    "Local news. The city council approved the budget for the new library on Tuesday. The "
    "works begin in June and should end before the autumn of next year."
)
OTHER_HAGUE = (
    "The Hague Convention of 1980 on the civil aspects of international child abduction "
    "applies between the two countries, the court said, and ordered the child's return."
)
GDELT_STORY = (
    "Kyiv, 20 November 2026. Parliament debated the Ljubljana-The Hague Convention today; the "
    "committee on legal policy recommended ratification before the end of the year."
)
UN_DOCUMENT = (
    "Report of the Secretary-General. Member States are invited to consider becoming parties "
    "to the Ljubljana-The Hague Convention on international cooperation."
)


def html(title: str, body: str, lang: str = "en", date: str = "2026-03-12") -> str:
    return textwrap.dedent(
        f"""\
        <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
        <meta property="article:published_time" content="{date}T09:00:00Z"></head>
        <body><header><nav>Home | World | Politics</nav></header>
        <article><h1>{title}</h1><p class="byline">{date}</p><p>{body}</p></article>
        <footer><p>Contact the newsroom. All rights reserved.</p></footer></body></html>
        """
    )


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>{day}</pubDate></item>"
        for path, title, day in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Test news</title><link>{base}/</link><language>en</language>{entries}"
        "</channel></rss>"
    ).encode()


FEED_ITEMS = [
    ("/news/signing.html", "Another State joins the Convention", "Thu, 12 Mar 2026 09:00:00 GMT"),
    ("/news/syndicated.html", "Treaty gains a signatory", "Thu, 12 Mar 2026 11:00:00 GMT"),
    ("/news/library.html", "Library budget approved", "Tue, 10 Mar 2026 08:00:00 GMT"),
    ("/private/draft.html", "Draft", "Tue, 10 Mar 2026 08:00:00 GMT"),
    ("/news/slow.html", "Slow page", "Mon, 09 Mar 2026 08:00:00 GMT"),
    ("/news/flaky.html", "Flaky page", "Mon, 09 Mar 2026 07:00:00 GMT"),
    ("/news/moved.html", "Projet de loi", "Fri, 03 Apr 2026 10:00:00 GMT"),
    ("/news/leak.html", "Leaky redirect", "Sun, 08 Mar 2026 08:00:00 GMT"),
    ("/news/logo.png", "A logo", "Sun, 08 Mar 2026 07:00:00 GMT"),
    ("/news/child.html", "Court orders return", "Sat, 07 Mar 2026 08:00:00 GMT"),
]


def wet_file() -> bytes:
    records = [
        ("https://mirror.example.org/2026/03/treaty", STORY, "eng"),
        ("https://blog.example.net/budget", UNRELATED, "eng"),
        ("https://annual.example.org/report-2026", REPORT, "eng"),
    ]
    return make_warc(
        [
            {
                "kind": "conversion",
                "url": url,
                "payload": text.encode("utf-8"),
                "content_type": "text/plain",
                "headers": {"WARC-Identified-Content-Language": language},
            }
            for url, text, language in records
        ]
    )


def gdelt_answer(base: str) -> bytes:
    articles = [
        {
            "url": f"{base}/news/gdelt-story.html",
            "url_mobile": "",
            "title": "Parliament debates the Convention",
            "seendate": "20261120T101500Z",
            "socialimage": "",
            "domain": "127.0.0.1",
            "language": "English",
            "sourcecountry": "Ukraine",
        },
        {
            "url": f"{base}/news/signing.html",
            "url_mobile": "",
            "title": "Another State joins the Convention",
            "seendate": "20261120T081500Z",
            "socialimage": "",
            "domain": "127.0.0.1",
            "language": "English",
            "sourcecountry": "Belgium",
        },
    ]
    return json.dumps({"articles": articles}).encode()


def _field(tag: str, *subfields: tuple[str, str]) -> str:
    inner = "".join(f'<subfield code="{code}">{value}</subfield>' for code, value in subfields)
    return f'<datafield tag="{tag}" ind1=" " ind2=" ">{inner}</datafield>'


def marcxml(base: str) -> bytes:
    """A UN Digital Library search answer (of=xm): one report with files in two languages,
    one record without any file."""
    files = f"{base}/undl/files/A_81_999"
    first = "".join(
        [
            '<controlfield tag="001">4090001</controlfield>',
            _field("191", ("a", "A/81/999")),
            _field(
                "245",
                ("a", "International cooperation against impunity :"),
                ("b", "report of the Secretary-General"),
            ),
            _field("269", ("a", "2026-10-01")),
            _field("856", ("u", f"{files}-FR.pdf"), ("y", "Français")),
            _field("856", ("u", f"{files}-EN.pdf"), ("y", "English")),
        ]
    )
    second = "".join(
        [
            '<controlfield tag="001">4090002</controlfield>',
            _field("245", ("a", "Programme of work")),
            _field("269", ("a", "2026-09-15")),
        ]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- Search-Engine-Total-Number-Of-Results: 2 -->\n"
        '<collection xmlns="http://www.loc.gov/MARC21/slim">'
        f"<record>{first}</record><record>{second}</record></collection>"
    ).encode()


def serve_site(server: TestServer) -> None:
    base = f"http://127.0.0.1:{server.port}"
    routes = server.routes
    routes["/robots.txt"] = Route(
        body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    routes["/feed.xml"] = Route(
        body=rss(base, FEED_ITEMS), content_type="application/rss+xml", etag='"feed-1"'
    )
    routes["/news/signing.html"] = Route.html(html("Another State joins the Convention", STORY))
    routes["/news/syndicated.html"] = Route.html(
        html("Treaty gains a signatory", "From our partners. " + STORY + " Share this story.")
    )
    routes["/news/library.html"] = Route.html(html("Library budget approved", UNRELATED))
    routes["/private/draft.html"] = Route.html(html("Draft", STORY))
    routes["/news/slow.html"] = Route.html(html("Slow", STORY), delay=1.0)
    routes["/news/flaky.html"] = Route.html(html("Flaky", UNRELATED), fail_first=1)
    routes["/news/moved.html"] = Route(redirect="/news/projet-de-loi.html")
    routes["/news/projet-de-loi.html"] = Route.html(
        html("Projet de loi", FRENCH, lang="fr", date="2026-04-03")
    )
    routes["/news/leak.html"] = Route(redirect="http://10.20.30.40/admin")
    routes["/news/logo.png"] = Route(body=b"\x89PNG\r\n", content_type="image/png")
    routes["/news/child.html"] = Route.html(html("Court orders return", OTHER_HAGUE))
    routes["/news/gdelt-story.html"] = Route.html(
        html("Parliament debates", GDELT_STORY, date="2026-11-20")
    )
    routes["/sitemap.xml"] = Route(
        body=(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/reports/annual.html</loc><lastmod>2026-06-30</lastmod></url>"
            f"<url><loc>{base}/news/signing.html</loc><lastmod>2026-03-12</lastmod></url>"
            "</urlset>"
        ).encode(),
        content_type="application/xml",
    )
    routes["/reports/annual.html"] = Route.html(html("Annual report", REPORT, date="2026-06-30"))
    routes["/cc/sample.warc.wet.gz"] = Route(body=wet_file(), content_type="application/gzip")
    routes["/gdelt"] = Route(body=gdelt_answer(base), content_type="application/json")
    routes["/undl/search"] = Route(body=marcxml(base), content_type="application/xml")
    routes["/undl/files/A_81_999-EN.pdf"] = Route(
        body=make_pdf([UN_DOCUMENT[:90], UN_DOCUMENT[90:]]), content_type="application/pdf"
    )
    routes["/record/4090002"] = Route.html(html("Programme of work", UNRELATED))
    routes["/treaty/013717_p.html"] = Route.html(Page().html())
    routes["/treaty/013717_b.html"] = Route.html(Page(with_parties=False).html())
    routes["/depositary.html"] = Route.html(html("Status", "Status of the Convention: 40."))


def write_config(path: Path, base: str, *, timeout: float = 0.4, extra: str = "") -> Path:
    path.write_text(
        textwrap.dedent(
            f"""\
            [monitor]
            contact = "mailto:tests@example.org"
            timeout_seconds = {timeout}
            retries = 1
            backoff_seconds = 0.01
            max_backoff_seconds = 0.02
            rate_limit_seconds = 0.0
            allow_loopback = true
            allow_private = false

            [[source]]
            name = "news-feed"
            kind = "feed"
            url = "{base}/feed.xml"
            country = "BEL"

            [[source]]
            name = "ministry-sitemap"
            kind = "sitemap"
            url = "{base}/sitemap.xml"

            [[source]]
            name = "crawl"
            kind = "commoncrawl"
            paths = ["{base}/cc/sample.warc.wet.gz"]

            [[source]]
            name = "nl-treaty-database"
            kind = "treaty-database"
            urls = ["{base}/treaty/013717_p.html", "{base}/treaty/013717_b.html"]

            [[source]]
            name = "gdelt"
            kind = "gdelt"
            endpoint = "{base}/gdelt"
            languages = ["en"]
            english_everywhere = false
            lookback_days = 1

            [[source]]
            name = "un-library"
            kind = "undl"
            endpoint = "{base}/undl/search"
            query = '"Ljubljana" "Hague Convention"'
            reference_kind = "adopted-document"
            forum = "United Nations"

            [[source]]
            name = "depositary"
            kind = "watch-page"
            url = "{base}/depositary.html"
            """
        )
        + extra,
        encoding="utf-8",
    )
    return path
