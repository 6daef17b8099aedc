"""The demo's advisor cases: one waiting for a first reply (late), one waiting for the customer and
one resolved and rated, each with the journey its customer shared, and two canned replies (texts in
``community/demo/data/escalation.json``)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from community.core.database import utcnow
from community.core.extensions import db
from community.escalation import operations as cases
from community.escalation.models import Case
from community.questions.models import Question
from community.questions.urls import question_url

DATA = Path(__file__).resolve().parent.parent / "demo" / "data" / "escalation.json"


def _question(title: str) -> Question | None:
    return db.session.scalar(select(Question).where(Question.title == title))


def _context(spec: dict, opened) -> dict:
    def at(minutes: int) -> str:
        return (opened - timedelta(minutes=minutes)).replace(microsecond=0).isoformat()

    searches = [
        {"id": -n - 1, "query": query, "result_count": count, "at": at(minutes)}
        for n, (query, count, minutes) in enumerate(spec["searches"])
    ]
    questions = [
        {"id": q.id, "title": q.title, "url": question_url(q), "at": at(10 + 5 * n)}
        for n, q in enumerate(filter(None, map(_question, spec["questions"])))
    ]
    return {"searches": searches, "articles": [], "questions": questions, "device": spec["device"]}


def _age(case: Case, opened) -> None:
    """Date the case as if opened ``opened`` (its deadline keeps its length), and what followed an hour later."""
    shift = case.created_at - opened
    case.created_at -= shift
    case.first_response_due -= shift
    later = timedelta(hours=1) - shift  # the advisor answered an hour after it was opened
    for message in case.messages:
        message.created_at += later
    for name in ("updated_at", "first_response_at", "resolved_at", "surveyed_at"):
        if getattr(case, name) is not None:
            setattr(case, name, getattr(case, name) + later)
    if not case.messages:
        case.updated_at = case.created_at


def load(sender=None, users: dict | None = None, **extra) -> str | None:
    """Receiver of ``demo_loaded`` (once): says what it added."""
    users = users or {}
    texts = json.loads(DATA.read_text(encoding="utf-8"))
    advisor = users.get(texts["advisor"])
    if advisor is None or db.session.scalar(select(Case.id).limit(1)) is not None:
        return None
    for reply in texts["canned"]:
        cases.create_canned(advisor, reply["title"], reply["body"])
    for spec in texts["cases"]:
        customer = users[spec["customer"]]
        opened = utcnow() - timedelta(hours=spec["hours_ago"])
        case = cases.open_case(
            customer,
            subject=spec["subject"],
            message=spec["message"],
            question=_question(spec["question"]) if spec.get("question") else None,
            context=_context(spec, opened),
        )
        if spec.get("reply"):
            cases.post_message(advisor, case, spec["reply"])
        if spec.get("status") == "resolved":
            cases.set_status(advisor, case, "resolved")
            cases.set_share_consent(customer, case, bool(spec.get("consent")))
            cases.answer_survey(customer, case, *spec["survey"])
        db.session.flush()
        _age(case, opened)
    return f"Advisor cases: {len(texts['cases'])}, canned replies: {len(texts['canned'])}."
