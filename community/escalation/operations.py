"""What happens to advisor cases: opening one, the private thread, assignment and status, the
satisfaction survey, the sharing consent, and the advisors' canned replies.

Statuses: new → assigned → waiting (on the customer) → resolved (→ reopened). An advisor's public
reply makes the case wait for the customer; the customer's reply hands it back to the advisors (and
reopens it when it was resolved). Staff actions are written to the audit log.
"""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from community import audit
from community.core import signals
from community.core.database import utcnow
from community.core.errors import Conflict, ValidationError
from community.core.extensions import db
from community.core.markup import render_markdown
from community.core.permissions import can, require
from community.core.text import check_text
from community.escalation.models import PRIORITIES, SOURCES, STATUSES, CannedReply, Case, CaseMessage
from community.escalation.permissions import STATUS_ACTIONS

SUBJECT_MIN, SUBJECT_MAX = 3, 200
MESSAGE_MIN, MESSAGE_MAX = 10, 5000
REPLY_MAX = 5000
CANNED_TITLE_MAX, CANNED_BODY_MAX = 120, 5000
PHONE_MAX = 40
TRANSCRIPT_MAX = 200  # turns of a chatbot conversation kept

#: The statuses a case may move to from each one (``assign`` also gives an open case to another advisor).
TRANSITIONS = {
    "new": ("assigned", "waiting", "resolved"),
    "assigned": ("waiting", "resolved"),
    "waiting": ("assigned", "resolved"),
    "resolved": ("reopened",),
    "reopened": ("assigned", "waiting", "resolved"),
}
CES_RANGE, CSAT_RANGE = (1, 7), (1, 5)


def _raise(fields: dict) -> None:
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)


def response_due(priority: str, opened_at):
    """When the first reply to a case of ``priority`` opened at ``opened_at`` is due."""
    config = current_app.config
    urgent = priority in ("high", "urgent")
    hours = config["ESCALATION_URGENT_RESPONSE_HOURS"] if urgent else config["ESCALATION_FIRST_RESPONSE_HOURS"]
    return opened_at + timedelta(hours=hours)


def _transcript(transcript) -> list | None:
    """A chatbot conversation as ``[{"role", "text"}]`` (the API checks its shape), capped."""
    if not transcript:
        return None
    turns = [
        {"role": str(t.get("role", "")), "text": str(t.get("text", ""))} for t in transcript if isinstance(t, dict)
    ]
    return turns[-TRANSCRIPT_MAX:] or None


def open_case(
    actor,
    *,
    subject: str,
    message: str,
    question=None,
    article=None,
    transcript=None,
    context=None,
    source: str = "web",
    callback_phone: str = "",
    priority: str = "normal",
) -> Case:
    """Open a case for ``actor`` (the customer). ``article`` is an ``articles.ArticleFact``; ``context``
    the trail snapshot the customer confirmed. A case of the sweep (``source="sweep"``) also marks
    its question as swept, which a second sweep of the same question cannot do again (unique)."""
    require(actor, "case.open")
    fields: dict = {}
    subject = check_text(subject, "subject", SUBJECT_MIN, SUBJECT_MAX, fields)
    message = check_text(message, "message", MESSAGE_MIN, MESSAGE_MAX, fields)
    callback_phone = (callback_phone or "").strip()
    if len(callback_phone) > PHONE_MAX:
        fields["callback_phone"] = _("Write at most %(n)d characters.", n=PHONE_MAX)
    if source == "callback" and not callback_phone:
        fields["callback_phone"] = _("Give the number we should call.")
    _raise(fields)
    if priority not in PRIORITIES or source not in SOURCES:
        raise ValidationError(_("Unknown priority or source."), code="invalid")
    now = utcnow()
    case = Case(
        customer_id=actor.id,
        subject=subject,
        message=message,
        message_html=render_markdown(message),
        question_id=question.id if question is not None else None,
        swept_question_id=question.id if question is not None and source == "sweep" else None,
        category_id=question.category_id if question is not None else None,
        article_id=article.id if article is not None else None,
        article_title=(article.title or "")[:300] if article is not None else "",
        article_url=(article.url or "")[:500] if article is not None else "",
        transcript=_transcript(transcript),
        context=dict(context or {}),
        status="new",
        priority=priority,
        source=source,
        callback_phone=callback_phone,
        first_response_due=response_due(priority, now),
        created_at=now,
        updated_at=now,
    )
    db.session.add(case)
    db.session.flush()
    signals.case_opened.send(actor, case=case)
    return case


def _move(actor, case: Case, status: str, message: CaseMessage | None = None) -> None:
    """Change the status (no permission asked: the caller did), stamp it, and tell who listens
    (``message``: the one whose posting moved it)."""
    previous = case.status
    if previous == status:
        return
    case.status = status
    case.updated_at = utcnow()
    case.resolved_at = case.updated_at if status == "resolved" else None
    db.session.flush()
    if getattr(actor, "is_staff", False):
        audit.record(actor, "case.status", "case", case.id, before={"status": previous}, after={"status": status})
    signals.case_status_changed.send(actor, case=case, previous=previous, message=message)


def post_message(actor, case: Case, body: str, *, internal: bool = False) -> CaseMessage:
    """Add to the thread: the customer or staff, and internal notes (staff only, seen by staff only).

    An advisor's public reply counts as the first response (once), takes the case if nobody had it,
    and makes it wait for the customer; the customer's reply gives it back to the advisors: waiting →
    assigned (new when nobody has it), resolved → reopened."""
    require(actor, "case.note" if internal else "case.reply", case)
    fields: dict = {}
    body = check_text(body, "body", 1, REPLY_MAX, fields)
    _raise(fields)
    now = utcnow()
    message = CaseMessage(
        case=case, author_id=actor.id, body=body, body_html=render_markdown(body), internal=internal, created_at=now
    )
    db.session.add(message)
    case.updated_at = now
    db.session.flush()
    signals.case_message_posted.send(actor, case=case, message=message)
    if internal:
        return message
    if actor.id == case.customer_id:
        if case.status == "waiting":
            _move(actor, case, "assigned" if case.assignee_id is not None else "new", message)
        elif case.status == "resolved":
            _move(actor, case, "reopened", message)
    elif actor.is_staff:
        if case.first_response_at is None:
            case.first_response_at = now
        if case.assignee_id is None:
            case.assignee_id = actor.id
        if case.status in ("new", "assigned", "reopened"):
            _move(actor, case, "waiting", message)
    db.session.flush()
    return message


def assign(actor, case: Case, assignee) -> Case:
    """Give an open case to an advisor (staff); a new or reopened case becomes assigned."""
    if case.status == "resolved":
        raise Conflict(_("This request is already resolved."), code="case_resolved")
    require(actor, "case.assign", case)
    if assignee is None or not assignee.is_staff:
        raise ValidationError(_("Cases go to staff members only."), {"assignee": _("Choose a staff member.")})
    previous = case.assignee_id
    if previous != assignee.id:
        case.assignee_id = assignee.id
        case.updated_at = utcnow()
        db.session.flush()
        audit.record(
            actor, "case.assign", "case", case.id, before={"assignee_id": previous}, after={"assignee_id": assignee.id}
        )
        signals.case_assigned.send(actor, case=case, previous=previous)
    if case.status in ("new", "reopened"):
        _move(actor, case, "assigned")
    return case


def allowed_statuses(actor, case: Case) -> list[str]:
    """The statuses ``actor`` may move ``case`` to now, in the order buttons show them."""
    return [s for s in TRANSITIONS.get(case.status, ()) if can(actor, STATUS_ACTIONS[s], case)]


def set_status(actor, case: Case, status: str) -> Case:
    """Move ``case`` to ``status``: 409 when that is no move from its current status, 403 when the
    actor may not make it. Staff moving an unassigned case to "assigned" take it themselves."""
    if status not in STATUSES or status == "new":
        raise ValidationError(_("Unknown status."), {"status": _("Choose assigned, waiting, resolved or reopened.")})
    if status not in TRANSITIONS[case.status]:
        raise Conflict(
            _("This request cannot move from %(a)s to %(b)s.", a=case.status, b=status), code="illegal_transition"
        )
    require(actor, STATUS_ACTIONS[status], case)
    if status == "assigned" and case.assignee_id is None:
        return assign(actor, case, actor)
    _move(actor, case, status)
    return case


def answer_survey(actor, case: Case, ces, csat) -> Case:
    """The customer's Customer Effort Score (1–7) and satisfaction (1–5), once the case is resolved, once."""
    require(actor, "case.survey", case)
    if case.status != "resolved":
        raise Conflict(_("You can rate a request once it is resolved."), code="not_resolved")
    if case.surveyed_at is not None:
        raise Conflict(_("You have already rated this request. Thank you!"), code="already_answered")
    fields: dict = {}
    for name, value, (low, high) in (("ces", ces, CES_RANGE), ("csat", csat, CSAT_RANGE)):
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            fields[name] = _("Choose a number from %(low)d to %(high)d.", low=low, high=high)
    _raise(fields)
    case.ces, case.csat, case.surveyed_at = ces, csat, utcnow()
    db.session.flush()
    signals.case_surveyed.send(actor, case=case)
    return case


def set_share_consent(actor, case: Case, consent: bool) -> Case:
    """The customer allows (or no longer allows) the fix to be shared with the community, without their name."""
    require(actor, "case.consent", case)
    if case.share_consent != bool(consent):
        case.share_consent = bool(consent)
        case.updated_at = utcnow()
        db.session.flush()
        signals.case_consent_changed.send(actor, case=case)
    return case


def _canned_fields(title: str, body: str, reply: CannedReply | None) -> tuple[str, str]:
    fields: dict = {}
    title = check_text(title, "title", 1, CANNED_TITLE_MAX, fields)
    body = check_text(body, "body", 1, CANNED_BODY_MAX, fields)
    if "title" not in fields:
        same = select(CannedReply.id).where(func.lower(CannedReply.title) == title.lower())
        if reply is not None:
            same = same.where(CannedReply.id != reply.id)
        if db.session.scalar(same) is not None:
            fields["title"] = _("A canned reply already has this title.")
    _raise(fields)
    return title, body


def create_canned(actor, title: str, body: str) -> CannedReply:
    require(actor, "canned.manage")
    title, body = _canned_fields(title, body, None)
    reply = CannedReply(title=title, body=body, created_by_id=actor.id)
    db.session.add(reply)
    db.session.flush()
    audit.record(actor, "canned.create", "canned_reply", reply.id, after={"title": title})
    return reply


def edit_canned(actor, reply: CannedReply, title: str, body: str) -> CannedReply:
    require(actor, "canned.manage")
    title, body = _canned_fields(title, body, reply)
    before = audit.snapshot(reply, "title")
    reply.title, reply.body, reply.updated_at = title, body, utcnow()
    db.session.flush()
    audit.record(actor, "canned.edit", "canned_reply", reply.id, before=before, after={"title": title})
    return reply


def delete_canned(actor, reply: CannedReply) -> None:
    require(actor, "canned.manage")
    audit.record(actor, "canned.delete", "canned_reply", reply.id, before={"title": reply.title})
    db.session.delete(reply)
    db.session.flush()
