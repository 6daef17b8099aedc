"""Question pages: list, ask, read, edit, answer, accept, vote, comment, close, lock, categories."""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from community.core import language as content_language
from community.core.diff import revision_pairs, word_diff
from community.core.errors import DomainError
from community.core.extensions import db
from community.core.forms import apply_errors, attempt
from community.core.page_cache import cached_page
from community.core.permissions import require
from community.core.web import page_arg, wants_json
from community.discovery import operations as discovery
from community.discovery import searching
from community.discovery.visits import visit_id
from community.escalation import trail
from community.moderation.limits import limited
from community.questions import drafts, queries, structured_data, view_counter
from community.questions import operations as ops
from community.questions.forms import AnswerForm, CloseForm, CommentForm, QuestionForm
from community.questions.matches import excerpts as match_excerpts
from community.questions.models import Question
from community.questions.urls import question_url
from community.taxonomy import queries as taxonomy

bp = Blueprint("questions", __name__)


def _category_choices(form: QuestionForm) -> None:
    form.category.choices = [("", _("Choose a category…"))] + [(c.slug, c.name) for c in taxonomy.categories()]


@bp.route("/questions")
@cached_page()
def index():
    args = request.args
    sort = args.get("sort") if args.get("sort") in queries.SORTS else "activity"
    status = args.get("status") if args.get("status") in queries.STATUS_FILTERS else None
    category = taxonomy.category_by_slug(args["category"]) if args.get("category") else None
    tag = (args.get("tag") or "").strip().lower() or None
    page = queries.question_list(
        current_user,
        category=category.slug if category else None,
        tag=tag,
        status=status,
        sort=sort,
        language=content_language.listing_language(),
        page=page_arg(),
    )
    return render_template(
        "questions/list.html",
        page=page,
        sort=sort,
        status=status,
        category=category,
        tag=tag,
        tag_target=taxonomy.tag_by_name(tag) if tag else None,
        categories=taxonomy.categories(),
    )


@bp.route("/questions/ask", methods=["GET", "POST"])
@limited("question")
def ask():
    """Ask a question. Visitors may fill the form: once it is valid, it is kept while they sign in.

    A question is checked first; then, when its title strongly matches an article or a solved
    question, a confirmation step ("Do these answer your question?") comes before posting.
    """
    form = QuestionForm()
    _category_choices(form)
    if request.method == "GET":
        draft = None
        if current_user.is_authenticated and "ask_draft" in session:
            draft = drafts.take(session.pop("ask_draft"))
            db.session.commit()
        for name in drafts.FIELDS:
            getattr(form, name).data = (draft or {}).get(name) or request.args.get(name, "")
        return render_template("questions/ask.html", form=form, restored_draft=draft is not None)
    if not (form.validate_on_submit() and _postable(form)):
        form.confirmed.data = ""  # the corrected question gets its own confirmation step
        return render_template("questions/ask.html", form=form), 422
    if not current_user.is_authenticated:
        session["ask_draft"] = drafts.keep({name: request.form.get(name) or "" for name in drafts.FIELDS})
        db.session.commit()
        flash(_("Sign in or create an account to post your question: it is kept meanwhile."), "info")
        return redirect(url_for("members.login", next=url_for("questions.ask")))
    if form.confirmed.data != "1":
        matches = searching.strong_matches(form.title.data or "")
        if matches:
            discovery.record_event(visit_id(), "confirm_shown", current_user)
            db.session.commit()
            form.confirmed.data = "1"
            return render_template(
                "questions/confirm.html", form=form, matches=matches, excerpts=match_excerpts(matches)
            )

    def operation():
        question = ops.ask_question(
            current_user, form.title.data, form.body.data, form.category.data, form.tags.data, form.language.data
        )
        discovery.record_event(visit_id(), "question_posted", current_user, question_id=question.id)
        return question

    question = attempt(form, operation)
    if question is None:
        return render_template("questions/ask.html", form=form), 422
    if question.hidden_at is not None:
        flash(_("Your post is waiting for a moderator: others will see it once it is approved."), "info")
    else:
        flash(_("Your question is published. You will find the answers here."), "success")
    return redirect(question_url(question))


def _postable(form: QuestionForm) -> bool:
    """Whether the question as typed could be posted; if not, the reasons go beside the fields."""
    try:
        ops.check_question(form.title.data, form.body.data, form.category.data, form.tags.data, form.language.data)
    except DomainError as err:
        apply_errors(form, err)
        return False
    return True


@bp.route("/questions/<int:question_id>")
def show_by_id(question_id: int):
    question = ops.get_question(question_id, current_user)
    return redirect(question_url(question), 301)


def _opened_from_cache(question_id: int, slug: str) -> None:
    view_counter.record(question_id)
    trail.record_question_hit(question_id)


@bp.route("/questions/<int:question_id>/<slug>")
@cached_page(on_hit=_opened_from_cache)
def show(question_id: int, slug: str):
    question = queries.load_question(question_id)
    if question is None:
        abort(404)
    question = ops.get_question(question_id, current_user)
    if slug != question.slug:
        return redirect(question_url(question), 301)
    view_counter.record(question.id)
    trail.record_view("question", question.id, question.title, request.path)
    return _render_question(question)


def _render_question(
    question: Question,
    answer_form: AnswerForm | None = None,
    comment_form: CommentForm | None = None,
    comment_target: str | None = None,
    status: int = 200,
):
    data = queries.question_page(question, current_user)
    authenticated = current_user.is_authenticated
    canonical_url = question_url(question, _external=True)
    return render_template(
        "questions/show.html",
        canonical_url=canonical_url,
        structured_data=structured_data.qa_page(question, data["answers"], canonical_url),
        answer_form=answer_form or (AnswerForm(formdata=None) if authenticated else None),
        comment_form=comment_form or (CommentForm(formdata=None) if authenticated else None),
        comment_target=comment_target,
        close_form=CloseForm(formdata=None) if authenticated else None,
        **data,
    ), status


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@login_required
def edit(question_id: int):
    question = ops.get_question(question_id, current_user)
    require(current_user, "question.edit", question)
    form = QuestionForm(obj=question if request.method == "GET" else None)
    _category_choices(form)
    if request.method == "GET":
        form.category.data = question.category.slug
        form.tags.data = ", ".join(t.name for t in question.tags)
    if form.validate_on_submit():
        edited = attempt(
            form,
            lambda: ops.edit_question(
                current_user,
                question,
                form.title.data,
                form.body.data,
                form.category.data,
                form.tags.data,
                form.summary.data,
                form.language.data or "",
            ),
        )
        if edited is not None:
            flash(_("Your changes are saved."), "success")
            return redirect(question_url(question))
    return render_template("questions/edit.html", form=form, question=question), 422 if form.errors else 200


@bp.route("/questions/<int:question_id>/revisions")
def question_revisions(question_id: int):
    question = ops.get_question(question_id, current_user)
    return _render_revisions(question, question)


@bp.route("/answers/<int:answer_id>/revisions")
def answer_revisions(answer_id: int):
    answer = ops.get_answer(answer_id, current_user)
    return _render_revisions(answer, answer.question)


def _render_revisions(post, question: Question):
    pairs = revision_pairs(queries.revisions(post))
    return render_template("questions/revisions.html", post=post, question=question, pairs=pairs, word_diff=word_diff)


@bp.route("/questions/<int:question_id>/answers", methods=["POST"])
@login_required
@limited("answer")
def answer(question_id: int):
    question = ops.get_question(question_id, current_user)
    form = AnswerForm()
    if form.validate_on_submit():
        answer = attempt(form, lambda: ops.post_answer(current_user, question, form.body.data))
        if answer is not None:
            if answer.hidden_at is not None:
                flash(_("Your post is waiting for a moderator: others will see it once it is approved."), "info")
            else:
                flash(_("Thank you for your answer!"), "success")
            return redirect(question_url(question, _anchor=f"answer-{answer.id}"))
    return _render_question(question, answer_form=form, status=422)


@bp.route("/answers/<int:answer_id>/edit", methods=["GET", "POST"])
@login_required
def edit_answer(answer_id: int):
    answer = ops.get_answer(answer_id, current_user)
    require(current_user, "answer.edit", answer)
    form = AnswerForm(obj=answer if request.method == "GET" else None)
    if form.validate_on_submit():
        if attempt(form, lambda: ops.edit_answer(current_user, answer, form.body.data, form.summary.data)):
            flash(_("Your changes are saved."), "success")
            return redirect(question_url(answer.question, _anchor=f"answer-{answer.id}"))
    return render_template(
        "questions/answer_edit.html", form=form, answer=answer, question=answer.question
    ), 422 if form.errors else 200


@bp.route("/answers/<int:answer_id>/accept", methods=["POST"])
@login_required
def accept(answer_id: int):
    answer = ops.get_answer(answer_id, current_user)
    ops.accept_answer(current_user, answer)
    db.session.commit()
    flash(_("This answer is marked as the solution."), "success")
    return redirect(question_url(answer.question, _anchor=f"answer-{answer.id}"))


def _vote(target, question: Question):
    try:
        value = int(request.form.get("value", ""))
    except ValueError:
        value = None
    score = ops.vote(current_user, target, value)
    db.session.commit()
    if wants_json():
        return jsonify({"score": score, "value": value})
    anchor = f"answer-{target.id}" if target is not question else "question"
    return redirect(question_url(question, _anchor=anchor))


@bp.route("/questions/<int:question_id>/vote", methods=["POST"])
@login_required
@limited("vote")
def vote_question(question_id: int):
    question = ops.get_question(question_id, current_user)
    return _vote(question, question)


@bp.route("/answers/<int:answer_id>/vote", methods=["POST"])
@login_required
@limited("vote")
def vote_answer(answer_id: int):
    answer = ops.get_answer(answer_id, current_user)
    return _vote(answer, answer.question)


def _comment(target, question: Question, target_key: str):
    form = CommentForm()
    if form.validate_on_submit():
        comment = attempt(form, lambda: ops.add_comment(current_user, target, form.body.data))
        if comment is not None:
            if comment.hidden_at is not None:
                flash(_("Your post is waiting for a moderator: others will see it once it is approved."), "info")
            return redirect(question_url(question, _anchor=f"comment-{comment.id}"))
    return _render_question(question, comment_form=form, comment_target=target_key, status=422)


@bp.route("/questions/<int:question_id>/comments", methods=["POST"])
@login_required
@limited("comment")
def comment_question(question_id: int):
    question = ops.get_question(question_id, current_user)
    return _comment(question, question, "question")


@bp.route("/answers/<int:answer_id>/comments", methods=["POST"])
@login_required
@limited("comment")
def comment_answer(answer_id: int):
    answer = ops.get_answer(answer_id, current_user)
    return _comment(answer, answer.question, f"answer-{answer.id}")


@bp.route("/questions/<int:question_id>/close", methods=["GET", "POST"])
@login_required
def close(question_id: int):
    question = ops.get_question(question_id, current_user)
    require(current_user, "question.close", question)
    form = CloseForm()
    if form.validate_on_submit():
        closed = attempt(
            form, lambda: ops.close_question(current_user, question, form.reason.data, form.duplicate_of.data)
        )
        if closed is not None:
            flash(_("The question is closed."), "success")
            return redirect(question_url(question))
    return render_template("questions/close.html", form=form, question=question), 422 if form.errors else 200


@bp.route("/questions/<int:question_id>/reopen", methods=["POST"])
@login_required
def reopen(question_id: int):
    question = ops.get_question(question_id, current_user)
    ops.reopen_question(current_user, question)
    db.session.commit()
    flash(_("The question is open again."), "success")
    return redirect(question_url(question))


@bp.route("/questions/<int:question_id>/lock", methods=["POST"])
@login_required
def lock(question_id: int):
    question = ops.get_question(question_id, current_user)
    ops.set_locked(current_user, question, request.form.get("locked") == "1")
    db.session.commit()
    flash(_("The question is locked.") if question.locked else _("The question is unlocked."), "success")
    return redirect(question_url(question))
