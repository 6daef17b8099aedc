"""Back to the community: with the customer's consent, an advisor posts a case's fix on its public
thread as the brand's official answer, or sends it to the knowledge base's curation queue.

The community knows no article: ``send_to_curation`` only sends ``resolution_shared``, which the
knowledge base turns into a promotion candidate. Neither shares the customer's name: the advisor
writes the text, prefilled from their last reply, and may edit it first.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from community import audit
from community.core import permissions, signals
from community.core.database import utcnow
from community.core.errors import Conflict, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.core.text import check_text
from community.escalation.models import Case, CaseMessage
from community.questions import operations as qa
from community.questions.models import Answer, Question

TITLE_MIN, TITLE_MAX = 10, 200
BODY_MIN, BODY_MAX = 20, 20000


def _consented(user, case) -> bool:
    return case.share_consent


def _has_question(user, case) -> bool:
    return case.question_id is not None


ACTIONS = {
    "case.share_thread": [permissions.staff, _consented, _has_question],
    "case.share_curation": [permissions.staff, _consented],
}
REASONS = {
    _consented: _l("The customer has not agreed to share the fix with the community."),
    _has_question: _l("This request is not linked to a question of the community."),
}
AUDIT_ACTIONS = {
    "case.share_answer": _l("Fix posted on the thread"),
    "case.share_curation": _l("Fix sent to the curation queue"),
}


def linked_question(case: Case) -> Question | None:
    """The case's question as the public sees it (None when it is gone or hidden)."""
    if case.question_id is None:
        return None
    return db.session.scalar(select(Question).where(Question.id == case.question_id))


def shared_answer(case: Case) -> Answer | None:
    if case.shared_answer_id is None:
        return None
    return db.session.scalar(select(Answer).where(Answer.id == case.shared_answer_id))


def suggested_text(case: Case) -> str:
    """What the advisor probably wants to share: their latest public reply on the case."""
    body = db.session.scalar(
        select(CaseMessage.body)
        .where(CaseMessage.case_id == case.id, CaseMessage.internal.is_(False))
        .where(CaseMessage.author_id != case.customer_id)
        .order_by(CaseMessage.id.desc())
        .limit(1)
    )
    return body or ""


def post_to_thread(actor, case: Case, body: str) -> Answer:
    """Post the fix on the case's question as the brand's official answer, written by ``actor``."""
    require(actor, "case.share_thread", case)
    if shared_answer(case) is not None:
        raise Conflict(_("The fix of this request is already on the thread."), code="already_shared")
    question = linked_question(case)
    if question is None:
        raise Conflict(_("The question of this request is no longer shown."), code="question_gone")
    answer = qa.post_answer(actor, question, body)
    answer.official = True
    case.shared_answer_id = answer.id
    case.updated_at = utcnow()
    db.session.flush()
    audit.record(actor, "case.share_answer", "case", case.id, after={"answer": answer.id})
    return answer


def send_to_curation(actor, case: Case, title: str, body: str) -> Case:
    """Propose the fix for the knowledge base: ``resolution_shared`` carries it to the curation queue."""
    require(actor, "case.share_curation", case)
    if case.shared_to_curation_at is not None:
        raise Conflict(_("The fix of this request is already in the curation queue."), code="already_shared")
    fields: dict = {}
    title = check_text(title, "title", TITLE_MIN, TITLE_MAX, fields)
    body = check_text(body, "body", BODY_MIN, BODY_MAX, fields)
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    case.shared_to_curation_at = case.updated_at = utcnow()
    db.session.flush()
    audit.record(actor, "case.share_curation", "case", case.id, after={"title": title})
    signals.resolution_shared.send(actor, case=case, title=title, body=body, question_id=case.question_id)
    return case


def init_app(app: Flask) -> None:
    from community.audit.catalogue import register_actions
    from community.escalation import sharing_views

    permissions.register(ACTIONS, reasons=REASONS)
    register_actions(AUDIT_ACTIONS)
    app.register_blueprint(sharing_views.bp)
    app.add_template_global(sharing_views.sharing_state, "case_sharing")
