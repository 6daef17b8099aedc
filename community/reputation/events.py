"""The community's events written into the ledger (``ledger``'s functions do the work)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from community.core import signals
from community.core.database import including_hidden
from community.core.extensions import db
from community.questions.models import Answer, Question
from community.reputation import ledger
from community.reputation.models import ReputationEvent


def _vote_cast(sender, target, value, previous, **extra) -> None:
    ledger.record_vote(sender, target, value, previous)


def _answer_accepted(sender, answer, previous=None, **extra) -> None:
    ledger.record_acceptance(sender, answer, previous)


def _content_hidden(sender, target, **extra) -> None:
    ledger.record_hidden(sender, target)


def _content_restored(sender, target, **extra) -> None:
    ledger.record_restored(sender, target)


def date_demo_rows(sender=None, **extra) -> None:
    """Receiver of ``demo_loaded``: the demo's votes and acceptances went through the operations
    (the ledger followed); their rows get their post's date (an hour after it) instead of the load
    time, so that weekly and monthly figures read naturally; first answers' response times follow
    the dates the loader gave the posts."""
    posted = {}
    for kind, model in (("question", Question), ("answer", Answer)):
        rows = db.session.execute(including_hidden(select(model.id, model.created_at)))
        posted.update({(kind, post_id): created for post_id, created in rows})
    for row in db.session.scalars(select(ReputationEvent).where(ReputationEvent.post_id.is_not(None))):
        created = posted.get((row.post_type, row.post_id))
        if created is not None:
            row.created_at = created + timedelta(hours=1)
    first_answers = including_hidden(select(Answer).where(Answer.response_seconds.is_not(None)))
    for answer in db.session.scalars(first_answers):
        asked = posted[("question", answer.question_id)]
        answer.response_seconds = max(0, int((answer.created_at - asked).total_seconds()))
    db.session.flush()


def connect() -> None:
    signals.vote_cast.connect(_vote_cast, weak=False)
    signals.answer_accepted.connect(_answer_accepted, weak=False)
    signals.content_hidden.connect(_content_hidden, weak=False)
    signals.content_restored.connect(_content_restored, weak=False)
    signals.demo_loaded.connect(date_demo_rows, weak=False)
