"""A customer walks a tutorial step by step in a real browser, then rates it."""

from __future__ import annotations

import factories as make
import pytest

from community.core.extensions import db
from knowledge_base import operations
from knowledge_base.models import Article, Rating

STEPS = [
    "Débranchez la box de la prise électrique.",
    "Attendez **30 secondes**.",
    "Rebranchez la box et attendez que le voyant soit blanc.",
]
TEXT = {
    "fr": {"progress": "Étape {n} sur {total}", "next": "Étape suivante"},
    "en": {"progress": "Step {n} of {total}", "next": "Next step"},
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_customer_follows_a_tutorial_and_rates_it(live_app, live_server, browser, language):
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        staff = make.user("staff")
        article = operations.create_article(
            staff, "tutorial", "Redémarrer sa box", "Quand internet ne répond plus.", "box-internet", steps=STEPS
        )
        operations.publish(staff, article)
        db.session.commit()
        address = f"/kb/{article.id}/{article.slug}"
        article_id = article.id
        db.session.remove()
    words = TEXT[language]
    errors: list[str] = []
    context = browser.new_context(
        locale="fr-FR" if language == "fr" else "en-US",
        viewport={"width": 360, "height": 740} if language == "en" else None,
    )
    page = context.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(live_server + address)
    assert page.locator("h1").inner_text() == "Redémarrer sa box"
    page.locator(f"a[href$='{address}/step/1']").first.click()
    for number, text in enumerate(STEPS, 1):
        assert words["progress"].format(n=number, total=len(STEPS)) in page.locator(".kb-progress-label").inner_text()
        assert text.replace("**", "") in page.locator(".kb-step-text").inner_text()
        if number < len(STEPS):
            page.click(f"text={words['next']}")
            page.wait_for_url(f"**/step/{number + 1}")

    # One click records the answer in place; stars and a comment are an optional second step.
    page.click("button.kb-choice-yes")
    page.locator(".kb-rating-more").wait_for(state="visible")
    assert page.locator(".kb-choice-yes").get_attribute("aria-pressed") == "true"
    assert "/step/3" in page.url
    with live_app.app_context():
        assert db.session.get(Article, article_id).rating_count == 1
        db.session.remove()
    page.click("label[for=stars-4]")
    page.fill("textarea[name=comment]", "Clair et rapide, merci !")
    page.locator(".kb-rating-more button[type=submit]").click()
    page.locator(".kb-rating-more").wait_for(state="hidden")
    assert page.locator(".kb-rating-message.is-done").is_visible()
    assert "4" in page.locator(".kb-rating-summary").inner_text()

    with live_app.app_context():
        ratings = db.session.query(Rating).filter_by(article_id=article_id).all()
        assert [(r.helpful, r.stars, r.comment) for r in ratings] == [(True, 4, "Clair et rapide, merci !")]
        assert db.session.get(Article, article_id).rating_count == 1
        db.session.remove()
    assert errors == []
    context.close()
