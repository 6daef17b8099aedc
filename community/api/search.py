"""Search and ask-time suggestions for integrations (chatbots, CRM) and our own pages."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from community.api import bp
from community.api.auth import actor
from community.api.responses import choice_arg, pagination, text_arg
from community.core.errors import ValidationError
from community.core.extensions import db
from community.discovery import operations as discovery
from community.discovery import searching
from community.discovery.visits import returning_visit_id, visit_id
from search import Filters

SUGGEST_LIMIT = 8


def _query() -> str:
    q = (text_arg("q") or "").strip()
    if len(q) > 200:
        raise ValidationError(_("Please correct the highlighted fields."), {"q": _("Use at most 200 characters.")})
    return q


def _hit(hit, with_snippet: bool = True) -> dict:
    data = {"type": hit.type, "id": hit.id, "title": hit.title, "url": hit.url, "solved": hit.solved}
    if with_snippet:
        data.update(snippet=hit.snippet, score=round(hit.score, 4), category=hit.category)
    return data


@bp.get("/search")
def search_api():
    page, per_page = pagination()
    q = _query()
    type_ = choice_arg("type", ("question", "article"))
    solved = choice_arg("solved", ("true", "false", "1", "0"))
    filters = Filters(
        types=(type_,) if type_ else ("question", "article"),
        category=text_arg("category") or None,
        tag=(text_arg("tag") or "").strip().lower() or None,
        solved=None if solved is None else solved in ("true", "1"),
    )
    if not q:
        return {"items": [], "page": page, "per_page": per_page, "total": 0, "facets": {}, "suggestion": None}
    results = searching.run(actor(), q, filters, page, per_page)
    if page == 1 and filters == Filters():
        discovery.log_search(actor(), q, results.total, source="api", visit_id=returning_visit_id())
        db.session.commit()
    return {
        "items": [_hit(h) for h in results.hits],
        "page": results.page,
        "per_page": results.per_page,
        "total": results.total,
        "facets": results.facets,
        "suggestion": results.suggestion,
    }


@bp.get("/search/suggest")
def suggest_api():
    """Up to 8 matches for a title being typed: articles and solved questions first."""
    q = _query()
    hits = searching.suggest(q, SUGGEST_LIMIT) if len(q) >= 3 else []
    if hits and request.args.get("context") == "ask":
        discovery.record_event(visit_id(), "suggestions_shown", actor())
        db.session.commit()
    return {"items": [_hit(h, with_snippet=False) for h in hits]}
