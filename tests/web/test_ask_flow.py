"""Asking a question over HTTP: the form is checked before the "Do these answer your question?"
step, which shows what each match says, counts in words, and a draft restored after signing in."""

from __future__ import annotations

import factories as make
from sqlalchemy import select

from community.core.extensions import db
from community.discovery import searching
from community.discovery.models import DeflectionEvent
from community.questions import operations as qa

SOLUTION = (
    "Débranchez la box trente secondes, rebranchez-la et attendez que le voyant passe au blanc fixe. "
    "Si le voyant reste orange, vérifiez que le câble fibre est bien clipsé des deux côtés, puis lancez "
    "le diagnostic depuis votre espace client. FIN-DE-LA-REPONSE"
)
ASK = {"title": "Ma box clignote en orange", "body": "Le voyant est orange et rien ne marche.", "tags": ""}


def _solved(title: str, solution: str = SOLUTION):
    asker = make.user()
    question = make.question(asker, title=title)
    qa.accept_answer(asker, make.answer(question, body=solution))
    db.session.commit()
    searching.drain()
    return question


def _events() -> list[str]:
    return [e.kind for e in db.session.scalars(select(DeflectionEvent).order_by(DeflectionEvent.id))]


def test_an_invalid_question_gets_its_errors_and_never_the_confirmation_step(app, client, auth):
    """Title "box", no details, no category: the form comes back with the reasons beside the
    fields and what was typed, even though a solved question matches the title."""
    _solved("Ma box clignote en orange")
    auth.login(make.user(locale="en"))
    response = client.post("/questions/ask", data={"title": "box", "body": "", "category": "", "tags": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Do these answer your question?" not in html and "Does this answer your question?" not in html
    assert 'value="box"' in html and 'aria-invalid="true"' in html
    assert "Title: Write at least 10 characters." in html
    assert "Category: Choose a category." in html
    assert _events() == []


def test_a_visitor_fixes_the_form_before_being_asked_to_sign_in(app, client):
    """A visitor's invalid question is not kept for after sign-in: the errors come first."""
    _solved("Ma box clignote en orange")
    response = client.post("/questions/ask?lang=en", data={"title": "box", "body": "Un peu court", "category": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "Location" not in response.headers
    assert 'value="box"' in html and "Un peu court" in html
    assert "Details: Write at least 20 characters." in html
    with client.session_transaction() as session:
        assert "ask_draft" not in session


def test_the_restored_draft_says_it_is_not_published_and_then_confirms_before_posting(app, client):
    """Sign in with a draft: a notice says it is not published; posting it goes through the
    confirmation step when it matches, like any question."""
    _solved("Ma box clignote en orange depuis ce matin")
    user = make.user(locale="en")
    response = client.post("/questions/ask", data=dict(ASK, category="box-internet"))
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    client.post("/login", data={"email": user.email, "password": make.PASSWORD})
    html = client.get("/questions/ask").get_data(as_text=True)
    assert "Your question is not published yet: check it and post it." in html
    assert 'value="Ma box clignote en orange"' in html
    assert "not published yet" not in client.get("/questions/ask").get_data(as_text=True)
    confirm = client.post("/questions/ask", data=dict(ASK, category="box-internet")).get_data(as_text=True)
    assert "Does this answer your question?" in confirm


def test_confirmation_shows_the_start_of_the_accepted_answer(app, client, auth):
    """Under a solved question: about 200 characters of its accepted solution, as text."""
    make.category()
    _solved("Ma box clignote en orange depuis ce matin", solution=SOLUTION.replace("trente", "**trente**"))
    auth.login(make.user(locale="en"))
    response = client.post("/questions/ask", data=dict(ASK, category="box-internet"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Accepted solution" in html
    assert "Débranchez la box trente secondes, rebranchez-la" in html and "<strong>trente" not in html
    assert "FIN-DE-LA-REPONSE" not in html and "…" in html
    assert "Yes, this answers my question" in html
    assert _events() == ["confirm_shown"]


def test_confirmation_shows_an_article_summary_and_counts_in_words(app, client, auth):
    """One solved question and one article: "1 help article and 1 solved question look…", each
    with what it says; a single match is counted in the singular, in English and in French."""
    make.category()
    _solved("Ma box clignote en orange depuis ce matin")
    make.article(
        title="Ma box clignote en orange : que faire ?",
        body="Le voyant orange signale une perte de synchronisation.",
        summary="Ce que signifie le voyant orange et comment revenir au blanc fixe.",
    )
    searching.drain()
    auth.login(make.user(locale="en"))
    html = client.post("/questions/ask", data=dict(ASK, category="box-internet")).get_data(as_text=True)
    assert "Do these answer your question?" in html
    assert "1 help article and 1 solved question look very close to your question." in html
    assert "Ce que signifie le voyant orange et comment revenir au blanc fixe." in html
    assert "Débranchez la box trente secondes" in html


def test_a_single_match_is_counted_in_the_singular(app, client, auth):
    make.category()
    _solved("Ma box clignote en orange depuis ce matin")
    english, french = make.user(locale="en"), make.user(locale="fr")
    auth.login(english)
    html = client.post("/questions/ask", data=dict(ASK, category="box-internet")).get_data(as_text=True)
    assert "Does this answer your question?" in html and "1 solved question looks very close to yours." in html
    auth.logout()
    auth.login(french)
    html = client.post("/questions/ask", data=dict(ASK, category="box-internet")).get_data(as_text=True)
    assert "Est-ce la réponse à votre question\u00a0?" in html


def test_two_solved_questions_are_counted_in_the_plural(app, client, auth):
    make.category()
    _solved("Ma box clignote en orange depuis ce matin")
    _solved("Ma box clignote en orange après une coupure")
    auth.login(make.user(locale="en"))
    html = client.post("/questions/ask", data=dict(ASK, category="box-internet")).get_data(as_text=True)
    assert "Do these answer your question?" in html and "2 solved questions look very close to yours." in html
    auth.logout()
    auth.login(make.user(locale="fr"))
    html = client.post("/questions/ask", data=dict(ASK, category="box-internet")).get_data(as_text=True)
    assert "Votre réponse se trouve-t-elle ici\u00a0?" in html


def test_compact_question_lists_say_how_many_answers_in_words(app, client):
    """On a profile, each question says "No answers", "1 answer"… for everyone, not only screen readers."""
    asker = make.user()
    make.question(asker, title="Une question sans aucune réponse")
    answered = make.question(asker, title="Une question avec deux réponses")
    make.answer(answered)
    make.answer(answered)
    html = client.get(f"/users/{asker.id}?lang=en").get_data(as_text=True)
    assert "No answers" in html and "2 answers" in html


def test_the_language_a_visitor_chose_survives_signing_in(app, client):
    make.category()
    user = make.user(locale="en")
    client.post("/questions/ask", data=dict(ASK, category="box-internet", language="en"))
    client.post("/login", data={"email": user.email, "password": make.PASSWORD})
    html = client.get("/questions/ask").get_data(as_text=True)
    assert '<option selected value="en">' in html or '<option value="en" selected>' in html
