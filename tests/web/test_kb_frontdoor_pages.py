"""What a reader meets around the articles: counters in words, tutorial steps with titles, related
articles found by the search, and a solved question that points to the article covering it."""

from __future__ import annotations

import json
import re

import factories as make
import pytest

from community.core.errors import ValidationError
from community.core.extensions import db
from community.discovery import searching
from community.questions import operations as qa
from knowledge_base import operations as kb

STEPS = [
    "## Débrancher la box\n\nDébranchez la box de la prise.",
    "## Patienter\n\nAttendez **trente secondes**.",
    "Rebranchez-la et patientez.",
]


@pytest.fixture(autouse=True)
def english(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def _url(article, *rest) -> str:
    return "/".join([f"/kb/{article.id}/{article.slug}", *map(str, rest)])


def _tutorial(**kwargs):
    kwargs.setdefault("title", "Redémarrer sa box en trois étapes")
    kwargs.setdefault("body", "Un redémarrage règle la plupart des coupures.")
    return make.article(kind="tutorial", steps=STEPS, **kwargs)


def test_topic_counters_say_how_many_faq_entries_and_tutorials(app, client):
    staff = make.user("staff")
    for title in ("Réinitialiser sa box internet", "Voyant rouge sur la box", "Box lente le soir"):
        make.article(staff, title=title)
    _tutorial(actor=staff)
    _tutorial(actor=staff, title="Brancher le répéteur wifi")
    html = client.get("/kb").get_data(as_text=True)
    counts = re.search(r'<p class="kb-topic-count">(.*?)</p>', html, re.S).group(1)
    text = " ".join(re.sub(r'<span class="visually-hidden">.*?</span>|<[^>]+>', " ", counts).split())
    assert text == "3 FAQs · 2 tutorials"
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    html = client.get("/kb").get_data(as_text=True)
    assert "tutoriels" in re.search(r'<p class="kb-topic-count">(.*?)</p>', html, re.S).group(1)


def test_tutorial_steps_show_their_titles(app, client):
    tutorial = _tutorial()
    html = client.get(_url(tutorial)).get_data(as_text=True)
    assert '<h3 class="kb-step-item-title">Débrancher la box</h3>' in html
    assert '<h3 class="kb-step-item-title">Patienter</h3>' in html
    assert "<h2>Débrancher la box</h2>" not in html  # the title is not repeated in the step's text

    html = client.get(_url(tutorial, "step", 2)).get_data(as_text=True)
    assert "<title>Step 2 of 3: Patienter · Redémarrer sa box en trois étapes" in html
    assert re.search(r'<h1 id="kb-step-title" class="kb-step-title">.*?Patienter\s*</h1>', html, re.S)
    assert "Step 2 of 3" in html
    assert 'aria-label="Step 1: Débrancher la box"' in html and 'aria-label="Step 3"' in html
    assert "Next: " not in html  # step 3 has no title to announce
    assert "Next: Patienter" in client.get(_url(tutorial, "step", 1)).get_data(as_text=True)

    html = client.get(_url(tutorial, "step", 3)).get_data(as_text=True)
    assert re.search(r'class="kb-step-title">.*?Step 3\s*</h1>', html, re.S)

    html = client.get(_url(tutorial)).get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert [s.get("name") for s in data["step"]] == ["Débrancher la box", "Patienter", None]
    assert data["step"][0]["text"] == "Débranchez la box de la prise."


def test_the_editor_shows_a_step_title_field_and_saves_it_as_the_heading(app, client, auth):
    staff = make.user("staff")
    tutorial = _tutorial(actor=staff, publish=False)
    auth.login(staff)
    page = client.get(f"/kb/{tutorial.id}/edit").get_data(as_text=True)
    assert re.search(r'name="steps-0-title"[^>]*value="Débrancher la box"', page)
    assert "## Débrancher la box" not in page
    data = {
        "kind": "tutorial",
        "title": tutorial.title,
        "summary": "",
        "body": tutorial.body,
        "category": tutorial.category.slug,
        "language": "fr",
        "steps-0-origin": "1",
        "steps-0-title": "Couper le courant",
        "steps-0-text": "Débranchez la box de la prise.",
        "steps-1-origin": "2",
        "steps-1-title": "",
        "steps-1-text": "Attendez **trente secondes**.",
        "steps-2-title": "Rebrancher",
        "steps-2-text": "",
    }
    assert client.post(f"/kb/{tutorial.id}/edit", data=data).status_code == 302
    db.session.refresh(tutorial)
    assert [s.text for s in tutorial.steps] == [
        "## Couper le courant\n\nDébranchez la box de la prise.",
        "Attendez **trente secondes**.",
        "## Rebrancher",
    ]
    assert [s.title for s in tutorial.steps] == ["Couper le courant", "", "Rebrancher"]


def test_the_api_and_imports_take_steps_with_titles(app, client):
    staff = make.user("staff")
    article = kb.create_article(
        staff,
        "tutorial",
        "Appairer la télécommande",
        "Il faut le décodeur allumé.",
        make.category().slug,
        steps=[{"title": "Allumer le décodeur", "text": "Appuyez sur le bouton."}, "Maintenez OK."],
    )
    kb.publish(staff, article)
    db.session.commit()
    steps = client.get(f"/api/v1/articles/{article.id}").get_json()["steps"]
    assert [(s["title"], s["text"]) for s in steps] == [
        ("Allumer le décodeur", "## Allumer le décodeur\n\nAppuyez sur le bouton."),
        ("", "Maintenez OK."),
    ]
    with pytest.raises(ValidationError) as refused:
        kb.edit_article(staff, article, steps=[{"title": "T" * 121, "text": "x"}])
    assert "120" in refused.value.fields["steps"]


def test_related_articles_come_from_the_similar_content_search_before_the_category(app, client):
    """An article about the same thing in another topic beats an unrelated one of the same topic."""
    staff = make.user("staff")
    make.category("tv-decodeur", "TV et décodeur", actor=make.user("admin"))
    article = make.article(staff, title="Wi-Fi lent le soir : changer de canal", body="Le canal wifi encombré.")
    alike = make.article(
        staff,
        title="Changer le canal wifi du décodeur",
        body="Le canal wifi du décodeur se change dans le menu.",
        category_slug="tv-decodeur",
    )
    make.article(staff, title="Comprendre les voyants de la box", body="Le voyant blanc est normal.")
    searching.drain()
    html = client.get(_url(article)).get_data(as_text=True)
    related = html[html.index('id="kb-related-title"') :]
    assert alike.title in related
    assert related.index(alike.title) < related.index("Comprendre les voyants de la box")


def test_a_solved_question_links_to_the_article_made_from_its_answer(app, client):
    asker, staff = make.user(), make.user("staff")
    question = make.question(asker, title="Le décodeur n'a plus de son")
    answer = make.answer(question, body="Passez la sortie audio en PCM.")
    qa.accept_answer(asker, answer)
    article = kb.promote_answer(staff, answer, "faq")
    db.session.commit()
    url = f"/questions/{question.id}/{question.slug}"
    assert "Covered in the help article:" not in client.get(url).get_data(as_text=True)  # a draft

    kb.edit_article(staff, article, title="Décodeur : retrouver le son")
    kb.publish(staff, article)
    db.session.commit()
    html = client.get(url).get_data(as_text=True)
    cover = re.search(r'<div class="notice notice-kb question-cover">(.*?)</div>', html, re.S).group(1)
    assert "Covered in the help article:" in cover
    assert f'<a href="/kb/{article.id}/{article.slug}" lang="fr">Décodeur : retrouver le son</a>' in cover

    kb.archive(staff, article)
    db.session.commit()
    assert "Covered in the help article:" not in client.get(url).get_data(as_text=True)
