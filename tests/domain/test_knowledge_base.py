"""The knowledge base: promote an answer, edit, publish, find it, rate it, review, archive."""

from __future__ import annotations

import factories as make
import pytest

from community.core.errors import Conflict, Forbidden, NotFound, Unauthorized, ValidationError
from community.core.extensions import db
from community.discovery import searching
from community.questions import operations as qa
from knowledge_base import operations as kb
from knowledge_base import queries
from knowledge_base.models import Article, ArticleRevision
from knowledge_base.ratings import rate, score_of
from search import Filters

TUTORIAL_ANSWER = """Voici comment faire :

1. Débranchez la box et attendez 30 secondes.
2. Rebranchez-la et attendez que le voyant soit **blanc fixe**.
3. Ouvrez l'application et relancez l'appairage
   du décodeur TV.

Si rien ne change, contactez un conseiller."""


@pytest.fixture
def thread(app):
    """A solved question whose accepted answer was written by an ambassador."""
    asker, helper = make.user(), make.user("ambassador")
    question = make.question(asker, title="Le décodeur TV perd le signal chaque soir", tags=("tv", "decodeur"))
    answer = make.answer(question, helper, body=TUTORIAL_ANSWER)
    qa.accept_answer(asker, answer)
    db.session.commit()
    return question, answer, helper


def found(text: str, **filters) -> list[str]:
    searching.drain()
    return [f"{h.type}:{h.id}" for h in searching.run(None, text, Filters(**filters)).hits]


def suggested(text: str) -> list[str]:
    searching.drain()
    return [f"{h.type}:{h.id}" for h in searching.suggest(text)]


def test_promote_edit_publish_then_found_first_then_flagged_by_ratings(app, thread):
    """Staff promote an accepted answer into a tutorial: a draft credited to the ambassador, prefilled
    with the question's title and the answer's numbered steps, invisible to search. Once edited and
    published it is the first search result and the first suggestion; five poor ratings flag it."""
    question, answer, helper = thread
    staff = make.user("staff")
    article = kb.promote_answer(staff, answer, "tutorial")
    db.session.commit()

    assert article.status == "draft" and article.kind == "tutorial"
    assert article.title == question.title
    assert article.source_question_id == question.id and article.source_answer_id == answer.id
    assert [c.user_id for c in article.credits] == [helper.id]
    assert [s.position for s in article.steps] == [1, 2, 3]
    assert article.steps[1].text == "Rebranchez-la et attendez que le voyant soit **blanc fixe**."
    assert "<strong>blanc fixe</strong>" in article.steps[1].text_html
    assert article.steps[2].text == "Ouvrez l'application et relancez l'appairage\ndu décodeur TV."
    assert "Voici comment faire" in article.body and "contactez un conseiller" in article.body
    assert f"article:{article.id}" not in found("décodeur signal")
    assert queries.articles_for_question(question.id) == {}
    assert queries.articles_for_question(question.id, staff) == {answer.id: article}

    kb.edit_article(staff, article, summary="Quand le décodeur perd le signal le soir.", tags=["tv", "decodeur"])
    kb.publish(staff, article)
    db.session.commit()
    assert article.last_reviewed_at is not None
    assert found("décodeur signal")[0] == f"article:{article.id}"
    assert suggested("décodeur perd le")[0] == f"article:{article.id}"
    assert queries.articles_for_question(question.id) == {answer.id: article}

    raters = [make.user() for _ in range(5)]
    for rater in raters[:4]:
        rate(rater, None, article, helpful=False)
    db.session.commit()
    assert article.rating_count == 4 and not article.needs_review
    rate(raters[4], None, article, helpful=True, stars=2)
    db.session.commit()
    assert article.rating_average == pytest.approx(6 / 5)
    assert article.needs_review and article.status == "published"

    kb.mark_reviewed(staff, article)
    assert not article.needs_review


def test_a_second_rating_from_the_same_rater_replaces_the_first(app):
    """A member or an anonymous browser session counts once; rating again changes the verdict."""
    article = make.article()
    member = make.user()
    rate(member, None, article, helpful=False)
    rate(member, None, article, helpful=True, stars=4, comment="Clair")
    rate(None, "browser-1", article, helpful=False)
    rate(None, "browser-1", article, helpful=True)
    db.session.commit()
    assert (article.rating_count, article.rating_sum) == (2, 9)
    assert [r.comment for r in queries.rating_comments(article)] == ["Clair"]


@pytest.mark.parametrize(
    ("helpful", "stars", "score"), [(True, None, 5), (False, None, 1), (False, 4, 4), (True, 1, 1)]
)
def test_a_rating_scores_its_stars_or_five_when_helpful_and_one_when_not(helpful, stars, score):
    assert score_of(helpful, stars) == score


def test_review_thresholds_come_from_the_configuration(app):
    """With KB_REVIEW_MIN_RATINGS=2 and KB_REVIEW_THRESHOLD=4.5, two 4-star ratings flag the article."""
    app.config.update(KB_REVIEW_MIN_RATINGS=2, KB_REVIEW_THRESHOLD=4.5)
    article = make.article()
    rate(None, "a", article, helpful=True, stars=4)
    assert not article.needs_review
    rate(None, "b", article, helpful=True, stars=4)
    assert article.needs_review


@pytest.mark.parametrize(
    ("helpful", "stars", "comment", "field"),
    [
        (None, None, "", "helpful"),
        ("yes", None, "", "helpful"),
        (True, 6, "", "stars"),
        (True, True, "", "stars"),
        (True, None, "x" * 1001, "comment"),
        (True, None, 5, "comment"),
    ],
)
def test_bad_ratings_are_refused_with_the_field_at_fault(app, helpful, stars, comment, field):
    article = make.article()
    with pytest.raises(ValidationError) as refused:
        rate(None, "s", article, helpful, stars, comment)
    assert field in refused.value.fields


def test_restoring_a_revision_brings_back_its_text_as_a_new_revision(app):
    """Staff can undo an edit: the old title, body and steps come back and history keeps both."""
    staff = make.user("staff")
    article = make.article(staff, kind="tutorial", steps=["Ouvrez le capot", "Retirez la carte SIM"])
    kb.edit_article(staff, article, title="Changer la carte SIM", body="Nouvelle version du texte.", steps=["Un"])
    db.session.commit()
    assert [s.text for s in article.steps] == ["Un"]

    kb.restore_revision(staff, article, 1)
    db.session.commit()
    assert article.title == "Réinitialiser sa box internet"
    assert [s.text for s in article.steps] == ["Ouvrez le capot", "Retirez la carte SIM"]
    assert [r.number for r in queries.revisions(article)] == [3, 2, 1]
    with pytest.raises(NotFound):
        kb.restore_revision(staff, article, 9)


def test_an_edit_that_changes_nothing_keeps_no_revision(app):
    staff = make.user("staff")
    article = make.article(staff)
    kb.edit_article(staff, article, title=article.title, body=article.body)
    assert db.session.query(ArticleRevision).filter_by(article_id=article.id).count() == 1


def test_archiving_with_a_replacement_removes_the_article_from_search(app):
    """An archived article leaves search and points to its replacement, which must be published."""
    staff = make.user("staff")
    old = make.article(staff, title="Activer la 4G sur l'ancien forfait")
    new = make.article(staff, title="Activer la 5G sur le nouveau forfait", body="Allez dans Réglages > Réseau.")
    draft = make.article(staff, title="Brouillon sur la 5G", publish=False)
    assert f"article:{old.id}" in found("activer forfait")

    with pytest.raises(ValidationError):
        kb.archive(staff, old, replacement=draft)
    with pytest.raises(ValidationError):
        kb.archive(staff, old, replacement=old)
    kb.archive(staff, old, replacement=new)
    db.session.commit()
    assert old.status == "archived" and old.replacement is new
    assert f"article:{old.id}" not in found("activer forfait")
    with pytest.raises(Conflict):
        kb.archive(staff, old)
    with pytest.raises(Conflict):
        kb.publish(staff, old)
    with pytest.raises(NotFound):
        kb.get_article(old.id, make.user())


@pytest.mark.parametrize("status", ["draft", "in_review"])
def test_unpublished_articles_are_never_found_or_shown_to_customers(app, status):
    """Drafts and articles in review stay out of search, lists and reads, except for staff."""
    staff = make.user("staff")
    article = make.article(staff, title="Procédure interne de résiliation anticipée", publish=False)
    if status == "in_review":
        kb.submit_for_review(staff, article)
        db.session.commit()
    assert article.status == status
    assert found("résiliation anticipée") == []
    assert suggested("Procédure interne") == []
    for viewer in (None, make.user(), make.user("ambassador")):
        with pytest.raises(NotFound):
            kb.get_article(article.id, viewer)
        assert queries.article_list(viewer, status=status).total == 0
    assert kb.get_article(article.id, staff) is article
    assert queries.article_list(staff, status=status).items == [article]


def test_promoting_the_same_answer_twice_is_refused(app, thread):
    question, answer, _helper = thread
    staff = make.user("staff")
    article = kb.promote_question(staff, question, "faq")
    assert article.body == answer.body and article.steps == []
    with pytest.raises(Conflict):
        kb.promote_answer(staff, answer, "tutorial")
    with pytest.raises(ValidationError):
        kb.promote_answer(staff, make.answer(question), "video")


def test_an_answer_without_a_list_becomes_one_step_per_paragraph():
    body, steps = kb.split_steps("Éteignez la box.\n\nPuis rallumez-la.")
    assert body == "" and steps == ["Éteignez la box.", "Puis rallumez-la."]


def test_new_articles_are_checked_field_by_field(app):
    staff = make.user("staff")
    make.category()
    with pytest.raises(ValidationError) as refused:
        kb.create_article(staff, "video", "Hi", "", "nowhere", tags=[f"t{i}" for i in range(9)], language="de")
    assert set(refused.value.fields) == {"kind", "title", "body", "category", "tags", "language"}
    assert db.session.query(Article).count() == 0


ROLES = ["visitor", "customer", "ambassador", "staff", "admin"]
STAFF_ONLY = {"visitor": Unauthorized, "customer": Forbidden, "ambassador": Forbidden, "staff": None, "admin": None}


def _create(actor, thread):
    return kb.create_article(actor, "faq", "Une nouvelle fiche", "Le texte de la fiche.", "box-internet")


def _edit(actor, thread):
    return kb.edit_article(actor, thread["draft"], body="Un texte revu.")


def _submit(actor, thread):
    return kb.submit_for_review(actor, thread["draft"])


def _publish(actor, thread):
    return kb.publish(actor, thread["draft"])


def _archive(actor, thread):
    return kb.archive(actor, thread["published"])


def _restore(actor, thread):
    return kb.restore_revision(actor, thread["draft"], 1)


def _promote(actor, thread):
    return kb.promote_answer(actor, thread["answer"], "faq")


def _rate(actor, thread):
    return rate(actor, "browser" if actor is None else None, thread["published"], helpful=True)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (_create, STAFF_ONLY),
        (_edit, STAFF_ONLY),
        (_submit, STAFF_ONLY),
        (_publish, STAFF_ONLY),
        (_archive, STAFF_ONLY),
        (_restore, STAFF_ONLY),
        (_promote, STAFF_ONLY),
        (_rate, dict.fromkeys(ROLES)),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else None,
)
def test_who_may_do_each_step(app, thread, role, step, expected):
    """Writing, reviewing, publishing, archiving and promoting are for staff; anyone may rate."""
    question, answer, _helper = thread
    staff = make.user("staff")
    objects = {
        "answer": answer,
        "draft": make.article(staff, title="Un brouillon", publish=False),
        "published": make.article(staff, title="Une fiche publiée"),
    }
    actor = None if role == "visitor" else make.user(role)
    error = expected[role]
    if error is None:
        assert step(actor, objects) is not None
    else:
        with pytest.raises(error):
            step(actor, objects)


def test_thread_pages_can_ask_which_answers_are_in_the_knowledge_base(app):
    """Templates get ``kb_articles_for_question`` without the community importing the knowledge base."""
    assert app.jinja_env.globals["kb_articles_for_question"] is queries.articles_for_question
