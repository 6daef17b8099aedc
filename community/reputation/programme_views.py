"""The ambassador programme's pages: the public leaderboard (``/leaderboard``), the staff's
nomination list with "Make ambassador" and "Revoke" (``/ambassadors/nominations``), an
ambassador's "Questions for you" (``/for-you``) and inviting a member to answer a question."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_percent, format_timedelta
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length

from community.core import permissions
from community.core.database import get_visible
from community.core.extensions import db
from community.core.forms import attempt
from community.core.navigation import StaffLink, register_staff_link
from community.core.permissions import require
from community.members.models import User
from community.questions.models import Question
from community.questions.urls import question_url
from community.reputation import for_you, invitations, leaderboards, nominations
from community.taxonomy import queries as taxonomy

bp = Blueprint("programme", __name__)

PERIOD_LABELS = {"week": _l("This week"), "month": _l("This month"), "all": _l("All time")}


def _is_ambassador_or_staff(user, obj) -> bool:
    return user.is_ambassador or user.is_staff


ACTIONS = {"questions.for_you": [_is_ambassador_or_staff]}
REASONS = {_is_ambassador_or_staff: _l("This page is for ambassadors.")}


class InviteForm(FlaskForm):
    handle = StringField(
        _l("Member's @handle"),
        validators=[Length(max=31)],
        description=_l("They are told and find the question first in their “Questions for you”."),
    )


class ActionForm(FlaskForm):
    """A button that changes something: the CSRF token only."""


def response_time(seconds: float) -> str:
    """A median response time in words: "12 minutes", "3 hours", "2 days"."""
    return format_timedelta(timedelta(seconds=seconds), threshold=1)


@bp.route("/leaderboard")
def leaderboard():
    period = request.args.get("period", "month")
    if period not in leaderboards.PERIODS:
        period = "month"
    slug = request.args.get("category") or None
    category = taxonomy.category_by_slug(slug) if slug else None
    if slug and category is None:
        abort(404)
    board = leaderboards.leaderboard(period, category.id if category else None)
    return render_template(
        "reputation/leaderboard.html",
        board=board,
        period=period,
        periods=PERIOD_LABELS,
        category=category,
        categories=taxonomy.categories(),
    )


@bp.route("/ambassadors/nominations")
@login_required
def nominations_page():
    require(current_user, "ambassador.nominations")
    return render_template(
        "reputation/nominations.html",
        nominees=nominations.nomination_list(),
        weights=current_app.config["NOMINATION_WEIGHTS"],
        form=ActionForm(formdata=None),
    )


def _change_role(user_id: int, operation, done: str):
    """Run ``operation(current_user, member)`` from a nomination list button, back to the list."""
    user = db.session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        abort(404)
    form = ActionForm()
    if not form.validate():
        flash(_("The form expired. Please send it again."), "error")
    elif attempt(form, lambda: operation(current_user, user)) is not None:
        flash(done % {"name": user.display_name}, "success")
    else:
        flash(" ".join(str(message) for message in form.form_errors), "error")
    return redirect(url_for("programme.nominations_page"))


@bp.route("/ambassadors/<int:user_id>/grant", methods=["POST"])
@login_required
def grant(user_id: int):
    return _change_role(user_id, nominations.grant, _("%(name)s is now an ambassador."))


@bp.route("/ambassadors/<int:user_id>/revoke", methods=["POST"])
@login_required
def revoke(user_id: int):
    return _change_role(user_id, nominations.revoke, _("%(name)s is no longer an ambassador."))


@bp.route("/for-you")
@login_required
def for_you_page():
    require(current_user, "questions.for_you")
    return render_template("reputation/for_you.html", found=for_you.questions_for(current_user))


@bp.route("/questions/<int:question_id>/invite", methods=["GET", "POST"])
@login_required
def invite(question_id: int):
    question = get_visible(Question, question_id, current_user, "question.view_hidden")
    if question is None:
        abort(404)
    require(current_user, "question.invite", question)
    form = InviteForm()
    if request.method == "POST":
        handle = form.handle.data
        if form.validate() and attempt(form, lambda: invitations.invite(current_user, question, handle)) is not None:
            flash(_("@%(handle)s is invited to answer.", handle=handle.strip().removeprefix("@").lower()), "success")
            return redirect(question_url(question))
        status = 422
    else:
        status = 200
    suggestions = leaderboards.leaderboard("all", question.category_id, limit=5)
    return render_template(
        "reputation/invite.html",
        question=question,
        form=form,
        suggestions=[s for s in suggestions if s.user.id not in (current_user.id, question.author_id)],
        invited=invitations.invitees(question),
    ), status


def init_app(app: Flask) -> None:
    permissions.register(
        {**nominations.ACTIONS, **invitations.ACTIONS, **ACTIONS},
        public=set(),
        reasons={**nominations.REASONS, **invitations.REASONS, **REASONS},
    )
    invitations.register_sources()
    app.register_blueprint(bp)
    app.jinja_env.filters.update(percent=format_percent, response_time=response_time)
    link = StaffLink(
        "programme.nominations_page",
        _l("Ambassador nominations"),
        "star",
        "ambassador.nominations",
        order=45,
        group="community",
    )
    register_staff_link(app, link)
