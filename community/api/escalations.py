"""Advisor cases (escalations): a chatbot or a CRM hands a customer over with their conversation, the
customer and the advisors write on the private thread, move its status, and the customer rates it."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import fields

from community.api.auth import actor, signed_in
from community.api.blueprint import bp, errors
from community.api.fields import Boolean, DateTime, Integer, Length, OneOf, Range, Text
from community.api.questions import HTML, MARKDOWN, Author, AuthorField
from community.api.schemas import Input, Output, PageArgs, With, page_of
from community.core.errors import NotFound, ValidationError
from community.core.extensions import db
from community.discovery.visits import returning_visit_id
from community.escalation import operations as ops
from community.escalation import queries, trail
from community.escalation.articles import article_fact
from community.escalation.models import PRIORITIES, SOURCES, STATUSES
from community.escalation.urls import case_url
from community.questions import operations as qa

TAGS = ["escalations"]
bp.tags["escalations"] = (
    "Cases for a human advisor: private to their customer and staff (404 for anyone else). A chatbot "
    "hands a customer over with `POST /escalations` and its `transcript`; the customer's recent searches "
    "and opened pages are attached."
)
MOVES = ("assigned", "waiting", "resolved", "reopened")


class Turn(Input):
    role = Text(required=True, validate=OneOf(("user", "bot")), metadata={"description": "Who spoke."})
    text = Text(required=True, validate=Length(max=ops.REPLY_MAX))


class NewCase(Input):
    subject = Text(required=True, validate=Length(ops.SUBJECT_MIN, ops.SUBJECT_MAX))
    message = Text(required=True, validate=Length(ops.MESSAGE_MIN, ops.MESSAGE_MAX), metadata=MARKDOWN)
    question_id = Integer(strict=True, metadata={"description": "The community question it is about."})
    article_id = Integer(strict=True, metadata={"description": "The help article it is about."})
    transcript = fields.List(
        fields.Nested(Turn),
        validate=Length(max=ops.TRANSCRIPT_MAX, error=_l("Send at most %(n)d turns.", n=ops.TRANSCRIPT_MAX)),
        metadata={"description": "The chatbot conversation handed over, oldest turn first."},
    )


class NewMessage(Input):
    body = Text(required=True, validate=Length(1, ops.REPLY_MAX), metadata=MARKDOWN)
    internal = Boolean(
        _l("Send true for a note only staff see, or false."),
        load_default=False,
        metadata={"description": "Staff only: a note the customer never sees."},
    )


class StatusChange(Input):
    status = Text(
        required=True,
        validate=OneOf(MOVES),
        metadata={"description": "Staff: any; the customer: `resolved`, and `reopened` once resolved."},
    )


class Survey(Input):
    ces = Integer(
        required=True,
        strict=True,
        validate=Range(1, 7, error=_l("Choose a number from 1 to 7.")),
        metadata={"description": "Customer Effort Score: how easy it was to get the problem solved (1–7)."},
    )
    csat = Integer(
        required=True,
        strict=True,
        validate=Range(1, 5, error=_l("Choose a number from 1 to 5.")),
        metadata={"description": "How satisfied the customer is (1–5)."},
    )


class Assignee(AuthorField):
    """The advisor who has the case; null while nobody has it."""

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else super()._serialize(value, attr, obj, **kwargs)


class CaseFilters(PageArgs):
    status = Text(validate=OneOf(STATUSES), metadata={"description": "Only cases in this status."})


class Message(Output):
    id = fields.Integer()
    author = AuthorField(Author, allow_none=True)
    internal = fields.Boolean(metadata={"description": "A staff note (only staff get these)."})
    body = fields.String(metadata=MARKDOWN)
    body_html = fields.String(metadata=HTML)
    created_at = DateTime()


class Context(Output):
    """What the customer let the advisor see."""

    question_id = fields.Integer(allow_none=True)
    article_id = fields.Integer(allow_none=True)
    searches = fields.List(fields.Dict(), metadata={"description": "`{query, result_count, at}`, newest first."})
    articles_viewed = fields.List(fields.Dict(), metadata={"description": "`{id, title, url, at}`, newest first."})
    questions_viewed = fields.List(fields.Dict(), metadata={"description": "`{id, title, url, at}`, newest first."})
    device = fields.Dict(metadata={"description": "`{kind, system, browser}` when shared."})
    transcript = fields.List(fields.Dict(), allow_none=True, metadata={"description": "`[{role, text}]`."})


class Case(Output):
    id = fields.Integer()
    url = fields.Function(
        lambda c: request.url_root.rstrip("/") + case_url(c.id),
        metadata={"type": "string", "format": "uri", "description": "The case's page on the site."},
    )
    subject = fields.String()
    message = fields.String(metadata=MARKDOWN)
    message_html = fields.String(metadata=HTML)
    status = fields.String(validate=OneOf(STATUSES))
    priority = fields.String(validate=OneOf(PRIORITIES))
    source = fields.String(validate=OneOf(SOURCES))
    customer = AuthorField(Author)
    assignee = Assignee(Author, allow_none=True, metadata={"description": "Null while no advisor has it."})
    question_id = fields.Integer(allow_none=True)
    article = fields.Function(
        lambda c: {"id": c.article_id, "title": c.article_title, "url": c.article_url} if c.article_id else None,
        allow_none=True,
        metadata={"type": "object", "nullable": True, "description": "`{id, title, url}` as when the case opened."},
    )
    first_response_due = DateTime()
    first_response_at = DateTime(allow_none=True)
    resolved_at = DateTime(allow_none=True)
    created_at = DateTime()
    updated_at = DateTime()
    share_consent = fields.Boolean(metadata={"description": "The customer agrees the fix be shared, unnamed."})
    ces = fields.Integer(allow_none=True, metadata={"description": "The survey's effort score, once answered."})
    csat = fields.Integer(allow_none=True, metadata={"description": "The survey's satisfaction, once answered."})


class CaseDetail(Case):
    messages = fields.List(fields.Nested(Message), metadata={"description": "Oldest first."})
    context = fields.Nested(Context)


def _detail(case) -> With:
    """``case`` with the thread its caller may read and the context the customer shared."""
    shared = case.context or {}
    context = {
        "question_id": case.question_id,
        "article_id": case.article_id,
        "searches": shared.get("searches", []),
        "articles_viewed": shared.get("articles", []),
        "questions_viewed": shared.get("questions", []),
        "device": shared.get("device") or {},
        "transcript": case.transcript,
    }
    return With(case, messages=queries.thread(actor(), case), context=context)


CasePage = page_of(Case)


def _linked(data: dict):
    """The question and article the case is about, or the fields at fault."""
    at_fault: dict = {}
    question = article = None
    if data.get("question_id") is not None:
        try:
            question = qa.get_question(data["question_id"], actor())
        except NotFound:
            at_fault["question_id"] = _("No such question.")
    if data.get("article_id") is not None:
        article = article_fact(data["article_id"])
        if article is None:
            at_fault["article_id"] = _("No such article.")
    if at_fault:
        raise ValidationError(_("Please correct the highlighted fields."), at_fault)
    return question, article


@bp.get("/escalations", tags=TAGS)
@signed_in
@bp.arguments(CaseFilters, location="query")
@bp.response(200, CasePage)
def list_escalations(args: dict):
    """Cases: staff get the queue, a customer their own

    Oldest first for staff, latest activity first for a customer.
    """
    return queries.api_cases(actor(), status=args.get("status"), page=args["page"], per_page=args["per_page"])


@bp.post("/escalations", tags=TAGS)
@signed_in
@bp.arguments(NewCase)
@bp.response(201, CaseDetail)
def create_escalation(data: dict):
    """Hand a customer over to an advisor

    The caller is the customer. `transcript` carries a chatbot conversation; the customer's searches
    and opened articles and questions of the last hours are attached for the advisor.
    """
    user = actor()
    question, article = _linked(data)
    context = trail.snapshot(returning_visit_id(), user)
    case = ops.open_case(
        user,
        subject=data["subject"],
        message=data["message"],
        question=question,
        article=article,
        transcript=data.get("transcript"),
        context=context,
        source="api",
    )
    db.session.commit()
    return _detail(case)


@bp.get("/escalations/<int:case_id>", tags=TAGS)
@signed_in
@bp.response(200, CaseDetail)
def get_escalation(case_id: int):
    """A case with its thread and context

    Its customer and staff only (404 for anyone else); internal notes for staff only.
    """
    return _detail(queries.get_case(actor(), case_id))


@bp.post("/escalations/<int:case_id>/messages", tags=TAGS)
@signed_in
@errors(403, 422)
@bp.arguments(NewMessage)
@bp.response(201, Message)
def post_escalation_message(data: dict, case_id: int):
    """Write on a case's thread

    Its customer or staff; `internal: true` (staff only) for a note the customer never sees. An
    advisor's reply makes the case wait for the customer; the customer's hands it back (and reopens it
    when resolved).
    """
    case = queries.get_case(actor(), case_id)
    message = ops.post_message(actor(), case, data["body"], internal=data.get("internal", False))
    db.session.commit()
    return message


@bp.post("/escalations/<int:case_id>/status", tags=TAGS)
@signed_in
@errors(403, 409)
@bp.arguments(StatusChange)
@bp.response(200, CaseDetail)
def change_escalation_status(data: dict, case_id: int):
    """Move a case

    new → assigned → waiting → resolved → reopened; staff make any move, the customer resolves and
    reopens. 409 when the case cannot move there from its status.
    """
    case = queries.get_case(actor(), case_id)
    ops.set_status(actor(), case, data["status"])
    db.session.commit()
    return _detail(case)


@bp.post("/escalations/<int:case_id>/survey", tags=TAGS)
@signed_in
@errors(403, 409)
@bp.arguments(Survey)
@bp.response(200, CaseDetail)
def answer_escalation_survey(data: dict, case_id: int):
    """Rate a resolved case (its customer, once)

    409 before the case is resolved, and when it was already rated.
    """
    case = queries.get_case(actor(), case_id)
    ops.answer_survey(actor(), case, data["ces"], data["csat"])
    db.session.commit()
    return _detail(case)
