"""The main journey in a real browser: ask → answer → accept, in French and in English."""

from __future__ import annotations

import factories as make
import pytest

from community.core.extensions import db

TEXT = {
    "fr": {"ask": "Poser une question", "solution": "Solution acceptée"},
    "en": {"ask": "Ask a question", "solution": "Accepted solution"},
}


def _sign_in(page, base, email):
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", make.PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(f"{base}/")


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
    _sign_in(page, live_server, asker)
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
    _sign_in(helper_page, live_server, helper)
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
