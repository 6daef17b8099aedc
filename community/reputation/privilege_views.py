"""Pages for what reputation unlocks beyond the questions' own pages: retagging a question and
voting to close it as a duplicate. ``init_app`` plugs in ranks, privileges and close votes."""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import InputRequired

from community.core.forms import attempt
from community.core.permissions import require
from community.questions import operations as qa
from community.questions.urls import question_url
from community.reputation import close_votes, privileges, ranks

bp = Blueprint("privileges", __name__)


class RetagForm(FlaskForm):
    tags = StringField(
        _l("Tags"),
        description=_l("Up to 5, separated by commas (e.g. wifi, fibre)."),
        render_kw={"autocomplete": "off"},
    )
    summary = StringField(_l("Edit summary"), render_kw={"maxlength": 200})


class CloseVoteForm(FlaskForm):
    duplicate_of = IntegerField(
        _l("Number of the original question"),
        validators=[InputRequired(_l("Give the number of the original question."))],
    )


@bp.route("/questions/<int:question_id>/retag", methods=["GET", "POST"])
@login_required
def retag(question_id: int):
    """Change a question's tags only (the ``retag`` privilege); saved as a revision like any edit."""
    question = qa.get_question(question_id, current_user)
    require(current_user, "question.retag", question)
    form = RetagForm()
    if not form.is_submitted():
        form.tags.data = ", ".join(t.name for t in question.tags)
    if form.validate_on_submit():
        done = attempt(
            form,
            lambda: qa.edit_question(
                current_user, question, question.title, question.body, None, form.tags.data or "", form.summary.data
            ),
        )
        if done is not None:
            flash(_("The tags are saved."), "success")
            return redirect(question_url(question))
    return render_template("reputation/retag.html", form=form, question=question), 422 if form.errors else 200


@bp.route("/questions/<int:question_id>/close-votes", methods=["GET", "POST"])
@login_required
def vote_close(question_id: int):
    question = qa.get_question(question_id, current_user)
    require(current_user, "question.vote_close", question)
    form = CloseVoteForm()
    mine = close_votes.vote_of(current_user, question)
    if mine is None and form.validate_on_submit():
        vote = attempt(form, lambda: close_votes.vote_to_close(current_user, question, form.duplicate_of.data))
        if vote is not None:
            if question.status == "closed":
                flash(_("Your vote closed the question as a duplicate."), "success")
            else:
                flash(_("Your vote to close is counted."), "success")
            return redirect(question_url(question))
    return render_template(
        "reputation/close_vote.html",
        form=form,
        question=question,
        mine=mine,
        votes=close_votes.votes_on(question),
        needed=close_votes.needed(),
    ), 422 if form.errors else 200


def init_app(app: Flask) -> None:
    ranks.init_app(app)
    privileges.register()
    close_votes.init_app(app)
    app.register_blueprint(bp)
