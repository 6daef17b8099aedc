"""API v1 escalations as an integration (a chatbot, a CRM) uses them: the hand-off with its transcript
and the customer's recent journey, the queue, the private thread, status moves, the survey; a case is
not found for anyone but its customer and staff, and every answer keeps to the OpenAPI document."""

from __future__ import annotations

import pytest
from apitools import assert_error, check_schema, openapi_document

from community.core.extensions import db
from community.discovery import operations as discovery
from tests import factories as make

HAND_OFF = {
    "subject": "Double prélèvement sur ma facture",
    "message": "Le chatbot n'a pas su m'aider : deux prélèvements de 39,99 € ce mois-ci.",
    "transcript": [
        {"role": "user", "text": "J'ai été prélevé deux fois"},
        {"role": "bot", "text": "Je vous passe un conseiller."},
    ],
}


@pytest.fixture
def people(app):
    return {
        "customer": make.user(name="Karim Benali"),
        "other": make.user(),
        "ambassador": make.user("ambassador"),
        "staff": make.user("staff"),
    }


def hand_off(api, customer, **changes) -> dict:
    response = api.post("/escalations", as_=customer, json=HAND_OFF | changes)
    assert response.status_code == 201, response.get_data(as_text=True)[:400]
    return response.get_json()


def test_a_chatbot_hands_a_customer_over_with_the_transcript_and_their_journey(client, api, people):
    customer = people["customer"]
    question = make.question(author=make.user(), title="Prélevé deux fois pour le même mois ?")
    discovery.log_search(customer, "facture double prélèvement", 3)
    db.session.commit()
    document = openapi_document(client)
    response = api.post("/escalations", as_=customer, json=HAND_OFF | {"question_id": question.id})
    case = check_schema(document, response, "/escalations", "post", 201)
    assert (case["status"], case["source"], case["subject"]) == ("new", "api", HAND_OFF["subject"])
    assert case["customer"]["display_name"] == "Karim Benali" and case["assignee"] is None
    assert case["url"].endswith(f"/cases/{case['id']}") and case["messages"] == []
    context = case["context"]
    assert context["transcript"] == HAND_OFF["transcript"]
    assert (context["question_id"], context["article_id"]) == (question.id, None)
    assert [(s["query"], s["result_count"]) for s in context["searches"]] == [("facture double prélèvement", 3)]
    assert context["articles_viewed"] == []


def test_a_case_can_name_a_help_article(api, people):
    article = make.article(title="Comprendre sa facture")
    case = hand_off(api, people["customer"], article_id=article.id)
    assert case["context"]["article_id"] == article.id
    assert case["article"]["title"] == "Comprendre sa facture"


def test_bad_hand_offs_are_refused_with_the_fields_at_fault(api, people):
    customer = people["customer"]
    error = assert_error(api.post("/escalations", as_=customer, json={"subject": "Ah", "message": "Court"}), 422)
    assert set(error["fields"]) == {"subject", "message"}
    bad_turn = HAND_OFF | {"transcript": [{"role": "robot", "text": "?"}]}
    assert "transcript" in assert_error(api.post("/escalations", as_=customer, json=bad_turn), 422)["fields"]
    unknown = HAND_OFF | {"question_id": 999999, "article_id": 999999}
    assert set(assert_error(api.post("/escalations", as_=customer, json=unknown), 422)["fields"]) == {
        "question_id",
        "article_id",
    }
    assert_error(api.post("/escalations", json=HAND_OFF), 401)
    assert_error(api.post("/escalations", as_=customer, data="subject=x"), 415)


@pytest.mark.parametrize("who", ["other", "ambassador", None])
def test_a_case_is_not_found_for_anyone_but_its_customer_and_staff(api, people, who):
    case = hand_off(api, people["customer"])
    caller = people[who] if who else None
    expected = 404 if who else 401
    assert_error(api.get(f"/escalations/{case['id']}", as_=caller), expected)
    body = {"body": "Je m'invite."}
    assert_error(api.post(f"/escalations/{case['id']}/messages", as_=caller, json=body), expected)
    assert_error(api.post(f"/escalations/{case['id']}/status", as_=caller, json={"status": "resolved"}), expected)
    assert_error(api.post(f"/escalations/{case['id']}/survey", as_=caller, json={"ces": 1, "csat": 1}), expected)
    if who:
        assert api.get("/escalations", as_=caller).get_json()["total"] == 0
    assert api.get(f"/escalations/{case['id']}", as_=people["staff"]).status_code == 200
    assert_error(api.get("/escalations/999999", as_=people["staff"]), 404)


def test_staff_get_the_queue_and_customers_their_own(client, api, people):
    first = hand_off(api, people["customer"])
    second = hand_off(api, people["other"], subject="Box qui redémarre")
    api.post(f"/escalations/{second['id']}/status", as_=people["staff"], json={"status": "resolved"})
    document = openapi_document(client)
    queue = check_schema(document, api.get("/escalations", as_=people["staff"]), "/escalations", "get", 200)
    assert [c["id"] for c in queue["items"]] == [first["id"], second["id"]] and queue["total"] == 2
    resolved = api.get("/escalations?status=resolved&per_page=1", as_=people["staff"]).get_json()
    assert ([c["id"] for c in resolved["items"]], resolved["per_page"]) == ([second["id"]], 1)
    own = api.get("/escalations", as_=people["customer"]).get_json()
    assert [c["id"] for c in own["items"]] == [first["id"]]
    assert_error(api.get("/escalations?status=lost", as_=people["staff"]), 422)


def test_the_private_thread_and_its_internal_notes(client, api, people):
    customer, staff = people["customer"], people["staff"]
    case_id = hand_off(api, customer)["id"]
    path = f"/escalations/{case_id}/messages"
    assert_error(api.post(path, as_=customer, json={"body": "Note", "internal": True}), 403)
    note = api.post(path, as_=staff, json={"body": "Déjà remboursé en mars.", "internal": True})
    assert note.status_code == 201 and note.get_json()["internal"] is True
    document = openapi_document(client)
    reply = check_schema(
        document,
        api.post(path, as_=staff, json={"body": "Je lance le remboursement."}),
        "/escalations/{case_id}/messages",
        "post",
        201,
    )
    assert reply["author"]["role"] == "staff" and "<p>" in reply["body_html"]
    assert_error(api.post(path, as_=customer, json={"body": ""}), 422)
    seen = api.get(f"/escalations/{case_id}", as_=customer).get_json()
    assert seen["status"] == "waiting" and [m["body"] for m in seen["messages"]] == ["Je lance le remboursement."]
    assert seen["first_response_at"] is not None
    staff_view = check_schema(
        document, api.get(f"/escalations/{case_id}", as_=staff), "/escalations/{case_id}", "get", 200
    )
    assert [m["internal"] for m in staff_view["messages"]] == [True, False]
    api.post(path, as_=customer, json={"body": "Merci, je surveille mon compte."})
    assert api.get(f"/escalations/{case_id}", as_=customer).get_json()["status"] == "assigned"


def test_status_moves_by_staff_and_by_the_customer(client, api, people):
    customer, staff = people["customer"], people["staff"]
    path = f"/escalations/{hand_off(api, customer)['id']}/status"
    assert_error(api.post(path, as_=customer, json={"status": "assigned"}), 403)
    assert_error(api.post(path, as_=staff, json={"status": "new"}), 422)
    assert_error(api.post(path, as_=staff, json={"status": "reopened"}), 409)
    moved = api.post(path, as_=staff, json={"status": "assigned"}).get_json()
    assert moved["status"] == "assigned" and moved["assignee"]["id"] == staff.id
    document = openapi_document(client)
    done = check_schema(
        document,
        api.post(path, as_=customer, json={"status": "resolved"}),
        "/escalations/{case_id}/status",
        "post",
        200,
    )
    assert done["status"] == "resolved" and done["resolved_at"] is not None
    assert_error(api.post(path, as_=customer, json={"status": "resolved"}), 409)
    assert api.post(path, as_=customer, json={"status": "reopened"}).get_json()["status"] == "reopened"


def test_the_survey_once_resolved_once(client, api, people):
    customer, staff = people["customer"], people["staff"]
    case_id = hand_off(api, customer)["id"]
    path = f"/escalations/{case_id}/survey"
    assert_error(api.post(path, as_=customer, json={"ces": 6, "csat": 5}), 409)
    api.post(f"/escalations/{case_id}/status", as_=staff, json={"status": "resolved"})
    assert_error(api.post(path, as_=staff, json={"ces": 6, "csat": 5}), 403)
    for bad in ({"ces": 0, "csat": 5}, {"ces": 6, "csat": 6}, {"ces": "6", "csat": 5}, {"ces": 6}):
        assert_error(api.post(path, as_=customer, json=bad), 422)
    document = openapi_document(client)
    rated = check_schema(
        document, api.post(path, as_=customer, json={"ces": 6, "csat": 5}), "/escalations/{case_id}/survey", "post", 200
    )
    assert (rated["ces"], rated["csat"]) == (6, 5)
    assert_error(api.post(path, as_=customer, json={"ces": 7, "csat": 5}), 409, "already_answered")


def test_every_escalation_operation_is_documented(client):
    paths = openapi_document(client)["paths"]
    assert set(paths["/escalations"]) >= {"get", "post"}
    assert "get" in paths["/escalations/{case_id}"]
    for action in ("messages", "status", "survey"):
        responses = paths[f"/escalations/{{case_id}}/{action}"]["post"]["responses"]
        assert {"401", "404", "422"} <= set(responses)
