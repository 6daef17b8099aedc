"""The staff curation queue: what to promote, what to review, what is missing."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from community.core.permissions import require
from community.core.web import page_arg
from knowledge_base import curation

bp = Blueprint("kb_curation", __name__)


@bp.route("/kb/curation")
@login_required
def queue():
    """Three lists with a one-click action each; members get 403 with the reason, like other staff pages."""
    require(current_user, "article.edit")
    return render_template(
        "kb/curation.html",
        review_max_age=curation.review_max_age_days(),
        comeback_days=curation.COMEBACK_DAYS,
        zero_days=curation.ZERO_RESULT_DAYS,
        **curation.queue(page_arg()),
    )
