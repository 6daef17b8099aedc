"""The pages around notification e-mail: one-click unsubscribe from a received message, the
per-kind settings page, and the staff's list of mail given up on."""

from __future__ import annotations

import re

import pytest
from itsdangerous import URLSafeSerializer

from community.core.database import utcnow
from community.core.extensions import db
from community.notifications import compose, delivery, outbox, preferences
from community.notifications.models import Notification
from tests import factories, smtp_server


@pytest.fixture
def smtp():
    with smtp_server.running() as server:
        yield server


@pytest.fixture
def app_config(smtp):
    return smtp_server.mail_config(smtp)


def member(name: str, locale: str | None = "fr", role: str = "customer"):
    user = factories.user(role=role, name=name, locale=locale)
    user.email_confirmed_at = utcnow()
    db.session.commit()
    return user


def mailed_answer(server, recipient, actor, n: int = 1):
    """An answer notification to ``recipient``, sent through the SMTP server; the mail received
    for it, or None."""
    before = len(server.received)
    made = Notification(
        recipient=recipient,
        recipient_id=recipient.id,
        kind="answer",
        actor_id=actor.id,
        target_type="answer",
        target_id=n,
        url=f"/questions/1/box#answer-{n}",
        title="Ma box clignote",
        excerpt="",
    )
    db.session.add(made)
    db.session.flush()
    outbox.queue_notification(made)
    db.session.commit()
    delivery.send_due()
    new = [r for r in server.received[before:] if recipient.email in r.rcpt and r.message["List-Unsubscribe"]]
    return new[-1] if new else None


def unsubscribe_path(mail) -> str:
    header = mail.message["List-Unsubscribe"]
    return re.fullmatch(r"<http://localhost(/mail/unsubscribe/[^>]+)>", header).group(1)


def test_the_link_in_the_mail_unsubscribes_without_signing_in(client, smtp):
    """The e-mail's link opens a confirmation page for a visitor; its button turns that kind off,
    and the next answer sends no e-mail."""
    lea, marc = member("Léa Martin"), member("Marc Dubreuil")
    path = unsubscribe_path(mailed_answer(smtp, lea, marc))
    assert f"http://localhost{path}" in smtp.to(lea.email)[0].text

    page = client.get(path)
    assert page.status_code == 200
    assert f'action="{path}"' in page.get_data(as_text=True)
    assert preferences.delivery_for(lea, "answer") == "immediate", "opening the link changes nothing"

    done = client.post(path, csrf=False)
    assert done.status_code == 200
    assert preferences.delivery_for(lea, "answer") == "off"
    assert preferences.delivery_for(lea, "comment") == "immediate", "only that kind"
    assert mailed_answer(smtp, lea, marc, n=2) is None


def test_one_click_post_as_rfc_8058(client, smtp):
    """A mail program's one-click request (a POST with ``List-Unsubscribe=One-Click``, no cookie,
    no CSRF token) turns the kind off."""
    lea, marc = member("Léa Martin", "en"), member("Marc Dubreuil")
    path = unsubscribe_path(mailed_answer(smtp, lea, marc))

    response = client.post(
        path, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded", csrf=False
    )

    assert response.status_code == 200
    assert preferences.delivery_for(lea, "answer") == "off"


def test_a_tampered_or_forged_token_is_refused(client, app, smtp):
    """A token whose member id was changed, or signed with another key, is refused (404) and
    changes nobody's settings; a token only ever turns off mail for the member it was made for."""
    lea, marc = member("Léa Martin"), member("Marc Dubreuil")
    token = unsubscribe_path(mailed_answer(smtp, lea, marc)).rsplit("/", 1)[1]
    payload, signature = token.split(".")
    other_payload = URLSafeSerializer(app.secret_key, salt="mail-unsubscribe").dumps([marc.id, "answer"]).split(".")[0]
    forged = URLSafeSerializer("another-key", salt="mail-unsubscribe").dumps([marc.id, "answer"])
    other_salt = URLSafeSerializer(app.secret_key, salt="something-else").dumps([marc.id, "answer"])

    for bad in (f"{other_payload}.{signature}", forged, other_salt, token[:-2], "nothing"):
        assert client.get(f"/mail/unsubscribe/{bad}").status_code == 404
        assert client.post(f"/mail/unsubscribe/{bad}", csrf=False).status_code == 404
    assert preferences.delivery_for(marc, "answer") == "immediate"
    assert preferences.delivery_for(lea, "answer") == "immediate"


def test_a_members_link_turns_off_only_their_own_mail(client, auth, smtp):
    """Marc, signed in, following Léa's link turns off Léa's mail (the link's member), not his."""
    lea, marc = member("Léa Martin"), member("Marc Dubreuil")
    path = unsubscribe_path(mailed_answer(smtp, lea, marc))
    auth.login(marc)

    client.post(path, csrf=False)

    assert preferences.delivery_for(lea, "answer") == "off"
    assert preferences.delivery_for(marc, "answer") == "immediate"


def test_the_settings_page_saves_each_kind(client, auth):
    """A member sees every kind with its current delivery and changes them; a made-up value is
    refused beside its row and nothing is saved."""
    lea = member("Léa Martin", "en")
    auth.login(lea)

    page = client.get("/settings/notifications").get_data(as_text=True)
    assert 'href="/settings/notifications" aria-current="page"' in page
    assert re.search(r'<input checked [^>]*name="answer" type="radio" value="immediate">', page)
    assert re.search(r'<input checked [^>]*name="new_question" type="radio" value="digest">', page), "its default"

    choices = {key: "immediate" for key in preferences.choices(lea)} | {"answer": "digest", "mention": "off"}
    saved = client.post("/settings/notifications", data=choices, follow_redirects=True)
    assert saved.status_code == 200
    assert "Your notification settings are saved." in saved.get_data(as_text=True)
    assert preferences.choices(lea)["answer"] == "digest"
    assert preferences.choices(lea)["mention"] == "off"

    refused = client.post("/settings/notifications", data=choices | {"comment": "hourly", "answer": "off"})
    assert refused.status_code == 200
    assert "has-error" in refused.get_data(as_text=True)
    assert preferences.choices(lea)["answer"] == "digest", "nothing saved"


def test_the_settings_page_needs_a_member(client):
    """A visitor is sent to sign in."""
    response = client.get("/settings/notifications")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize(("role", "status"), [("customer", 403), ("ambassador", 403), ("staff", 200), ("admin", 200)])
def test_only_staff_see_mail_given_up_on(client, auth, app, smtp, role, status):
    """The staff page lists messages the sender gave up on, with their error."""
    app.config["MAIL_MAX_ATTEMPTS"] = 1
    lea = member("Léa Martin")
    smtp.refuse.add(lea.email)
    mailed_answer(smtp, lea, member("Marc Dubreuil"))
    auth.login(member("Quelqu'un", role=role))

    response = client.get("/admin/mail")

    assert response.status_code == status
    if status == 200:
        assert lea.email in response.get_data(as_text=True)
        assert "550" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            {"SERVER_NAME": "entraide.neolia.example", "PREFERRED_URL_SCHEME": "https"},
            "https://entraide.neolia.example",
        ),
        ({"SERVER_NAME": None, "SITE_URL": "https://aide.neolia.example"}, "https://aide.neolia.example"),
        ({"SERVER_NAME": None, "SITE_URL": "https://neolia.example/entraide"}, "https://neolia.example/entraide"),
    ],
)
def test_links_in_mail_use_the_configured_address(app, config, expected):
    """Mail links name SERVER_NAME (with PREFERRED_URL_SCHEME) when set, else SITE_URL, never the
    host of a request."""
    app.config.update(config)
    assert compose.absolute("/questions/3/box") == f"{expected}/questions/3/box"
    assert compose.external_url("mail.settings") == f"{expected}/settings/notifications"
