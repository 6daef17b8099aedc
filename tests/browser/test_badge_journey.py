"""Reputation in a real browser: the asker accepts an answer; the answerer finds the notification
under the bell, then the "First solution" badge and the points on their profile."""

from __future__ import annotations

import factories as make
from browsertools import sign_in

from community.core.extensions import db


def test_an_accepted_answer_brings_a_notification_and_a_badge(live_app, live_server, browser):
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        asker, answerer = make.user(name="Paul Asker"), make.user(name="Sophie Lambert")
        question = make.question(asker, title="Le Wi-Fi de ma box ne s'affiche plus sur mon téléphone")
        answer = make.answer(
            question, answerer, body="Redémarrez la box puis réactivez le Wi-Fi 2,4 GHz dans l'interface."
        )
        url, answer_id, profile = (
            f"{live_server}/questions/{question.id}",
            answer.id,
            f"{live_server}/users/{answerer.id}",
        )
        emails = asker.email, answerer.email
        db.session.remove()
    errors: list[str] = []

    def new_page():
        page = browser.new_context(locale="fr-FR").new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        return page

    paul = new_page()
    sign_in(paul, live_server, emails[0])
    paul.goto(url)
    paul.click(f"#answer-{answer_id} button:has-text('Accepter comme solution')")
    paul.wait_for_load_state()
    assert paul.locator(f"#answer-{answer_id}.is-accepted").count() == 1

    sophie = new_page()
    sign_in(sophie, live_server, emails[1])
    assert sophie.locator(".bell:visible .bell-count").inner_text().strip() != ""
    sophie.locator(".bell:visible").click()
    sophie.wait_for_load_state()
    listed = sophie.locator("main").inner_text()
    assert "Paul Asker" in listed and "Première solution" in listed

    sophie.goto(profile)
    badges = sophie.locator(".rep-badges").inner_text()
    assert "Première solution" in badges and "Première réponse" in badges
    assert "15" in sophie.locator(".rep-total, .profile-stats, .rep-card").first.inner_text()
    assert errors == []
