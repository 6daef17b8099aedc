"""``demo load`` gives the moderation queue something to decide: a spam answer members' flags hid,
an off-topic comment awaiting a decision, and an answer a blocked domain held."""

from __future__ import annotations

from sqlalchemy import select

from community.core.database import INCLUDE_HIDDEN
from community.core.extensions import db
from community.moderation.models import BlockedTerm, QueueItem
from community.questions.models import Answer


def test_demo_load_fills_the_moderation_queue(app, runner, client, auth):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    items = db.session.scalars(select(QueueItem).order_by(QueueItem.id)).all()
    assert [(i.target_type, i.reason) for i in items] == [
        ("answer", "flagged"),
        ("comment", "flagged"),
        ("answer", "blocked_term"),
    ]
    spam = db.session.get(Answer, items[0].target_id, execution_options={INCLUDE_HIDDEN: True})
    assert spam.hidden_at is not None and items[0].weight >= 3
    assert {t.term for t in db.session.scalars(select(BlockedTerm))} == {"promo-box.example", "credit express"}

    auth.login("camille.staff@neolia.example", "entraide-demo-2024")
    page = client.get("/moderation").get_data(as_text=True)
    assert "9,99" in page and "promo-box.example" in page
