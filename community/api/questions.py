"""Questions, answers, acceptance, votes and comments."""

from __future__ import annotations

from flask_babel import gettext as _

from community.api import bp, serializers
from community.api.auth import actor, signed_in
from community.api.responses import choice_arg, json_body, listing, pagination, string_field, tags_field, text_arg
from community.core.errors import ValidationError
from community.core.extensions import db
from community.questions import operations as ops
from community.questions import queries
from community.questions.models import STATUSES


@bp.get("/questions")
def list_questions():
    page, per_page = pagination()
    result = queries.question_list(
        actor(),
        category=choice_arg("category", [c.slug for c in queries.categories()]),
        tag=(text_arg("tag") or "").lower() or None,
        status=choice_arg("status", STATUSES),
        sort=choice_arg("sort", list(queries.SORTS)) or "newest",
        page=page,
        per_page=per_page,
    )
    return listing(result, serializers.question)


@bp.post("/questions")
@signed_in
def create_question():
    data = json_body()
    question = ops.ask_question(
        actor(),
        string_field(data, "title"),
        string_field(data, "body"),
        string_field(data, "category"),
        tags_field(data) or [],
    )
    db.session.commit()
    return serializers.question(question), 201


@bp.get("/questions/<int:question_id>")
def get_question(question_id: int):
    question = ops.get_question(question_id, actor())
    return serializers.question_detail(queries.question_page(question, actor()))


@bp.patch("/questions/<int:question_id>")
@signed_in
def edit_question(question_id: int):
    question = ops.get_question(question_id, actor())
    data = json_body()
    ops.edit_question(
        actor(),
        question,
        string_field(data, "title", required=False, default=question.title),
        string_field(data, "body", required=False, default=question.body),
        string_field(data, "category", required=False, default=question.category.slug),
        tags_field(data),
        string_field(data, "summary", required=False, max_length=200),
    )
    db.session.commit()
    return serializers.question(question)


@bp.post("/questions/<int:question_id>/answers")
@signed_in
def create_answer(question_id: int):
    question = ops.get_question(question_id, actor())
    data = json_body()
    answer = ops.post_answer(actor(), question, string_field(data, "body"))
    db.session.commit()
    return serializers.answer(answer), 201


@bp.post("/answers/<int:answer_id>/accept")
@signed_in
def accept_answer(answer_id: int):
    answer = ops.get_answer(answer_id, actor())
    ops.accept_answer(actor(), answer)
    db.session.commit()
    return serializers.answer(answer)


def _vote(target):
    data = json_body()
    if "value" not in data:
        raise ValidationError(_("Please correct the highlighted fields."), {"value": _("This field is required.")})
    score = ops.vote(actor(), target, data["value"])
    db.session.commit()
    return {"score": score, "value": data["value"]}


@bp.post("/questions/<int:question_id>/vote")
@signed_in
def vote_question(question_id: int):
    return _vote(ops.get_question(question_id, actor()))


@bp.post("/answers/<int:answer_id>/vote")
@signed_in
def vote_answer(answer_id: int):
    return _vote(ops.get_answer(answer_id, actor()))


def _comment(target):
    data = json_body()
    comment = ops.add_comment(actor(), target, string_field(data, "body"))
    db.session.commit()
    return serializers.comment(comment), 201


@bp.post("/questions/<int:question_id>/comments")
@signed_in
def comment_question(question_id: int):
    return _comment(ops.get_question(question_id, actor()))


@bp.post("/answers/<int:answer_id>/comments")
@signed_in
def comment_answer(answer_id: int):
    return _comment(ops.get_answer(answer_id, actor()))
