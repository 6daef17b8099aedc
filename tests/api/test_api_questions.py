"""Questions and answers through API v1: asking, reading, listing, editing, answering, accepting."""

from __future__ import annotations

import re

import factories as make
import pytest
from apitools import assert_error

from community.core.extensions import db
from community.questions import operations as qa
from community.questions import queries
from community.questions.models import Question

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
NEW_QUESTION = {
    "title": "La box redémarre toute seule la nuit",
    "body": "Chaque nuit vers 3 h la box **redémarre** et coupe le téléphone.\n\n- modèle : v6",
    "category": "box-internet",
    "tags": ["Box", "nuit", "telephone"],
}


def assert_post_fields(item: dict, author) -> None:
    assert isinstance(item["id"], int)
    assert item["author"] == {"id": author.id, "display_name": author.display_name, "role": author.role}
    assert ISO_UTC.match(item["created_at"]) and ISO_UTC.match(item["updated_at"])
    assert isinstance(item["body"], str) and isinstance(item["body_html"], str)


def test_categories_are_listed_for_anyone(api):
    """GET /categories shows every category's slug, name and description, paginated as one page."""
    make.category()
    make.category("mobile", "Forfaits mobiles")
    body = api.get("/categories").get_json()
    assert [c["slug"] for c in body["items"]] == ["box-internet", "mobile"]
    assert body["items"][0] == {
        "slug": "box-internet",
        "name": "Box internet",
        "description": "Wi-Fi, voyants, redémarrages",
    }
    assert (body["page"], body["per_page"], body["total"]) == (1, 2, 2)


def test_asking_returns_201_with_every_contract_field(api):
    """POST /questions answers 201 with the question as the contract describes it."""
    asker = make.user(name="Camille")
    make.category()
    response = api.post("/questions", asker, json=NEW_QUESTION)
    assert response.status_code == 201, response.get_json()
    q = response.get_json()
    assert_post_fields(q, asker)
    assert q["author"]["role"] == "customer"
    assert q["title"] == NEW_QUESTION["title"]
    assert q["body"] == NEW_QUESTION["body"]
    assert "<strong>redémarre</strong>" in q["body_html"] and "<li>" in q["body_html"]
    assert q["url"] == f"http://localhost/questions/{q['id']}/la-box-redemarre-toute-seule-la-nuit"
    assert q["category"] == "box-internet"
    assert q["tags"] == ["box", "nuit", "telephone"]
    assert (q["score"], q["answer_count"], q["view_count"]) == (0, 0, 0)
    assert q["status"] == "open" and q["accepted_answer_id"] is None


def test_markdown_is_rendered_safely(api):
    """A script in the Markdown body comes back escaped in body_html, the source kept as sent."""
    make.category()
    body = "Voici ce que j'ai collé : <script>alert('x')</script> et [lien](javascript:alert(1))"
    q = api.post("/questions", make.user(), json={**NEW_QUESTION, "body": body}).get_json()
    assert q["body"] == body
    assert "<script" not in q["body_html"] and "javascript:" not in q["body_html"]


def test_question_page_has_answers_accepted_id_and_status(api):
    """GET /questions/{id} shows answers[] (with comments), accepted_answer_id, status and score."""
    question = make.question()
    first, second = make.answer(question), make.answer(question, body="Changez de canal Wi-Fi.")
    api.post(f"/answers/{second.id}/comments", question.author, json={"body": "Ça a marché."})
    api.post(f"/answers/{second.id}/accept", question.author)
    q = api.get(f"/questions/{question.id}").get_json()
    assert q["status"] == "solved" and q["accepted_answer_id"] == second.id
    assert q["score"] == 0 and q["answer_count"] == 2 and q["comments"] == []
    assert [a["id"] for a in q["answers"]] == [second.id, first.id]
    accepted = q["answers"][0]
    assert accepted["is_accepted"] and accepted["question_id"] == question.id and accepted["score"] == 0
    assert_post_fields(accepted, second.author)
    assert [c["body"] for c in accepted["comments"]] == ["Ça a marché."]
    assert_post_fields(accepted["comments"][0], question.author)


def test_deleted_author_shows_as_a_neutral_name(api):
    """Once the account is gone, the question's author has id null and a neutral name."""
    question = make.question()
    db.session.delete(question.author)
    db.session.commit()
    author = api.get(f"/questions/{question.id}").get_json()["author"]
    assert author["id"] is None and author["display_name"] and author["role"] is None


def test_hidden_question_is_404_except_for_author_and_staff(api):
    """A hidden question gives 404 to visitors and other members, 200 to its author and staff."""
    question = make.question()
    question.hidden_at = question.created_at
    db.session.commit()
    assert_error(api.get(f"/questions/{question.id}"), 404, "not_found")
    assert_error(api.get(f"/questions/{question.id}", make.user()), 404, "not_found")
    assert api.get(f"/questions/{question.id}", question.author).status_code == 200
    assert api.get(f"/questions/{question.id}", make.user("staff")).status_code == 200
    assert api.get("/questions").get_json()["total"] == 0


@pytest.fixture
def catalogue(app):
    """Four questions over two categories, with tags, statuses and a vote."""
    admin, asker, helper = make.user("admin"), make.user(), make.user()
    make.category(actor=admin)
    make.category("mobile", "Forfaits mobiles", actor=admin)
    wifi = make.question(asker, title="Wi-Fi lent le soir", tags=("wifi",))
    tv = make.question(asker, title="Pas d'image sur la TV", tags=("tv", "decodeur"))
    roaming = make.question(asker, title="Roaming bloqué en Espagne", category_slug="mobile", tags=("roaming",))
    sim = make.question(asker, title="Carte SIM non reconnue", category_slug="mobile", tags=("sim", "wifi"))
    make.answer(tv, helper)
    solved = make.answer(roaming, helper)
    qa.accept_answer(asker, solved)
    qa.vote(helper, sim, 1)
    db.session.commit()
    return {"wifi": wifi.id, "tv": tv.id, "roaming": roaming.id, "sim": sim.id}


LIST_FILTERS = [
    ("", ["sim", "roaming", "tv", "wifi"]),
    ("?tag=wifi", ["sim", "wifi"]),
    ("?tag=WIFI", ["sim", "wifi"]),
    ("?category=mobile", ["sim", "roaming"]),
    ("?status=open", ["sim", "wifi"]),
    ("?status=answered", ["tv"]),
    ("?status=solved", ["roaming"]),
    ("?status=closed", []),
    ("?sort=newest", ["sim", "roaming", "tv", "wifi"]),
    ("?sort=votes", ["sim", "roaming", "tv", "wifi"]),
    ("?sort=activity", ["roaming", "tv", "sim", "wifi"]),
    ("?sort=activity&category=box-internet", ["tv", "wifi"]),
    ("?category=mobile&tag=wifi&status=open", ["sim"]),
    ("?tag=nothing", []),
]


def test_list_filters(api, catalogue):
    """GET /questions filters by tag, category and status and sorts newest, by votes or by activity."""
    names = {v: k for k, v in catalogue.items()}
    for query, expected in LIST_FILTERS:
        body = api.get(f"/questions{query}").get_json()
        assert [names[item["id"]] for item in body["items"]] == expected, query
        assert body["total"] == len(expected), query


def test_sorting_by_votes_and_activity_differs_from_newest(api, catalogue):
    """sort=votes puts the best-scored first; sort=activity puts the most recently touched first."""
    qa.vote(make.user(), db.session.get(Question, catalogue["wifi"]), 1)
    qa.vote(make.user(), db.session.get(Question, catalogue["wifi"]), 1)
    qa.add_comment(make.user(), db.session.get(Question, catalogue["tv"]), "Un commentaire récent")
    db.session.commit()
    names = {v: k for k, v in catalogue.items()}
    by_votes = [names[i["id"]] for i in api.get("/questions?sort=votes").get_json()["items"]]
    by_activity = [names[i["id"]] for i in api.get("/questions?sort=activity").get_json()["items"]]
    assert by_votes[:2] == ["wifi", "sim"]
    assert by_activity[0] == "tv"


def test_list_is_paginated(api, catalogue):
    """page and per_page slice the list; total counts everything; per_page above 100 is capped."""
    first = api.get("/questions?per_page=3").get_json()
    second = api.get("/questions?per_page=3&page=2").get_json()
    assert (first["page"], first["per_page"], first["total"], len(first["items"])) == (1, 3, 4, 3)
    assert (second["page"], second["per_page"], second["total"], len(second["items"])) == (2, 3, 4, 1)
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert api.get("/questions?page=9").get_json()["items"] == []
    assert api.get("/questions?per_page=1000").get_json()["per_page"] == 100
    assert api.get("/questions").get_json()["per_page"] == 20
    item = first["items"][0]
    assert {"id", "title", "url", "category", "tags", "score", "answer_count", "view_count", "status"} <= set(item)


def test_non_integer_page_is_422_naming_the_field(api):
    """page=abc gives 422 with fields.page; an unknown status or sort names its parameter too."""
    assert "page" in assert_error(api.get("/questions?page=abc"), 422, "invalid")["fields"]
    assert "status" in assert_error(api.get("/questions?status=foo"), 422)["fields"]
    assert "sort" in assert_error(api.get("/questions?sort=foo"), 422)["fields"]
    assert "category" in assert_error(api.get("/questions?category=nowhere"), 422)["fields"]


def test_author_edit_keeps_a_revision(api):
    """PATCH by the author answers 200 with the edit, and the previous text stays as a revision."""
    question = make.question()
    original = question.body
    response = api.patch(
        f"/questions/{question.id}",
        question.author,
        json={
            "body": "Le voyant clignote en orange depuis ce matin, même après redémarrage.",
            "tags": ["wifi", "voyant"],
            "summary": "précisions",
        },
    )
    assert response.status_code == 200, response.get_json()
    q = response.get_json()
    assert q["tags"] == ["voyant", "wifi"] and q["title"] == question.title
    assert q["body"].startswith("Le voyant clignote")
    history = queries.revisions(db.session.get(Question, question.id))
    assert [r.number for r in history] == [2, 1]
    assert history[0].summary == "précisions" and history[1].body == original


@pytest.mark.parametrize(
    ("who", "status"),
    [("author", 200), ("staff", 200), ("admin", 200), ("ambassador", 200), ("customer", 403), ("visitor", 401)],
)
def test_who_may_edit_a_question(api, who, status):
    """The author, staff and ambassadors may PATCH a question (members too with the reputation's edit
    privilege, tests/reputation/test_privileges.py); others get 403, visitors 401, in the error shape."""
    question = make.question()
    caller = {"author": question.author, "visitor": None}[who] if who in ("author", "visitor") else make.user(who)
    response = api.patch(f"/questions/{question.id}", caller, json={"title": "Titre corrigé par quelqu'un"})
    if status == 200:
        assert response.status_code == 200 and response.get_json()["title"] == "Titre corrigé par quelqu'un"
    else:
        assert_error(response, status, "forbidden" if status == 403 else "unauthorized")
        assert db.session.get(Question, question.id).title != "Titre corrigé par quelqu'un"


def test_answering_returns_201_and_opens_the_status(api):
    """POST /questions/{id}/answers answers 201 with the answer; the question becomes answered."""
    question = make.question()
    helper = make.user("ambassador")
    response = api.post(f"/questions/{question.id}/answers", helper, json={"body": "Essayez le canal 6."})
    assert response.status_code == 201
    answer = response.get_json()
    assert_post_fields(answer, helper)
    assert answer["author"]["role"] == "ambassador"
    assert answer["question_id"] == question.id and answer["score"] == 0 and answer["is_accepted"] is False
    q = api.get(f"/questions/{question.id}").get_json()
    assert q["status"] == "answered" and q["answer_count"] == 1


def test_accepting_solves_and_accepting_another_moves_it(api):
    """The asker's accept makes the question solved; accepting another answer moves the mark."""
    question = make.question()
    first, second = make.answer(question), make.answer(question)
    response = api.post(f"/answers/{first.id}/accept", question.author)
    assert response.status_code == 200 and response.get_json()["is_accepted"] is True
    q = api.get(f"/questions/{question.id}").get_json()
    assert q["status"] == "solved" and q["accepted_answer_id"] == first.id
    assert api.post(f"/answers/{second.id}/accept", question.author).status_code == 200
    q = api.get(f"/questions/{question.id}").get_json()
    assert q["accepted_answer_id"] == second.id
    assert [a["is_accepted"] for a in q["answers"]] == [True, False]


@pytest.mark.parametrize(
    ("who", "status"),
    [("asker", 200), ("staff", 200), ("answerer", 403), ("customer", 403), ("visitor", 401)],
)
def test_who_may_accept(api, who, status):
    """Only the asker and staff may accept; the answerer or a third member get 403, visitors 401."""
    question = make.question()
    answer = make.answer(question)
    known = {"asker": question.author, "answerer": answer.author, "visitor": None}
    caller = known[who] if who in known else make.user(who)
    response = api.post(f"/answers/{answer.id}/accept", caller)
    if status == 200:
        assert response.status_code == 200
    else:
        assert_error(response, status)
        assert api.get(f"/questions/{question.id}").get_json()["accepted_answer_id"] is None


def test_comments_on_questions_and_answers(api):
    """POST .../comments answers 201 with the comment, which then shows on the question page."""
    question = make.question()
    answer = make.answer(question)
    member = make.user()
    on_question = api.post(f"/questions/{question.id}/comments", member, json={"body": "Quel modèle de box ?"})
    on_answer = api.post(f"/answers/{answer.id}/comments", member, json={"body": "Même souci ici."})
    assert on_question.status_code == on_answer.status_code == 201
    assert_post_fields(on_question.get_json(), member)
    assert on_answer.get_json()["body_html"] == "Même souci ici."
    q = api.get(f"/questions/{question.id}").get_json()
    assert [c["body"] for c in q["comments"]] == ["Quel modèle de box ?"]
    assert [c["body"] for c in q["answers"][0]["comments"]] == ["Même souci ici."]
    assert (
        "body"
        in assert_error(api.post(f"/questions/{question.id}/comments", member, json={"body": "x"}), 422)["fields"]
    )


def test_locked_question_refuses_answers_with_403(api):
    """A locked question refuses new answers from members with 403 and the reason."""
    question = make.question()
    qa.set_locked(make.user("staff"), question, True)
    db.session.commit()
    error = assert_error(
        api.post(f"/questions/{question.id}/answers", make.user(), json={"body": "Une idée…"}), 403, "forbidden"
    )
    assert "locked" in error["message"] or "verrouill" in error["message"]


def test_unknown_ids_are_404(api):
    """Unknown question, answer and user ids give 404 in the error shape, for reads and writes."""
    member = make.user()
    assert_error(api.get("/questions/4242"), 404, "not_found")
    assert_error(api.patch("/questions/4242", member, json={"title": "Un titre assez long"}), 404)
    assert_error(api.post("/questions/4242/answers", member, json={"body": "Bonjour à tous"}), 404)
    assert_error(api.post("/answers/4242/accept", member), 404)
    assert_error(api.post("/answers/4242/vote", member, json={"value": 1}), 404)
    assert_error(api.post("/answers/4242/comments", member, json={"body": "Bonjour"}), 404)
    assert_error(api.get("/users/4242"), 404)
    assert_error(api.get("/nothing-here"), 404, "not_found")


def test_wrong_method_is_405_in_the_error_shape(api):
    """A method a path does not serve gives 405 with code method_not_allowed."""
    question = make.question()
    assert_error(api.delete(f"/questions/{question.id}", question.author), 405, "method_not_allowed")
    assert_error(api.call("PUT", "/questions", question.author, json={}), 405, "method_not_allowed")
    assert_error(api.delete("/categories", question.author), 405, "method_not_allowed")
