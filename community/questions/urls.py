"""The one way to a question's address."""

from __future__ import annotations

from flask import has_request_context, url_for


def question_url(question, **kwargs) -> str:
    """``question`` (anything with ``id`` and ``slug``) as an address: ``_external=True`` for an
    absolute one, ``_anchor`` for a place in the page. Outside a request (the search queue's poller,
    the command line) it is the site-relative path, which is what search documents keep."""
    if has_request_context():
        return url_for("questions.show", question_id=question.id, slug=question.slug, **kwargs)
    anchor = kwargs.get("_anchor")
    return f"/questions/{question.id}/{question.slug}" + (f"#{anchor}" if anchor else "")
