"""Members with the ``close_vote`` privilege vote to close a question as a duplicate; the
``CLOSE_VOTES_NEEDED``-th vote closes it (audited, the voters named), towards the original most of
them named. Votes are spent when the question closes, whoever closes it."""

from __future__ import annotations

from collections import Counter

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from community import audit
from community.core import signals
from community.core.database import is_hidden
from community.core.errors import Conflict, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.privacy import registry as privacy
from community.questions.models import Question
from community.reputation.models import CloseVote

AUDIT_ACTIONS = {"question.close_votes": _l("Question closed by members' votes")}


def needed() -> int:
    return int(current_app.config["CLOSE_VOTES_NEEDED"])


def votes_on(question: Question) -> list[CloseVote]:
    stmt = select(CloseVote).where(CloseVote.question_id == question.id).order_by(CloseVote.id)
    return list(db.session.scalars(stmt))


def vote_of(user, question: Question) -> CloseVote | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    stmt = select(CloseVote).where(CloseVote.question_id == question.id, CloseVote.user_id == user.id)
    return db.session.scalar(stmt)


def vote_to_close(actor, question: Question, duplicate_of_id) -> CloseVote:
    """Add ``actor``'s vote to close ``question`` as a duplicate of ``duplicate_of_id``."""
    require(actor, "question.vote_close", question)
    original = db.session.get(Question, duplicate_of_id) if isinstance(duplicate_of_id, int) else None
    if original is None or original.id == question.id or is_hidden(original):
        message = _("Give the number of the original question.")
        raise ValidationError(message, {"duplicate_of": message})
    if vote_of(actor, question) is not None:
        raise Conflict(_("You already voted to close this question."))
    vote = CloseVote(question_id=question.id, user_id=actor.id, duplicate_of_id=original.id)
    db.session.add(vote)
    db.session.flush()
    votes = votes_on(question)
    if len(votes) >= needed():
        _close(actor, question, votes)
    return vote


def _close(actor, question: Question, votes: list[CloseVote]) -> None:
    counts = Counter(v.duplicate_of_id for v in votes)
    top = max(counts.values())
    original_id = next(v.duplicate_of_id for v in votes if counts[v.duplicate_of_id] == top)
    before = {"status": question.status}
    question.status, question.close_reason = "closed", "duplicate"
    question.duplicate_of = db.session.get(Question, original_id)
    db.session.flush()
    after = {
        "status": "closed",
        "close_reason": "duplicate",
        "duplicate_of": original_id,
        "voters": [v.user_id for v in votes],
    }
    audit.record(actor, "question.close_votes", "question", question.id, before=before, after=after)
    signals.question_closed.send(actor, question=question, reason="duplicate")
    signals.content_changed.send(actor)


def _spend_votes(sender, question, **extra) -> None:
    db.session.execute(delete(CloseVote).where(CloseVote.question_id == question.id))


def init_app(app) -> None:
    from community.audit.catalogue import register_actions

    register_actions(AUDIT_ACTIONS)
    signals.question_closed.connect(_spend_votes)
    privacy.register(
        privacy.Source(
            "close_votes",
            "close_votes",
            ("user_id",),
            _l("Your votes to close questions as duplicates"),
            "delete",
        )
    )
