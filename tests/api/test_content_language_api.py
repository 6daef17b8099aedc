"""Content language over the API: questions say their language (detected unless given, changed by
PATCH), lists and search filter by it, suggestions put it first, categories carry translations."""

from __future__ import annotations

import factories as make
from apitools import assert_error

from community.discovery import searching

ENGLISH = {
    "title": "My router keeps dropping the wifi every evening",
    "body": "Since the last update the connection drops every evening around eight o'clock.",
    "category": "box-internet",
}


def test_a_question_is_detected_as_english_and_its_language_can_be_given_or_changed(api):
    make.category()
    author = make.user()
    created = api.post("/questions", author, json=ENGLISH)
    assert created.status_code == 201 and created.get_json()["language"] == "en"
    chosen = api.post("/questions", author, json={**ENGLISH, "title": "My router again", "language": "fr"})
    assert chosen.get_json()["language"] == "fr"
    changed = api.patch(f"/questions/{chosen.get_json()['id']}", author, json={"language": "en"})
    assert changed.status_code == 200 and changed.get_json()["language"] == "en"
    kept = api.patch(f"/questions/{created.get_json()['id']}", author, json={"summary": "typo"})
    assert kept.get_json()["language"] == "en"


def test_an_unknown_language_is_refused_in_the_error_shape(api):
    make.category()
    assert "language" in assert_error(api.post("/questions", make.user(), json={**ENGLISH, "language": "de"}), 422)[
        "fields"
    ]


def test_lists_and_search_filter_by_language_and_suggestions_put_it_first(api):
    make.category()
    author = make.user()
    make.question(author, title=ENGLISH["title"], body=ENGLISH["body"])
    french = make.question(author, title="Ma box perd le wifi tous les soirs", body="La connexion wifi coupe le soir.")
    searching.drain()
    assert [q["language"] for q in api.get("/questions").get_json()["items"]] == ["fr", "en"]
    assert [q["id"] for q in api.get("/questions?language=fr").get_json()["items"]] == [french.id]
    found = api.get("/search?q=wifi&language=fr").get_json()
    assert [item["id"] for item in found["items"]] == [french.id] and found["languages"] == {"fr": 1, "en": 1}
    assert {item["language"] for item in api.get("/search?q=wifi").get_json()["items"]} == {"fr", "en"}
    assert [item["language"] for item in api.get("/search/suggest?q=wifi&language=en").get_json()["items"]] == [
        "en",
        "fr",
    ]
    assert_error(api.get("/search?q=wifi&language=xx"), 422)


def test_categories_carry_their_translations(api):
    staff = make.user("staff")
    created = api.post(
        "/categories",
        staff,
        json={"slug": "fibre", "name": "Fibre optique", "translations": {"en": {"name": "Fibre broadband"}}},
    )
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["translations"] == {"en": {"name": "Fibre broadband", "description": ""}}
    listed = api.get("/categories", headers={"Accept-Language": "en"}).get_json()["items"][0]
    assert listed["name"] == "Fibre optique"  # the stored name; translations beside it
    api.patch("/categories/fibre", staff, json={"translations": {}})
    assert "translations" not in api.get("/categories").get_json()["items"][0]
    assert "translations" in assert_error(
        api.patch("/categories/fibre", staff, json={"translations": {"de": {"name": "Glasfaser"}}}), 422
    )["fields"]
