"""The main journeys in a real browser, in French and in English: ask → answer → accept, and a
visitor's question checked, kept through sign-in and answered on the confirmation step."""

from __future__ import annotations

import factories as make
import pytest
from browsertools import sign_in

from community.core.extensions import db
from community.discovery import searching
from community.discovery.models import DeflectionEvent
from community.questions import operations as qa

TEXT = {
    "fr": {"ask": "Poser une question", "solution": "Solution acceptée"},
    "en": {"ask": "Ask a question", "solution": "Accepted solution"},
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_ask_answer_accept_in_the_browser(live_app, live_server, browser, language):
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        asker = make.user(name="Léa Martin").email
        helper = make.user("ambassador", name="Hugo Ambassadeur").email
        db.session.remove()
    errors: list[str] = []

    def new_page():
        """Each member in a browser of their own: French on a desktop, English on a phone."""
        context = browser.new_context(
            locale="fr-FR" if language == "fr" else "en-US",
            viewport={"width": 390, "height": 844} if language == "en" else None,
        )
        page = context.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        return page

    page = new_page()
    sign_in(page, live_server, asker)
    assert page.locator("html").get_attribute("lang") == language
    page.goto(f"{live_server}/questions/ask")
    assert TEXT[language]["ask"] in page.content()
    page.fill("input[name=title]", "Ma box clignote en orange depuis ce matin")
    page.fill("textarea[name=body]", "Le voyant **clignote** et je n'ai plus internet. J'ai déjà redémarré.")
    page.select_option("select[name=category]", "box-internet")
    page.fill("input[name=tags]", "box, voyant")
    page.click("form[action='/questions/ask'] button[type=submit]")
    page.wait_for_url("**/questions/*/ma-box-clignote-en-orange-depuis-ce-matin")
    question_url = page.url
    assert page.locator("h1").inner_text().strip() == "Ma box clignote en orange depuis ce matin"

    helper_page = new_page()
    sign_in(helper_page, live_server, helper)
    helper_page.goto(question_url)
    helper_page.fill(
        "form[action*='/answers'] textarea[name=body]", "Débranchez la box 30 secondes puis rebranchez-la."
    )
    helper_page.click("form[action*='/answers'] button[type=submit]")
    helper_page.wait_for_selector("text=Débranchez la box 30 secondes")

    page.goto(question_url)
    page.click("form[action$='/accept'] button[type=submit]")
    page.wait_for_selector(".answer.is-accepted, [data-accepted='true']")
    accepted = page.locator(".answer.is-accepted, [data-accepted='true']").first
    assert "Débranchez la box" in accepted.inner_text()
    assert TEXT[language]["solution"] in accepted.inner_text()
    assert errors == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_visitor_asks_signs_in_and_finds_the_answer_on_the_confirmation_step(
    live_app, live_server, browser, language
):
    """An invalid question comes back with its errors (no confirmation step); a valid one is kept
    through sign-in, restored with a "not published yet" notice, then matched with a solved question
    whose solution shows; "Yes, this answers my question" leads to it."""
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        asker = make.user()
        solved = make.question(asker, title="Ma box clignote en orange depuis ce matin")
        qa.accept_answer(asker, make.answer(solved, body="Débranchez la box trente secondes puis rebranchez-la."))
        db.session.commit()
        searching.drain()
        solved_path = f"/questions/{solved.id}/"
        visitor = make.user(locale=language).email
        db.session.remove()
    context = browser.new_context(
        locale="fr-FR" if language == "fr" else "en-US", viewport={"width": 360, "height": 800}
    )
    page = context.new_page()
    errors: list[str] = []  # the refused form's 422 is expected: script errors are not
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{live_server}/questions/ask")
    page.fill("input[name=title]", "box")
    page.click("form.form-card button[type=submit]")
    assert page.locator(".form-errors").is_visible()
    assert page.locator(".confirm-match").count() == 0
    assert page.input_value("input[name=title]") == "box"

    page.fill("input[name=title]", "Ma box clignote en orange")
    page.fill("textarea[name=body]", "Le voyant est orange et rien ne marche depuis ce matin.")
    page.select_option("select[name=category]", "box-internet")
    page.click("form.form-card button[type=submit]")
    page.wait_for_url("**/login?next=**")
    page.fill("input[name=email]", visitor)
    page.fill("input[name=password]", make.PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/questions/ask")
    assert page.locator(".notice-draft").is_visible()
    assert page.input_value("input[name=title]") == "Ma box clignote en orange"

    page.click("form.form-card button[type=submit]")
    match = page.locator(".confirm-match").first
    match.wait_for()
    assert TEXT[language]["solution"] in match.inner_text()
    assert "Débranchez la box trente secondes" in match.inner_text()
    match.locator(".confirm-yes button").click()
    page.wait_for_url(f"**{solved_path}*")
    with live_app.app_context():
        kinds = [e.kind for e in db.session.scalars(db.select(DeflectionEvent).order_by(DeflectionEvent.id))]
        db.session.remove()
    assert kinds.count("confirm_shown") == 1 and kinds[-1] == "deflected"
    assert errors == []
    context.close()
