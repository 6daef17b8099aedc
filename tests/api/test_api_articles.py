"""API v1 for the knowledge base: a chatbot lists and reads articles, staff promote and publish, anyone rates."""

from __future__ import annotations

import io

import factories as make
import pytest
from apitools import BASE, assert_error, openapi_document
from apitools import check_schema as check_documented
from flask import current_app
from PIL import Image

from community.core.extensions import db
from community.questions import operations as qa
from knowledge_base import media
from knowledge_base import operations as kb
from knowledge_base.models import KINDS, STATUSES


def check_schema(response, path: str, method: str, status: int) -> dict:
    """The response matches what the OpenAPI document promises for it."""
    return check_documented(openapi_document(current_app.test_client()), response, path, method, status)


@pytest.fixture
def solved(app):
    asker, helper = make.user(), make.user("ambassador")
    question = make.question(asker, title="Comment transférer mon numéro vers une nouvelle ligne ?")
    body = "1. Demandez votre code RIO au 3179.\n2. Donnez-le au nouvel opérateur."
    answer = make.answer(question, helper, body=body)
    qa.accept_answer(asker, answer)
    db.session.commit()
    return question, answer, helper


def test_promote_publish_read_and_rate_journey(api, solved):
    """Staff promote an answer to a tutorial (201 draft credited to its author), a customer cannot see
    the draft (404), staff publish it, then anyone reads it in the list and rates it."""
    question, answer, helper = solved
    staff, customer = make.user("staff"), make.user()

    draft = check_schema(
        api.post(f"/answers/{answer.id}/promote", staff, json={"kind": "tutorial"}),
        "/answers/{answer_id}/promote",
        "post",
        201,
    )
    assert draft["status"] == "draft" and draft["kind"] == "tutorial"
    assert draft["credited_user_ids"] == [helper.id] and draft["source_question_id"] == question.id
    assert [s["text"] for s in draft["steps"]] == ["Demandez votre code RIO au 3179.", "Donnez-le au nouvel opérateur."]
    assert draft["needs_review"] is False and draft["title"] == question.title
    article_id = draft["id"]

    assert_error(api.get(f"/articles/{article_id}", customer), 404, "not_found")
    assert_error(api.get(f"/articles/{article_id}"), 404, "not_found")
    assert api.get("/articles", customer).get_json()["total"] == 0
    assert_error(api.post(f"/articles/{article_id}/ratings", json={"helpful": True}), 404)
    assert_error(api.post(f"/answers/{answer.id}/promote", staff, json={"kind": "faq"}), 409, "already_promoted")

    published = check_schema(
        api.post(f"/articles/{article_id}/publish", staff), "/articles/{article_id}/publish", "post", 200
    )
    assert published["status"] == "published" and published["last_reviewed_at"]
    assert_error(api.post(f"/articles/{article_id}/publish", staff), 409, "not_publishable")

    listed = check_schema(api.get("/articles?kind=tutorial&category=box-internet"), "/articles", "get", 200)
    assert [a["id"] for a in listed["items"]] == [article_id]
    assert api.get("/articles?kind=faq").get_json()["total"] == 0
    seen = check_schema(api.get(f"/articles/{article_id}"), "/articles/{article_id}", "get", 200)
    assert "needs_review" not in seen and seen["url"].endswith(f"/kb/{article_id}/{question.slug}")

    rated = check_schema(
        api.post(f"/articles/{article_id}/ratings", customer, json={"helpful": False, "comment": "Trop court"}),
        "/articles/{article_id}/ratings",
        "post",
        201,
    )
    assert rated["rating"] == {"average": 1.0, "count": 1}
    again = api.post(f"/articles/{article_id}/ratings", customer, json={"helpful": True, "stars": 4})
    assert again.get_json()["rating"] == {"average": 4.0, "count": 1}


def test_an_anonymous_browser_session_rates_once(api, client):
    """A visitor's second rating replaces the first (the browser session is the rater); another
    browser adds its own."""
    article = make.article()
    url = f"/articles/{article.id}/ratings"
    assert api.post(url, json={"helpful": False}).get_json()["rating"] == {"average": 1.0, "count": 1}
    assert api.post(url, json={"helpful": True}).get_json()["rating"] == {"average": 5.0, "count": 1}
    client.delete_cookie("session", domain="localhost")
    assert api.post(url, json={"helpful": True, "stars": 3}).get_json()["rating"] == {"average": 4.0, "count": 2}


def test_ratings_from_one_address_are_throttled_across_pages_and_api(app, api, client):
    app.config["KB_RATING_RATE_LIMIT"] = "2 per minute"
    article = make.article()
    assert api.post(f"/articles/{article.id}/ratings", json={"helpful": True}).status_code == 201
    page = client.post(f"/kb/{article.id}/rating", data={"helpful": "yes"}, headers={"Origin": "http://localhost"})
    assert page.status_code == 302
    assert_error(api.post(f"/articles/{article.id}/ratings", json={"helpful": False}), 429)


def test_five_poor_ratings_show_needs_review_to_staff(api):
    article = make.article()
    staff = make.user("staff")
    for _ in range(5):
        api.post(f"/articles/{article.id}/ratings", make.user(), json={"helpful": True, "stars": 2})
    assert api.get(f"/articles/{article.id}", staff).get_json()["needs_review"] is True
    assert api.get(f"/articles/{article.id}").get_json()["status"] == "published"


@pytest.mark.parametrize(
    ("role", "status", "code"),
    [(None, 401, "unauthorized"), ("customer", 403, "forbidden"), ("ambassador", 403, "forbidden")],
)
def test_only_staff_promote_and_publish(api, solved, role, status, code):
    """Visitors get 401, members 403, in the contract's error shape."""
    _question, answer, _helper = solved
    caller = make.user(role) if role else None
    draft = make.article(publish=False)
    assert_error(api.post(f"/answers/{answer.id}/promote", caller, json={"kind": "faq"}), status, code)
    expected = 401 if role is None else 404
    assert_error(api.post(f"/articles/{draft.id}/publish", caller), expected)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "helpful"),
        ({"helpful": "yes"}, "helpful"),
        ({"helpful": True, "stars": 0}, "stars"),
        ({"helpful": True, "stars": 2.5}, "stars"),
        ({"helpful": True, "comment": ["x"]}, "comment"),
    ],
)
def test_bad_ratings_give_422_with_the_field(api, body, field):
    article = make.article()
    error = assert_error(api.post(f"/articles/{article.id}/ratings", json=body), 422, "invalid")
    assert field in error["fields"]


def test_bad_requests_keep_the_error_shape(api, solved, client):
    _question, answer, _helper = solved
    staff = make.user("staff")
    assert_error(api.get("/articles?kind=video"), 422, "invalid")
    assert_error(api.get("/articles?category=nope"), 422, "invalid")
    assert_error(api.get("/articles?per_page=0"), 422, "invalid")
    assert_error(api.get("/articles/999999"), 404, "not_found")
    assert_error(api.get("/articles/99999999999"), 404, "not_found")
    assert_error(api.post(f"/answers/{answer.id}/promote", staff, json={"kind": "video"}), 422, "invalid")
    assert_error(api.post("/answers/999999/promote", staff, json={}), 404, "not_found")
    article = make.article()
    raw = client.post(f"{BASE}/articles/{article.id}/ratings", data="{", content_type="application/json", csrf=False)
    assert_error(raw, 400, "invalid_json")
    assert_error(api.delete(f"/articles/{article.id}"), 405)
    assert_error(api.get("/articles", headers={"Authorization": "Bearer nope"}), 401, "invalid_token")


def test_a_signed_in_browser_session_must_send_the_csrf_token(client, auth):
    """Session writes without the X-CSRFToken header are refused (400 csrf_failed)."""
    member = make.user()
    article = make.article()
    auth.login(member)
    url = f"{BASE}/articles/{article.id}/ratings"
    assert_error(client.post(url, json={"helpful": True}, csrf=False), 400, "csrf_failed")
    assert client.post(url, json={"helpful": True}).status_code == 201


def test_the_openapi_document_speaks_the_knowledge_base_vocabulary(client):
    """The document's article kinds and statuses are the knowledge base's own (its schemas make them)."""
    article = openapi_document(client)["components"]["schemas"]["Article"]["properties"]
    assert tuple(article["kind"]["enum"]) == KINDS and tuple(article["status"]["enum"]) == STATUSES


def test_a_step_image_is_given_at_the_address_the_page_shows_it(api, client):
    """``image_url`` is the step picture's absolute address, the one the article page uses; null without one."""
    staff = make.user("staff")
    article = make.article(staff, kind="tutorial", steps=["Ouvrez le capot.", "Branchez le câble."])
    picture = io.BytesIO()
    Image.new("RGB", (4, 3), (10, 120, 200)).save(picture, "PNG")
    name = media.save_image(io.BytesIO(picture.getvalue()))
    kb.set_step_media(staff, article, 1, image_path=name)
    db.session.commit()

    seen = check_schema(api.get(f"/articles/{article.id}"), "/articles/{article_id}", "get", 200)
    first, second = seen["steps"]
    assert first["image_url"] == f"http://localhost/kb/media/{name}" and second["image_url"] is None
    assert f'src="/kb/media/{name}"' in client.get(f"/kb/{article.id}/{article.slug}").get_data(as_text=True)
    with client.get(first["image_url"]) as image:
        assert image.status_code == 200 and image.mimetype == "image/png"
    listed = api.get("/articles?kind=tutorial").get_json()
    assert [s["image_url"] for s in listed["items"][0]["steps"]] == [first["image_url"], None]
