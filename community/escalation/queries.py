"""Reading cases: one case as its viewer may see it, a customer's requests, the advisors' queue, and
the canned replies. A case exists only for its customer and staff: for anyone else it is not found."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import selectinload

from community.core.database import utcnow
from community.core.errors import NotFound
from community.core.extensions import db
from community.core.pagination import Page, paginate
from community.core.permissions import can
from community.escalation.models import STATUSES, CannedReply, Case, CaseMessage
from community.members.models import STAFF_ROLES, User

#: The queue's assignee filter: the viewer's cases, nobody's, or everyone's.
ASSIGNEE_FILTERS = ("me", "unassigned", "anyone")


def _with_people(stmt):
    return stmt.options(selectinload(Case.customer), selectinload(Case.assignee))


def get_case(viewer, case_id) -> Case:
    """The case ``case_id`` if ``viewer`` is its customer or staff; not found for anyone else."""
    try:
        case_id = int(case_id)
    except (TypeError, ValueError):
        raise NotFound() from None
    case = db.session.get(Case, case_id) if 0 < case_id < 2**31 else None
    if case is None or viewer is None or not getattr(viewer, "is_authenticated", False):
        raise NotFound()
    if not can(viewer, "case.view", case):
        raise NotFound()
    return case


def thread(viewer, case: Case) -> list[CaseMessage]:
    """The case's messages, oldest first; internal notes only for staff."""
    stmt = select(CaseMessage).where(CaseMessage.case_id == case.id).options(selectinload(CaseMessage.author))
    if not getattr(viewer, "is_staff", False):
        stmt = stmt.where(CaseMessage.internal.is_(False))
    return list(db.session.scalars(stmt.order_by(CaseMessage.created_at, CaseMessage.id)))


def customer_cases(user, *, status: str | None = None, page: int = 1, per_page: int = 20) -> Page:
    """A member's own requests, latest activity first."""
    stmt = _with_people(select(Case).where(Case.customer_id == user.id))
    if status in STATUSES:
        stmt = stmt.where(Case.status == status)
    return paginate(stmt.order_by(Case.updated_at.desc(), Case.id.desc()), page, per_page)


def overdue_clause(now=None):
    """Cases whose first reply is late: due, and nobody replied yet (resolved ones are not late)."""
    now = now or utcnow()
    return and_(Case.first_response_at.is_(None), Case.first_response_due < now, Case.status != "resolved")


def is_overdue(case: Case, now=None) -> bool:
    now = now or utcnow()
    return case.first_response_at is None and case.status != "resolved" and case.first_response_due < now


def queue(
    viewer,
    *,
    status: str | None = None,
    assignee: str | None = None,
    overdue: bool = False,
    category_id: int | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page:
    """The advisors' queue, oldest first. ``status`` one of ``STATUSES`` (None: every open case),
    ``assignee`` one of ``ASSIGNEE_FILTERS``, ``overdue`` only late first replies."""
    stmt = _with_people(select(Case))
    if status in STATUSES:
        stmt = stmt.where(Case.status == status)
    else:
        stmt = stmt.where(Case.status != "resolved")
    if assignee == "me":
        stmt = stmt.where(Case.assignee_id == viewer.id)
    elif assignee == "unassigned":
        stmt = stmt.where(Case.assignee_id.is_(None))
    if overdue:
        stmt = stmt.where(overdue_clause())
    if category_id:
        stmt = stmt.where(Case.category_id == category_id)
    return paginate(stmt.order_by(Case.created_at, Case.id), page, per_page)


def status_counts() -> dict[str, int]:
    """How many cases are in each status, and how many first replies are late (``"overdue"``)."""
    rows = db.session.execute(select(Case.status, func.count()).group_by(Case.status))
    counts = {status: 0 for status in STATUSES}
    counts.update({status: n for status, n in rows})
    counts["overdue"] = db.session.scalar(select(func.count()).select_from(Case).where(overdue_clause())) or 0
    return counts


def api_cases(viewer, *, status: str | None = None, page: int = 1, per_page: int = 20) -> Page:
    """``GET /escalations``: staff get the queue (every case, oldest first), a customer their own."""
    if getattr(viewer, "is_staff", False):
        stmt = _with_people(select(Case))
        if status in STATUSES:
            stmt = stmt.where(Case.status == status)
        return paginate(stmt.order_by(Case.created_at, Case.id), page, per_page)
    return customer_cases(viewer, status=status, page=page, per_page=per_page)


def advisors() -> list[User]:
    """Staff members a case may be given to, by name."""
    stmt = select(User).where(User.role.in_(STAFF_ROLES), User.deleted_at.is_(None))
    return list(db.session.scalars(stmt.order_by(User.display_name, User.id)))


def canned_replies() -> list[CannedReply]:
    return list(db.session.scalars(select(CannedReply).order_by(CannedReply.title)))


def get_canned(reply_id) -> CannedReply:
    try:
        reply = db.session.get(CannedReply, int(reply_id))
    except (TypeError, ValueError, OverflowError):
        reply = None
    if reply is None:
        raise NotFound()
    return reply
