"""What the ask page's confirmation step shows under each close match: the start of a solved
question's accepted answer, or the text another package registers for its kinds (the knowledge
base: an article's summary)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from community.core.database import is_hidden
from community.core.extensions import db
from community.core.markup import plain_text
from community.questions.models import Question
from search import Hit

EXCERPT_LENGTH = 200

Source = Callable[[list[int]], dict[int, str]]
_sources: dict[str, Source] = {}


def register_excerpts(kind: str, source: Source) -> None:
    """``source(ids)`` gives, by id, the Markdown or HTML shown under a match of ``kind``."""
    _sources[kind] = source


def _accepted_answers(ids: list[int]) -> dict[int, str]:
    rows = db.session.scalars(
        select(Question).where(Question.id.in_(ids)).options(joinedload(Question.accepted_answer))
    )
    return {
        q.id: q.accepted_answer.body_html
        for q in rows
        if q.accepted_answer is not None and not is_hidden(q) and not is_hidden(q.accepted_answer)
    }


def excerpts(hits: Iterable[Hit]) -> dict[str, str]:
    """About 200 characters of plain text per match, by ``"type:id"``; none for a match without one."""
    ids_by_kind: dict[str, list[int]] = {}
    for hit in hits:
        ids_by_kind.setdefault(hit.type, []).append(hit.id)
    found = {}
    for kind, ids in ids_by_kind.items():
        source = _sources.get(kind) or (_accepted_answers if kind == "question" else None)
        if source is None:
            continue
        for id_, text in source(ids).items():
            text = plain_text(text or "", EXCERPT_LENGTH)
            if text:
                found[f"{kind}:{id_}"] = text
    return found
