"""The reputation ledger: each event a row, each withdrawal its exact reversal, the cached total in
step; the daily cap, no points between an account and itself, nothing from new accounts' votes;
`flask reputation rebuild --check` agreeing after a long random life of the community."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from sqlalchemy import select

from community.core.database import including_hidden, is_hidden, utcnow
from community.core.extensions import db
from community.members.models import User
from community.moderation import operations as moderation
from community.questions import operations as qa
from community.questions.models import Answer, Question, Vote
from community.reputation import queries
from community.reputation.models import ReputationEvent
from knowledge_base import operations as kb
from knowledge_base.models import Article
from tests import factories as make


def _rows(user) -> list[tuple]:
    """(event, points, reverses another row) of ``user``'s ledger, oldest first."""
    rows = db.session.scalars(select(ReputationEvent).where(ReputationEvent.user_id == user.id).order_by("id"))
    return [(r.event, r.points, r.reverses_id is not None) for r in rows]


def _reputation(user) -> int:
    db.session.expire_all()
    return db.session.get(User, user.id).reputation


def _vote(voter, target, value):
    qa.vote(voter, target, value)
    db.session.commit()


def _assert_exact_reversals():
    """Every reversal takes back exactly what the row it names gave, to the same member, once."""
    for reversal in db.session.scalars(select(ReputationEvent).where(ReputationEvent.reverses_id.is_not(None))):
        original = db.session.get(ReputationEvent, reversal.reverses_id)
        assert original.reverses_id is None
        assert (reversal.user_id, reversal.event, reversal.points, reversal.source_type, reversal.source_id) == (
            original.user_id,
            original.event,
            -original.points,
            original.source_type,
            original.source_id,
        )


@pytest.fixture
def thread(app):
    """A question by Léa answered by Sophie."""
    lea, sophie = make.user(name="Léa"), make.user(name="Sophie")
    question = make.question(lea)
    return question, make.answer(question, sophie), lea, sophie


def test_an_answer_upvote_gives_points_and_withdrawing_it_takes_exactly_them_back(thread):
    question, answer, lea, sophie = thread
    _vote(lea, answer, 1)
    assert _rows(sophie) == [("answer_upvoted", 10, False)]
    assert _reputation(sophie) == 10

    _vote(lea, answer, 0)
    assert _rows(sophie) == [("answer_upvoted", 10, False), ("answer_upvoted", -10, True)]
    assert _reputation(sophie) == 0
    _assert_exact_reversals()


def test_a_changed_vote_is_reversed_then_counted_anew(thread):
    question, answer, lea, sophie = thread
    _vote(lea, answer, 1)
    _vote(lea, answer, -1)
    assert _rows(sophie) == [
        ("answer_upvoted", 10, False),
        ("answer_upvoted", -10, True),
        ("answer_downvoted", -2, False),
    ]
    assert _reputation(sophie) == -2
    _vote(lea, answer, 0)
    assert _reputation(sophie) == 0
    _assert_exact_reversals()


def test_question_votes_reward_the_asker(thread):
    question, answer, lea, sophie = thread
    _vote(sophie, question, 1)
    other = make.user()
    _vote(other, question, -1)
    assert _rows(lea) == [("question_upvoted", 5, False), ("question_downvoted", -2, False)]
    assert _reputation(lea) == 3
    row = db.session.scalars(select(ReputationEvent).where(ReputationEvent.user_id == lea.id)).first()
    assert (row.post_type, row.post_id, row.category_id, row.actor_id) == (
        "question",
        question.id,
        question.category_id,
        sophie.id,
    )


def test_points_values_come_from_the_configuration(app, thread):
    question, answer, lea, sophie = thread
    app.config["REPUTATION_POINTS"] = {**app.config["REPUTATION_POINTS"], "answer_upvoted": 7}
    _vote(lea, answer, 1)
    assert _reputation(sophie) == 7


def test_an_accepted_answer_earns_and_a_moved_acceptance_is_reversed(thread):
    question, answer, lea, sophie = thread
    karim = make.user(name="Karim")
    better = make.answer(question, karim)
    qa.accept_answer(lea, answer)
    db.session.commit()
    assert _rows(sophie) == [("answer_accepted", 15, False)]

    qa.accept_answer(lea, better)
    db.session.commit()
    assert _rows(sophie) == [("answer_accepted", 15, False), ("answer_accepted", -15, True)]
    assert _rows(karim) == [("answer_accepted", 15, False)]
    assert (_reputation(sophie), _reputation(karim)) == (0, 15)
    _assert_exact_reversals()


def test_no_points_between_an_account_and_itself(thread):
    """Accepting one's own answer earns nothing, nor does a staff member's acceptance of their own."""
    question, answer, lea, sophie = thread
    own = make.answer(question, lea)
    qa.accept_answer(lea, own)
    db.session.commit()
    assert _rows(lea) == []

    staff = make.user("staff")
    staff_answer = make.answer(question, staff)
    qa.accept_answer(staff, staff_answer)
    db.session.commit()
    assert _rows(staff) == []
    assert db.session.scalar(select(ReputationEvent.id)) is None


def test_votes_from_accounts_younger_than_the_minimum_age_earn_nothing(app, thread):
    question, answer, lea, sophie = thread
    app.config["REPUTATION_MIN_VOTER_AGE_DAYS"] = 1
    newcomer = make.user(name="New")
    _vote(newcomer, answer, 1)
    assert _rows(sophie) == []

    newcomer.created_at = utcnow() - timedelta(days=1, minutes=1)
    db.session.commit()
    _vote(newcomer, answer, 0)  # withdrawing what earned nothing takes nothing back
    assert _rows(sophie) == []
    _vote(newcomer, answer, 1)
    assert _rows(sophie) == [("answer_upvoted", 10, False)]


def test_points_from_upvotes_stop_at_the_daily_cap_and_a_capped_vote_reverses_what_it_earned(app):
    app.config["REPUTATION_DAILY_VOTE_CAP"] = 25
    sophie = make.user(name="Sophie")
    answers = [make.answer(make.question(), sophie) for _ in range(4)]
    voter = make.user()
    for answer in answers:
        _vote(voter, answer, 1)
    assert _rows(sophie) == [("answer_upvoted", 10, False)] * 2 + [("answer_upvoted", 5, False)]
    assert _reputation(sophie) == 25

    _vote(voter, answers[2], 0)  # the capped vote gave 5: its reversal takes 5
    assert _rows(sophie)[-1] == ("answer_upvoted", -5, True)
    assert _reputation(sophie) == 20

    other = make.user()
    _vote(other, answers[3], 1)  # the room freed today is earned again
    assert _reputation(sophie) == 25
    _vote(make.user(), answers[1], -1)  # downvotes still count once capped
    assert _reputation(sophie) == 23
    _assert_exact_reversals()


def test_the_cap_counts_each_utc_day_on_its_own(app):
    app.config["REPUTATION_DAILY_VOTE_CAP"] = 10
    sophie = make.user(name="Sophie")
    first, second = (make.answer(make.question(), sophie) for _ in range(2))
    _vote(make.user(), first, 1)
    db.session.execute(ReputationEvent.__table__.update().values(created_at=utcnow() - timedelta(days=1)))
    db.session.commit()
    _vote(make.user(), second, 1)
    assert _reputation(sophie) == 20


def test_a_hidden_post_loses_its_points_and_gets_them_back_when_restored(thread):
    question, answer, lea, sophie = thread
    staff = make.user("staff")
    _vote(lea, answer, 1)
    _vote(make.user(), answer, -1)
    qa.accept_answer(lea, answer)
    db.session.commit()
    assert _reputation(sophie) == 23

    moderation.hide(staff, answer, "spam")
    db.session.commit()
    assert _reputation(sophie) == 0
    assert [r[1] for r in _rows(sophie)][3:] == [-10, 2, -15]

    moderation.restore(staff, answer)
    db.session.commit()
    assert _reputation(sophie) == 23
    assert [(r[1], r[2]) for r in _rows(sophie)][6:] == [(10, False), (-2, False), (15, False)]
    _assert_exact_reversals()

    qa.vote(lea, answer, 0)
    db.session.commit()
    assert _reputation(sophie) == 13  # the restored row is the one a withdrawal reverses


def test_a_promotion_into_the_knowledge_base_earns_and_archiving_takes_it_back(thread):
    question, answer, lea, sophie = thread
    staff = make.user("staff")
    article = kb.promote_answer(staff, answer)
    db.session.commit()
    assert _rows(sophie) == [("answer_promoted", 20, False)]
    row = db.session.scalar(select(ReputationEvent))
    assert (row.source_type, row.source_id, row.post_type, row.post_id) == ("article", article.id, "answer", answer.id)

    kb.archive(staff, article)
    db.session.commit()
    assert _rows(sophie)[-1] == ("answer_promoted", -20, True)
    assert _reputation(sophie) == 0


def test_restoring_an_answer_does_not_credit_a_promotion_archived_meanwhile(thread):
    question, answer, lea, sophie = thread
    staff = make.user("staff")
    article = kb.promote_answer(staff, answer)
    moderation.hide(staff, answer, "spam")
    kb.archive(staff, article)
    moderation.restore(staff, answer)
    db.session.commit()
    assert _reputation(sophie) == 0
    assert _rows(sophie) == [("answer_promoted", 20, False), ("answer_promoted", -20, True)]


def test_history_and_totals_read_the_ledger(thread):
    question, answer, lea, sophie = thread
    _vote(lea, answer, 1)
    qa.accept_answer(lea, answer)
    db.session.commit()
    entries = queries.history(sophie.id)
    assert [(e.row.event, e.question.id) for e in entries] == [
        ("answer_accepted", question.id),
        ("answer_upvoted", question.id),
    ]
    assert queries.total(sophie.id) == 25
    assert queries.daily_totals(sophie.id) == [(utcnow().date(), 25)]


def test_a_first_answer_keeps_how_long_the_question_waited(app):
    question = make.question()
    question.created_at = utcnow() - timedelta(minutes=12)
    db.session.commit()
    first, second = make.answer(question), make.answer(question)
    assert 12 * 60 <= first.response_seconds < 13 * 60
    assert second.response_seconds is None


def test_rebuild_check_agrees_then_finds_a_tampered_total_and_rebuild_fixes_it(thread, runner):
    question, answer, lea, sophie = thread
    _vote(lea, answer, 1)
    result = runner.invoke(args=["reputation", "rebuild", "--check"])
    assert (result.exit_code, "matches the ledger" in result.output) == (0, True)

    db.session.execute(User.__table__.update().where(User.id == sophie.id).values(reputation=99))
    db.session.commit()
    result = runner.invoke(args=["reputation", "rebuild", "--check"])
    assert result.exit_code == 1
    assert f"Member {sophie.id}: cached 99, ledger 10" in result.output

    result = runner.invoke(args=["reputation", "rebuild"])
    assert (result.exit_code, "Corrected 1 member." in result.output) == (0, True)
    assert _reputation(sophie) == 10
    assert runner.invoke(args=["reputation", "rebuild", "--check"]).exit_code == 0


def _expected_totals(members) -> dict[int, int]:
    """What each member should hold, from the community as it stands (no cap in play)."""
    points = {m.id: 0 for m in members}
    values = {("question", 1): 5, ("question", -1): -2, ("answer", 1): 10, ("answer", -1): -2}
    for vote in db.session.scalars(select(Vote)):
        kind = "question" if vote.question_id else "answer"
        post = db.session.get(
            Question if vote.question_id else Answer,
            vote.question_id or vote.answer_id,
            execution_options={"include_hidden": True},
        )
        if not is_hidden(post) and post.author_id != vote.user_id:
            points[post.author_id] += values[(kind, vote.value)]
    for question in db.session.scalars(including_hidden(select(Question))):
        accepted = question.accepted_answer_id and db.session.get(
            Answer, question.accepted_answer_id, execution_options={"include_hidden": True}
        )
        if accepted and not is_hidden(accepted) and accepted.author_id != question.author_id:
            points[accepted.author_id] += 15
    for article in db.session.scalars(select(Article).where(Article.status != "archived")):
        answer = db.session.get(Answer, article.source_answer_id, execution_options={"include_hidden": True})
        if not is_hidden(answer):
            points[answer.author_id] += 20
    return points


def test_rebuild_check_agrees_after_a_random_life_of_the_community(app, runner):
    """Votes, changed and withdrawn votes, acceptances and moved acceptances, promotions and archives,
    posts hidden and restored, in a seeded random order: every total is what the community as it
    stands says, the cache matches the ledger, every reversal is exact."""
    app.config["REPUTATION_DAILY_VOTE_CAP"] = 10**6
    rng = random.Random(16)
    staff = make.user("staff")
    members = [make.user() for _ in range(6)]
    questions = [make.question(rng.choice(members)) for _ in range(4)]
    answers = [make.answer(rng.choice(questions), rng.choice(members)) for _ in range(10)]
    for _step in range(160):
        roll = rng.random()
        visible = [p for p in questions + answers if not is_hidden(p)]
        if roll < 0.5:
            post = rng.choice(visible)
            voter = rng.choice([m for m in members if m.id != post.author_id])
            qa.vote(voter, post, rng.choice((1, 1, -1, 0)))
        elif roll < 0.65:
            answer = rng.choice([a for a in answers if not is_hidden(a)] or answers)
            if not is_hidden(answer):
                qa.accept_answer(db.session.get(User, answer.question.author_id), answer)
        elif roll < 0.75:
            answer = rng.choice(answers)
            if not is_hidden(answer) and kb.promoted_from(answer) is None:
                kb.promote_answer(staff, answer)
        elif roll < 0.82:
            live = db.session.scalars(select(Article).where(Article.status != "archived")).all()
            if live:
                kb.archive(staff, rng.choice(live))
        else:
            post = rng.choice(questions + answers)
            (moderation.restore if is_hidden(post) else moderation.hide)(staff, post, "random")
        db.session.commit()

    assert db.session.scalar(select(ReputationEvent.id).where(ReputationEvent.reverses_id.is_not(None)))
    expected = _expected_totals(members)
    db.session.expire_all()
    assert {m.id: db.session.get(User, m.id).reputation for m in members} == expected
    assert {m.id: queries.total(m.id) for m in members} == expected
    _assert_exact_reversals()
    assert runner.invoke(args=["reputation", "rebuild", "--check"]).exit_code == 0

    victim = rng.choice(members)
    db.session.execute(User.__table__.update().where(User.id == victim.id).values(reputation=User.reputation + 1))
    db.session.commit()
    assert runner.invoke(args=["reputation", "rebuild", "--check"]).exit_code == 1


def test_after_demo_load_reputations_are_real_and_the_ledger_agrees(app, runner):
    """The demo's votes and acceptances earned their authors points, dated like the posts; first
    answers keep how long their question waited; `rebuild --check` agrees."""
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    marc = db.session.scalar(select(User).where(User.email == "marc.dubreuil@mail.example"))
    assert marc.reputation > 0 and marc.reputation == queries.total(marc.id)
    assert len(queries.daily_totals(marc.id)) > 1
    first = db.session.scalars(select(Answer).where(Answer.response_seconds.is_not(None))).all()
    assert first and {a.response_seconds for a in first} != {0}
    assert all(a.response_seconds == int((a.created_at - a.question.created_at).total_seconds()) for a in first)
    result = runner.invoke(args=["reputation", "rebuild", "--check"])
    assert result.exit_code == 0, result.output
