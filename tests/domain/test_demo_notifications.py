"""The demo's notifications carry the dates of the posts they are about, not the moment the demo
was loaded, so a demo member's bell list reads like a real one."""

from __future__ import annotations

from sqlalchemy import select

from community.core.database import INCLUDE_HIDDEN
from community.core.extensions import db
from community.notifications.models import Notification
from community.questions.models import Answer, Comment, Question

HIDDEN = {INCLUDE_HIDDEN: True}


def test_demo_notifications_are_dated_like_their_posts(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    models = {"question": Question, "answer": Answer, "comment": Comment}
    # Moderation's notices (a demo spam answer hidden by flags) are dated when moderation acted.
    notifications = [
        n for n in db.session.scalars(select(Notification)) if n.target_type in models and n.kind != "content_hidden"
    ]
    assert {n.target_type for n in notifications} >= {"answer", "comment"}
    for notification in notifications:
        post = db.session.get(models[notification.target_type], notification.target_id, execution_options=HIDDEN)
        assert notification.created_at == post.created_at, notification.kind
    assert len({n.created_at for n in notifications}) > len(notifications) // 2
