"""Staff edit a draft in a real browser: leaving with unsaved changes asks first, and the status
card's "Save and publish" publishes what was typed, without a warning."""

from __future__ import annotations

import factories as make

from community.core.extensions import db
from knowledge_base import operations
from knowledge_base.models import Article


def test_the_editor_warns_before_losing_work_and_publishes_the_edits(live_app, live_server, browser):
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        staff = make.user("staff")
        email = staff.email
        article = operations.create_article(
            staff, "faq", "Box qui redémarre la nuit", "Désactivez la mise à jour nocturne.", "box-internet"
        )
        db.session.commit()
        article_id = article.id
        db.session.remove()
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", make.PASSWORD)
    page.click("form[action='/login'] button[type=submit]")
    page.wait_for_url(f"{live_server}/")

    page.goto(f"{live_server}/kb/{article_id}/edit")
    page.fill("input[name=title]", "Box qui redémarre la nuit : la mise à jour nocturne")
    page.fill("textarea[name=summary]", "Une option de l'appli redémarre la box chaque nuit.")

    dialogs: list[str] = []

    def refuse_to_leave(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", refuse_to_leave)
    with page.expect_event("dialog"):
        page.locator(".breadcrumb a").first.click(no_wait_after=True)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(f"/kb/{article_id}/edit")
    assert page.input_value("input[name=title]") == "Box qui redémarre la nuit : la mise à jour nocturne"

    page.on("dialog", lambda dialog: dialogs.append(dialog.type) or dialog.accept())
    page.click("aside button[name=action][value=publish]")
    page.wait_for_url(f"**/kb/{article_id}/**")
    assert dialogs == ["beforeunload"]  # sending the form does not ask
    assert page.locator("h1").inner_text() == "Box qui redémarre la nuit : la mise à jour nocturne"

    with live_app.app_context():
        saved = db.session.get(Article, article_id)
        assert saved.status == "published" and saved.summary == "Une option de l'appli redémarre la box chaque nuit."
        db.session.remove()
    assert errors == []
    context.close()
