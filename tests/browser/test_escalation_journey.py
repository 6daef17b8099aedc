"""Escalation in a real browser: a customer searches, reads a help article and talks to an advisor;
the advisor sees that search and that article in the case and replies; the customer reads the
reply, marks the request resolved and answers the two satisfaction questions."""

from __future__ import annotations

import factories as make
from browsertools import sign_in
from sqlalchemy import select

from community.core.extensions import db
from community.escalation.models import Case


def test_a_customer_escalates_with_their_journey_and_rates_the_answer(live_app, live_server, browser):
    with live_app.app_context():
        make.category("box-internet", "Box internet")
        article = make.article(
            title="Comprendre un double prélèvement sur sa facture",
            body="Un second prélèvement est remboursé sous 5 jours.",
        )
        customer = make.user(name="Karim Benali").email
        advisor = make.user("staff", name="Camille Support").email
        article_path = f"/kb/{article.id}"
        db.session.remove()
    errors: list[str] = []

    def new_page():
        page = browser.new_context(locale="fr-FR").new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        return page

    karim = new_page()
    sign_in(karim, live_server, customer)
    karim.goto(f"{live_server}/search?q=double+prélèvement")
    karim.goto(f"{live_server}{article_path}")
    assert "Comprendre un double prélèvement" in karim.content()
    karim.click("a[href*='/advisor?article=']")
    share = karim.locator(".advisor-share, fieldset:has(input[name=share])").first
    assert "double prélèvement" in share.inner_text() and "Comprendre un double prélèvement" in share.inner_text()
    karim.fill("input[name=subject]", "Prélevé deux fois en novembre")
    karim.fill("textarea[name=message]", "J'ai été prélevé deux fois de 39,99 € et l'article ne m'a pas suffi.")
    karim.click("button:has-text('Envoyer à un conseiller')")
    karim.wait_for_url(f"{live_server}/cases/*")
    case_url = karim.url

    camille = new_page()
    sign_in(camille, live_server, advisor)
    camille.goto(f"{live_server}/cases")
    camille.click("a:has-text('Prélevé deux fois en novembre')")
    tried = camille.locator("#context, .case-context").first.inner_text()
    assert "double prélèvement" in tried and "Comprendre un double prélèvement" in tried
    camille.fill("textarea[name=body]", "Bonjour Karim, le second prélèvement vous est remboursé sous 5 jours.")
    camille.click("#reply button[type=submit]:not([name])")
    camille.wait_for_load_state()
    assert "remboursé sous 5 jours" in camille.content()

    karim.goto(case_url)
    assert "remboursé sous 5 jours" in karim.content()
    karim.click("button[name=status][value=resolved]")
    karim.wait_for_load_state()
    karim.check("input[name=ces][value='6']")
    karim.check("input[name=csat][value='5']")
    karim.click("#survey button[type=submit]")
    karim.wait_for_load_state()
    assert "Merci" in karim.content()

    with live_app.app_context():
        case = db.session.scalar(select(Case))
        assert (case.status, case.ces, case.csat) == ("resolved", 6, 5)
        assert [s["query"] for s in case.context["searches"]] == ["double prélèvement"]
        assert [a["title"] for a in case.context["articles"]] == ["Comprendre un double prélèvement sur sa facture"]
        db.session.remove()
    assert errors == []
