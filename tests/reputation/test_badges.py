"""Badges: each rule awards its badge once, at the moment it becomes true, with the post that earned it
and a notification; Responsive is withdrawn when it lapses and given back when it holds again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from community.core.database import utcnow
from community.core.extensions import db
from community.members import operations as members
from community.moderation import operations as moderation
from community.notifications.models import Notification
from community.questions import operations as qa
from community.reputation import badge_rules, responsive
from community.reputation.badges import award, badges_of, withdraw
from community.reputation.models import BadgeAward
from knowledge_base import operations as kb
from tests import factories as make


@pytest.fixture
def app_config() -> dict:
    """Small thresholds, so that a test reaches them with a few posts."""
    return {
        "BADGE_SOLVER_SOLUTIONS": 2,
        "BADGE_TROUBLESHOOTER_SOLUTIONS": 3,
        "BADGE_MASTER_SOLUTIONS": 4,
        "BADGE_EXPERT_SOLUTIONS": 2,
        "BADGE_HELPFUL_SCORE": 2,
        "BADGE_GOOD_QUESTION_SCORE": 2,
        "RESPONSIVE_SHARE": 0.75,
    }


@pytest.fixture
def quick_responsive(app):
    """Responsive from 4 first answers (other tests keep the default 10, out of their way)."""
    app.config["RESPONSIVE_MIN"] = 4


@pytest.fixture
def asker(app):
    return make.user(name="Léa Martin")


@pytest.fixture
def helper(app):
    return make.user(name="Sophie Laurent", locale="en")


def _keys(user) -> list[str]:
    return sorted(db.session.scalars(select(BadgeAward.badge).where(BadgeAward.user_id == user.id)))


def _award(user, key: str) -> BadgeAward | None:
    return db.session.scalar(select(BadgeAward).where(BadgeAward.user_id == user.id, BadgeAward.badge == key))


def _told(user) -> list[tuple[str, str, str]]:
    rows = db.session.scalars(
        select(Notification)
        .where(Notification.recipient_id == user.id, Notification.kind == "badge_awarded")
        .order_by(Notification.id)
    )
    return [(n.title, n.url, n.target_type) for n in rows]


def _accept(asker, answer) -> None:
    qa.accept_answer(asker, answer)
    db.session.commit()


def _vote(answer_or_question, value: int = 1) -> None:
    qa.vote(make.user(), answer_or_question, value)
    db.session.commit()


def test_a_first_answer_earns_first_answer_once_and_the_member_is_told(app, asker, helper):
    """The first answer earns "First answer" (dated, the answer named); a second answer adds nothing.
    The member hears of it in their language, the link leading to the badge's page."""
    first = make.answer(make.question(asker), helper)
    award = _award(helper, "first-answer")
    assert (award.post_type, award.post_id, award.withdrawn_at) == ("answer", first.id, None)
    assert award.awarded_at is not None
    make.answer(make.question(asker), helper)
    assert _keys(helper) == ["first-answer"]
    assert _told(helper) == [("First answer", "/badges/first-answer", "badge")]
    assert _keys(asker) == []


def test_first_solution_and_solution_counts_come_when_the_asker_accepts(app, asker, helper):
    """The first accepted answer earns "First solution"; Solver / Troubleshooter / Master troubleshooter
    come at 2 / 3 / 4 of them (the test's thresholds), each once and naming the answer that reached it."""
    answers = [make.answer(make.question(asker), helper) for _ in range(4)]
    _accept(asker, answers[0])
    assert _keys(helper) == ["first-answer", "first-solution"]
    assert _award(helper, "first-solution").post_id == answers[0].id
    _accept(asker, answers[1])
    assert "solver" in _keys(helper) and "troubleshooter" not in _keys(helper)
    _accept(asker, answers[2])
    assert _award(helper, "troubleshooter").post_id == answers[2].id
    _accept(asker, answers[3])
    assert _award(helper, "master-troubleshooter").post_id == answers[3].id
    told = [url for _t, url, _k in _told(helper)]
    assert sorted(told) == sorted(f"/badges/{key.partition(':')[0]}" for key in _keys(helper))


def test_a_self_accepted_answer_is_no_solution(app, asker):
    """An asker accepting their own answer earns nothing but "First answer"."""
    own = make.answer(make.question(asker), asker)
    _accept(asker, own)
    assert _keys(asker) == ["first-answer"]


def test_category_expert_is_earned_per_category(app, asker, helper):
    """Two accepted answers in one category (the test's threshold) make the member its expert; one in
    another category does not; the badge names the category."""
    wifi = make.category("box-internet", "Box & Wifi")
    mobile = make.category("mobile", "Forfaits mobiles")
    in_wifi = [make.answer(make.question(asker, category_slug=wifi.slug), helper) for _ in range(2)]
    in_mobile = make.answer(make.question(asker, category_slug=mobile.slug), helper)
    _accept(asker, in_wifi[0])
    _accept(asker, in_mobile)
    assert not any(key.startswith("category-expert") for key in _keys(helper))
    _accept(asker, in_wifi[1])
    assert f"category-expert:{wifi.id}" in _keys(helper)
    assert f"category-expert:{mobile.id}" not in _keys(helper)
    [expert] = [b for b in badges_of(helper) if b["slug"] == "category-expert"]
    assert expert["tier"] == "gold" and "Box & Wifi" in expert["name"]


def test_helpful_and_good_question_come_when_the_score_reaches_the_threshold(app, asker, helper):
    """An answer scoring 2 (the test's threshold) earns "Helpful", a question "Good question"; a
    downvote then an upvote back do not award it twice."""
    question = make.question(asker)
    answer = make.answer(question, helper)
    _vote(answer)
    assert "helpful" not in _keys(helper)
    _vote(answer)
    assert _award(helper, "helpful").post_id == answer.id
    _vote(answer, -1)
    _vote(answer)
    assert _keys(helper).count("helpful") == 1
    _vote(question)
    _vote(question)
    award = _award(asker, "good-question")
    assert (award.post_type, award.post_id) == ("question", question.id)


def test_complete_profile_when_the_bio_and_language_are_saved(app, helper):
    """Saving a bio alone is not enough; a bio of 20 characters or more with a chosen language is."""
    members.update_profile(helper, helper.display_name, "Fibre à Lyon, je bricole ma box.", None)
    db.session.commit()
    assert _keys(helper) == []
    members.update_profile(helper, helper.display_name, "Fibre à Lyon, je bricole ma box.", "fr")
    db.session.commit()
    assert _keys(helper) == ["complete-profile"]


def test_an_answer_promoted_into_the_knowledge_base_makes_its_author_a_kb_author(app, asker, helper):
    """Staff turn the answer into a help article: its author earns "Knowledge-base author"."""
    answer = make.answer(make.question(asker), helper)
    kb.promote_answer(make.user("staff"), answer)
    db.session.commit()
    award = _award(helper, "kb-author")
    assert (award.post_type, award.post_id) == ("answer", answer.id)


def _answer_days_ago(question, author, days: int):
    answer = make.answer(question, author)
    answer.created_at = utcnow() - timedelta(days=days)
    db.session.commit()
    return answer


def test_seven_days_in_a_row_of_answers_make_a_streak(app, asker, helper):
    """Answers on each of the last six days, then one today: "Answering streak"; with a day missing,
    nothing."""
    for days in (6, 5, 4, 2, 1):
        _answer_days_ago(make.question(asker), helper, days)
    make.answer(make.question(asker), helper)
    assert "answer-streak" not in _keys(helper)
    _answer_days_ago(make.question(asker), helper, 3)
    latest = make.answer(make.question(asker), helper)
    assert _award(helper, "answer-streak").post_id == latest.id


def _first_answer(asker, author, waited: timedelta):
    """``author`` answers first a question asked ``waited`` ago (so its response time is real)."""
    question = make.question(asker)
    question.created_at = utcnow() - waited
    db.session.commit()
    return make.answer(question, author)


FAST, SLOW = timedelta(minutes=3), timedelta(hours=2)


def test_responsive_is_awarded_withdrawn_when_it_lapses_and_given_back(app, quick_responsive, asker, helper):
    """With 4 first answers at least (the test's minimum) and 75 % of them within 15 minutes the badge
    is held; a slow answer that brings the share under 75 % withdraws it at once; the sweep withdraws
    it when the week has passed; fast answers give it back, and the member is told again."""
    for _ in range(3):
        _first_answer(asker, helper, FAST)
    assert "responsive" not in _keys(helper)
    fourth = _first_answer(asker, helper, FAST)
    assert fourth.response_seconds is not None and fourth.response_seconds < 900
    assert _award(helper, "responsive").withdrawn_at is None
    assert "responsive" in [b["slug"] for b in badges_of(helper)]

    _first_answer(asker, helper, SLOW)  # 4 of 5 in time: 80 %, still held
    assert _award(helper, "responsive").withdrawn_at is None
    _first_answer(asker, helper, SLOW)  # 4 of 6: 67 %
    assert _award(helper, "responsive").withdrawn_at is not None
    assert "responsive" not in [b["slug"] for b in badges_of(helper)]

    _first_answer(asker, helper, FAST)
    _first_answer(asker, helper, FAST)  # 6 of 8: 75 %
    assert _award(helper, "responsive").withdrawn_at is None
    assert [url for _t, url, _k in _told(helper)].count("/badges/responsive") == 2

    held, withdrawn = responsive.sweep(now=utcnow() + timedelta(days=8))
    db.session.commit()
    assert (held, withdrawn) == (0, 1)
    assert _award(helper, "responsive").withdrawn_at is not None


def test_later_answers_do_not_count_and_the_sweep_gives_it_back_as_the_window_slides(
    app, quick_responsive, asker, helper
):
    """Answers that were not the first on their question do not count; slow first answers leaving the
    week's window give the badge back without the member doing anything."""
    for _ in range(4):
        _first_answer(asker, helper, FAST)
    for _ in range(2):
        slow = _first_answer(asker, helper, SLOW)
        slow.created_at = utcnow() - timedelta(days=6)
    db.session.commit()
    badge_rules.check_answer(slow)
    db.session.commit()
    assert _award(helper, "responsive").withdrawn_at is not None
    other = make.question(asker)
    make.answer(other, make.user())
    make.answer(other, helper)  # a second answer: no response time, no change
    assert _award(helper, "responsive").withdrawn_at is not None

    held, withdrawn = responsive.sweep(now=utcnow() + timedelta(days=1, hours=1))
    db.session.commit()
    assert (held, withdrawn) == (1, 0)
    assert _award(helper, "responsive").withdrawn_at is None


def test_the_command_sweeps_and_backfills(app, runner, asker, helper):
    """``flask reputation badges --all`` runs every rule for members who earned badges before they
    existed; ``flask reputation badges`` says what the Responsive sweep did."""
    answer = make.answer(make.question(asker), helper)
    db.session.execute(BadgeAward.__table__.delete())
    db.session.commit()
    result = runner.invoke(args=["reputation", "badges", "--all"])
    assert result.exit_code == 0, result.output
    assert "Responsive: held by 0 members, withdrawn from 0." in result.output
    assert _award(helper, "first-answer").post_id == answer.id
    result = runner.invoke(args=["reputation", "badges"])
    assert result.exit_code == 0 and "Badge rules" not in result.output


def test_badges_of_lists_current_badges_best_tier_first(app, asker, helper):
    """``badges_of``: slug, name, tier and date of each badge held now, best tier first; a withdrawn one
    is left out."""
    answer = make.answer(make.question(asker), helper)
    for _ in range(2):
        _vote(answer)
    award(helper, "responsive")
    withdraw(helper, "responsive")
    db.session.commit()
    found = badges_of(helper)
    assert [(b["slug"], b["tier"]) for b in found] == [("helpful", "silver"), ("first-answer", "bronze")]
    assert set(found[0]) == {"slug", "name", "tier", "awarded_at"}


def test_a_hidden_post_loses_the_badges_it_earned_and_earns_them_again_when_restored(app, asker, helper):
    """Moderation hides the answer that earned "First answer": the badge goes; put back, it returns."""
    answer = make.answer(make.question(asker), helper)
    staff = make.user("staff")
    moderation.hide(staff, answer, "spam")
    db.session.commit()
    assert _keys(helper) == []
    moderation.restore(staff, answer)
    db.session.commit()
    assert _award(helper, "first-answer").post_id == answer.id
