"""Votes through API v1: up, down, withdraw, change; never on one's own post; only 1, -1 or 0."""

from __future__ import annotations

import factories as make
import pytest
from apitools import assert_error


@pytest.fixture
def posts(app):
    question = make.question()
    return question, make.answer(question)


@pytest.mark.parametrize("kind", ["questions", "answers"])
def test_vote_up_down_change_and_withdraw(api, posts, kind):
    """Each member's vote counts once: 1 and -1 set it, a new value replaces it, 0 withdraws it."""
    target = posts[0] if kind == "questions" else posts[1]
    alice, bob = make.user(), make.user()
    url = f"/{kind}/{target.id}/vote"
    assert api.post(url, alice, json={"value": 1}).get_json() == {"score": 1, "value": 1}
    assert api.post(url, alice, json={"value": 1}).get_json() == {"score": 1, "value": 1}
    assert api.post(url, bob, json={"value": 1}).get_json()["score"] == 2
    assert api.post(url, alice, json={"value": -1}).get_json() == {"score": 0, "value": -1}
    assert api.post(url, bob, json={"value": 0}).get_json() == {"score": -1, "value": 0}
    assert api.post(url, bob, json={"value": 0}).get_json()["score"] == -1
    page = api.get(f"/questions/{posts[0].id}").get_json()
    shown = page["score"] if kind == "questions" else page["answers"][0]["score"]
    assert shown == -1


@pytest.mark.parametrize("kind", ["questions", "answers"])
def test_voting_on_ones_own_post_is_403(api, posts, kind):
    """The author of a post gets 403 with a reason when voting on it."""
    target = posts[0] if kind == "questions" else posts[1]
    error = assert_error(api.post(f"/{kind}/{target.id}/vote", target.author, json={"value": 1}), 403, "forbidden")
    assert error["message"]


@pytest.mark.parametrize("value", [2, -2, "1", True, False, None, [1], {"v": 1}, 0.5, "up"])
def test_only_1_minus_1_or_0_are_votes(api, posts, value):
    """A value other than 1, -1 or 0 (including "1" and true) gives 422 with fields.value."""
    error = assert_error(api.post(f"/questions/{posts[0].id}/vote", make.user(), json={"value": value}), 422)
    assert "value" in error["fields"]


def test_missing_value_is_422(api, posts):
    """A vote without a value gives 422 naming the value field."""
    assert "value" in assert_error(api.post(f"/answers/{posts[1].id}/vote", make.user(), json={}), 422)["fields"]


def test_visitors_cannot_vote(api, posts):
    """A vote without a token or session gives 401."""
    assert_error(api.post(f"/questions/{posts[0].id}/vote", json={"value": 1}), 401, "unauthorized")
