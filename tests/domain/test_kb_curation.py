"""The curation queue's reads: which answers to promote first, which articles need a look, what is missing."""

from __future__ import annotations

import math
from datetime import timedelta

import factories as make

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery import operations as discovery
from community.questions import operations as qa
from knowledge_base import curation
from knowledge_base import operations as kb
from knowledge_base.ratings import rate


def solved(title: str, *, votes: int = 0, views: int = 0):
    """A question whose accepted answer got ``votes`` up-votes and whose page was seen ``views`` times."""
    asker = make.user()
    question = make.question(asker, title=title)
    answer = make.answer(question, make.user("ambassador"), body=f"La réponse à : {title}")
    qa.accept_answer(asker, answer)
    for _ in range(votes):
        qa.vote(make.user(), answer, 1)
    question.view_count = views
    db.session.commit()
    return question, answer


def came_back(question, *, duplicates: int = 0, searches: int = 0, suggestions: int = 0) -> None:
    staff = make.user("staff")
    for n in range(duplicates):
        copy = make.question(title=f"La même question, encore une fois ({n})")
        qa.close_question(staff, copy, "duplicate", question.id)
    for n in range(searches):
        entry = discovery.log_search(None, question.title, 3, visit_id=f"search{n}")
        discovery.mark_opened(f"search{n}", entry.id, f"question:{question.id}")
    for n in range(suggestions):
        discovery.record_event(f"visit{n}", "suggestion_opened", target_key=f"question:{question.id}")
    db.session.commit()


def test_candidates_are_ranked_by_votes_views_and_comebacks(app):
    """A thread people keep coming back to outranks a much-read one, which outranks a well-voted one;
    the figures that explain the rank come with each candidate."""
    read, _ = solved("Le Wi-Fi décroche tous les soirs", views=1000)
    voted, _ = solved("Changer le nom du réseau Wi-Fi", votes=3, views=10)
    recurring, _ = solved("Code erreur TV-203 sur le décodeur", views=10)
    came_back(recurring, duplicates=1, searches=1, suggestions=1)

    section = curation.promotion_candidates()

    assert [c.question.id for c in section.items] == [recurring.id, read.id, voted.id]
    assert section.total == 3
    top = section.items[0]
    assert (top.duplicates, top.searches, top.suggestions, top.comebacks) == (1, 1, 1, 3)
    assert top.priority == round(math.log2(11) + 4 * math.log2(4), 1)
    assert section.items[2].score == 3 and section.items[1].views == 1000


def test_promoted_answers_leave_the_candidates_until_their_article_is_archived(app):
    """Once an answer is in the knowledge base (even as a draft) it is not proposed again; archiving
    the article brings it back. Unsolved and hidden threads are never candidates."""
    staff = make.user("staff")
    question, answer = solved("Portabilité : où trouver le code RIO ?")
    other, _ = solved("Voyant rouge fixe après une coupure")
    make.answer(make.question(title="Une question sans réponse acceptée"))
    other.hidden_at = utcnow()
    db.session.commit()
    assert [c.answer.id for c in curation.promotion_candidates().items] == [answer.id]

    article = kb.promote_answer(staff, answer, "faq")
    db.session.commit()
    assert curation.promotion_candidates().items == []

    kb.archive(staff, article)
    db.session.commit()
    assert [c.answer.id for c in curation.promotion_candidates().items] == [answer.id]


def test_candidates_come_in_pages_with_the_total_kept(app):
    questions = [solved(f"Question résolue numéro {n}", views=10 * n)[0] for n in range(3)]
    first, second = curation.promotion_candidates(per_page=2), curation.promotion_candidates(page=2, per_page=2)
    assert [c.question.id for c in first.items + second.items] == [q.id for q in reversed(questions)]
    assert first.total == second.total == 3 and first.has_next and not second.has_next


def _published(title: str, staff):
    return make.article(staff, title=title)


def _rate_many(article, scores, comment: str = ""):
    for stars in scores:
        rate(make.user(), None, article, stars >= 3, stars, comment)
    db.session.commit()


def test_poorly_rated_articles_need_review_first_and_mark_reviewed_clears_them(app):
    """Five poor ratings flag an article: it heads the review list with its average; once staff mark
    it reviewed it leaves the list."""
    staff = make.user("staff")
    flagged = _published("Changer de forfait mobile", staff)
    _published("Lire sa facture", staff)
    _rate_many(flagged, [1, 2, 2, 3, 2])

    section = curation.articles_to_review()

    assert [item.article.id for item in section.items] == [flagged.id]
    item = section.items[0]
    assert item.flagged and not item.stale and item.comments == []
    assert (item.article.rating_average, item.article.rating_count) == (2.0, 5)

    kb.mark_reviewed(staff, flagged)
    db.session.commit()
    assert curation.articles_to_review().total == 0


def test_articles_not_reviewed_for_the_configured_age_are_stale(app):
    """``KB_REVIEW_MAX_AGE_DAYS`` decides; an article never reviewed counts from its publication;
    drafts and archived articles are not listed."""
    staff = make.user("staff")
    old = _published("Que signifient les voyants de la box ?", staff)
    never = _published("Installer le décodeur TV", staff)
    recent = _published("Activer le contrôle parental", staff)
    draft = make.article(staff, title="Un brouillon très ancien", publish=False)
    archived = _published("Un article retiré depuis longtemps", staff)
    kb.archive(staff, archived)
    now = utcnow()
    old.last_reviewed_at = now - timedelta(days=200)
    never.last_reviewed_at, never.published_at = None, now - timedelta(days=400)
    recent.last_reviewed_at = now - timedelta(days=100)
    for article in (draft, archived):
        article.created_at = article.last_reviewed_at = now - timedelta(days=900)
    db.session.commit()

    listed = {item.article.id: item for item in curation.articles_to_review().items}
    assert set(listed) == {old.id, never.id}
    assert listed[never.id].age_days == 400 and listed[never.id].stale
    assert [item.article.id for item in curation.articles_to_review().items] == [never.id, old.id]

    app.config["KB_REVIEW_MAX_AGE_DAYS"] = 90
    assert {item.article.id for item in curation.articles_to_review().items} == {old.id, never.id, recent.id}


def test_negative_comments_since_the_last_review_send_an_article_to_review(app):
    """A "not helpful" or 2-star rating with a comment lists the article with the comment; praise,
    negative ratings without a comment, and comments older than the last review do not."""
    staff = make.user("staff")
    criticised = _published("Redémarrer sa box", staff)
    praised = _published("Changer le mot de passe Wi-Fi", staff)
    silent = _published("Trouver son code RIO", staff)
    rate(make.user(), None, criticised, False, None, "La vidéo montre l'ancien modèle de box.")
    rate(make.user(), None, criticised, True, 2, "Il manque l'étape du câble fibre.")
    rate(make.user(), None, criticised, True, 5, "Très bien.")
    rate(make.user(), None, praised, True, 5, "Parfait, merci !")
    rate(make.user(), None, silent, False, 1, "")
    db.session.commit()

    section = curation.articles_to_review()

    assert [item.article.id for item in section.items] == [criticised.id]
    comments = [r.comment for r in section.items[0].comments]
    assert sorted(comments) == ["Il manque l'étape du câble fibre.", "La vidéo montre l'ancien modèle de box."]
    assert not section.items[0].flagged and not section.items[0].stale

    kb.mark_reviewed(staff, criticised)
    db.session.commit()
    assert curation.articles_to_review().items == []


def test_zero_result_searches_are_grouped_with_a_typed_spelling(app):
    """Searches that found nothing in the last 30 days, grouped by their normalised text, most
    frequent first, with how many times, when last, and the latest spelling someone typed."""
    for text in ("Facture électricité", "facture  electricite", "FACTURE ÉLECTRICITÉ"):
        discovery.log_search(None, text, 0)
    discovery.log_search(None, "code wps", 0)
    discovery.log_search(None, "wifi", 12)
    old = discovery.log_search(None, "minitel", 0)
    old.created_at = utcnow() - timedelta(days=45)
    db.session.commit()

    section = curation.zero_result_searches()

    assert [(z.normalized, z.times) for z in section.items] == [("facture electricite", 3), ("code wps", 1)]
    assert section.items[0].query == "FACTURE ÉLECTRICITÉ"
    assert section.total == 2
    assert section.items[0].last_seen >= section.items[1].last_seen - timedelta(seconds=5)


def test_review_age_defaults_to_180_days(app):
    assert curation.review_max_age_days() == 180


def test_comebacks_count_visits_not_clicks(app):
    """One visit opening a thread 50 times from suggestions and 20 times from its searches is one
    comeback of each kind; three visits opening another once each outrank it."""
    hammered, _ = solved("Code erreur TV-203 sur le décodeur")
    shared, _ = solved("Voyant rouge fixe sur la box")
    first = discovery.record_event("hammer", "suggestion_opened", target_key=f"question:{hammered.id}")
    for _ in range(49):
        assert discovery.record_event("hammer", "suggestion_opened", target_key=f"question:{hammered.id}") is first
    for _ in range(20):
        entry = discovery.log_search(None, hammered.title, 3, visit_id="hammer")
        discovery.mark_opened("hammer", entry.id, f"question:{hammered.id}")
    came_back(shared, searches=3, suggestions=3)

    items = curation.promotion_candidates().items

    assert [(c.question.id, c.searches, c.suggestions) for c in items] == [(shared.id, 3, 3), (hammered.id, 1, 1)]


def test_a_search_can_only_be_marked_opened_by_its_own_visit(app):
    """Another visit, or a request without a visit, cannot say that someone's search helped."""
    entry = discovery.log_search(None, "box orange", 3, visit_id="alice")
    assert not discovery.mark_opened("mallory", entry.id, "question:1")
    assert not discovery.mark_opened(None, entry.id, "question:1")
    assert discovery.mark_opened("alice", entry.id, "question:1")
    assert not discovery.mark_opened("alice", entry.id, "question:2")  # the first result opened stays
    db.session.refresh(entry)
    assert entry.opened_key == "question:1"


def test_result_keys_are_written_one_way():
    assert discovery.result_key("question:0042") == "question:42"
    assert discovery.result_key("article:7") == "article:7"
    for junk in (None, "", "question:", "question:x1", "Question:1", "question:-1", "question:٣", f"q:{'9' * 40}"):
        assert discovery.result_key(junk) is None, junk


def test_zero_result_searches_rank_by_visits(app):
    """Thirty identical searches from one visit rank below one searched by three visits; searches made
    during a request without a visit cookie are logged but not counted."""
    for _ in range(30):
        discovery.log_search(None, "zzjunk qqq", 0, visit_id="junkvisit")
    for n in range(3):
        discovery.log_search(None, "Remboursement caution", 0, visit_id=f"visit{n}")
    with app.test_request_context("/search?q=bruit"):
        noise = [discovery.log_search(None, "bruit de fond", 0) for _ in range(30)]
    db.session.commit()
    assert {entry.visit_id for entry in noise} == {None}

    section = curation.zero_result_searches()

    assert [(z.query, z.times) for z in section.items] == [("Remboursement caution", 3), ("zzjunk qqq", 1)]
    assert section.total == 2


def test_anonymising_the_log_unlinks_searches_from_their_visit(app):
    """After the configured days a search keeps no member and no visit another record could share,
    yet still counts once in the reports."""
    member = make.user()
    old = discovery.log_search(member, "facture", 0, visit_id="0123456789abcdef")
    recent = discovery.log_search(member, "facture", 0, visit_id="0123456789abcdef")
    old.created_at = utcnow() - timedelta(days=100)
    db.session.commit()

    assert discovery.anonymise_queries(90) == 1
    assert discovery.anonymise_queries(90) == 0
    db.session.refresh(old)
    db.session.refresh(recent)
    assert (old.user_id, old.visit_id) == (None, f"anon-{old.id}")
    assert (recent.user_id, recent.visit_id) == (member.id, "0123456789abcdef")
    assert [row[:2] for row in discovery.zero_result_queries(days=365)] == [("facture", 2)]
