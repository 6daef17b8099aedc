"""GET /api/v1/audit: staff read the staff actions, newest first, in the contract's shape and as the
OpenAPI document says; actions taken through the API are logged like those on the pages."""

from __future__ import annotations

from datetime import timedelta

import factories as make
import pytest
from apitools import assert_error, check_schema, openapi_document
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.database import utcnow
from community.core.extensions import db
from community.questions import operations as qa


@pytest.fixture
def staff(app):
    return make.user("staff", name="Nina Support")


def test_actions_through_the_api_are_listed_newest_first_in_the_documented_shape(api, client, staff):
    """A category made and renamed, an answer promoted and published: four entries, newest first,
    each with the contract's fields and before → after."""
    assert api.post("/categories", staff, json={"slug": "fibre", "name": "Fibre"}).status_code == 201
    assert api.patch("/categories/fibre", staff, json={"name": "Fibre optique"}).status_code == 200
    asker = make.user()
    question = make.question(asker, category_slug="fibre")
    answer = make.answer(question)
    qa.accept_answer(asker, answer)
    db.session.commit()
    article = api.post(f"/answers/{answer.id}/promote", staff, json={"kind": "faq"}).get_json()
    assert api.post(f"/articles/{article['id']}/publish", staff, json={}).status_code == 200

    response = api.get("/audit", staff)
    body = check_schema(openapi_document(client), response, "/audit", "get", 200)
    assert (body["page"], body["per_page"], body["total"]) == (1, 20, 4)
    items = body["items"]
    assert [i["action"] for i in items] == ["article.publish", "article.promote", "category.edit", "category.create"]
    assert all({"actor_id", "action", "target_type", "target_id", "at"} <= set(i) for i in items)
    assert all(i["actor_id"] == staff.id and i["origin"] == "api" and i["at"].endswith("Z") for i in items)
    assert items[0]["target_type"] == "article" and items[0]["target_id"] == article["id"]
    assert (items[0]["before"], items[0]["after"]) == ({"status": "draft"}, {"status": "published"})
    assert (items[2]["before"], items[2]["after"]) == ({"name": "Fibre"}, {"name": "Fibre optique"})


def test_filters_narrow_the_list(api, staff):
    admin, member = make.user("admin"), make.user()
    question = make.question(make.user())
    from community.members import operations as members

    members.change_role(admin, member, "ambassador")
    qa.close_question(staff, question, "off_topic")
    db.session.commit()
    role_entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "user.role")).one()
    role_entry.at = utcnow() - timedelta(days=10)
    db.session.commit()

    def actions(query: str) -> list[str]:
        response = api.get(f"/audit?{query}", staff)
        assert response.status_code == 200, response.get_json()
        return [i["action"] for i in response.get_json()["items"]]

    assert actions(f"actor_id={admin.id}&target_type=user") == ["user.role"]
    assert actions("action=question.close") == ["question.close"]
    assert actions(f"from={(utcnow() - timedelta(days=1)).date()}&target_type=question") == ["question.close"]
    assert actions(f"to={(utcnow() - timedelta(days=5)).date()}") == ["user.role"]
    assert actions("per_page=1&page=2") == [actions("")[1]]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("action=question.explode", "action"),
        ("target_type=planet", "target_type"),
        ("actor_id=abc", "actor_id"),
        ("actor_id=0", "actor_id"),
        ("from=31/12/2024", "from"),
        ("to=2024-02-30", "to"),
        ("from=2024-02-01&to=2024-01-01", "to"),
        ("page=0", "page"),
    ],
)
def test_bad_arguments_get_422_naming_the_field(api, staff, query, field):
    error = assert_error(api.get(f"/audit?{query}", staff), 422)
    assert field in error["fields"], error


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("customer", 403), ("ambassador", 403), ("admin", 200)])
def test_only_staff_read_the_log(api, role, status):
    response = api.get("/audit", make.user(role) if role else None)
    if status == 200:
        assert response.status_code == 200
    else:
        assert_error(response, status)


def test_the_document_describes_the_operation_for_staff(client):
    operation = openapi_document(client)["paths"]["/audit"]["get"]
    assert {"401", "403", "422"} <= set(operation["responses"])
    assert {p["name"] for p in operation["parameters"]} >= {"actor_id", "action", "target_type", "from", "to", "page"}
