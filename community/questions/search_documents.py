"""Questions and answers as search documents, registered with the search package's queue."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, object_session, selectinload
from sqlalchemy.orm.attributes import get_history

from community.core.database import HIDDEN_COLUMN, is_hidden
from community.core.markup import html_to_text
from community.questions.models import Answer, Question
from community.questions.urls import question_url
from search import Document
from search.queue import Kind, ids_in_batches, register

SOLVED_BOOST = 1.5
CLOSED_BOOST = 0.6


def question_document(q: Question) -> Document:
    accepted = q.accepted_answer
    solved = accepted is not None and not is_hidden(accepted)
    return Document(
        type="question",
        id=q.id,
        title=q.title,
        body=html_to_text(q.body_html),
        url=question_url(q),
        tags=[t.name for t in q.tags],
        category=q.category.slug,
        language=q.language,
        status=q.status,
        solved=solved,
        accepted_answer=html_to_text(accepted.body_html) if solved else "",
        boost=SOLVED_BOOST if solved else (CLOSED_BOOST if q.status == "closed" else 1.0),
        created_at=q.created_at,
    )


def _load_questions(session: Session, ids: list[int]) -> dict[int, Document | None]:
    rows = session.scalars(
        select(Question)
        .where(Question.id.in_(ids))
        .options(joinedload(Question.category), selectinload(Question.tags), joinedload(Question.accepted_answer))
    ).unique()
    found = {q.id: question_document(q) for q in rows}  # hidden ones are not loaded
    return {i: found.get(i) for i in ids}


def _load_answers(session: Session, ids: list[int]) -> dict[int, Document | None]:
    rows = session.scalars(
        select(Answer).where(Answer.id.in_(ids)).options(joinedload(Answer.question).joinedload(Question.category))
    ).unique()
    found = {}
    for a in rows:
        q = a.question
        visible = q is not None and not is_hidden(a) and not is_hidden(q)
        found[a.id] = (
            Document(
                type="answer",
                id=a.id,
                title=q.title,
                body=html_to_text(a.body_html),
                url=question_url(q, _anchor=f"answer-{a.id}"),
                category=q.category.slug,
                language=q.language,
                parent_id=q.id,
                solved=q.accepted_answer_id == a.id,
                created_at=a.created_at,
            )
            if visible
            else None
        )
    return {i: found.get(i) for i in ids}


def _question_keys(question: Question) -> list[str]:
    """The question, and its answers too when the question is hidden, shown again or changes language."""
    keys = [f"question:{question.id}"]
    if any(get_history(question, name).has_changes() for name in (HIDDEN_COLUMN, "language")):
        keys += [
            f"answer:{answer_id}"
            for answer_id in object_session(question).scalars(
                select(Answer.id).where(Answer.question_id == question.id)
            )
        ]
    return keys


def register_kinds() -> None:
    """Index questions and answers (called by the community's ``init_app``)."""
    register(
        Kind(
            Question,
            ("title", "body", "category_id", "status", "language", "accepted_answer_id", HIDDEN_COLUMN, "tags"),
            _question_keys,
            _load_questions,
            lambda session: ids_in_batches(Question, session),
            "question",
        )
    )
    register(
        Kind(
            Answer,
            ("body", HIDDEN_COLUMN),
            lambda a: [f"answer:{a.id}", f"question:{a.question_id}"],
            _load_answers,
            lambda session: ids_in_batches(Answer, session),
            "answer",
        )
    )
