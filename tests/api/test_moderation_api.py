"""The moderation API (staff only): hide and restore posts, read the queue with its flags, suspend
and reinstate members — in the shapes the OpenAPI document gives; a suspended member's token gets
403 ``suspended`` with the reason."""

from __future__ import annotations

from datetime import timedelta

import factories as make
import pytest
from apitools import assert_error, check_schema, openapi_document
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.database import INCLUDE_HIDDEN, utcnow
from community.core.extensions import db
from community.members.models import User
from community.moderation import flags, queue
from community.moderation.models import QueueItem
from community.questions.models import Answer


@pytest.fixture
def staff(app):
    return make.user("staff", name="Nina Support")


@pytest.fixture
def answer(app):
    return make.answer(make.question(make.user()), make.user(name="Léa Martin"), body="Promo sur spam.example !")


def actions_logged() -> list[str]:
    """The audit log's actions, oldest first, without the test data's own (categories)."""
    stmt = select(AuditEntry.action).where(AuditEntry.target_type != "category").order_by(AuditEntry.id)
    return list(db.session.scalars(stmt))


def fresh(model, ident):
    db.session.expire_all()
    return db.session.get(model, ident, execution_options={INCLUDE_HIDDEN: True})


@pytest.mark.parametrize(
    "method, path",
    [
        ("post", "/moderation/questions/1/hide"),
        ("post", "/moderation/answers/1/restore"),
        ("get", "/moderation/queue"),
        ("post", "/moderation/users/1/suspend"),
        ("post", "/moderation/users/1/unsuspend"),
    ],
)
@pytest.mark.parametrize("role, status", [(None, 401), ("customer", 403), ("ambassador", 403)])
def test_only_staff_moderate_through_the_api(api, app, method, path, role, status):
    """Ambassadors given a category moderate on the pages; the API is staff's."""
    make.answer(make.question(make.user()))
    caller = make.user(role) if role else None
    kwargs = {"json": {"reason": "x"}} if method == "post" else {}
    assert_error(getattr(api, method)(path, caller, **kwargs), status)


def test_hide_and_restore_an_answer(api, client, staff, answer):
    document = openapi_document(client)
    response = api.post(f"/moderation/answers/{answer.id}/hide", staff, json={"reason": "Publicité"})
    body = check_schema(document, response, "/moderation/answers/{answer_id}/hide", "post", 200)
    assert body == {"target_type": "answer", "target_id": answer.id, "hidden": True}
    assert fresh(Answer, answer.id).hidden_at is not None
    question = api.get(f"/questions/{answer.question_id}").get_json()
    assert question["answers"] == [] and question["answer_count"] == 0
    response = api.post(f"/moderation/answers/{answer.id}/restore", staff, json={})
    assert check_schema(document, response, "/moderation/answers/{answer_id}/restore", "post", 200)["hidden"] is False
    assert [a["id"] for a in api.get(f"/questions/{answer.question_id}").get_json()["answers"]] == [answer.id]
    assert actions_logged() == ["content.hide", "content.restore"]
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "content.hide")).one()
    assert (entry.origin, entry.reason) == ("api", "Publicité")


def test_hiding_through_the_api_decides_the_open_item(api, staff, answer):
    flags.raise_flag(make.user(), "answer", answer, "spam")
    db.session.commit()
    item = queue.open_item("answer", answer.id)
    assert api.post(f"/moderation/answers/{answer.id}/hide", staff, json={"reason": "Spam"}).status_code == 200
    item = fresh(QueueItem, item.id)
    assert (item.decision, item.decided_by_id) == ("hidden", staff.id)
    assert "moderation.decide" in actions_logged()


@pytest.mark.parametrize(
    "path, body, status",
    [
        ("/moderation/questions/999999/hide", {}, 404),
        ("/moderation/articles/1/hide", {}, 404),
        ("/moderation/answers/1/hide", {"reason": 12}, 422),
        ("/moderation/answers/1/hide", {"reason": "x" * 501}, 422),
    ],
)
def test_bad_hide_requests(api, staff, answer, path, body, status):
    assert_error(api.post(path, staff, json=body), status)


def test_the_queue_lists_items_with_their_flags(api, client, staff, answer):
    flagger = make.user()
    flags.raise_flag(flagger, "answer", answer, "spam", "Lien douteux")
    member = make.user()
    flags.raise_flag(make.user(), "user", member, "abuse", "Insultes")
    db.session.commit()
    response = api.get("/moderation/queue", staff)
    body = check_schema(openapi_document(client), response, "/moderation/queue", "get", 200)
    assert (body["page"], body["per_page"], body["total"]) == (1, 20, 2)
    first, second = body["items"]
    assert {"target_type", "target_id", "reason", "weight", "flags", "created_at"} <= set(first)
    assert (first["target_type"], first["target_id"], first["reason"], first["weight"]) == (
        "answer",
        answer.id,
        "flagged",
        1.0,
    )
    assert first["hidden"] is False and first["created_at"].endswith("Z")
    [flag] = first["flags"]
    assert (flag["user_id"], flag["reason"], flag["note"], flag["outcome"]) == (
        flagger.id,
        "spam",
        "Lien douteux",
        None,
    )
    assert (second["target_type"], second["target_id"]) == ("user", member.id)
    only = api.get("/moderation/queue?reason=premoderation&per_page=1", staff).get_json()
    assert (only["items"], only["total"], only["per_page"]) == ([], 0, 1)
    assert_error(api.get("/moderation/queue?reason=nope", staff), 422)


def test_suspend_and_unsuspend_a_member(api, client, staff):
    document = openapi_document(client)
    lea = make.user(name="Léa Martin")
    until = (utcnow() + timedelta(days=3)).replace(microsecond=0)
    response = api.post(
        f"/moderation/users/{lea.id}/suspend", staff, json={"reason": "Spam répété", "until": until.isoformat() + "Z"}
    )
    body = check_schema(document, response, "/moderation/users/{user_id}/suspend", "post", 200)
    assert body == {
        "id": lea.id,
        "suspended": True,
        "suspended_until": until.isoformat() + "Z",
        "for_good": False,
        "suspension_reason": "Spam répété",
    }
    error = assert_error(api.get("/me", lea), 403, "suspended")
    assert "Spam répété" in error["message"]
    assert_error(api.post("/questions", lea, json={"title": "Une question"}), 403, "suspended")

    response = api.post(f"/moderation/users/{lea.id}/unsuspend", staff)
    body = check_schema(document, response, "/moderation/users/{user_id}/unsuspend", "post", 200)
    assert (body["suspended"], body["suspended_until"], body["suspension_reason"]) == (False, None, "")
    assert api.get("/me", lea).status_code == 200
    forever = api.post(f"/moderation/users/{lea.id}/suspend", staff, json={"reason": "Fraude"}).get_json()
    assert forever["for_good"] is True and forever["suspended"] is True
    assert actions_logged() == ["user.suspend", "user.unsuspend", "user.suspend"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "reason"),
        ({"reason": ""}, "reason"),
        ({"reason": "Spam", "until": "demain"}, "until"),
        ({"reason": "Spam", "until": "2001-01-01T00:00:00Z"}, "until"),
        ({"reason": "Spam", "until": 12}, "until"),
    ],
)
def test_bad_suspensions_are_refused_by_field(api, staff, body, field):
    lea = make.user()
    error = assert_error(api.post(f"/moderation/users/{lea.id}/suspend", staff, json=body), 422)
    assert field in error["fields"]
    assert not db.session.get(User, lea.id).is_suspended


def test_staff_cannot_suspend_staff_or_unknown_members(api, staff):
    assert_error(api.post(f"/moderation/users/{make.user('staff').id}/suspend", staff, json={"reason": "x"}), 403)
    assert_error(api.post("/moderation/users/999999/suspend", staff, json={"reason": "x"}), 404)
    admin = make.user("admin")
    assert api.post(f"/moderation/users/{staff.id}/suspend", admin, json={"reason": "x"}).status_code == 200
