"""The bell in a real browser: an answer arrives, the asker sees the count, opens the list, lands on the
answer, and the count drops — on a desktop (bell in the navigation) and on a phone (bell in the row)."""

from __future__ import annotations

import factories as make
import pytest
from browsertools import sign_in

from community.core.extensions import db
from community.questions.models import Question


@pytest.mark.parametrize(("language", "width"), [("fr", 1440), ("en", 360)])
def test_an_answer_lights_the_bell_and_leads_to_itself(live_app, live_server, browser, language, width):
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        asker = make.user(name="Léa Martin")
        question = make.question(asker, title="Ma box clignote en orange depuis ce matin")
        question_path = f"/questions/{question.id}/{question.slug}"
        email = asker.email
        db.session.remove()
    context = browser.new_context(
        locale="fr-FR" if language == "fr" else "en-US", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(page, live_server, email)
    bell = page.locator(".bell:visible")
    assert bell.count() == 1
    assert page.locator(".bell:visible .bell-count").count() == 0

    with live_app.app_context():
        helper = make.user("ambassador", name="Marc Dubreuil")
        answer = make.answer(db.session.get(Question, question.id), helper, "Débranchez la box trente secondes.")
        answer_id = answer.id
        db.session.remove()

    page.reload()
    count = page.locator(".bell:visible .bell-count")
    assert count.inner_text() == "1"
    box = count.bounding_box()
    assert box is not None and box["y"] < 80, "the count is in the header row, without opening the menu"

    page.locator(".bell:visible").click()
    page.wait_for_url(f"{live_server}/notifications")
    item = page.locator(".notif.is-unread")
    assert item.count() == 1
    assert "Marc Dubreuil" in item.inner_text()
    if language == "en":
        assert "Marc Dubreuil answered your question" in item.inner_text()
    item.locator(".notif-link").click()
    page.wait_for_url(f"{live_server}{question_path}#answer-{answer_id}")
    assert page.locator(f"#answer-{answer_id}").is_visible()
    assert page.locator(".bell:visible .bell-count").count() == 0
    assert errors == []
    context.close()
