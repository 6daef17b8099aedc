"""Leaderboards and the nomination list on a small known community: each period and category gives
the reputation earned, answers, solutions, solution rate and median time to a first answer; the
nomination list ranks members by its visible criteria, weights from the settings."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import delete, update

from community.core.extensions import db
from community.members.models import User
from community.moderation import flags
from community.questions import operations as qa
from community.questions.models import Answer
from community.reputation import leaderboards, nominations
from community.reputation.models import ReputationEvent
from tests import factories as make

#: A Thursday: the week began on Monday 13 May, the month on 1 May.
NOW = datetime(2024, 5, 16, 12, 0)
THIS_WEEK = datetime(2024, 5, 15, 9, 0)
THIS_MONTH = datetime(2024, 5, 6, 9, 0)
LAST_MONTH = datetime(2024, 4, 10, 9, 0)


@pytest.fixture
def app_config():
    return {"NOMINATION_MIN_ANSWERS": 2}


def ledger(user, points: int, when: datetime, category=None, event: str = "answer_upvoted", reverses=None):
    """A ledger row as the ledger writes it, with the cached total kept in step."""
    row = ReputationEvent(
        user_id=user.id,
        event=event,
        points=points,
        source_type="vote",
        source_id=0,
        category_id=category.id if category else None,
        reverses_id=reverses.id if reverses else None,
        created_at=when,
    )
    db.session.add(row)
    db.session.execute(update(User).where(User.id == user.id).values(reputation=User.reputation + points))
    db.session.flush()
    return row


def answered(question, author, when: datetime, seconds: int | None, accept: bool = False) -> Answer:
    answer = make.answer(question, author)
    if accept:
        qa.accept_answer(question.author, answer)
    db.session.execute(
        update(Answer).where(Answer.id == answer.id).values(created_at=when, updated_at=when, response_seconds=seconds)
    )
    return answer


@pytest.fixture
def community(app):
    """Sophie and Marc answer in "Box internet" and "Mobile"; Léa earned a little; staff earned a lot."""
    admin = make.user("admin")
    box = make.category("box-internet", "Box internet", actor=admin)
    mobile = make.category("mobile", "Mobile", actor=admin)
    asker = make.user(name="Paul Asker")
    sophie, marc, lea = make.user(name="Sophie Martin"), make.user(name="Marc Dubreuil"), make.user(name="Léa Roux")
    staff = make.user("staff", name="Camille Staff")
    q1, q2, q4 = (make.question(asker, category_slug="box-internet") for _ in range(3))
    q3 = make.question(asker, category_slug="mobile")
    answers = {
        "sophie_q1": answered(q1, sophie, THIS_WEEK, 300, accept=True),
        "marc_q1": answered(q1, marc, THIS_WEEK, None),
        "sophie_q2": answered(q2, sophie, THIS_MONTH, 600),
        "sophie_q3": answered(q3, sophie, LAST_MONTH, 1200, accept=True),
        "marc_q4": answered(q4, marc, THIS_WEEK, 3600, accept=True),
        "staff_q2": answered(q2, staff, THIS_WEEK, None),
    }
    # What the ledger would hold: only the rows below.
    db.session.execute(delete(ReputationEvent))
    db.session.execute(update(User).values(reputation=0))
    ledger(sophie, 10, THIS_WEEK, box)
    ledger(sophie, 20, THIS_MONTH, box)
    ledger(sophie, 25, LAST_MONTH, mobile)
    ledger(marc, 10, THIS_WEEK, box)
    ledger(marc, 15, THIS_WEEK, box, event="answer_accepted")
    ledger(lea, 5, THIS_MONTH, mobile)
    ledger(staff, 100, THIS_WEEK, box)
    db.session.commit()
    return {
        "sophie": sophie,
        "marc": marc,
        "lea": lea,
        "staff": staff,
        "asker": asker,
        "box": box,
        "mobile": mobile,
        "answers": answers,
    }


def figures(board) -> list[tuple]:
    return [
        (s.rank, s.user.display_name, s.gained, s.answers, s.solutions, s.solution_rate, s.median_response)
        for s in board
    ]


def test_the_weekly_board_counts_the_week_only(community):
    assert figures(leaderboards.leaderboard("week", now=NOW)) == [
        (1, "Marc Dubreuil", 25, 2, 1, 0.5, 3600.0),
        (2, "Sophie Martin", 10, 1, 1, 1.0, 300.0),
    ]


def test_the_monthly_board_takes_the_median_of_an_even_number_of_first_answers(community):
    assert figures(leaderboards.leaderboard("month", now=NOW)) == [
        (1, "Sophie Martin", 30, 2, 1, 0.5, 450.0),
        (2, "Marc Dubreuil", 25, 2, 1, 0.5, 3600.0),
        (3, "Léa Roux", 5, 0, 0, None, None),
    ]


def test_the_all_time_board_ranks_by_reputation(community):
    board = figures(leaderboards.leaderboard("all", now=NOW))
    assert board == [
        (1, "Sophie Martin", 55, 3, 2, 2 / 3, 600.0),
        (2, "Marc Dubreuil", 25, 2, 1, 0.5, 3600.0),
        (3, "Léa Roux", 5, 0, 0, None, None),
    ]


def test_a_category_board_counts_that_category_only(community):
    assert figures(leaderboards.leaderboard("all", community["mobile"].id, now=NOW)) == [
        (1, "Sophie Martin", 25, 1, 1, 1.0, 1200.0),
        (2, "Léa Roux", 5, 0, 0, None, None),
    ]
    assert figures(leaderboards.leaderboard("month", community["box"].id, now=NOW)) == [
        (1, "Sophie Martin", 30, 2, 1, 0.5, 450.0),
        (2, "Marc Dubreuil", 25, 2, 1, 0.5, 3600.0),
    ]
    assert figures(leaderboards.leaderboard("week", community["mobile"].id, now=NOW)) == []


def test_staff_deleted_and_suspended_members_are_not_ranked(community):
    db.session.execute(update(User).where(User.id == community["lea"].id).values(suspended_until=datetime(2024, 6, 1)))
    db.session.commit()
    names = [s.user.display_name for s in leaderboards.leaderboard("month", now=NOW)]
    assert names == ["Sophie Martin", "Marc Dubreuil"]


def test_the_board_is_as_long_as_the_setting_says(community, app):
    app.config["LEADERBOARD_SIZE"] = 1
    assert [s.user.display_name for s in leaderboards.leaderboard("all", now=NOW)] == ["Sophie Martin"]


def test_periods_begin_on_monday_and_on_the_first(app):
    assert leaderboards.period_start("week", NOW) == datetime(2024, 5, 13)
    assert leaderboards.period_start("month", NOW) == datetime(2024, 5, 1)
    assert leaderboards.period_start("all", NOW) is None


def nominee_columns(nominee) -> dict:
    return {
        "name": nominee.user.display_name,
        "answers": nominee.answers,
        "solution_rate": nominee.solution_rate,
        "median": nominee.median_response,
        "promoted": nominee.promoted,
        "flags": nominee.upheld_flags,
    }


def test_the_nomination_list_ranks_by_quality_with_each_criterion(community):
    sophie = community["sophie"]
    promoted = ledger(sophie, 20, THIS_WEEK, event="answer_promoted")
    ledger(sophie, 20, THIS_WEEK, event="answer_promoted")
    ledger(sophie, -20, THIS_WEEK, event="answer_promoted", reverses=promoted)  # unpromoted
    reporter = make.user()
    flags.raise_flag(reporter, "answer", community["answers"]["marc_q1"], "spam")
    flags.decide_flags(make.user("staff"), "answer", community["answers"]["marc_q1"].id, "upheld")
    db.session.commit()
    listed = nominations.nomination_list(now=NOW)
    assert [nominee_columns(n) for n in listed] == [
        {"name": "Sophie Martin", "answers": 3, "solution_rate": 2 / 3, "median": 600.0, "promoted": 1, "flags": 0},
        {"name": "Marc Dubreuil", "answers": 2, "solution_rate": 0.5, "median": 3600.0, "promoted": 0, "flags": 1},
    ]
    assert listed[0].score > listed[1].score


def test_upheld_flags_count_against_a_member_and_weights_come_from_the_settings(community, app):
    """With only solution rate and flags weighed, Marc's upheld flag puts him below his score without it."""
    app.config["NOMINATION_WEIGHTS"] = {"solution_rate": 1, "upheld_flags": 1}
    before = {n.user.display_name: n.score for n in nominations.nomination_list(now=NOW)}
    assert before == {"Sophie Martin": 66.7, "Marc Dubreuil": 50.0}
    flags.raise_flag(make.user(), "user", community["marc"], "abuse")
    flags.decide_flags(make.user("staff"), "user", community["marc"].id, "upheld")
    db.session.commit()
    after = {n.user.display_name: n.score for n in nominations.nomination_list(now=NOW)}
    assert after == {"Sophie Martin": 66.7, "Marc Dubreuil": pytest.approx(50.0 - 100 / 3, abs=0.1)}


def test_the_list_leaves_out_members_with_too_few_answers_and_staff(community):
    names = {n.user.display_name for n in nominations.nomination_list(now=NOW)}
    assert "Léa Roux" not in names and "Camille Staff" not in names
