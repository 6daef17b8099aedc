"""``/sitemap.xml`` and ``/robots.txt``: what search engines may crawl, and where to find it.

The sitemap (sitemaps.org 0.9) lists what packages register with ``register(source, app, order)``:
a source is a function returning ``(absolute url, last modified or None)`` pairs, called inside the
request; each address comes with its French, English and default addresses (``?lang=``, the same
alternates the pages announce). At most ``MAX_URLS`` addresses, the sitemap protocol's limit: the
community lists its questions last, most recently active first, so the cap drops the quietest threads.

robots.txt keeps crawlers out of what is private or worthless to index: the API, admin pages,
search results (endless combinations of thin pages), the redirecting helpers (``/search/open``,
``/suggestions``, ``/language``), and what packages add with ``disallow(paths, app)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from itertools import islice
from xml.sax.saxutils import quoteattr

from flask import Blueprint, Flask, Response, current_app, stream_with_context, url_for

MAX_URLS = 50_000
LANGUAGES = ("fr", "en")
DISALLOWED = (
    "/api/",
    "/admin",
    "/search",
    "/suggestions",
    "/language/",
)

Entry = tuple[str, datetime | None]
Source = Callable[[], Iterable[Entry]]

bp = Blueprint("sitemap", __name__)


def register(source: Source, app: Flask | None = None, order: int = 0) -> None:
    """Add ``source`` to the sitemap of ``app`` (the current one by default); once per app is enough.
    Sources are listed by ``order``, then as registered; the largest, quietest ones go last."""
    sources = (app or current_app).extensions.setdefault("sitemap_sources", [])
    if all(known is not source for _order, known in sources):
        sources.append((order, source))
        sources.sort(key=lambda item: item[0])


def _lastmod(moment: datetime | None) -> str:
    return f"<lastmod>{moment.replace(microsecond=0).isoformat()}+00:00</lastmod>" if moment else ""


def _entry(url: str, lastmod: datetime | None) -> str:
    sep = "&" if "?" in url else "?"
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(f"{url}{sep}lang={lang}")}/>'
        for lang in LANGUAGES
    )
    default = f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(url)}/>'
    loc = quoteattr(url)[1:-1]
    return f"<url><loc>{loc}</loc>{_lastmod(lastmod)}{links}{default}</url>\n"


def entries() -> Iterable[Entry]:
    """Every address of the sitemap, in order, at most ``MAX_URLS``."""

    def everything():
        for _order, source in current_app.extensions.get("sitemap_sources", []):
            yield from source()

    return islice(everything(), MAX_URLS)


@bp.route("/sitemap.xml")
def sitemap():
    def body():
        yield (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        )
        for url, lastmod in entries():
            yield _entry(url, lastmod)
        yield "</urlset>\n"

    response = Response(stream_with_context(body()), mimetype="application/xml")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def disallow(paths: Iterable[str], app: Flask) -> None:
    """Keep crawlers off a package's private or worthless pages (robots.txt)."""
    known = app.extensions.setdefault("robots_disallowed", list(DISALLOWED))
    known.extend(path for path in paths if path not in known)


@bp.route("/robots.txt")
def robots():
    disallowed = current_app.extensions.get("robots_disallowed", DISALLOWED)
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), ""]
    lines.append(f"Sitemap: {url_for('sitemap.sitemap', _external=True)}")
    response = Response("\n".join(lines) + "\n", mimetype="text/plain")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
