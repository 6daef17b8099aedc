"""Atom feeds of the newest questions of a category or a tag (RFC 4287): visible questions only,
absolute addresses, one stable id per question."""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, abort, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from community.core.database import utcnow
from community.core.markup import plain_text
from community.members.models import shown
from community.questions import queries
from community.questions.urls import question_url
from community.taxonomy import queries as taxonomy

bp = Blueprint("feeds", __name__)

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SIZE = 30
SUMMARY_LENGTH = 400

ET.register_namespace("", ATOM)


@bp.route("/questions/feed/category/<slug>.atom")
def category(slug: str):
    found = taxonomy.category_by_slug(slug) or abort(404)
    return _feed(
        _("New questions in %(category)s · Néolia Entraide", category=found.name),
        url_for("questions.index", category=found.slug, _external=True),
        url_for("feeds.category", slug=found.slug, _external=True),
        queries.question_list(None, category=found.slug, sort="newest", per_page=SIZE).items,
    )


@bp.route("/questions/feed/tag/<name>.atom")
def tag(name: str):
    found = taxonomy.tag_by_name(name) or abort(404)
    return _feed(
        _("New questions tagged %(tag)s · Néolia Entraide", tag=found.name),
        url_for("questions.index", tag=found.name, _external=True),
        url_for("feeds.tag", name=found.name, _external=True),
        queries.question_list(None, tag=found.name, sort="newest", per_page=SIZE).items,
    )


def _time(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat() + "Z"


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


def _feed(title: str, page_url: str, self_url: str, questions: list) -> Response:
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: str(get_locale())})
    _add(feed, "id", self_url)
    _add(feed, "title", title)
    updated = max((q.created_at for q in questions), default=None) or utcnow()
    _add(feed, "updated", _time(updated))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    _add(feed, "generator", "Néolia Entraide")
    for question in questions:
        entry = _add(feed, "entry", **{XML_LANG: question.language})
        # The id survives title changes (the page's address has the title's slug in it).
        _add(entry, "id", url_for("questions.show_by_id", question_id=question.id, _external=True))
        _add(entry, "title", question.title)
        _add(entry, "published", _time(question.created_at))
        _add(entry, "updated", _time(question.created_at))
        _add(entry, "link", rel="alternate", type="text/html", href=question_url(question, _external=True))
        author = _add(entry, "author")
        _add(author, "name", question.author.display_name if shown(question.author) else _("Former member"))
        _add(entry, "category", term=question.category.slug, label=question.category.name)
        _add(entry, "summary", plain_text(question.body, SUMMARY_LENGTH))
    body = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    response = Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, mimetype="application/atom+xml")
    response.headers["Content-Type"] = "application/atom+xml; charset=utf-8"
    return response
