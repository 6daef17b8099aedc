"""Notification e-mail through a real SMTP server: who gets what, in which language, bursts,
digests, and a server that is down."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from community.core.database import utcnow
from community.core.extensions import db
from community.notifications import delivery, kinds, outbox, preferences
from community.notifications.models import Notification, OutboxMessage
from tests import factories, smtp_server


@pytest.fixture
def smtp():
    with smtp_server.running() as server:
        yield server


@pytest.fixture
def app_config(smtp):
    return smtp_server.mail_config(smtp)


def member(name: str, locale: str | None = None, confirmed: bool = True):
    user = factories.user(name=name, locale=locale)
    user.email_confirmed_at = utcnow() if confirmed else None
    db.session.commit()
    return user


def notify(recipient, kind: str = "answer", actor=None, title: str = "Ma box clignote en orange", n: int = 1):
    """What ``operations.deliver`` does: a notification row, then its e-mail queued."""
    made = Notification(
        recipient=recipient,
        recipient_id=recipient.id,
        kind=kind,
        actor_id=actor.id if actor else None,
        target_type="answer",
        target_id=n,
        url=f"/questions/7/ma-box-clignote#answer-{n}",
        title=title,
        excerpt=f"Réponse numéro {n} : débranchez la box trente secondes.",
    )
    db.session.add(made)
    db.session.flush()
    outbox.queue_notification(made)
    db.session.commit()
    return made


def notification_mail(server):
    """What arrived that is notification mail (account mail, e.g. confirmations, left aside)."""
    return [r for r in server.received if r.message["List-Unsubscribe"]]


def expected_sentence(kind: str, actor, language: str) -> str:
    with force_locale(language):
        return str(kinds.get(kind).sentence) % {"actor": actor.display_name}


def test_each_recipient_gets_their_mail_in_their_language_and_nobody_else(app, smtp):
    """Léa (French) and Marc (English) each get one e-mail about their own notification, in their
    language, with the one-click unsubscribe headers; a member with an unconfirmed address and one
    who turned the kind off get none."""
    actor = member("Camille Support")
    lea, marc = member("Léa Martin", "fr"), member("Marc Dubreuil", "en")
    unconfirmed, silent = member("Paul Nouveau", confirmed=False), member("Sofia Calme", "fr")
    preferences.set_deliveries(silent, {"answer": "off"})
    db.session.commit()
    for recipient in (lea, marc, unconfirmed, silent):
        notify(recipient, "answer", actor)
    notify(marc, "mention", actor, title="Fibre coupée le soir")

    counts = delivery.send_due()

    received = notification_mail(smtp)
    assert counts["sent"] == 3
    assert sorted(r.rcpt[0] for r in received) == sorted([lea.email, marc.email, marc.email])
    to_lea = smtp.to(lea.email)[0]
    assert to_lea.message["Content-Language"] == "fr"
    assert '<html lang="fr">' in to_lea.html
    assert to_lea.message["Subject"].startswith(expected_sentence("answer", actor, "fr"))
    assert "Ma box clignote en orange" in to_lea.message["Subject"]
    assert "http://localhost/questions/7/ma-box-clignote#answer-1" in to_lea.text
    assert 'href="http://localhost/questions/7/ma-box-clignote#answer-1"' in to_lea.html
    for to_marc in smtp.to(marc.email):
        assert to_marc.message["Content-Language"] == "en"
        assert '<html lang="en">' in to_marc.html
    assert {r.message["Subject"].split(":")[0] for r in smtp.to(marc.email)} == {
        expected_sentence("answer", actor, "en"),
        expected_sentence("mention", actor, "en"),
    }
    for mail in received:
        assert mail.message["List-Unsubscribe"].startswith("<http://localhost/mail/unsubscribe/")
        assert mail.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert mail.message["Message-ID"].endswith("@localhost>")
        assert mail.message["Reply-To"] is None
        assert mail.message["From"] == "Néolia Entraide <entraide@neolia.example>"
    assert len({mail.message["Message-ID"] for mail in received}) == 3
    assert delivery.send_due()["sent"] == 0, "nothing is sent twice"


def test_a_burst_becomes_one_email(app, smtp):
    """Ten answers within the burst window reach the asker as one e-mail listing all ten."""
    app.config["MAIL_BURST_SECONDS"] = 60
    lea = member("Léa Martin", "fr")
    helpers = [member(f"Voisin {i}") for i in range(10)]
    start = utcnow()
    for i, helper in enumerate(helpers):
        notify(lea, "answer", helper, n=i + 1)

    assert delivery.send_due(start + timedelta(seconds=30))["sent"] == 0, "the window is still open"
    delivery.send_due(start + timedelta(seconds=61))

    received = notification_mail(smtp)
    assert len(received) == 1
    mail = received[0]
    for i in range(1, 11):
        assert f"Réponse numéro {i} :" in mail.text
        assert f"#answer-{i}" in mail.html
    assert "10" in mail.message["Subject"]
    assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.sent_at.is_not(None))).headers
    assert all(n.mailed_at is not None for n in db.session.scalars(select(Notification)))


def test_notifications_read_before_the_window_closes_are_not_mailed(app, smtp):
    """What the member already saw in the site is left out of the burst's e-mail."""
    app.config["MAIL_BURST_SECONDS"] = 60
    lea, marc = member("Léa Martin", "fr"), member("Marc Dubreuil")
    seen = notify(lea, "answer", marc, n=1)
    notify(lea, "answer", marc, n=2)
    seen.read_at = utcnow()
    db.session.commit()

    delivery.send_due(utcnow() + timedelta(seconds=61))

    [mail] = notification_mail(smtp)
    assert "Réponse numéro 2 :" in mail.text
    assert "Réponse numéro 1 :" not in mail.text


def test_with_the_server_down_mail_waits_then_each_message_goes_once(app, smtp, runner):
    """Nothing is lost or doubled: while the server is down the messages stay queued; once it is
    back, ``flask notifications send`` delivers each one exactly once."""
    lea, marc, actor = member("Léa Martin", "fr"), member("Marc Dubreuil", "en"), member("Camille")
    notify(lea, "answer", actor)
    notify(marc, "answer", actor)
    smtp.stop()

    counts = delivery.send_due()

    assert counts["sent"] == 0 and counts["retrying"] == 1, "the run stops at the first unreachable try"
    waiting = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "answer")).all()
    assert all(m.sent_at is None and m.failed_at is None for m in waiting)
    assert any("Connection" in m.last_error or "refused" in m.last_error.lower() for m in waiting)

    smtp.start()
    result = runner.invoke(args=["notifications", "send"])
    assert result.exit_code == 0, result.output
    assert "2 sent" in result.output
    runner.invoke(args=["notifications", "send"])

    assert sorted(r.rcpt[0] for r in notification_mail(smtp)) == sorted([lea.email, marc.email])


def test_a_message_is_given_up_after_the_configured_tries(app, smtp):
    """After ``MAIL_MAX_ATTEMPTS`` failed tries a message is kept as failed, and no longer tried."""
    app.config["MAIL_MAX_ATTEMPTS"] = 2
    lea = member("Léa Martin", "fr")
    notify(lea, "answer", member("Marc"))
    smtp.stop()
    delivery.send_due()
    assert delivery.send_due()["failed"] == 1
    smtp.start()

    assert delivery.send_due()["sent"] == 0
    [message] = delivery.failed_messages()
    assert message.attempts == 2 and message.to_address == lea.email
    assert notification_mail(smtp) == []


def test_an_address_the_server_refuses_for_good_is_not_retried(app, smtp):
    """A 550 for the recipient gives up at once (retrying cannot help); others still go."""
    lea, marc, actor = member("Léa Martin", "fr"), member("Marc Dubreuil"), member("Camille")
    smtp.refuse.add(lea.email)
    notify(lea, "answer", actor)
    notify(marc, "answer", actor)

    counts = delivery.send_due()

    assert counts == {"sent": 1, "retrying": 0, "failed": 1, "digests": 0}
    assert "550" in delivery.failed_messages()[0].last_error


def test_the_daily_summary_groups_digest_kinds_once_a_day(app, smtp):
    """Kinds set to "digest" come together in one summary, grouped by kind, once a day at most;
    immediate kinds keep their own e-mail and are not repeated in the summary."""
    lea, actor = member("Léa Martin", "fr"), member("Marc Dubreuil")
    notify(lea, "followed_question", actor, title="Décodeur TV sans son", n=1)
    notify(lea, "followed_question", actor, title="Wi-Fi lent le soir", n=2)
    notify(lea, "new_question", actor, title="Fibre : débit divisé par deux", n=3)
    notify(lea, "answer", actor, title="Ma box clignote en orange", n=4)
    read = notify(lea, "new_question", actor, title="Déjà lue", n=5)
    read.read_at = utcnow()
    db.session.commit()

    counts = delivery.send_due()

    assert counts["digests"] == 1 and counts["sent"] == 2
    [summary] = [r for r in smtp.received if "Ma box" not in r.message["Subject"]]
    [answer] = [r for r in smtp.received if "Ma box" in r.message["Subject"]]
    assert "Ma box clignote" not in summary.text
    assert "Déjà lue" not in summary.text
    with force_locale("fr"):
        followed, new = (str(kinds.get(k).label) for k in ("followed_question", "new_question"))
    assert f"{followed} (2)" in summary.text and f"{new} (1)" in summary.text
    assert summary.text.index("Décodeur TV") < summary.text.index("Wi-Fi lent") < summary.text.index("Fibre :")
    assert summary.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Décodeur TV" not in answer.text

    notify(lea, "new_question", actor, title="Box 5G en panne", n=6)
    assert delivery.send_due(utcnow() + timedelta(hours=2))["digests"] == 0, "one summary a day"
    assert delivery.send_due(utcnow() + timedelta(hours=25))["digests"] == 1
    latest = smtp.received[-1]
    assert "Box 5G en panne" in latest.text and "Décodeur TV" not in latest.text


def test_a_kind_set_to_digest_waits_for_the_summary(app, smtp):
    """A member who moved "answers" to the daily summary gets no e-mail at once for an answer."""
    lea, actor = member("Léa Martin", "en"), member("Marc Dubreuil")
    preferences.set_deliveries(lea, {"answer": "digest"})
    db.session.commit()
    notify(lea, "answer", actor, title="Router keeps rebooting")

    delivery.send_due()

    [summary] = smtp.received
    assert "Router keeps rebooting" in summary.text
    assert summary.message["Content-Language"] == "en"


def test_without_a_mail_server_messages_are_written_to_the_instance_outbox(app, smtp, tmp_path):
    """With no ``MAIL_SERVER``, each message becomes a ``.eml`` file in ``<instance>/outbox/``."""
    app.config["MAIL_SERVER"] = None
    lea = member("Léa Martin", "fr")
    notify(lea, "answer", member("Marc"))

    assert delivery.send_due()["sent"] == 1

    files = list((tmp_path / "instance" / "outbox").glob("*.eml"))
    assert len(files) == 1
    assert lea.email in files[0].read_text()
    assert smtp.received == []
