"""One visibility filter: hidden content is absent everywhere a customer or visitor looks — lists,
pages, API, sitemap, search, counts — and present for staff."""

from __future__ import annotations

import factories as make

from community.core.extensions import db
from community.discovery import searching
from community.moderation import operations as moderation
from community.questions import operations as qa
from community.taxonomy.models import Category
from search import Filters


def hide(*objects) -> None:
    staff = make.user("staff")
    for obj in objects:
        moderation.hide(staff, obj)
    db.session.commit()


def test_hidden_content_is_absent_for_customers_and_present_for_staff(app, client, auth):
    asker, customer, staff = make.user(), make.user(), make.user("staff")
    shown = make.question(asker, title="Le décodeur affiche un écran noir au démarrage")
    hidden = make.question(asker, title="Publicité pour un site de paris en ligne douteux")
    spam_answer = make.answer(shown, body="Achetez des abonnements pirates sur notre site douteux.")
    make.answer(shown, body="Débranchez le décodeur dix secondes puis rebranchez-le.")
    spam_comment = qa.add_comment(customer, shown, "Visitez notre site douteux pour des codes gratuits")
    db.session.commit()
    hide(hidden, spam_answer, spam_comment)
    searching.drain()
    page_url = f"/questions/{shown.id}/{shown.slug}"

    for who in (None, customer):
        if who is not None:
            auth.login(who)
        assert hidden.title not in client.get("/questions").get_data(as_text=True)
        assert hidden.title not in client.get("/").get_data(as_text=True)
        assert client.get(f"/questions/{hidden.id}").status_code == 404
        page = client.get(page_url).get_data(as_text=True)
        assert "pirates" not in page and "codes gratuits" not in page and "dix secondes" in page
        assert client.get(f"/api/v1/questions/{hidden.id}").status_code == 404
        api_titles = [q["title"] for q in client.get("/api/v1/questions").get_json()["items"]]
        assert hidden.title not in api_titles and shown.title in api_titles
        detail = client.get(f"/api/v1/questions/{shown.id}").get_json()
        assert [a["id"] for a in detail["answers"]] != [] and spam_answer.id not in [a["id"] for a in detail["answers"]]
        assert detail["answer_count"] == 1
        assert f"/questions/{hidden.id}/" not in client.get("/sitemap.xml").get_data(as_text=True)
        if who is not None:
            auth.logout()
    assert hidden.id not in [h.id for h in searching.run(None, "paris en ligne", Filters()).hits]
    assert db.session.get(Category, shown.category_id).question_count == 1

    auth.login(staff)
    assert hidden.title in client.get("/questions").get_data(as_text=True)
    assert client.get(f"/questions/{hidden.id}", follow_redirects=True).status_code == 200
    page = client.get(page_url).get_data(as_text=True)
    assert "pirates" in page and "codes gratuits" in page
    assert client.get(f"/api/v1/questions/{hidden.id}").status_code == 200
    auth.logout()

    auth.login(asker)  # the author still reaches their hidden question
    assert client.get(f"/api/v1/questions/{hidden.id}").status_code == 200
