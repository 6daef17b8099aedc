"""``demo load`` also fills the knowledge base: published FAQ entries and tutorials, some promoted
from the demo's answers, rated, and enough left to do for the curation queue."""

from __future__ import annotations

from sqlalchemy import func, select

from community.core.extensions import db
from community.members.models import User
from community.questions.models import Answer
from knowledge_base import curation, demo, media
from knowledge_base.models import Article


def test_demo_load_creates_a_realistic_knowledge_base(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output

    articles = list(db.session.scalars(select(Article)))
    published = [a for a in articles if a.status == "published"]
    assert len(published) == len(articles) >= 12
    kinds = {kind: sum(a.kind == kind for a in published) for kind in ("faq", "tutorial")}
    assert kinds["faq"] >= 5 and kinds["tutorial"] >= 5
    assert {a.language for a in published} == {"fr", "en"}

    promoted = [a for a in published if a.source_answer_id is not None]
    assert len(promoted) >= 4
    for article in promoted:
        credited = [credit.user_id for credit in article.credits if credit.reason == "answer"]
        answer = db.session.get(Answer, article.source_answer_id)
        assert credited == [answer.author_id] and article.source_question_id == answer.question_id

    tutorials = [a for a in published if a.kind == "tutorial"]
    assert all(4 <= len(a.steps) <= 8 for a in tutorials)
    assert sum(1 for a in tutorials for step in a.steps if step.video_url and "youtube" in step.video_url) == 1
    # Every step has a title and a picture drawn for the demo, stored like an upload and served.
    steps = [step for a in tutorials for step in a.steps]
    assert all(step.title and step.image_path and media.is_stored(step.image_path) for step in steps)
    assert all(not step.text_html.startswith("<h2") for step in steps)
    assert len({step.image_path for step in steps}) == len(steps)
    assert all(a.author_id is not None for a in published)

    assert sum(a.needs_review for a in published) == 1
    assert db.session.scalar(select(func.count()).select_from(Article).where(Article.rating_count > 0)) >= 4

    review = curation.articles_to_review()
    assert any(item.flagged for item in review.items)
    assert any(item.stale for item in review.items)
    assert any(item.comments for item in review.items)
    assert curation.promotion_candidates().total >= 5


def test_demo_load_if_empty_does_not_add_articles_twice(app, runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    count = db.session.scalar(select(func.count(Article.id)))
    result = runner.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0, result.output
    users = {user.email: user for user in db.session.scalars(select(User))}
    demo.load(None, users=users)
    assert db.session.scalar(select(func.count(Article.id))) == count
