"""Questions, answers, acceptance, votes and comments."""

from __future__ import annotations

import marshmallow as ma
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from community.api.auth import actor, signed_in
from community.api.blueprint import bp, errors
from community.api.categories import CategorySlug
from community.api.fields import DateTime, Integer, Length, OneOf, Tags, Text
from community.api.schemas import Input, Output, PageArgs, With, page_of
from community.core.extensions import db
from community.core.language import NAMES as LANGUAGE_NAMES
from community.members.models import ROLES, shown
from community.moderation.limits import limited
from community.questions import operations as ops
from community.questions import queries
from community.questions.models import STATUSES
from community.questions.operations import (
    ANSWER_MIN,
    BODY_MAX,
    BODY_MIN,
    COMMENT_MAX,
    COMMENT_MIN,
    MAX_TAGS,
    TITLE_MAX,
    TITLE_MIN,
)
from community.questions.urls import question_url

MARKDOWN = {"description": "The Markdown source."}
HTML = {"description": "The Markdown rendered to safe HTML."}
LANGUAGES = tuple(LANGUAGE_NAMES)
STORED_TAG = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,29}$"}


class Author(Output):
    id = fields.Integer(allow_none=True, metadata={"description": "Null once the account is deleted."})
    display_name = fields.String()
    role = fields.String(allow_none=True, validate=OneOf(ROLES))


class AuthorField(fields.Nested):
    """A post's author; once the account is deleted, a neutral name and no id."""

    def _serialize(self, value, attr, obj, **kwargs):
        if shown(value) is None:
            return {"id": None, "display_name": _("Former member"), "role": None}
        return super()._serialize(value, attr, obj, **kwargs)


class Post(Output):
    """What questions, answers and comments share."""

    id = fields.Integer()
    author = AuthorField(Author)
    created_at = DateTime()
    updated_at = DateTime()
    body = fields.String(metadata=MARKDOWN)
    body_html = fields.String(metadata=HTML)


class Comment(Post):
    """A comment on a question or an answer."""


class Answer(Post):
    question_id = fields.Integer()
    score = fields.Integer()
    is_accepted = fields.Function(
        lambda answer: answer.question.accepted_answer_id == answer.id, metadata={"type": "boolean"}
    )
    official = fields.Boolean(
        metadata={"description": "The brand's official answer: an advisor posted a case's fix on the thread."}
    )


class AnswerInThread(Answer):
    comments = fields.List(fields.Nested(Comment))


class Question(Post):
    class Meta:
        sometimes = ("close_reason", "duplicate_of_id")

    title = fields.String()
    url = fields.Function(
        lambda q: question_url(q, _external=True),
        metadata={"type": "string", "format": "uri", "description": "The question's page on the site."},
    )
    category = fields.String(attribute="category.slug", metadata={"description": "The category's slug."})
    tags = fields.Function(lambda q: [t.name for t in q.tags], metadata={"type": "array", "items": STORED_TAG})
    status = fields.String(validate=OneOf(STATUSES))
    language = fields.String(
        validate=OneOf(LANGUAGES), metadata={"description": "The language it is written in (detected unless given)."}
    )
    locked = fields.Boolean()
    score = fields.Integer()
    answer_count = fields.Integer(validate=validate.Range(min=0))
    view_count = fields.Integer(validate=validate.Range(min=0))
    accepted_answer_id = fields.Integer(allow_none=True)
    last_activity_at = DateTime()
    close_reason = fields.String(allow_none=True, metadata={"description": "Only on closed questions."})
    duplicate_of_id = fields.Integer(allow_none=True, metadata={"description": "Only on closed questions."})

    @ma.post_dump
    def _closed_only(self, data: dict, **kwargs) -> dict:
        if data["status"] != "closed":
            del data["close_reason"], data["duplicate_of_id"]
        return data


class QuestionDetail(Question):
    comments = fields.List(fields.Nested(Comment))
    answers = fields.List(
        fields.Nested(AnswerInThread), metadata={"description": "The accepted answer first, then by score."}
    )


QuestionPage = page_of(Question)


class QuestionFilters(PageArgs):
    tag = Text(metadata={"description": "Only questions with this tag."})
    category = CategorySlug(metadata={"description": "Only questions of this category (a slug)."})
    status = Text(validate=OneOf(STATUSES), metadata={"description": "Only questions in this state."})
    sort = Text(load_default="newest", validate=OneOf(list(queries.SORTS)), metadata={"description": "Order."})
    language = Text(validate=OneOf(LANGUAGES), metadata={"description": "Only questions written in this language."})


class NewQuestion(Input):
    title = Text(required=True, validate=Length(TITLE_MIN, TITLE_MAX))
    body = Text(required=True, validate=Length(BODY_MIN, BODY_MAX), metadata=MARKDOWN)
    category = Text(required=True, metadata={"description": "A category's slug (see `GET /categories`)."})
    tags = Tags(MAX_TAGS, allow_none=True)
    language = Text(
        allow_none=True, validate=OneOf(LANGUAGES), metadata={"description": "Detected from the text when absent."}
    )


class QuestionEdit(Input):
    """Only the fields sent change; each edit keeps a revision."""

    title = Text(allow_none=True, validate=Length(TITLE_MIN, TITLE_MAX))
    body = Text(allow_none=True, validate=Length(BODY_MIN, BODY_MAX), metadata=MARKDOWN)
    category = Text(allow_none=True, metadata={"description": "A category's slug."})
    tags = Tags(MAX_TAGS, allow_none=True)
    summary = Text(allow_none=True, validate=Length(max=200), metadata={"description": "Why it was edited."})
    language = Text(allow_none=True, validate=OneOf(LANGUAGES), metadata={"description": "Unchanged when absent."})


class NewAnswer(Input):
    body = Text(required=True, validate=Length(ANSWER_MIN, BODY_MAX), metadata=MARKDOWN)


class NewComment(Input):
    body = Text(required=True, validate=Length(COMMENT_MIN, COMMENT_MAX), metadata=MARKDOWN)


class Vote(Input):
    value = Integer(
        required=True,
        strict=True,
        validate=OneOf((1, -1, 0), message=_l("A vote is 1, -1 or 0.")),
        error_messages={"invalid": _l("A vote is 1, -1 or 0.")},
        metadata={"description": "1 up, -1 down, 0 withdraws the caller's vote."},
    )


class VoteResult(Output):
    score = fields.Integer(metadata={"description": "The new score of the post."})
    value = fields.Integer(validate=OneOf((1, -1, 0)), metadata={"description": "The caller's vote now."})


@bp.get("/questions", tags=["questions"])
@bp.arguments(QuestionFilters, location="query")
@bp.response(200, QuestionPage)
def list_questions(args: dict):
    """Questions, filtered and paginated

    Hidden questions are left out, except for staff.
    """
    return queries.question_list(
        actor(),
        category=args.get("category"),
        tag=args.get("tag", "").lower() or None,
        status=args.get("status"),
        language=args.get("language"),
        sort=args["sort"],
        page=args["page"],
        per_page=args["per_page"],
    )


@bp.post("/questions", tags=["questions"])
@signed_in
@errors(429)
@limited("question")
@bp.arguments(NewQuestion)
@bp.response(201, Question)
def create_question(data: dict):
    """Ask a question"""
    question = ops.ask_question(
        actor(), data["title"], data["body"], data["category"], data.get("tags") or [], data.get("language")
    )
    db.session.commit()
    return question


@bp.get("/questions/<int:question_id>", tags=["questions"])
@bp.response(200, QuestionDetail)
def get_question(question_id: int):
    """A question with its answers and comments

    Hidden questions give 404, except to their author and staff.
    """
    question = ops.get_question(question_id, actor())
    page = queries.question_page(question, actor())
    answers = [With(answer, comments=page["answer_comments"][answer.id]) for answer in page["answers"]]
    return With(question, comments=page["comments"], answers=answers)


@bp.patch("/questions/<int:question_id>", tags=["questions"])
@signed_in
@errors(403)
@bp.arguments(QuestionEdit)
@bp.response(200, Question)
def edit_question(data: dict, question_id: int):
    """Edit a question (author, staff)"""
    question = ops.get_question(question_id, actor())
    ops.edit_question(
        actor(),
        question,
        data.get("title", question.title),
        data.get("body", question.body),
        data.get("category", question.category.slug),
        data.get("tags"),
        data.get("summary", ""),
        data.get("language"),
    )
    db.session.commit()
    return question


@bp.post("/questions/<int:question_id>/answers", tags=["answers"])
@signed_in
@errors(403, 429)
@limited("answer")
@bp.arguments(NewAnswer)
@bp.response(201, Answer)
def create_answer(data: dict, question_id: int):
    """Answer a question

    403 when the question is locked or closed.
    """
    question = ops.get_question(question_id, actor())
    answer = ops.post_answer(actor(), question, data["body"])
    db.session.commit()
    return answer


@bp.post("/answers/<int:answer_id>/accept", tags=["answers"])
@signed_in
@errors(403)
@bp.response(200, Answer)
def accept_answer(answer_id: int):
    """Mark the solution (the question's author, staff)

    One solution per question: accepting another answer moves the mark. The question's status becomes
    `solved`. No body is needed.
    """
    answer = ops.get_answer(answer_id, actor())
    ops.accept_answer(actor(), answer)
    db.session.commit()
    return answer


def _vote(target, value: int) -> dict:
    score = ops.vote(actor(), target, value)
    db.session.commit()
    return {"score": score, "value": value}


@bp.post("/questions/<int:question_id>/vote", tags=["votes"])
@signed_in
@errors(403, 429)
@limited("vote")
@bp.arguments(Vote)
@bp.response(200, VoteResult)
def vote_question(data: dict, question_id: int):
    """Vote on a question (not its author)"""
    return _vote(ops.get_question(question_id, actor()), data["value"])


@bp.post("/answers/<int:answer_id>/vote", tags=["votes"])
@signed_in
@errors(403, 429)
@limited("vote")
@bp.arguments(Vote)
@bp.response(200, VoteResult)
def vote_answer(data: dict, answer_id: int):
    """Vote on an answer (not its author)"""
    return _vote(ops.get_answer(answer_id, actor()), data["value"])


def _comment(target, body: str):
    comment = ops.add_comment(actor(), target, body)
    db.session.commit()
    return comment


@bp.post("/questions/<int:question_id>/comments", tags=["comments"])
@signed_in
@errors(403, 429)
@limited("comment")
@bp.arguments(NewComment)
@bp.response(201, Comment)
def comment_question(data: dict, question_id: int):
    """Comment on a question"""
    return _comment(ops.get_question(question_id, actor()), data["body"])


@bp.post("/answers/<int:answer_id>/comments", tags=["comments"])
@signed_in
@errors(403, 429)
@limited("comment")
@bp.arguments(NewComment)
@bp.response(201, Comment)
def comment_answer(data: dict, answer_id: int):
    """Comment on an answer"""
    return _comment(ops.get_answer(answer_id, actor()), data["body"])
