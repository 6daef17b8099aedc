"""The badge pages: ``/badges`` (the catalogue, with how many members hold each) and
``/badges/<slug>`` (who holds one, and the post that earned it)."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from community.core.web import page_arg
from community.reputation import badge_queries, badges
from community.reputation.models import TIERS

bp = Blueprint("badges", __name__)

TIER_LABELS = {"gold": _l("Gold"), "silver": _l("Silver"), "bronze": _l("Bronze")}
TIER_HINTS = {
    "gold": _l("Rare: a long record of solutions."),
    "silver": _l("Earned by answers and questions the community found useful."),
    "bronze": _l("First steps in helping others."),
}


def _entry(badge: badges.Badge, counts: dict, mine: set) -> dict:
    return {
        "badge": badge,
        "description": badges.description(badge),
        "holders": counts.get(badge.slug, 0),
        "mine": badge.slug in mine,
    }


@bp.get("/badges")
def index():
    counts = badge_queries.holder_counts()
    mine = badge_queries.held_by(current_user)
    tiers = [(tier, [_entry(b, counts, mine) for b in badges.CATALOGUE if b.tier == tier]) for tier in reversed(TIERS)]
    return render_template(
        "reputation/badges.html",
        tiers=tiers,
        tier_labels=TIER_LABELS,
        tier_hints=TIER_HINTS,
        total=len(badges.CATALOGUE),
        earned=len(mine),
    )


@bp.get("/badges/<slug>")
def badge(slug: str):
    found = badges.get(slug)
    if found is None:
        abort(404)
    counts = badge_queries.holder_counts()
    page = badge_queries.holders(found, page_arg())
    return render_template(
        "reputation/badge.html",
        entry=_entry(found, counts, badge_queries.held_by(current_user)),
        page=page,
        tier_labels=TIER_LABELS,
    )


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.add_template_global(TIER_LABELS, "badge_tier_labels")
