"""The demo community's moderation: a spam answer members flagged until it was hidden, an off-topic
comment waiting in the queue, a blocked domain and the answer it held (texts in
``community/demo/data/moderation.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from community.core.extensions import db
from community.members import operations as members
from community.moderation import flags, rules
from community.moderation.models import BlockedTerm
from community.questions import operations as qa
from community.questions.models import Question

DATA = Path(__file__).resolve().parent.parent / "demo" / "data" / "moderation.json"


def _question(title: str) -> Question | None:
    return db.session.scalar(select(Question).where(Question.title == title))


def load(sender=None, users: dict | None = None, **extra) -> str | None:
    """Receiver of ``demo_loaded`` (once): says what it added."""
    users = users or {}
    texts = json.loads(DATA.read_text(encoding="utf-8"))
    staff = users.get("camille.staff@neolia.example")
    if staff is None or db.session.scalar(select(BlockedTerm.id).limit(1)) is not None:
        return None
    for term in texts["blocked"]:
        rules.add_term(staff, term["kind"], term["term"], term["action"])
    password = json.loads((DATA.parent / "members.json").read_text(encoding="utf-8"))["password"]
    spammer = members.register(texts["member"]["email"], texts["member"]["name"], password)
    spam, off_topic, held = texts["spam"], texts["off_topic"], texts["held"]
    answer = qa.post_answer(spammer, _question(spam["question"]), spam["body"])
    comment = qa.add_comment(users[off_topic["author"]], _question(off_topic["question"]), off_topic["comment"])
    for target_type, target, listed in (("answer", answer, spam["flags"]), ("comment", comment, off_topic["flags"])):
        for email, reason, note in listed:
            flags.raise_flag(users[email], target_type, target, reason, note)
    qa.post_answer(spammer, _question(held["question"]), held["body"])
    return "Moderation: 2 blocked terms, 3 items in the queue."
