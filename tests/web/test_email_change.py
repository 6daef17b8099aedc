"""Changing one's e-mail address in settings: the password is asked, a link goes to the new
address, the address changes only when that link is opened by the member who asked, and the old
address is told (with a way to take the account back). The mail is read in the outbox."""

from __future__ import annotations

import re
from datetime import timedelta

import factories as make
import pytest
from sqlalchemy import select

from community.core import signals
from community.core.extensions import db
from community.members import account_mail
from community.members import operations as members
from community.members.models import User
from community.notifications.models import OutboxMessage

INVALID = "This link no longer works"


@pytest.fixture(autouse=True)
def english(client):
    client.set_cookie("lang", "en")


def outbox(kind: str) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)))


def link_in(message: OutboxMessage, path: str) -> str:
    """The site path of the link to ``path…`` in the mail's text, checked absolute and in the HTML too."""
    found = re.search(rf"http://localhost({re.escape(path)}[^\s]+)", message.text_body)
    assert found, message.text_body
    assert f'href="{found.group(0)}"' in message.html_body
    return found.group(1)


def ask(client, email: str, password: str = make.PASSWORD):
    return client.post("/settings/email", data={"email": email, "current_password": password})


@pytest.fixture
def lea():
    return make.user(locale="en", email="lea@example.com", name="Léa Martin")


def test_the_address_changes_when_the_link_sent_to_it_is_opened(app, client, auth, lea):
    _token, api_token = members.create_token(lea, lea, "CRM")
    db.session.commit()
    phone = app.test_client()
    phone.post("/login", data={"email": "lea@example.com", "password": make.PASSWORD})
    assert phone.get("/settings").status_code == 200
    auth.login(lea)
    settings = client.get("/settings").get_data(as_text=True)
    assert 'href="/settings/email"' in settings and "E-mail address" in settings
    response = ask(client, " Lea.Martin@Example.COM ")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "We sent a link to lea.martin@example.com" in page
    [mail] = outbox("email_change")
    assert (mail.to_address, mail.recipient_id) == ("lea.martin@example.com", lea.id)
    assert mail.subject == "Confirm your new e-mail address"
    db.session.expire_all()
    assert db.session.get(User, lea.id).email == "lea@example.com"  # nothing changes before the link

    heard = []
    with signals.email_changed.connected_to(lambda sender, **kw: heard.append(kw)):
        response = client.get(link_in(mail, "/settings/email/change/"))
    assert response.status_code == 302 and response.headers["Cache-Control"] == "no-store"
    assert "Your e-mail address is now lea.martin@example.com" in client.get("/settings/email").get_data(as_text=True)
    db.session.expire_all()
    changed = db.session.get(User, lea.id)
    assert changed.email == "lea.martin@example.com" and changed.email_confirmed_at is not None
    assert [(kw["old"], kw["new"]) for kw in heard] == [("lea@example.com", "lea.martin@example.com")]

    [notice] = outbox("email_changed")
    assert notice.to_address == "lea@example.com" and notice.subject == "Your e-mail address was changed"
    assert "l…@example.com" in notice.text_body and "lea.martin@" not in notice.text_body + notice.html_body
    assert '<span style="white-space:nowrap;">l…@example.com</span>' in notice.html_body
    reset = link_in(notice, "/password/reset/")  # a way back that does not go through the new address

    assert phone.get("/settings").status_code == 302  # the other device is signed out
    assert client.get("/settings").status_code == 200  # this one stays signed in
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {api_token}"})
    assert me.status_code == 200  # API tokens keep working
    assert client.post("/login", data={"email": "lea.martin@example.com", "password": make.PASSWORD}).status_code == 302
    client.post("/logout")
    assert client.get(reset).status_code == 200


def test_refusals_keep_what_was_typed(client, auth, lea):
    make.user(email="taken@example.com")
    auth.login(lea)
    wrong = ask(client, "lea.new@example.com", "not my password")
    assert wrong.status_code == 422
    html = wrong.get_data(as_text=True)
    assert "Your current password is not correct." in html and 'value="lea.new@example.com"' in html
    invalid = ask(client, "pas une adresse")
    html = invalid.get_data(as_text=True)
    assert invalid.status_code == 422 and "Enter a valid e-mail address." in html and 'value="pas une adresse"' in html
    same = ask(client, "LEA@example.com")
    assert same.status_code == 422 and "This is already your address." in same.get_data(as_text=True)
    taken = ask(client, "Taken@Example.com")
    html = taken.get_data(as_text=True)
    assert taken.status_code == 422 and "An account already exists with this e-mail." in html
    assert 'value="Taken@Example.com"' in html
    # With a wrong password, nothing is said about the address: no more than the sign-up page tells.
    guess = ask(client, "taken@example.com", "not my password").get_data(as_text=True)
    assert "An account already exists" not in guess and "Your current password is not correct." in guess
    assert outbox("email_change") == []


def test_a_used_tampered_or_expired_link_is_refused(client, auth, lea, monkeypatch):
    auth.login(lea)
    first = account_mail.email_change_token(lea, "lea.one@example.com")
    second = account_mail.email_change_token(lea, "lea.two@example.com")
    tampered = client.get(f"/settings/email/change/{first[:-2]}xy")
    assert tampered.status_code == 400 and INVALID in tampered.get_data(as_text=True)
    other_salt = client.get(f"/settings/email/change/{account_mail.confirmation_token(lea)}")
    assert other_salt.status_code == 400
    assert client.get(f"/settings/email/change/{first}").status_code == 302
    auth.login("lea.one@example.com")
    used = client.get(f"/settings/email/change/{first}")
    assert used.status_code == 400 and used.headers["Referrer-Policy"] == "no-referrer"
    assert client.get(f"/settings/email/change/{second}").status_code == 400  # asked before the change
    monkeypatch.setattr(account_mail, "CHANGE_MAX_AGE", timedelta(seconds=-1))
    late = account_mail.email_change_token(db.session.get(User, lea.id), "lea.three@example.com")
    assert client.get(f"/settings/email/change/{late}").status_code == 400
    db.session.expire_all()
    assert db.session.get(User, lea.id).email == "lea.one@example.com"


def test_the_link_works_only_for_the_member_who_asked(client, auth, lea):
    auth.login(lea)
    ask(client, "lea.new@example.com")
    link = link_in(outbox("email_change")[0], "/settings/email/change/")
    client.post("/logout")

    signed_out = client.get(link)
    assert signed_out.status_code == 302 and "/login" in signed_out.headers["Location"]
    marc = make.user(email="marc@example.com")
    auth.login(marc)
    page = client.get(link)
    assert page.status_code == 400 and INVALID in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, lea.id).email == "lea@example.com"
    assert db.session.get(User, marc.id).email == "marc@example.com"
    assert outbox("email_changed") == []


def test_an_address_taken_while_the_link_waited_is_refused(client, auth, lea):
    auth.login(lea)
    ask(client, "lea.new@example.com")
    link = link_in(outbox("email_change")[0], "/settings/email/change/")
    make.user(email="lea.new@example.com")
    response = client.get(link)
    assert response.status_code == 302
    assert "An account already exists with this e-mail." in client.get("/settings/email").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, lea.id).email == "lea@example.com"


def test_asking_is_rate_limited(app, client, auth, lea):
    app.config["EMAIL_CHANGE_RATE_LIMIT"] = "2 per hour"
    auth.login(lea)
    assert ask(client, "lea.a@example.com", "wrong").status_code == 422
    assert ask(client, "lea.b@example.com").status_code == 302
    assert ask(client, "lea.c@example.com").status_code == 429
    assert len(outbox("email_change")) == 1


def test_the_page_needs_a_member(client):
    response = client.get("/settings/email")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
