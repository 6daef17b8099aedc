"""A profile's reputation: the chart of its history (server-drawn SVG with a title and a
description), the rank and the way to the next, badges held, best answers accepted first; the
API's member with real reputation, rank and badges."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from api.apitools import ApiClient

from community.core.database import utcnow
from community.core.extensions import db
from community.questions import operations as qa
from community.reputation import ledger
from community.reputation.chart import reputation_chart
from tests import factories as make


@pytest.fixture(autouse=True)
def english(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def _earn(member, points: int, days_ago: int = 0, answer=None):
    """Ledger points for ``member`` on their answer (a new one unless given), ``days_ago`` days back."""
    answer = answer or make.answer(make.question(), member)
    at = utcnow() - timedelta(days=days_ago)
    ledger.credit(member.id, "answer_accepted", points, source_type="answer", source_id=answer.id, post=answer, at=at)
    db.session.commit()
    return answer


def test_chart_follows_the_ledger_day_by_day(app):
    """The running total from the first day in the window to today, earlier points as the start."""
    member = make.user()
    answer = _earn(member, 15, days_ago=400)
    _earn(member, 10, days_ago=30, answer=answer)
    _earn(member, -2, days_ago=30, answer=answer)
    _earn(member, 20, days_ago=2, answer=answer)
    chart = reputation_chart(member.id)
    assert chart.first == 15 and chart.last == 43 and chart.highest == 43 and chart.gained == 28
    assert chart.end == utcnow().date() and chart.start == chart.end - timedelta(days=365)
    assert chart.top == 50 and chart.bottom == 0
    assert chart.line.startswith("M0 ") and chart.line.count(" L") == 6  # start, 2 changes as steps, today
    assert reputation_chart(make.user().id) is None


def test_chart_of_a_short_history_starts_at_its_first_day(app):
    member = make.user()
    _earn(member, 10, days_ago=5)
    chart = reputation_chart(member.id, today=date.today())
    assert chart.first == 0 and chart.last == 10 and chart.start == utcnow().date() - timedelta(days=5)


def test_profile_shows_chart_rank_badges_and_best_answers(app, client):
    """Sophie's profile: her rank beside her reputation, the way to the next rank, the chart with its
    accessible description, her badges, and her answers with the accepted one first."""
    sophie = make.user(name="Sophie")
    asker = make.user()
    plain = make.answer(make.question(), sophie)
    for _ in range(2):
        qa.vote(make.user(), plain, 1)
    question = make.question(asker)
    solution = make.answer(question, sophie)
    qa.vote(make.user(), solution, 1)
    qa.accept_answer(asker, solution)
    db.session.commit()
    _earn(sophie, 60, days_ago=20, answer=plain)
    html = client.get(f"/users/{sophie.id}").get_data(as_text=True)

    assert '<dd class="stat-rank">Contributor</dd>' in html
    assert re.search(r"\d+ points to Expert", html)
    svg = html[html.index("<svg viewBox=") : html.index("</svg>", html.index("<svg viewBox="))]
    assert 'role="img"' in svg and "<title " in svg and "Reputation of Sophie over time" in svg
    assert f"to {sophie.reputation} points on" in svg and 'class="rep-line" d="M' in svg
    assert "First answer" in html and "First solution" in html
    best = html[html.index('id="profile-best"') :]
    assert best.index(f"#answer-{solution.id}") < best.index(f"#answer-{plain.id}")


def test_a_newcomers_profile_says_there_is_no_reputation_yet(app, client):
    member = make.user()
    html = client.get(f"/users/{member.id}").get_data(as_text=True)
    assert "No reputation yet" in html and "<svg viewBox=" not in html
    assert "has no badge yet" in html and 'id="profile-best"' not in html
    assert '<dd class="stat-rank">Newcomer</dd>' in html


def test_a_hidden_answer_is_not_among_the_best(app, client):
    """An answer hidden by moderation leaves the visitor's view of the profile."""
    from community.moderation import operations as moderation

    member = make.user()
    answer = make.answer(make.question(), member)
    qa.vote(make.user(), answer, 1)
    db.session.commit()
    assert f"#answer-{answer.id}" in client.get(f"/users/{member.id}").get_data(as_text=True)
    moderation.hide(make.user("staff"), answer, "spam")
    db.session.commit()
    assert f"#answer-{answer.id}" not in client.get(f"/users/{member.id}").get_data(as_text=True)


def test_api_member_has_real_reputation_rank_and_badges(app, client):
    """GET /users/{id}: the ledger's total, the rank's name and the badges held with their tier and date."""
    api = ApiClient(client)
    member = make.user()
    _earn(member, 260)
    body = api.get(f"/users/{member.id}").get_json()
    assert body["reputation"] == 260 and body["rank"] == "Expert"
    first = next(b for b in body["badges"] if b["slug"] == "first-answer")
    assert set(first) == {"slug", "name", "tier", "awarded_at"}
    assert first["name"] == "First answer" and first["tier"] == "bronze"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", first["awarded_at"])
    assert api.get("/me", member).get_json()["rank"] == "Expert"
