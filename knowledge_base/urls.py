"""The one way to an article's address."""

from __future__ import annotations

from flask import has_request_context, url_for


def article_url(article, **kwargs) -> str:
    """``article`` (anything with ``id`` and ``slug``) as an address: ``_external=True`` for an
    absolute one. Outside a request it is the site-relative path, which search documents keep."""
    if has_request_context():
        return url_for("kb.article", article_id=article.id, slug=article.slug, **kwargs)
    return f"/kb/{article.id}/{article.slug}"
