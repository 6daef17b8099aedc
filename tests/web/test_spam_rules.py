"""Spam rules: links and mentions of new accounts, blocked words and domains (refused or held),
identical posts repeated across questions, pre-moderated categories, and the staff's blocked list."""

from __future__ import annotations

from datetime import timedelta

import factories as make
import pytest
from api.apitools import ApiClient, assert_error
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.database import utcnow
from community.core.extensions import db
from community.moderation import actions, rules
from community.moderation.models import BlockedTerm, QueueItem
from community.notifications.models import Notification
from community.questions.models import Answer, Question

LINKS = "Voyez https://example.com/1, https://example.org/2 et https://example.net/3 pour les détails."
HELD = "Your post is waiting for a moderator"


@pytest.fixture
def app_config():
    return {"NEW_ACCOUNT_DAYS": 7, "REPEATED_POST_HOURS": 24, "PREMODERATED_POSTS": 1}


@pytest.fixture
def api(client):
    return ApiClient(client)


@pytest.fixture(autouse=True)
def english(client):
    client.set_cookie("lang", "en")


def _older(user):
    user.created_at = utcnow() - timedelta(days=30)
    db.session.commit()
    return user


def _answer(client, question, body):
    return client.post(f"/questions/{question.id}/answers", data={"body": body}, follow_redirects=True)


def _queue(target_type: str, target_id: int) -> QueueItem | None:
    return db.session.scalar(
        select(QueueItem).where(QueueItem.target_type == target_type, QueueItem.target_id == target_id)
    )


def _block(term: str, kind: str = "word", action: str = "hold") -> None:
    rules.add_term(make.user("staff"), kind, term, action)
    db.session.commit()


def test_a_new_account_may_not_post_three_links(app, client, auth):
    """A new member's answer with three links is refused beside the field, the text kept; a member
    of a month may post it."""
    question, newcomer = make.question(), make.user()
    auth.login(newcomer)
    refused = _answer(client, question, LINKS)
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "New members may put at most 2 links in a post" in page
    assert "https://example.net/3" in page  # what was typed is kept
    assert db.session.scalar(select(Answer.id)) is None
    auth.logout()
    auth.login(_older(make.user()))
    assert _answer(client, question, LINKS).status_code == 200
    assert db.session.scalar(select(Answer.id)) is not None


def test_a_new_account_may_not_mention_four_members_in_the_api(app, api):
    """Four @mentions from a new account: 422 with the reason on ``body``."""
    question, newcomer = make.question(), make.user()
    body = {"body": "Merci @alice_a, @bruno_b, @chloe_c et @david_d pour vos conseils sur la box."}
    error = assert_error(api.post(f"/questions/{question.id}/answers", as_=newcomer, json=body), 422)
    assert "at most 3 members" in error["fields"]["body"]


def test_a_refused_domain_is_refused_in_any_form(app, client, auth):
    """A domain blocked with "refuse": a post naming it, a subdomain or a link to it is not saved."""
    _block("https://www.Spam.example/promo", kind="domain", action="refuse")
    assert db.session.scalar(select(BlockedTerm.term)) == "spam.example"
    question, member = make.question(), _older(make.user())
    auth.login(member)
    for body in ("Allez sur shop.spam.example pour tout régler.", "Voir [ici](http://spam.example/x) vite."):
        refused = _answer(client, question, body)
        assert refused.status_code == 422
        assert "spam.example" in refused.get_data(as_text=True)
    assert _answer(client, question, "Le site notspam.example.org n'est pas bloqué, lui.").status_code == 200


def test_a_held_word_keeps_the_post_hidden_until_approved(app, client, auth):
    """A held word: the answer is saved but hidden, its author is told it waits for a moderator, the
    asker is not notified and visitors do not see it; once a moderator approves it, everyone does."""
    _block("Crédit Facile")
    asker = make.user()
    question, member = make.question(asker), _older(make.user())
    auth.login(member)
    held = _answer(client, question, "Un crédit facile pour payer votre box, écrivez-moi.")
    assert HELD in held.get_data(as_text=True)
    answer = db.session.scalar(select(Answer).execution_options(include_hidden=True))
    assert answer.hidden_at is not None
    item = _queue("answer", answer.id)
    assert (item.reason, item.detail) == ("blocked_term", "credit facile")
    assert db.session.scalar(select(Notification.id).where(Notification.recipient_id == asker.id)) is None
    auth.logout()
    path = f"/questions/{question.id}"
    assert "écrivez-moi" not in client.get(path, follow_redirects=True).get_data(as_text=True)

    actions.approve(make.user("staff"), item)
    db.session.commit()
    assert "écrivez-moi" in client.get(path, follow_redirects=True).get_data(as_text=True)
    told = db.session.scalars(select(Notification).where(Notification.recipient_id == asker.id)).all()
    assert [(n.kind, n.target_type, n.target_id) for n in told] == [("answer", "answer", answer.id)]


def test_the_same_answer_on_another_question_is_held(app, client, auth):
    """The same text (case and spaces aside) on a second question the same day waits for a moderator."""
    first, second = make.question(), make.question(title="Le wifi se coupe toutes les dix minutes")
    member = _older(make.user())
    auth.login(member)
    text = "Contactez notre super service de dépannage au 01 23 45 67 89, rapide et pas cher."
    assert HELD not in _answer(client, first, text).get_data(as_text=True)
    assert HELD in _answer(client, second, "  " + text.upper().replace(" ", "  ")).get_data(as_text=True)
    answers = db.session.scalars(select(Answer).order_by(Answer.id).execution_options(include_hidden=True)).all()
    assert [a.hidden_at is None for a in answers] == [True, False]
    item = _queue("answer", answers[1].id)
    assert (item.reason, item.detail) == ("repeated_post", str(first.id))


def test_a_pre_moderated_category_holds_a_new_accounts_first_question(app, client, auth):
    """Staff tick "Pre-moderate first posts of new accounts": a new member's first question there
    waits (visitors get 404, its author sees it); once one is approved, the next is published."""
    admin = make.user("admin")
    make.category(actor=admin)
    auth.login(admin)
    form = {"name": "Box internet", "slug": "box-internet", "description": "Wi-Fi, voyants, redémarrages",
            "name_en": "", "description_en": "",
            "premoderation": "y"}
    assert client.post("/categories/box-internet/edit", data=form).status_code == 302
    auth.logout()
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "category.edit"))
    assert entry.after == {"premoderation": True}

    newcomer = make.user()
    auth.login(newcomer)
    ask = {"title": "Ma box ne capte plus la fibre", "body": "Le voyant fibre clignote en rouge depuis hier soir.",
           "category": "box-internet", "tags": "fibre", "language": "fr", "confirmed": "1"}
    posted = client.post("/questions/ask", data=ask, follow_redirects=True)
    assert HELD in posted.get_data(as_text=True)
    question = db.session.scalar(select(Question).execution_options(include_hidden=True))
    assert _queue("question", question.id).reason == "premoderation"
    assert client.get(f"/questions/{question.id}", follow_redirects=True).status_code == 200
    auth.logout()
    assert client.get(f"/questions/{question.id}").status_code == 404

    actions.approve(make.user("staff"), _queue("question", question.id))
    db.session.commit()
    auth.login(newcomer)
    again = {**ask, "title": "Et la télévision ne marche plus", "body": "Le décodeur affiche l'erreur S04."}
    second = client.post("/questions/ask", data=again, follow_redirects=True)
    assert "Your question is published" in second.get_data(as_text=True)


@pytest.mark.parametrize("role", ["staff", "ambassador"])
def test_staff_and_ambassadors_are_not_screened(app, client, auth, role):
    """Staff and ambassadors, even with new accounts, post links and held words freely."""
    _block("crédit facile")
    question = make.question()
    auth.login(make.user(role))
    assert HELD not in _answer(client, question, LINKS + " Crédit facile.").get_data(as_text=True)
    assert db.session.scalar(select(Answer.hidden_at)) is None


def test_staff_manage_the_blocked_list(app, client, auth):
    """Staff add a domain (pasted as a URL) and a word, see a mistake beside the field with what
    they typed, remove a term; each change is in the audit log. Members get 403."""
    auth.login(make.user())
    assert client.get("/moderation/blocked").status_code == 403
    auth.logout()
    auth.login(make.user("staff"))
    page = client.get("/moderation/blocked")
    assert page.status_code == 200 and "No word or domain is blocked yet." in page.get_data(as_text=True)

    wrong = client.post("/moderation/blocked", data={"term": "pas un domaine", "kind": "domain", "action": "hold"})
    assert wrong.status_code == 422
    assert "Give a domain name" in wrong.get_data(as_text=True) and 'value="pas un domaine"' in wrong.get_data(
        as_text=True)

    added = client.post("/moderation/blocked", data={"term": "https://promo.example/", "kind": "domain",
                                                     "action": "refuse"}, follow_redirects=True)
    assert "promo.example" in added.get_data(as_text=True)
    client.post("/moderation/blocked", data={"term": "Casino", "kind": "word", "action": "hold"})
    again = client.post("/moderation/blocked", data={"term": "casino", "kind": "word", "action": "refuse"})
    assert again.status_code == 422 and "already in the list" in again.get_data(as_text=True)

    casino = db.session.scalar(select(BlockedTerm).where(BlockedTerm.term == "casino"))
    assert client.post(f"/moderation/blocked/{casino.id}/remove").status_code == 302
    assert [t.term for t in rules.terms()] == ["promo.example"]
    logged = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "blocked_term")).all()
    assert sorted(logged) == ["blocked_term.add", "blocked_term.add", "blocked_term.remove"]
