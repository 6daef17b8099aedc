"""Cases in the personal-data registry: a customer's requests are theirs (exported with the thread they
see, deleted with the account); what advisors wrote stays, no longer naming them when they leave."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from community.core.extensions import db
from community.escalation.models import Case, CaseMessage
from community.privacy.registry import Source, jsonable, register

CASE_FIELDS = (
    "id",
    "subject",
    "message",
    "status",
    "priority",
    "source",
    "callback_phone",
    "question_id",
    "article_id",
    "article_title",
    "article_url",
    "transcript",
    "context",
    "share_consent",
    "ces",
    "csat",
    "surveyed_at",
    "created_at",
    "updated_at",
    "resolved_at",
)


def _export_cases(user) -> list[dict]:
    """The member's requests with the thread as they see it (advisors' internal notes are not theirs)."""
    cases = db.session.scalars(select(Case).where(Case.customer_id == user.id).order_by(Case.id))
    found = []
    for case in cases:
        entry = {name: jsonable(getattr(case, name)) for name in CASE_FIELDS}
        entry["messages"] = [
            {"from": "you" if m.author_id == user.id else "advisor", "body": m.body, "at": jsonable(m.created_at)}
            for m in case.messages
            if not m.internal
        ]
        found.append(entry)
    return found


def _export_assigned(user) -> list[dict]:
    """Cases given to a staff member: which, not their content (it is the customers')."""
    rows = db.session.execute(select(Case.id, Case.status, Case.created_at).where(Case.assignee_id == user.id))
    return [{"id": i, "status": s, "created_at": jsonable(c)} for i, s, c in rows]


def _export_messages(user) -> list[dict]:
    """What a member wrote on others' cases (an advisor's replies and notes)."""
    stmt = (
        select(CaseMessage.id, CaseMessage.case_id, CaseMessage.internal, CaseMessage.body, CaseMessage.created_at)
        .join(Case, Case.id == CaseMessage.case_id)
        .where(CaseMessage.author_id == user.id, Case.customer_id != user.id)
        .order_by(CaseMessage.id)
    )
    return [{k: jsonable(v) for k, v in row.items()} for row in db.session.execute(stmt).mappings()]


def erase_cases(user) -> None:
    """A member's requests go with their account, thread included."""
    own = select(Case.id).where(Case.customer_id == user.id)
    db.session.execute(delete(CaseMessage).where(CaseMessage.case_id.in_(own)))
    db.session.execute(delete(Case).where(Case.customer_id == user.id))


def register_sources() -> None:
    register(
        Source(
            "cases",
            "cases",
            ("customer_id",),
            _l("Your requests to an advisor, with their messages"),
            erase_cases,
            export=_export_cases,
            kept_as="delete",
        ),
        Source(
            "cases_assigned",
            "cases",
            ("assignee_id",),
            _l("Requests assigned to you (staff)"),
            "unlink",
            export=_export_assigned,
        ),
        Source(
            "case_messages",
            "case_messages",
            ("author_id",),
            _l("Your replies and notes on customers' requests (staff)"),
            "keep",
            export=_export_messages,
        ),
        Source(
            "canned_replies", "canned_replies", ("created_by_id",), _l("Canned replies you wrote (staff)"), "unlink"
        ),
    )
