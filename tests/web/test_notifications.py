"""In-site notifications as members see them: the bell's count in the header, the list, opening one,
marking one or all read; and who is told of what (never the actor, never hidden content, once per
event, at most ten mentions a post)."""

from __future__ import annotations

import re

import factories as make
import pytest

from community.core.extensions import db
from community.moderation import operations as moderation
from community.notifications import follows
from community.notifications.models import Notification
from community.questions import operations as qa


def _bell(html: str) -> str | None:
    """The count the header's bell shows, or None when it shows none."""
    found = re.search(r'class="bell-count"[^>]*>([^<]+)<', html)
    return found.group(1) if found else None


def _notifications(user) -> list[Notification]:
    """What the member is told of others' posts (badges they earn: tests/reputation/test_badges.py)."""
    query = db.session.query(Notification).filter_by(recipient_id=user.id).filter(Notification.kind != "badge_awarded")
    return query.order_by(Notification.id).all()


@pytest.fixture
def thread(app):
    """Léa asked a question; Marc will answer it."""
    lea = make.user(name="Léa Martin")
    marc = make.user("ambassador", name="Marc Dubreuil")
    question = make.question(lea, title="Ma box clignote en orange depuis ce matin")
    return lea, marc, question


def test_an_answer_lights_the_askers_bell_and_opening_it_lands_on_the_answer(client, auth, thread):
    """Léa sees "1" on the bell, the list says Marc answered her question, the link lands on the answer
    and the count drops."""
    lea, marc, question = thread
    answer = make.answer(question, marc, "Débranchez la box trente secondes puis rebranchez-la.")
    auth.login(lea)
    home = client.get("/?lang=en").get_data(as_text=True)
    assert _bell(home) == "1"
    assert "Notifications, 1 unread" in home

    page = client.get("/notifications?lang=en").get_data(as_text=True)
    assert "Marc Dubreuil</strong> answered your question" in page
    assert "Ma box clignote en orange depuis ce matin" in page
    assert "Débranchez la box trente secondes" in page
    assert "is-unread" in page
    assert "Mark all as read" in page
    (link,) = re.findall(r'class="notif-link" href="(/notifications/\d+)"', page)

    opened = client.get(link)
    assert opened.status_code == 302
    assert opened.headers["Location"].endswith(f"/questions/{question.id}/{question.slug}#answer-{answer.id}")
    after = client.get("/").get_data(as_text=True)
    assert _bell(after) is None
    assert "is-unread" not in client.get("/notifications").get_data(as_text=True)


def test_the_list_reads_in_french(client, auth, thread):
    lea, marc, question = thread
    make.answer(question, marc)
    auth.login(lea)
    page = client.get("/notifications?lang=fr").get_data(as_text=True)
    assert "<h1" in page and "Notifications" in page
    assert "Marc Dubreuil</strong>" in page


def test_mark_all_and_mark_one(client, auth, thread):
    lea, marc, question = thread
    first = make.answer(question, marc, "Première réponse assez longue pour passer.")
    make.answer(question, make.user(name="Hugo"), "Deuxième réponse assez longue pour passer.")
    auth.login(lea)
    assert _bell(client.get("/").get_data(as_text=True)) == "2"
    mine = _notifications(lea)
    first_note = next(n for n in mine if n.target_id == first.id)
    response = client.post(f"/notifications/{first_note.id}/read")
    assert response.status_code == 302
    assert _bell(client.get("/").get_data(as_text=True)) == "1"
    unread_tab = client.get("/notifications?filter=unread").get_data(as_text=True)
    assert "Deuxième réponse" in unread_tab and "Première réponse" not in unread_tab
    client.post("/notifications/read", data={"filter": "unread"})
    assert _bell(client.get("/").get_data(as_text=True)) is None
    assert "Nothing unread." in client.get("/notifications?filter=unread&lang=en").get_data(as_text=True)


def test_another_members_notification_is_not_found(client, auth, thread):
    lea, marc, question = thread
    make.answer(question, marc)
    (note,) = _notifications(lea)
    auth.login(marc)
    assert client.get(f"/notifications/{note.id}").status_code == 404
    assert client.post(f"/notifications/{note.id}/read").status_code == 404
    db.session.expire_all()
    assert db.session.get(Notification, note.id).read_at is None


def test_visitors_are_sent_to_sign_in_and_see_no_bell(client, thread):
    lea, marc, question = thread
    make.answer(question, marc)
    response = client.get("/notifications")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert client.post("/notifications/read").status_code in (302, 401)
    home = client.get("/").get_data(as_text=True)
    assert 'class="bell' not in home


def test_the_anonymous_page_cache_never_serves_a_members_bell(app, client, auth, thread):
    """A visitor's cached page has no bell; the member gets their own page with their count."""
    app.config["PAGE_CACHE_ENABLED"] = True
    lea, marc, question = thread
    make.answer(question, marc)
    url = f"/questions/{question.id}/{question.slug}"
    assert 'class="bell' not in client.get(url).get_data(as_text=True)
    auth.login(lea)
    assert _bell(client.get(url).get_data(as_text=True)) == "1"
    auth.logout()
    assert 'class="bell' not in client.get(url).get_data(as_text=True)


def test_empty_list(client, auth):
    member = make.user()
    auth.login(member)
    page = client.get("/notifications?lang=en").get_data(as_text=True)
    assert "No notifications yet." in page
    assert "Mark all as read" not in page
    assert _bell(page) is None


def test_nobody_is_told_of_their_own_action(thread):
    lea, marc, question = thread
    qa.post_answer(lea, question, "Je réponds moi-même : c'était le câble.")
    qa.add_comment(lea, question, "Précision : la box est neuve.")
    db.session.commit()
    assert _notifications(lea) == []


def test_one_notification_per_member_per_event_with_the_most_specific_kind(thread):
    """Léa asked, follows the question and is mentioned in the answer: one notification, "answer"."""
    lea, marc, question = thread
    make.answer(question, marc, f"@{lea.handle} essayez de redémarrer la box, puis dites-nous.")
    assert [n.kind for n in _notifications(lea)] == ["answer"]


def test_answerers_follow_the_question_and_hear_of_the_solution(thread):
    lea, marc, question = thread
    hugo = make.user(name="Hugo")
    first = make.answer(question, marc, "Redémarrez la box trente secondes.")
    make.answer(question, hugo, "Vérifiez aussi le câble optique.")
    assert [n.kind for n in _notifications(marc)] == ["followed_question"]
    qa.accept_answer(lea, first)
    db.session.commit()
    assert [n.kind for n in _notifications(marc)] == ["followed_question", "accepted"]
    assert [n.kind for n in _notifications(hugo)] == ["solved"]
    assert [n.kind for n in _notifications(lea)] == ["answer", "answer"]


def test_comments_tell_the_posts_author(thread):
    lea, marc, question = thread
    answer = make.answer(question, marc)
    qa.add_comment(lea, answer, "Merci, je vais essayer ce soir.")
    db.session.commit()
    (note,) = _notifications(marc)
    assert note.kind == "comment" and note.url.endswith(f"#comment-{note.target_id}")


def test_new_questions_reach_the_followers_of_their_category_and_tags(thread):
    lea, marc, question = thread
    follows.follow(marc, "category", question.category_id)
    hugo = make.user(name="Hugo")
    follows.follow(hugo, "tag", question.tags[0].id)
    db.session.commit()
    asked = make.question(make.user(), title="La fibre coupe tous les soirs à 20 heures")
    assert [(n.kind, n.target_id) for n in _notifications(marc)] == [("new_question", asked.id)]
    assert [(n.kind, n.target_id) for n in _notifications(hugo)] == [("new_question", asked.id)]


def test_a_post_notifies_at_most_ten_mentions(thread):
    lea, marc, question = thread
    people = [make.user(name=f"Personne {letter}") for letter in "abcdefghijkl"]
    body = "Qui a une idée ? " + " ".join(f"@{p.handle}" for p in people)
    make.answer(question, marc, body)
    told = [p for p in people if _notifications(p)]
    assert told == people[:10]
    assert all(_notifications(p)[0].kind == "mention" for p in told)


def test_an_edit_tells_only_the_newly_mentioned(thread):
    lea, marc, question = thread
    hugo, zoe = make.user(name="Hugo"), make.user(name="Zoé")
    answer = make.answer(question, marc, f"Demandez à @{hugo.handle} qui connaît ce modèle.")
    qa.edit_answer(marc, answer, f"Demandez à @{hugo.handle} ou à @{zoe.handle} qui connaissent ce modèle.")
    db.session.commit()
    assert len(_notifications(hugo)) == 1
    assert [n.kind for n in _notifications(zoe)] == ["mention"]


def test_hidden_content_notifies_nobody(thread):
    lea, marc, question = thread
    staff = make.user("staff")
    moderation.hide(staff, question)
    db.session.commit()
    qa.post_answer(staff, question, "Réponse de l'équipe sur une question masquée.")
    db.session.commit()
    assert [n.kind for n in _notifications(lea)] == ["content_hidden"]  # only why it was hidden


def test_a_notification_leaves_the_list_when_its_answer_is_hidden(client, auth, thread):
    lea, marc, question = thread
    answer = make.answer(question, marc, "Achetez donc ce produit miracle sur ce site.")
    auth.login(lea)
    assert _bell(client.get("/").get_data(as_text=True)) == "1"
    moderation.hide(make.user("staff"), answer)
    db.session.commit()
    assert _bell(client.get("/").get_data(as_text=True)) is None
    assert "produit miracle" not in client.get("/notifications").get_data(as_text=True)


def test_a_suspended_member_hears_of_nothing_until_the_suspension_ends(thread):
    from datetime import timedelta

    from community.core.database import utcnow
    from community.notifications.models import OutboxMessage

    lea, marc, question = thread
    lea.email_confirmed_at = utcnow()
    lea.suspended_until = utcnow() + timedelta(days=3)
    db.session.commit()
    make.answer(question, marc, "Débranchez la box trente secondes.")
    assert _notifications(lea) == []
    assert OutboxMessage.query.filter_by(recipient_id=lea.id).count() == 0

    lea.suspended_until = utcnow() - timedelta(minutes=1)
    db.session.commit()
    make.answer(question, make.user(), "Vérifiez le câble fibre.")
    told = _notifications(lea)
    assert [n.kind for n in told] == ["answer"]
    assert OutboxMessage.query.filter_by(recipient_id=lea.id).count() == 1
