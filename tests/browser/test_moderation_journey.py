"""Moderation in a real browser: three members flag a spam answer, it disappears for a visitor at
once; staff restore it from the queue and it is back."""

from __future__ import annotations

import factories as make
from browsertools import sign_in

from community.core.extensions import db


def test_three_flags_hide_an_answer_and_staff_restore_it_from_the_queue(live_app, live_server, browser):
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        question = make.question(make.user(name="Paul Asker"), title="Ma box clignote en orange depuis ce matin")
        answer = make.answer(question, make.user(name="Sam Spammeur"), body="Gagnez 500 € par jour sur gains.example")
        flaggers = [make.user(name=f"Membre {n}").email for n in range(3)]
        staff = make.user("staff", name="Nina Support").email
        url, answer_id = f"{live_server}/questions/{question.id}", answer.id
        db.session.remove()
    errors: list[str] = []

    def new_page():
        page = browser.new_context(locale="fr-FR").new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        return page

    visitor = new_page()
    visitor.goto(url)
    assert "Gagnez 500 €" in visitor.content()

    for email in flaggers:
        page = new_page()
        sign_in(page, live_server, email)
        page.goto(url)
        page.click(f"#answer-{answer_id} summary.flag-toggle")
        page.click(f"#answer-{answer_id} button[name=reason][value=spam]")
        page.wait_for_load_state()
        page.context.close()

    visitor.goto(url)
    assert "Gagnez 500 €" not in visitor.content()

    moderator = new_page()
    sign_in(moderator, live_server, staff)
    moderator.goto(f"{live_server}/moderation")
    entry = moderator.locator(".mod-entry", has_text="Gagnez 500 €")
    assert "3" in entry.locator(".mod-flags summary").inner_text()
    entry.locator("form[action$='/restore'] button[type=submit]").click()
    moderator.wait_for_url(f"{live_server}/moderation")
    assert moderator.locator(".mod-entry", has_text="Gagnez 500 €").count() == 0

    visitor.goto(url)
    assert "Gagnez 500 €" in visitor.content()
    assert errors == []
