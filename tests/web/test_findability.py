"""Findability over HTTP: the staff curation queue, the sitemap, robots.txt, QAPage data, canonical links."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import factories as make
import pytest

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery import operations as discovery
from community.questions import operations as qa
from knowledge_base import operations as kb
from knowledge_base.ratings import rate

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def _solved(title: str):
    asker, helper = make.user(name="Nadia Asker"), make.user("ambassador", name="Marc Ambassadeur")
    question = make.question(asker, title=title, body="Le voyant clignote en **orange** depuis ce matin.")
    make.answer(question, make.user(name="Other Helper"), body="Essayez un autre câble.")
    answer = make.answer(question, helper, body="Débranchez la box **30 secondes** puis rebranchez-la.")
    qa.accept_answer(asker, answer)
    qa.vote(make.user(), answer, 1)
    db.session.commit()
    return question, answer


@pytest.mark.parametrize(
    ("role", "expected"),
    [(None, 302), ("customer", 403), ("ambassador", 403), ("staff", 200), ("admin", 200)],
)
def test_curation_queue_access(app, client, auth, role, expected):
    """Visitors are sent to sign in; members get 403; staff and admins see the queue."""
    if role:
        auth.login(make.user(role))
    response = client.get("/kb/curation")
    assert response.status_code == expected
    if role is None:
        assert "/login" in response.headers["Location"]


def test_curation_queue_shows_the_three_sections_with_their_actions(app, client, auth):
    """Staff see the answer to promote with its figures and promote buttons, the flagged article with
    its average and negative comment, and the search that found nothing with "Write an article"."""
    staff = make.user("staff")
    question, answer = _solved("Voyant orange qui clignote sur la box")
    article = make.article(staff, title="Changer de forfait mobile")
    for stars in (1, 2, 2, 1, 3):
        rate(make.user(), None, article, False, stars, "Le menu a changé dans l'appli." if stars == 3 else "")
    discovery.log_search(None, "facture électricité", 0)
    db.session.commit()

    auth.login(staff)
    html = client.get("/kb/curation?lang=en").get_data(as_text=True)

    for section in ('id="promote"', 'id="review"', 'id="missing"'):
        assert section in html
    assert question.title in html and "Marc Ambassadeur" in html
    assert f'action="/answers/{answer.id}/promote"' in html
    assert 'name="kind" value="faq"' in html and 'name="kind" value="tutorial"' in html
    assert "Changer de forfait mobile" in html and "1.8/5" in html
    assert "Le menu a changé dans l&#39;appli." in html
    assert f'action="/kb/{article.id}/status"' in html and 'name="action" value="reviewed"' in html
    assert 'name="next" value="/kb/curation#review"' in html
    assert f"/kb/{article.id}/edit" in html
    assert "facture électricité" in html and "/kb/new?title=facture+%C3%A9lectricit%C3%A9" in html


def test_curation_queue_empty_states(app, client, auth):
    auth.login(make.user("staff"))
    html = client.get("/kb/curation?lang=en").get_data(as_text=True)
    assert "Every accepted answer is already in the knowledge base." in html
    assert "Every published article is up to date and well rated." in html
    assert "No search came back empty in the last 30 days." in html


def test_promoting_from_the_queue_takes_the_answer_out_of_it(app, client, auth):
    question, answer = _solved("Code erreur TV-203 sur le décodeur")
    auth.login(make.user("staff"))
    response = client.post(f"/answers/{answer.id}/promote", data={"kind": "tutorial"})
    assert response.status_code == 302
    assert f"/answers/{answer.id}/promote" not in client.get("/kb/curation?lang=en").get_data(as_text=True)


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    return ET.fromstring(response.get_data())


def test_sitemap_lists_visible_questions_and_published_articles_only(app, client):
    """Home, the question list, the knowledge-base home, visible questions with their last activity
    and published articles; never drafts, articles in review, archived ones or hidden questions."""
    staff = make.user("staff")
    visible, _ = _solved("Une question visible de tous")
    hidden = make.question(title="Une question masquée par la modération")
    hidden.hidden_at = utcnow()
    published = make.article(staff, title="Redémarrer correctement sa box")
    draft = make.article(staff, title="Un brouillon pas encore relu", publish=False)
    in_review = make.article(staff, title="Un article en relecture", publish=False)
    kb.submit_for_review(staff, in_review)
    archived = make.article(staff, title="Un article retiré")
    kb.archive(staff, archived)
    db.session.commit()

    root = _sitemap(client)
    locs = [loc.text for loc in root.findall("sm:url/sm:loc", NS)]

    assert "http://localhost/" in locs and "http://localhost/questions" in locs and "http://localhost/kb" in locs
    assert f"http://localhost/questions/{visible.id}/{visible.slug}" in locs
    assert f"http://localhost/kb/{published.id}/{published.slug}" in locs
    assert not any(f"/questions/{hidden.id}/" in loc for loc in locs)
    for article in (draft, in_review, archived):
        assert not any(f"/kb/{article.id}/" in loc for loc in locs)
    entry = next(u for u in root.findall("sm:url", NS) if u.find("sm:loc", NS).text.endswith(visible.slug))
    assert entry.find("sm:lastmod", NS).text.startswith(visible.last_activity_at.date().isoformat())


def test_sitemap_gives_language_alternates_for_every_address(app, client):
    question, _ = _solved("Comment changer le mot de passe du Wi-Fi ?")
    root = _sitemap(client)
    for url in root.findall("sm:url", NS):
        loc = url.find("sm:loc", NS).text
        links = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        assert links == {"fr": f"{loc}?lang=fr", "en": f"{loc}?lang=en", "x-default": loc}


def test_sitemap_is_capped(app, client, monkeypatch):
    from community.core import sitemap

    for n in range(3):
        make.question(title=f"Question numéro {n} pour le plafond")
    monkeypatch.setattr(sitemap, "MAX_URLS", 4)
    assert len(_sitemap(client).findall("sm:url", NS)) == 4


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(app, client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in text
    for path in ("/api/", "/admin", "/kb/staff", "/kb/curation", "/search"):
        assert f"Disallow: {path}\n" in text
    assert "Disallow: /questions" not in text and "Disallow: /kb\n" not in text


def _json_ld(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_question_page_carries_qapage_data_with_the_accepted_answer(app, client):
    """Search engines read the question, its accepted answer and the other visible answers."""
    question, answer = _solved("Voyant orange <script> sur la box")
    hidden = make.answer(question, body="Une réponse masquée par la modération.")
    hidden.hidden_at = utcnow()
    db.session.commit()
    html = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)

    assert "<script> sur" not in html.split("<body", 1)[0].split("ld+json", 1)[1]
    data = _json_ld(html)
    assert data["@type"] == "QAPage"
    entity = data["mainEntity"]
    assert entity["@type"] == "Question" and entity["name"] == question.title
    assert entity["text"] == "Le voyant clignote en orange depuis ce matin."
    assert entity["answerCount"] == 2 and entity["author"] == {"@type": "Person", "name": "Nadia Asker"}
    accepted = entity["acceptedAnswer"]
    page = f"http://localhost/questions/{question.id}/{question.slug}"
    assert accepted == {
        "@type": "Answer",
        "text": "Débranchez la box 30 secondes puis rebranchez-la.",
        "upvoteCount": 1,
        "url": f"{page}#answer-{answer.id}",
        "dateCreated": answer.created_at.replace(microsecond=0).isoformat() + "Z",
        "author": {"@type": "Person", "name": "Marc Ambassadeur"},
    }
    assert [a["text"] for a in entity["suggestedAnswer"]] == ["Essayez un autre câble."]


def test_unanswered_question_has_no_answers_in_its_data(app, client):
    question = make.question(title="Une question encore sans réponse")
    data = _json_ld(client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True))
    assert data["mainEntity"]["answerCount"] == 0
    assert "acceptedAnswer" not in data["mainEntity"] and "suggestedAnswer" not in data["mainEntity"]


def test_question_page_has_canonical_and_language_links(app, client):
    question = make.question(title="Débit fibre bien en dessous de l'annoncé")
    page = f"http://localhost/questions/{question.id}/{question.slug}"
    html = client.get(f"/questions/{question.id}/{question.slug}?sort=votes").get_data(as_text=True)
    assert f'<link rel="canonical" href="{page}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{page}?lang=en">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{page}">' in html


def test_stale_article_appears_in_the_queue_with_its_review_age(app, client, auth):
    staff = make.user("staff")
    article = make.article(staff, title="Que signifient les voyants de la box ?")
    article.last_reviewed_at = utcnow() - timedelta(days=240)
    db.session.commit()
    auth.login(staff)
    html = client.get("/kb/curation?lang=en").get_data(as_text=True)
    assert "Que signifient les voyants de la box ?" in html and "Reviewed" in html
