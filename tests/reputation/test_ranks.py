"""Ranks by reputation: each threshold, the rank beside a name on posts moving when an upvote
crosses one, no rank for staff, configurable ranks."""

from __future__ import annotations

import pytest

from community.core.extensions import db
from community.questions import operations as qa
from community.reputation import ledger
from community.reputation.ranks import next_rank, rank_for
from tests import factories as make


@pytest.fixture
def app_config():
    """Votes of brand-new test accounts count, so an upvote moves the answerer's reputation."""
    return {"REPUTATION_MIN_VOTER_AGE_DAYS": 0}


@pytest.fixture(autouse=True)
def english(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.mark.parametrize(
    ("points", "rank", "following"),
    [
        (0, "Newcomer", "Contributor"),
        (49, "Newcomer", "Contributor"),
        (50, "Contributor", "Expert"),
        (249, "Contributor", "Expert"),
        (250, "Expert", "Guru"),
        (999, "Expert", "Guru"),
        (1000, "Guru", "Legend"),
        (5000, "Legend", None),
        (-8, "Newcomer", "Contributor"),
    ],
)
def test_rank_at_each_threshold(app, points, rank, following):
    """A rank holds from its threshold up to the next one's."""
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert rank_for(points).name == rank
        assert (next_rank(points).name if next_rank(points) else None) == following


def test_ranks_are_configurable(app):
    """Other thresholds and names: a name without a translation is shown as written."""
    app.config["RANKS"] = [(0, "newcomer"), (100, "Pilier"), (10, "contributor")]
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert [rank_for(n).name for n in (9, 10, 99, 100)] == ["Newcomer", "Contributor", "Contributor", "Pilier"]
        assert rank_for(100).level == 3


def _author_rank(client, question) -> str:
    html = client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
    start = html.index(f'id="answer-{question.answers[0].id}"')
    return html[start:]


def test_an_upvote_across_the_threshold_moves_the_rank_beside_the_name(app, client):
    """Sophie has 40 points; an upvote on her answer (+10) makes her a Contributor, shown beside her
    name on the answer."""
    sophie = make.user(name="Sophie")
    question = make.question()
    answer = make.answer(question, sophie)
    ledger.credit(sophie.id, "answer_accepted", 40, source_type="answer", source_id=answer.id, post=answer)
    db.session.commit()
    assert '<span class="rank rank-1" title="Reputation: 40">Newcomer</span>' in _author_rank(client, question)
    qa.vote(make.user(), answer, 1)
    db.session.commit()
    assert sophie.reputation == 50
    assert '<span class="rank rank-2" title="Reputation: 50">Contributor</span>' in _author_rank(client, question)


def test_staff_carry_the_team_mark_and_no_rank(app, client, api_client):
    """A staff member's answer shows the team's mark, no rank; the API's rank is null."""
    staff = make.user("staff")
    question = make.question()
    make.answer(question, staff)
    section = _author_rank(client, question)
    assert "badge-team" in section and 'class="rank ' not in section.split("</article>")[0]
    assert api_client.get(f"/users/{staff.id}").get_json()["rank"] is None


@pytest.fixture
def api_client(client):
    from api.apitools import ApiClient

    return ApiClient(client)
