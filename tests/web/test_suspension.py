"""Suspending a member: they cannot sign in (the page says why and until when), a session they
already had ends at their next page with the reason (the API's 403 ``suspended`` is in
tests/api/test_moderation_api.py); staff lift it, or it ends by itself; every change is in the audit log."""

from __future__ import annotations

from datetime import timedelta

import factories as make
import pytest
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User
from community.moderation import suspension

PASSWORD = make.PASSWORD
ENGLISH = {"Accept-Language": "en"}


def logged(action: str) -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def fresh(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


@pytest.fixture
def staff(app):
    return make.user("staff", name="Nina Support", locale="en")


@pytest.fixture
def lea(app):
    return make.user(name="Léa Martin", email="lea@example.com", locale="en")


def suspend(user, reason="Spam répété", days=7, by=None):
    suspension.suspend_for(by or make.user("staff"), user, reason, days)
    db.session.commit()


def test_a_suspended_member_is_refused_at_sign_in_with_the_reason_and_the_end(app, client, lea):
    suspend(lea, days=7)
    response = client.post("/login", data={"email": "lea@example.com", "password": PASSWORD}, headers=ENGLISH)
    assert response.status_code == 403
    html = response.get_data(as_text=True)
    assert "Account suspended" in html and "Spam répété" in html
    assert "suspended until" in html and str(fresh(lea).suspended_until.year) in html
    assert client.get("/settings").status_code == 302  # not signed in


def test_a_wrong_password_does_not_reveal_the_suspension(app, client, lea):
    suspend(lea)
    response = client.post("/login", data={"email": "lea@example.com", "password": "not the password"})
    assert response.status_code == 401 and "Spam répété" not in response.get_data(as_text=True)


def test_suspended_for_good_says_so(app, client, lea):
    suspend(lea, reason="Fraude", days=0)
    sign_in = client.post("/login", data={"email": "lea@example.com", "password": PASSWORD}, headers=ENGLISH)
    html = sign_in.get_data(as_text=True)
    assert "suspended for good" in html and "Fraude" in html


def test_a_session_already_open_ends_at_the_next_page_with_the_reason(app, client, auth, lea):
    auth.login(lea)
    assert client.get("/settings").status_code == 200
    suspend(lea, reason="Propos insultants")
    home = client.get("/")
    assert "Propos insultants" in home.get_data(as_text=True)
    assert client.get("/settings").status_code == 302
    assert "Propos insultants" not in client.get("/").get_data(as_text=True)  # told once


def test_staff_suspend_from_the_profile_and_lift_it(app, client, auth, staff, lea):
    auth.login(staff)
    profile = client.get(f"/users/{lea.id}").get_data(as_text=True)
    assert f'href="/moderation/users/{lea.id}/suspend"' in profile
    response = client.post(f"/moderation/users/{lea.id}/suspend", data={"reason": "  ", "period": "30"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Say why: the member is shown this reason." in html and '<option selected value="30">' in html
    response = client.post(f"/moderation/users/{lea.id}/suspend", data={"reason": "Spam", "period": "30"})
    assert response.status_code == 302
    suspended = fresh(lea)
    assert suspended.is_suspended and timedelta(days=29) < suspended.suspended_until - utcnow() <= timedelta(days=30)
    entry = logged("user.suspend")[0]
    assert (entry.actor_id, entry.target_id, entry.reason, entry.before["suspended_until"]) == (
        staff.id,
        lea.id,
        "Spam",
        None,
    )
    assert "Suspended until" in client.get(f"/users/{lea.id}").get_data(as_text=True)
    assert client.post(f"/moderation/users/{lea.id}/unsuspend").status_code == 302
    assert not fresh(lea).is_suspended and fresh(lea).suspension_reason == ""
    assert logged("user.unsuspend")[0].after == {"suspended_until": None}
    auth.logout()
    auth.login(lea)


def test_a_suspension_ends_by_itself(app, client, auth, lea):
    suspend(lea)
    lea = fresh(lea)
    lea.suspended_until = utcnow() - timedelta(minutes=1)
    db.session.commit()
    auth.login(lea)
    assert client.get("/settings").status_code == 200


@pytest.mark.parametrize(
    "actor_role, target_role, status",
    [
        ("customer", "customer", 403),
        ("ambassador", "customer", 403),
        ("staff", "staff", 403),
        ("staff", "admin", 403),
        ("admin", "staff", 200),
        ("staff", "customer", 200),
    ],
)
def test_who_may_suspend_whom(app, client, auth, actor_role, target_role, status):
    """Staff suspend members; only administrators suspend staff."""
    target = make.user(target_role)
    auth.login(make.user(actor_role))
    assert client.get(f"/moderation/users/{target.id}/suspend").status_code == status


def test_nobody_suspends_themself(app, client, auth):
    admin = make.user("admin")
    auth.login(admin)
    assert client.post(f"/moderation/users/{admin.id}/suspend", data={"reason": "x", "period": "1"}).status_code == 403
    assert not fresh(admin).is_suspended
