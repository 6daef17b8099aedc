"""Each role's journey over HTTP, as a browser without JavaScript would make it."""

from __future__ import annotations

import re

import factories as make

from community.core.extensions import db
from community.questions import queries
from community.questions.models import Answer, Question


def _new_question(client) -> Question:
    return db.session.scalars(db.select(Question).order_by(Question.id.desc())).first()


def test_customer_asks_ambassador_answers_customer_accepts(app, client, auth):
    """ask → answer → accept: the question shows as solved with the solution first."""
    make.category()
    customer, ambassador = make.user(name="Léa Martin"), make.user("ambassador", name="Hugo Ambassadeur")
    auth.login(customer)
    response = client.post(
        "/questions/ask",
        data={
            "title": "Ma box redémarre toute seule la nuit",
            "body": "Depuis une semaine, la box **redémarre** vers 3h du matin.",
            "category": "box-internet",
            "tags": "box, redemarrage",
        },
    )
    assert response.status_code == 302
    question = _new_question(client)
    assert response.headers["Location"].endswith(f"/questions/{question.id}/ma-box-redemarre-toute-seule-la-nuit")
    page = client.get(response.headers["Location"])
    assert "Ma box redémarre toute seule la nuit" in page.get_data(as_text=True)
    assert "<strong>redémarre</strong>" in page.get_data(as_text=True)

    auth.logout()
    auth.login(ambassador)
    response = client.post(
        f"/questions/{question.id}/answers", data={"body": "C'est la mise à jour automatique nocturne, c'est normal."}
    )
    assert response.status_code == 302
    answer = db.session.scalars(db.select(Answer).where(Answer.question_id == question.id)).one()

    auth.logout()
    auth.login(customer)
    assert client.post(f"/answers/{answer.id}/accept").status_code == 302
    db.session.refresh(question)
    assert question.status == "solved" and question.accepted_answer_id == answer.id
    html = client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
    assert f'id="answer-{answer.id}"' in html and "Hugo Ambassadeur" in html


def test_accept_moves_to_another_answer(app, client, auth):
    asker = make.user()
    question = make.question(asker)
    first, second = make.answer(question), make.answer(question)
    auth.login(asker)
    client.post(f"/answers/{first.id}/accept")
    client.post(f"/answers/{second.id}/accept")
    db.session.refresh(question)
    assert question.accepted_answer_id == second.id


def test_edit_keeps_a_revision_with_readable_diff(app, client, auth):
    author = make.user()
    question = make.question(author, title="Décodeur TV sans son depuis hier")
    auth.login(author)
    response = client.post(
        f"/questions/{question.id}/edit",
        data={
            "title": "Décodeur TV sans son depuis hier soir",
            "body": question.body,
            "category": "box-internet",
            "tags": "tv",
            "summary": "heure précisée",
        },
    )
    assert response.status_code == 302
    html = client.get(f"/questions/{question.id}/revisions").get_data(as_text=True)
    assert "<ins>soir</ins>" in html.replace("<ins> soir</ins>", "<ins>soir</ins>") or "soir</ins>" in html
    assert "heure précisée" in html
    assert [r.number for r in queries.revisions(question)] == [2, 1]


def test_customer_editing_someone_elses_question_gets_403(app, client, auth):
    question = make.question(make.user())
    auth.login(make.user())
    assert client.get(f"/questions/{question.id}/edit").status_code == 403
    response = client.post(
        f"/questions/{question.id}/edit",
        data={
            "title": "Titre détourné par un autre",
            "body": "x" * 40,
            "category": "box-internet",
            "tags": "",
        },
    )
    assert response.status_code == 403
    db.session.refresh(question)
    assert question.title != "Titre détourné par un autre"


def test_vote_rules_over_http(app, client, auth):
    author, voter = make.user(), make.user()
    question = make.question(author)
    auth.login(voter)
    client.post(f"/questions/{question.id}/vote", data={"value": "1"})
    db.session.refresh(question)
    assert question.score == 1
    response = client.post(
        f"/questions/{question.id}/vote", data={"value": "0"}, headers={"Accept": "application/json"}
    )
    assert response.get_json() == {"score": 0, "value": 0}
    auth.logout()
    auth.login(author)
    assert client.post(f"/questions/{question.id}/vote", data={"value": "1"}).status_code == 403


def test_a_form_post_without_csrf_token_is_refused(app, client, auth):
    question = make.question()
    auth.login(make.user())
    response = client.post(f"/questions/{question.id}/answers", data={"body": "Sans jeton"}, csrf=False)
    assert response.status_code == 400
    assert question.answer_count == 0


def test_login_is_required_to_post_and_wrong_password_is_refused(app, client):
    user = make.user()
    make.category()
    assert client.get("/questions/ask").status_code == 200
    response = client.post(
        "/questions/ask", data={"title": "Une question de visiteur", "body": "x" * 30, "category": "box-internet"}
    )
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    response = client.post("/login", data={"email": user.email, "password": "pas le bon mot de passe"})
    assert response.status_code == 401


def test_register_shows_inline_errors_and_keeps_what_was_typed(app, client):
    response = client.post(
        "/register", data={"email": "pas-un-email", "display_name": "Zoé Dupont", "password": "court"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="Zoé Dupont"' in html and 'value="pas-un-email"' in html
    assert 'aria-invalid="true"' in html
    response = client.post(
        "/register", data={"email": "zoe@example.com", "display_name": "Zoé Dupont", "password": "une phrase de passe"}
    )
    assert response.status_code == 302


def test_ask_with_errors_keeps_the_text(app, client, auth):
    make.category()
    auth.login(make.user())
    response = client.post(
        "/questions/ask",
        data={"title": "court", "body": "Mon long texte soigneusement écrit", "category": "", "tags": ""},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Mon long texte soigneusement écrit" in html and 'value="court"' in html


def test_staff_closes_as_duplicate_and_the_page_links_the_original(app, client, auth):
    original, duplicate = make.question(), make.question()
    auth.login(make.user("staff"))
    response = client.post(
        f"/questions/{duplicate.id}/close", data={"reason": "duplicate", "duplicate_of": str(original.id)}
    )
    assert response.status_code == 302
    html = client.get(f"/questions/{duplicate.id}", follow_redirects=True).get_data(as_text=True)
    assert f"/questions/{original.id}/" in html


def test_admin_changes_roles_and_others_get_403(app, client, auth):
    admin, member = make.user("admin"), make.user()
    auth.login(member)
    assert client.get("/admin/users").status_code == 403
    assert client.post(f"/admin/users/{member.id}/role", data={"role": "staff"}).status_code == 403
    auth.logout()
    auth.login(admin)
    assert member.email in client.get("/admin/users").get_data(as_text=True)
    client.post(f"/admin/users/{member.id}/role", data={"role": "ambassador"})
    db.session.refresh(member)
    assert member.role == "ambassador"


def test_tokens_page_shows_a_new_token_once(app, client, auth):
    user = make.user()
    auth.login(user)
    response = client.post("/settings/tokens", data={"label": "Mon CRM"}, follow_redirects=True)
    token = re.search(r"ent_[A-Za-z0-9_-]{20,}", response.get_data(as_text=True)).group(0)
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    again = client.get("/settings/tokens").get_data(as_text=True)
    assert token not in again and "Mon CRM" in again


def test_profile_and_settings(app, client, auth):
    user = make.user(name="Nadia Benali")
    auth.login(user)
    client.post("/settings", data={"display_name": "Nadia B.", "bio": "Fan de fibre", "locale": "en"})
    html = client.get(f"/users/{user.id}").get_data(as_text=True)
    assert "Nadia B." in html and "Fan de fibre" in html and 'lang="en"' in html


def test_hostile_markdown_renders_inert_on_the_page(app, client, auth):
    make.category()
    auth.login(make.user())
    client.post(
        "/questions/ask",
        data={
            "title": "Question piégée avec du HTML",
            "body": "<script>alert(1)</script> [clic](javascript:alert(2)) <img src=x onerror=alert(3)>",
            "category": "box-internet",
            "tags": "",
        },
    )
    question = _new_question(client)
    html = client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
    assert "<script>alert" not in html and "javascript:alert" not in html and "onerror" not in html


def test_security_headers_and_error_pages(app, client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    missing = client.get("/questions/999999", headers={"Accept-Language": "en"})
    assert missing.status_code == 404 and "Page not found" in missing.get_data(as_text=True)
    missing_fr = client.get("/questions/999999", headers={"Accept-Language": "fr"})
    assert "Page introuvable" in missing_fr.get_data(as_text=True)


def test_session_cookie_is_httponly_and_samesite(app, client):
    user = make.user()
    response = client.post("/login", data={"email": user.email, "password": make.PASSWORD})
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_login_is_throttled(app, client):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    for _ in range(3):
        client.post("/login", data={"email": "x@example.com", "password": "nope nope nope"})
    response = client.post("/login", data={"email": "x@example.com", "password": "nope nope nope"})
    assert response.status_code == 429


def test_the_preview_script_loads_only_on_pages_with_an_editor(app, client, auth):
    """A visitor reading a question gets no Markdown editor, so no preview.js; the ask page and a
    member reading a question (the answer form) get it."""
    question = make.question()
    assert "js/preview." not in client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
    assert "js/preview." in client.get("/questions/ask").get_data(as_text=True)
    auth.login(make.user())
    assert "js/preview." in client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
