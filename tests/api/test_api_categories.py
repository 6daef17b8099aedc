"""Categories over the API: anyone lists them, staff create and change them, bad input is refused."""

from __future__ import annotations

import factories as make
import pytest
from apitools import assert_error

ROLES = ["customer", "ambassador", "staff", "admin"]


@pytest.mark.parametrize(("role", "status"), [("customer", 403), ("ambassador", 403), ("staff", 201), ("admin", 201)])
def test_only_staff_create_categories(api, role, status):
    """POST /categories: 201 for staff and admins, 403 with the reason for members."""
    response = api.post("/categories", make.user(role), json={"slug": "fibre", "name": "Fibre optique"})
    if status == 201:
        assert response.status_code == 201, response.get_json()
        assert response.get_json() == {"slug": "fibre", "name": "Fibre optique", "description": ""}
        assert [c["slug"] for c in api.get("/categories").get_json()["items"]] == ["fibre"]
    else:
        assert "équipe" in assert_error(response, 403, "forbidden")["message"]  # "Only staff can do this."
        assert api.get("/categories").get_json()["items"] == []


def test_visitors_are_told_to_sign_in(api):
    assert_error(api.post("/categories", json={"name": "Fibre"}), 401)
    make.category()
    assert_error(api.patch("/categories/box-internet", json={"name": "Box"}), 401)


@pytest.mark.parametrize(("role", "status"), [("customer", 403), ("ambassador", 403), ("staff", 200), ("admin", 200)])
def test_only_staff_change_categories(api, role, status):
    make.category()
    response = api.patch("/categories/box-internet", make.user(role), json={"name": "Box et Wi-Fi"})
    assert response.status_code == status, response.get_json()
    expected = "Box et Wi-Fi" if status == 200 else "Box internet"
    assert api.get("/categories").get_json()["items"][0]["name"] == expected


def test_the_address_is_made_from_the_name_when_absent(api):
    staff = make.user("staff")
    created = api.post("/categories", staff, json={"name": "Télé & décodeur", "description": "  Chaînes, replay  "})
    assert created.status_code == 201
    assert created.get_json() == {"slug": "tele-decodeur", "name": "Télé & décodeur", "description": "Chaînes, replay"}


def test_patch_changes_only_what_is_sent_and_questions_follow_a_new_address(api):
    """A new slug moves the category; its questions list under the new one and the old one is 404."""
    staff = make.user("staff")
    make.category()
    question = make.question()
    changed = api.patch("/categories/box-internet", staff, json={"slug": "box"})
    assert changed.get_json() == {"slug": "box", "name": "Box internet", "description": "Wi-Fi, voyants, redémarrages"}
    assert api.get(f"/questions/{question.id}").get_json()["category"] == "box"
    assert [q["id"] for q in api.get("/questions?category=box").get_json()["items"]] == [question.id]
    assert_error(api.patch("/categories/box-internet", staff, json={"name": "Box"}), 404, "not_found")
    assert api.patch("/categories/box", staff, json={"description": ""}).get_json()["description"] == ""


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": "B"}, "name"),
        ({"name": "x" * 81}, "name"),
        ({"name": "!!!"}, "name"),
        ({"name": 42}, "name"),
        ({"name": "Box", "slug": "Box Internet"}, "slug"),
        ({"name": "Box", "slug": "box_internet"}, "slug"),
        ({"name": "Box", "slug": "-box"}, "slug"),
        ({"name": "Box", "slug": "télé"}, "slug"),
        ({"name": "Box", "slug": "a" * 61}, "slug"),
        ({"name": "Box", "slug": ["box"]}, "slug"),
        ({"name": "Box", "description": "x" * 501}, "description"),
        ({"name": "Box", "description": "a\x00b"}, "description"),
        ({"name": "Box internet"}, "name"),
        ({"name": "Box", "slug": "box-internet"}, "slug"),
    ],
)
def test_bad_input_is_422_naming_the_field(api, body, field):
    """Each mistake is refused with the field at fault, and nothing is created."""
    make.category()
    staff = make.user("staff")
    assert field in assert_error(api.post("/categories", staff, json=body), 422, "invalid")["fields"]
    assert len(api.get("/categories").get_json()["items"]) == 1


def test_patch_bad_input(api):
    make.category()
    make.category("mobile", "Forfaits mobiles")
    staff = make.user("staff")
    assert "slug" in assert_error(api.patch("/categories/mobile", staff, json={"slug": "box-internet"}), 422)["fields"]
    assert "name" in assert_error(api.patch("/categories/mobile", staff, json={"nom": "Mobile"}), 422)["fields"]
    assert_error(api.patch("/categories/mobile", staff, data="{", content_type="application/json"), 400, "invalid_json")
    assert_error(api.patch("/categories/%00", staff, json={"name": "Mobile"}), 404)
    assert [c["name"] for c in api.get("/categories").get_json()["items"]] == ["Box internet", "Forfaits mobiles"]
