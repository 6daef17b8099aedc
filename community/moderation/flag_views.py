"""Flagging pages: the flag form of a post or a profile (folded under each post, or a page of its
own without JavaScript and to show what was refused), and the page where an author learns why their
post was hidden, edits it and asks for a review."""

from __future__ import annotations

from flask import Blueprint, Flask, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField

from community.core import permissions
from community.core.database import is_hidden
from community.core.forms import attempt
from community.core.markup import plain_text
from community.moderation import flags
from community.moderation.limits import limited
from community.questions.urls import question_url

bp = Blueprint("flags", __name__)

FLAGGABLE = "any(question,answer,comment,user)"
HIDEABLE = "any(question,answer,comment)"


class FlagForm(FlaskForm):
    # Checked by ``flags.raise_flag`` (validate_choice=False), whose refusals go back beside the fields.
    reason = RadioField(_l("Why?"), choices=list(flags.REASON_LABELS.items()), validate_choice=False)
    note = TextAreaField(
        _l("A word for the moderators"),
        description=_l("Optional, except for “Something else”."),
        render_kw={"rows": 3, "maxlength": flags.NOTE_MAX},
    )


class ReviewForm(FlaskForm):
    message = TextAreaField(
        _l("A word for the moderators"),
        description=_l("Optional: what you changed, or why the post should be shown."),
        render_kw={"rows": 3, "maxlength": flags.NOTE_MAX},
    )


def target_url(target_type: str, target) -> str:
    """Where the target is shown: the profile, or the post in its question's page."""
    if target_type == "user":
        return url_for("members.profile", user_id=target.id)
    question = flags.question_of(target)
    if target_type == "question":
        return question_url(question)
    return question_url(question, _anchor=f"{target_type}-{target.id}")


def _excerpt(target_type: str, target) -> str:
    return target.display_name if target_type == "user" else plain_text(target.body or "", 240)


@bp.route(f"/flag/<{FLAGGABLE}:target_type>/<int:target_id>", methods=["GET", "POST"])
@login_required
@limited("flag")
def flag(target_type: str, target_id: int):
    target = flags.visible_target(target_type, target_id)
    permissions.require(current_user, "content.flag", target)
    form = FlagForm()
    status = 200
    if form.validate_on_submit():
        if attempt(
            form, lambda: flags.raise_flag(current_user, target_type, target, form.reason.data or "", form.note.data)
        ):
            flash(_("Thanks, the team will look at it."), "success")
            if target_type == "question" and is_hidden(target):
                return redirect(url_for("questions.index"))
            return redirect(target_url(target_type, target))
        status = form.refusal_status
    elif form.is_submitted():
        status = 422
    return render_template(
        "moderation/flag.html",
        form=form,
        target_type=target_type,
        target=target,
        excerpt=_excerpt(target_type, target),
        back_url=target_url(target_type, target),
    ), status


@bp.route(f"/review/<{HIDEABLE}:target_type>/<int:target_id>", methods=["GET", "POST"])
@login_required
def review(target_type: str, target_id: int):
    """The author's page of a post moderation hid (404 for anyone else, as the post itself)."""
    target = flags.find(target_type, target_id)
    if target is None or not permissions.can(current_user, "content.request_review", target):
        abort(404)
    form = ReviewForm()
    status = 200
    if form.validate_on_submit():
        if attempt(form, lambda: flags.request_review(current_user, target_type, target, form.message.data)):
            flash(_("Thanks, a moderator will look at your post again."), "success")
            return redirect(url_for("flags.review", target_type=target_type, target_id=target_id))
        status = form.refusal_status
    elif form.is_submitted():
        status = 422
    question = flags.question_of(target)
    return render_template(
        "moderation/review.html",
        form=form,
        target_type=target_type,
        target=target,
        question=question,
        state=flags.review_state(target_type, target),
        reasons=flags.reason_labels(target_type, target_id),
        staff_reason=flags.hide_reason(target_type, target_id),
        post_url=target_url(target_type, target) if question is not None and not is_hidden(question) else None,
    ), status


def init_app(app: Flask) -> None:
    """Flags' permissions, audit label and pages (called by ``community.moderation.init_app``)."""
    from community.audit.catalogue import register_actions

    permissions.register(flags.ACTIONS, reasons=flags.REASONS)
    register_actions(flags.AUDIT_ACTIONS)
    app.register_blueprint(bp)
    app.jinja_env.globals["flag_reasons"] = flags.REASON_LABELS
    app.jinja_env.globals["moderation_state"] = flags.review_state
