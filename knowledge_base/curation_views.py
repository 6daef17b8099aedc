"""The staff curation queue: what to promote, what to review, what is missing."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_login import current_user, login_required

from community.permissions import can
from community.web import page_arg
from knowledge_base import curation

bp = Blueprint("kb_curation", __name__)


@bp.route("/kb/curation")
@login_required
def queue():
    """Three lists with a one-click action each; members get a plain 404, like any staff page."""
    if not can(current_user, "article.edit"):
        abort(404)
    return render_template(
        "kb/curation.html",
        review_max_age=curation.review_max_age_days(),
        comeback_days=curation.COMEBACK_DAYS,
        zero_days=curation.ZERO_RESULT_DAYS,
        **curation.queue(page_arg()),
    )
