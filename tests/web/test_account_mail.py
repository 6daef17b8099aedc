"""Account e-mails as a member meets them: confirming the address after signing up (posting allowed
before, a reminder until then), "Forgot your password?" (signed, single-use, short-lived link, the
same answer for unknown addresses, rate-limited), and a notice when the password changes. The mail
is read where it waits: the outbox."""

from __future__ import annotations

import re
from datetime import timedelta

import factories as make
import pytest
from sqlalchemy import select

from community.core.extensions import db
from community.members import account_mail
from community.members.models import User
from community.notifications.models import OutboxMessage

NEW_PASSWORD = "une toute nouvelle phrase"
BANNER = "Confirm your e-mail address."


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English whatever the catalogue holds (members' own language is set where mail is read)."""
    client.set_cookie("lang", "en")


@pytest.fixture
def app_config():
    return {"PASSWORD_RESET_RATE_LIMIT": "1000 per minute", "PASSWORD_RESET_ADDRESS_RATE_LIMIT": "1000 per minute"}


def outbox(kind: str | None = None) -> list[OutboxMessage]:
    stmt = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind:
        stmt = stmt.where(OutboxMessage.kind == kind)
    return list(db.session.scalars(stmt))


def link_in(message: OutboxMessage, path: str) -> str:
    """The site path of the link to ``path…`` in the mail's text, checked absolute and in the HTML too."""
    found = re.search(rf"http://localhost({re.escape(path)}[^\s]+)", message.text_body)
    assert found, message.text_body
    assert f'href="{found.group(0)}"' in message.html_body
    return found.group(1)


def sign_up(client, email="lea@example.com", name="Léa Martin"):
    # Signed up with the English interface: the account's language, and so its mail's, is English.
    response = client.post("/register", data={"email": email, "display_name": name, "password": make.PASSWORD})
    assert response.status_code == 302
    return db.session.scalar(select(User).where(User.email == email))


def test_signing_up_sends_a_confirmation_link_and_a_reminder_shows_until_it_is_opened(client):
    lea = sign_up(client)
    [mail] = outbox()
    assert (mail.kind, mail.to_address, mail.recipient_id) == ("confirm_email", "lea@example.com", lea.id)
    assert mail.subject == "Confirm your e-mail address"
    assert lea.email_confirmed_at is None
    home = client.get("/").get_data(as_text=True)
    assert BANNER in home and "lea@example.com" in home

    # Posting is allowed before confirming.
    make.category()
    response = client.post(
        "/questions/ask",
        data={"title": "Ma box redémarre toute seule la nuit", "body": "Depuis une semaine, vers 3 h du matin.",
              "category": "box-internet", "tags": "box", "language": "fr", "confirmed": "1"},
    )  # fmt: skip
    assert response.status_code == 302 and "/questions/" in response.headers["Location"]

    response = client.get(link_in(mail, "/confirm-email/"))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, lea.id).email_confirmed_at is not None
    page = client.get("/").get_data(as_text=True)
    assert "Your e-mail address is confirmed" in page and BANNER not in page
    assert client.get(link_in(mail, "/confirm-email/")).status_code == 302  # opening it again is harmless


def test_the_confirmation_link_works_signed_out_too_and_refuses_forgeries(client):
    lea = make.user(locale="en", email="lea@example.com")
    token = account_mail.confirmation_token(lea)
    assert client.get(f"/confirm-email/{token}x").status_code == 400
    assert client.get(f"/confirm-email/{token[:-3]}").status_code == 400
    response = client.get(f"/confirm-email/{token}")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert "Your e-mail address is confirmed" in client.get("/login").get_data(as_text=True)
    lea.email = "lea.martin@example.com"
    lea.email_confirmed_at = None
    db.session.commit()
    page = client.get(f"/confirm-email/{token}")  # sent to the address she no longer has
    assert page.status_code == 400 and "This link no longer works" in page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "no-referrer"


def test_an_expired_confirmation_link_is_refused(client, monkeypatch):
    lea = make.user()
    token = account_mail.confirmation_token(lea)
    monkeypatch.setattr(account_mail, "CONFIRM_MAX_AGE", timedelta(seconds=-1))
    assert client.get(f"/confirm-email/{token}").status_code == 400
    assert db.session.get(User, lea.id).email_confirmed_at is None


def test_the_banner_sends_the_link_again(client, auth):
    lea = make.user(locale="en", email="lea@example.com")
    auth.login(lea)
    response = client.post("/settings/email/confirm", headers={"Referer": "http://localhost/questions"})
    assert response.status_code == 302 and response.headers["Location"] == "http://localhost/questions"
    [mail] = outbox("confirm_email")
    assert mail.to_address == "lea@example.com"
    assert "We sent a new confirmation link" in client.get("/").get_data(as_text=True)
    client.get(link_in(mail, "/confirm-email/"))
    client.post("/settings/email/confirm")
    assert len(outbox("confirm_email")) == 1  # confirmed: nothing more to send


def test_members_of_the_demo_are_confirmed(app, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    lea = db.session.scalar(select(User).where(User.email == "lea.martin@mail.example"))
    assert lea.email_confirmed_at is not None and lea.handle == "lea_martin"


def test_forgot_password_sends_a_single_use_link(client):
    lea = make.user(locale="en", email="lea@example.com", name="Léa Martin")
    login = client.get("/login").get_data(as_text=True)
    assert '<a href="/password/forgot">Forgot your password?</a>' in login

    page = client.post("/password/forgot", data={"email": "Lea@Example.com"}).get_data(as_text=True)
    assert "If an account uses lea@example.com" in page
    [mail] = outbox("password_reset")
    assert (mail.to_address, mail.subject) == ("lea@example.com", "Reset your password")
    link = link_in(mail, "/password/reset/")

    form = client.get(link)
    assert form.status_code == 200 and form.headers["Cache-Control"] == "no-store"
    assert form.headers["Referrer-Policy"] == "no-referrer"
    weak = client.post(link, data={"new_password": "court"})
    assert weak.status_code == 422 and "Use at least 10 characters." in weak.get_data(as_text=True)
    response = client.post(link, data={"new_password": NEW_PASSWORD})
    assert response.status_code == 302
    assert "Your password is changed" in client.get("/").get_data(as_text=True)  # and signed in

    [notice] = outbox("password_changed")
    assert notice.to_address == "lea@example.com" and "/password/forgot" in notice.text_body
    assert db.session.get(User, lea.id).email_confirmed_at is not None  # the link reached the address
    client.post("/logout")
    used = client.get(link)
    assert used.status_code == 400 and "This link no longer works" in used.get_data(as_text=True)
    assert client.post(link, data={"new_password": "encore une autre phrase"}).status_code == 400
    assert client.post("/login", data={"email": "lea@example.com", "password": make.PASSWORD}).status_code == 401
    assert client.post("/login", data={"email": "lea@example.com", "password": NEW_PASSWORD}).status_code == 302


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    make.user(locale="en", email="lea@example.com")
    known = client.post("/password/forgot", data={"email": "lea@example.com"}).get_data(as_text=True)
    unknown = client.post("/password/forgot", data={"email": "nobody@example.com"}).get_data(as_text=True)
    assert unknown.replace("nobody@example.com", "X") == known.replace("lea@example.com", "X")
    assert [m.to_address for m in outbox()] == ["lea@example.com"]
    bad = client.post("/password/forgot", data={"email": "pas une adresse"})
    assert bad.status_code == 422 and "Enter a valid e-mail address." in bad.get_data(as_text=True)
    assert 'value="pas une adresse"' in bad.get_data(as_text=True)


def test_a_reset_link_expires_and_cannot_be_forged(client, monkeypatch):
    lea = make.user()
    token = account_mail.reset_token(lea)
    assert client.get(f"/password/reset/{token[:-2]}xy").status_code == 400
    assert client.get(f"/password/reset/{account_mail.confirmation_token(lea)}").status_code == 400  # other salt
    monkeypatch.setattr(account_mail, "RESET_MAX_AGE", timedelta(seconds=-1))
    assert client.get(f"/password/reset/{token}").status_code == 400


@pytest.mark.parametrize("limit", ["PASSWORD_RESET_RATE_LIMIT", "PASSWORD_RESET_ADDRESS_RATE_LIMIT"])
def test_forgot_password_is_rate_limited(app, client, limit):
    app.config[limit] = "2 per hour"
    make.user(locale="en", email="lea@example.com")
    for _ in range(2):
        assert client.post("/password/forgot", data={"email": "lea@example.com"}).status_code == 200
    assert client.post("/password/forgot", data={"email": "lea@example.com"}).status_code == 429
    assert len(outbox("password_reset")) == 2


def test_changing_the_password_in_settings_sends_a_notice(client, auth):
    lea = make.user(locale="en", email="lea@example.com")
    auth.login(lea)
    response = client.post("/settings/password", data={"current_password": make.PASSWORD, "new_password": NEW_PASSWORD})
    assert response.status_code == 302
    [notice] = outbox("password_changed")
    assert notice.to_address == "lea@example.com" and notice.subject == "Your password was changed"
    refused = client.post("/settings/password", data={"current_password": "wrong", "new_password": NEW_PASSWORD})
    assert refused.status_code == 200 and len(outbox("password_changed")) == 1
