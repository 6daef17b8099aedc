"""Rate limits on posting, commenting, voting, flagging and registration: per member (stricter while
the account is new) and per address, pages and API sharing each counter, and 429 in the right shape."""

from __future__ import annotations

import re
from datetime import timedelta

import factories as make
import pytest
from api.apitools import ApiClient, assert_error

from community.core.database import utcnow
from community.core.extensions import db

LIMITS = {
    "NEW_ACCOUNT_DAYS": 7,
    "QUESTION_RATE_LIMIT": "2 per minute",
    "NEW_ACCOUNT_QUESTION_RATE_LIMIT": "1 per minute",
    "ANSWER_RATE_LIMIT": "3 per minute",
    "NEW_ACCOUNT_ANSWER_RATE_LIMIT": "1 per minute",
    "ANSWER_ADDRESS_RATE_LIMIT": "1000 per minute",
    "COMMENT_RATE_LIMIT": "2 per minute",
    "NEW_ACCOUNT_COMMENT_RATE_LIMIT": "1 per minute",
    "VOTE_RATE_LIMIT": "2 per minute",
    "NEW_ACCOUNT_VOTE_RATE_LIMIT": "1 per minute",
    "FLAG_RATE_LIMIT": "2 per hour",
    "NEW_ACCOUNT_FLAG_RATE_LIMIT": "1 per hour",
}


@pytest.fixture
def app_config():
    return LIMITS


@pytest.fixture
def api(client):
    return ApiClient(client)


def _older(user, days: int = 30):
    user.created_at = utcnow() - timedelta(days=days)
    db.session.commit()
    return user


def _answer(client, question, body: str = "Débranchez la box trente secondes puis rebranchez-la."):
    return client.post(f"/questions/{question.id}/answers", data={"body": body})


def test_a_new_account_gets_a_clear_page_then_the_api_refuses_too(app, client, auth, api):
    """A new member answers once; the second answer gets a 429 page saying when to retry, with
    Retry-After; the API refuses the same member too (the counter is shared), in the error shape."""
    question, helper = make.question(), make.user()
    other = make.question(title="Le décodeur redémarre tout seul la nuit")
    auth.login(helper)
    client.set_cookie("lang", "en")
    assert _answer(client, question).status_code == 302

    page = _answer(client, other, "Changez la prise du décodeur et regardez si cela continue.")
    assert page.status_code == 429
    text = page.get_data(as_text=True)
    assert re.search(r"Too many attempts\. You can try again in \d+ (seconds?|minutes?)\.", text)
    assert 0 < int(page.headers["Retry-After"]) <= 60

    refused = api.post(f"/questions/{other.id}/answers", as_=helper, json={"body": "Une autre réponse utile."})
    error = assert_error(refused, 429, "rate_limited")
    assert error["message"].startswith("Too many attempts. You can try again in ")
    assert int(refused.headers["Retry-After"]) > 0


def test_an_older_account_has_the_looser_limit(app, client, auth):
    """A member past NEW_ACCOUNT_DAYS answers three times in a minute; the fourth is refused."""
    helper = _older(make.user())
    questions = [make.question(title=f"Question numéro {n} sur la box internet") for n in range(4)]
    auth.login(helper)
    statuses = [_answer(client, q, f"Réponse {n} : redémarrez la box et patientez.").status_code
                for n, q in enumerate(questions)]
    assert statuses == [302, 302, 302, 429]


def test_mistakes_and_the_confirmation_step_cost_nothing(app, client, auth):
    """An answer sent back for being too short does not count: the corrected one goes through."""
    question, helper = make.question(), make.user()
    auth.login(helper)
    assert _answer(client, question, "Non").status_code == 422
    assert _answer(client, question).status_code == 302


def test_members_behind_one_address_share_its_limit(app, client, auth):
    """Two members on one address: once the address's answers reach its limit, the next member is refused too."""
    app.config["ANSWER_ADDRESS_RATE_LIMIT"] = "2 per minute"
    question = make.question()
    first, second = _older(make.user()), _older(make.user())
    auth.login(first)
    assert _answer(client, question).status_code == 302
    auth.logout()
    auth.login(second)
    assert _answer(client, question, "Essayez aussi de changer le câble de la box.").status_code == 302
    assert _answer(client, question, "Et si rien ne marche, appelez le service client.").status_code == 429


def test_staff_are_not_limited(app, client, auth):
    """Staff answer as often as they need."""
    question, staff = make.question(), make.user("staff")
    auth.login(staff)
    statuses = [_answer(client, question, f"Réponse de l'équipe numéro {n}, merci de patienter.").status_code
                for n in range(5)]
    assert statuses == [302] * 5


def _flag_target():
    return make.answer(make.question(), body="Achetez des abonnements pas chers sur notre site.")


ACTIONS = {
    # action: (make the target, the API call's path and body) — the second call is refused
    "question": (lambda: None, lambda t, n: ("/questions", {
        "title": f"Ma box ne démarre plus du tout ({n})", "body": "Le voyant reste éteint depuis ce matin.",
        "category": "box-internet"})),
    "answer": (make.question, lambda t, n: (f"/questions/{t.id}/answers", {"body": f"Redémarrez la box ({n})."})),
    "comment": (make.question, lambda t, n: (f"/questions/{t.id}/comments", {"body": f"Quel modèle de box ? ({n})"})),
    "vote": (lambda: [make.question(), make.question()], lambda t, n: (f"/questions/{t[n].id}/vote", {"value": 1})),
    "flag": (lambda: [_flag_target(), _flag_target()], lambda t, n: (f"/answers/{t[n].id}/flags", {"reason": "spam"})),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_each_action_is_limited_in_the_api(app, api, action):
    """A new member's second question, answer, comment, vote or flag within the window gets 429 rate_limited."""
    make.category()
    setup, call = ACTIONS[action]
    target = setup()
    member = make.user()
    first_path, first_body = call(target, 0)
    first = api.post(first_path, as_=member, json=first_body)
    assert first.status_code in (200, 201), first.get_data(as_text=True)
    second_path, second_body = call(target, 1)
    assert_error(api.post(second_path, as_=member, json=second_body), 429, "rate_limited")


@pytest.mark.parametrize("action", ["vote", "comment", "flag"])
def test_pages_count_with_the_api(app, client, auth, api, action):
    """What a member did on the pages counts against the API's limit (one counter per action)."""
    question, answer = make.question(), make.answer(make.question(), body="Une réponse assez longue pour passer.")
    member = make.user()
    auth.login(member)
    page = {
        "vote": lambda: client.post(f"/questions/{question.id}/vote", data={"value": "1"}),
        "comment": lambda: client.post(f"/questions/{question.id}/comments", data={"body": "Quel modèle de box ?"}),
        "flag": lambda: client.post(f"/flag/question/{question.id}", data={"reason": "spam", "note": ""}),
    }[action]()
    assert page.status_code == 302, page.get_data(as_text=True)[:300]
    api_call = {
        "vote": (f"/answers/{answer.id}/vote", {"value": 1}),
        "comment": (f"/answers/{answer.id}/comments", {"body": "Et avec un autre câble ?"}),
        "flag": (f"/answers/{answer.id}/flags", {"reason": "spam"}),
    }[action]
    assert_error(api.post(api_call[0], as_=member, json=api_call[1]), 429, "rate_limited")


def test_registration_is_limited_per_address(app, client):
    """Sign-ups from one address past REGISTER_RATE_LIMIT get the 429 page."""
    app.config["REGISTER_RATE_LIMIT"] = "2 per minute"
    statuses = []
    for n in range(3):
        data = {"email": f"new{n}@example.com", "display_name": f"New {n}", "password": "une phrase assez longue"}
        statuses.append(client.post("/register", data=data).status_code)
        client.post("/logout")
    assert statuses == [302, 302, 429]
