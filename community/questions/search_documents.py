"""Community objects as search documents, and the one session hook that queues index tasks.

Any flush that creates, changes (in an indexed field), hides or deletes an indexed object adds
a task in the same transaction; ``search.queue.drain`` applies them after commit. Other packages
(the knowledge base) register their own kinds with ``register()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import event, select
from sqlalchemy.orm import Session, joinedload, object_session, selectinload
from sqlalchemy.orm.attributes import get_history

from community.core.extensions import db
from community.core.markup import html_to_text
from community.questions.models import Answer, Question
from search import Document
from search.queue import enqueue, task_table

search_tasks = task_table(db.metadata)

SOLVED_BOOST = 1.5
CLOSED_BOOST = 0.6


@dataclass
class Kind:
    """How one model becomes documents: which keys a changed object touches and how to load them."""

    model: type
    fields: tuple[str, ...]
    keys_for: Callable[[object], list[str]]
    load: Callable[[Session, list[int]], dict[int, Document | None]]
    all_ids: Callable[[Session], Iterator[list[int]]]
    type: str


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    KINDS[kind.type] = kind


def _question_url(question: Question) -> str:
    """Site-relative, so documents can be built outside a request (CLI, poller)."""
    return f"/questions/{question.id}/{question.slug}"


def question_document(q: Question) -> Document:
    accepted = q.accepted_answer
    solved = accepted is not None and accepted.hidden_at is None
    return Document(
        type="question",
        id=q.id,
        title=q.title,
        body=html_to_text(q.body_html),
        url=_question_url(q),
        tags=[t.name for t in q.tags],
        category=q.category.slug,
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
    found = {q.id: (question_document(q) if q.hidden_at is None else None) for q in rows}
    return {i: found.get(i) for i in ids}


def _load_answers(session: Session, ids: list[int]) -> dict[int, Document | None]:
    rows = session.scalars(
        select(Answer).where(Answer.id.in_(ids)).options(joinedload(Answer.question).joinedload(Question.category))
    ).unique()
    found = {}
    for a in rows:
        q = a.question
        visible = a.hidden_at is None and q.hidden_at is None
        found[a.id] = (
            Document(
                type="answer",
                id=a.id,
                title=q.title,
                body=html_to_text(a.body_html),
                url=_question_url(q) + f"#answer-{a.id}",
                category=q.category.slug,
                parent_id=q.id,
                solved=q.accepted_answer_id == a.id,
                created_at=a.created_at,
            )
            if visible
            else None
        )
    return {i: found.get(i) for i in ids}


def _ids(model, session: Session) -> Iterator[list[int]]:
    last = 0
    while True:
        batch = list(session.scalars(select(model.id).where(model.id > last).order_by(model.id).limit(1000)))
        if not batch:
            return
        yield batch
        last = batch[-1]


def _question_keys(question: Question) -> list[str]:
    """The question, and its answers too when the question is hidden or shown again."""
    keys = [f"question:{question.id}"]
    if get_history(question, "hidden_at").has_changes():
        keys += [
            f"answer:{answer_id}"
            for answer_id in object_session(question).scalars(
                select(Answer.id).where(Answer.question_id == question.id)
            )
        ]
    return keys


register(
    Kind(
        Question,
        ("title", "body", "category_id", "status", "accepted_answer_id", "hidden_at", "tags"),
        _question_keys,
        _load_questions,
        lambda session: _ids(Question, session),
        "question",
    )
)
register(
    Kind(
        Answer,
        ("body", "hidden_at"),
        lambda a: [f"answer:{a.id}", f"question:{a.question_id}"],
        _load_answers,
        lambda session: _ids(Answer, session),
        "answer",
    )
)


def load_documents(session: Session, keys: list[str]) -> dict[str, Document | None]:
    """The current document for each key (None: must leave the index)."""
    by_type: dict[str, list[int]] = {}
    for key in keys:
        type_, _sep, id_ = key.partition(":")
        if type_ in KINDS and id_.isdigit():
            by_type.setdefault(type_, []).append(int(id_))
    out: dict[str, Document | None] = {k: None for k in keys}
    for type_, ids in by_type.items():
        for id_, doc in KINDS[type_].load(session, ids).items():
            out[f"{type_}:{id_}"] = doc
    return out


def all_documents(session: Session) -> Iterator[list[Document]]:
    """Every document that belongs in the index, in batches (for ``search reindex``/``check``)."""
    for kind in KINDS.values():
        for ids in kind.all_ids(session):
            docs = [doc for doc in kind.load(session, ids).values() if doc is not None]
            if docs:
                yield docs
            session.expunge_all()


def _changed(obj, kind: Kind) -> bool:
    return any(get_history(obj, name).has_changes() for name in kind.fields)


@event.listens_for(db.session, "after_flush")
def _queue_changes(session, flush_context) -> None:
    keys: list[str] = []
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        for kind in KINDS.values():
            if isinstance(obj, kind.model) and (obj in session.new or obj in session.deleted or _changed(obj, kind)):
                keys.extend(kind.keys_for(obj))
    if keys:
        enqueue(session.connection(), search_tasks, keys)
        session.info["search_tasks"] = True
