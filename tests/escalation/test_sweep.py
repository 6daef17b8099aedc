"""The sweep: questions nobody answered past their category's delay become advisor cases, once, and
their askers are told; answered, closed and hidden questions are left alone; `flask escalations
sweep` says how many it escalated."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from community.core.database import utcnow
from community.core.extensions import db
from community.escalation import sweep as sweeping
from community.escalation.models import Case
from community.moderation import operations as moderation
from community.notifications.models import Notification
from community.questions import operations as qa
from community.taxonomy import operations as taxonomy
from tests import factories as make

LATER = timedelta(hours=25)  # past the default delay (24 hours)


def _cases() -> list[Case]:
    return list(db.session.scalars(select(Case).order_by(Case.id)))


def _sweep(after: timedelta = LATER) -> list[Case]:
    opened = sweeping.sweep(now=utcnow() + after)
    db.session.commit()
    return opened


@pytest.fixture
def admin(app):
    return make.user("admin")


def test_an_unanswered_question_becomes_a_case_for_its_asker_who_is_told(app, admin):
    """After 24 hours without an answer, the asker's question is a case of the sweep (subject its title,
    its text as the message, the question linked), and the asker hears an advisor takes it on."""
    asker = make.user(name="Karim Benali")
    question = make.question(asker, title="Double prélèvement sur ma facture de mars",
                             body="J'ai été prélevé deux fois ce mois-ci, **merci** de vérifier.")
    assert _sweep(timedelta(hours=23)) == []

    [case] = _sweep()
    assert (case.source, case.customer_id, case.question_id, case.swept_question_id) == (
        "sweep", asker.id, question.id, question.id)
    assert case.subject == question.title and case.status == "new"
    assert case.message == "J'ai été prélevé deux fois ce mois-ci, merci de vérifier."
    assert case.category_id == question.category_id
    told = db.session.scalars(select(Notification).where(Notification.recipient_id == asker.id)).all()
    assert [(n.kind, n.url, n.title) for n in told] == [("question_escalated", f"/cases/{case.id}", question.title)]


def test_the_sweep_is_idempotent_even_when_two_sweeps_race(app, admin):
    """A second run adds nothing; a sweep that lost the race for a question (the unique
    swept_question_id) opens nothing for it and carries on with the others."""
    first, second = make.question(), make.question()
    assert len(_sweep()) == 2
    assert _sweep() == []
    assert _sweep(timedelta(days=3)) == []

    # Two sweeps that both saw the question as due: the second one's case is refused by the database.
    assert sweeping.escalate(first) is None
    third = make.question()
    [case] = _sweep()
    db.session.commit()
    assert case.question_id == third.id
    assert db.session.scalar(select(func.count()).select_from(Case)) == 3
    assert {c.swept_question_id for c in _cases()} == {first.id, second.id, third.id}


def test_each_category_has_its_delay_and_zero_means_never(app, admin):
    """A category may escalate sooner or later than the site's 24 hours, or never (0); a blank delay
    is the site's (``ESCALATION_DELAY_HOURS``)."""
    quick = taxonomy.save_category(admin, "facture", "Facture", escalation_hours=2)
    never = taxonomy.save_category(admin, "mobile", "Mobile", escalation_hours=0)
    slow = taxonomy.save_category(admin, "tv", "Télévision", escalation_hours=72)
    db.session.commit()
    default = make.question()  # box-internet: blank, the site's delay
    in_quick = make.question(category_slug=quick.slug)
    in_never = make.question(category_slug=never.slug)
    in_slow = make.question(category_slug=slow.slug)

    assert [c.question_id for c in _sweep(timedelta(hours=3))] == [in_quick.id]
    assert [c.question_id for c in _sweep(timedelta(hours=25))] == [default.id]
    assert [c.question_id for c in _sweep(timedelta(hours=73))] == [in_slow.id]
    assert _sweep(timedelta(days=10)) == []
    assert in_never.id not in {c.question_id for c in _cases()}

    app.config["ESCALATION_DELAY_HOURS"] = 1
    later = make.question()
    assert [c.question_id for c in _sweep(timedelta(hours=2))] == [later.id]


def test_answered_closed_hidden_and_already_escalated_questions_are_left_alone(app, admin):
    """Only open, visible questions without a visible answer are swept: an answer hidden by moderation
    does not count as one; a question its asker already took to an advisor is not escalated again."""
    staff = make.user("staff")
    answered = make.question()
    make.answer(answered)
    closed = make.question()
    qa.close_question(staff, closed, "off_topic")
    hidden = make.question()
    moderation.hide(staff, hidden, "Publicité")
    only_hidden_answer = make.question()
    moderation.hide(staff, make.answer(only_hidden_answer), "Insultes")
    taken = make.question()
    from community.escalation.operations import open_case

    open_case(taken.author, subject="Toujours bloqué", message="Personne ne répond, pouvez-vous m'aider ?",
              question=taken)
    db.session.commit()

    assert [c.question_id for c in _sweep()] == [only_hidden_answer.id]


def test_a_question_due_long_ago_is_not_escalated_when_the_sweep_starts(app, admin):
    """Turning the sweep on does not hand every old thread to the advisors: a question is escalated
    only within ``ESCALATION_SWEEP_WINDOW_DAYS`` after it became due (0: however old)."""
    make.question()
    assert _sweep(timedelta(days=16)) == []
    app.config["ESCALATION_SWEEP_WINDOW_DAYS"] = 0
    assert len(_sweep(timedelta(days=16))) == 1


def test_the_command_says_how_many_questions_it_escalated(app, admin, runner):
    """`flask escalations sweep` commits the cases and prints one line each and the count; run again,
    it escalates none."""
    question = make.question(title="Ma box redémarre toute seule la nuit")
    question.created_at = utcnow() - LATER  # asked yesterday
    db.session.commit()

    result = runner.invoke(args=["escalations", "sweep"])
    assert result.exit_code == 0, result.output
    [case] = _cases()
    assert result.output.splitlines() == [
        f"Case {case.id}: question {question.id} “Ma box redémarre toute seule la nuit”",
        "Escalated 1 unanswered question.",
    ]
    again = runner.invoke(args=["escalations", "sweep"])
    assert again.output.strip() == "Escalated 0 unanswered questions."


def test_staff_set_a_categorys_delay_on_its_form(app, client, auth, admin):
    """"Escalate unanswered questions after (hours)": a number of hours, 0 for never, empty for the site's
    delay; anything else is refused beside the field, as typed, and audited when it changes."""
    client.set_cookie("lang", "en")
    category = make.category(actor=admin)
    auth.login(admin)
    form = {"name": "Box internet", "slug": "box-internet", "description": "Wi-Fi", "name_en": "", "description_en": ""}
    page = client.get("/categories/box-internet/edit").get_data(as_text=True)
    assert "Escalate unanswered questions after (hours)" in page

    refused = client.post("/categories/box-internet/edit", data={**form, "escalation_hours": "-3"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Give a number of hours from 0 (never)" in html and 'value="-3"' in html
    for typed, stored in (("6", 6), ("0", 0), ("", None)):
        assert client.post("/categories/box-internet/edit", data={**form, "escalation_hours": typed}).status_code == 302
        db.session.expire_all()
        assert db.session.get(type(category), category.id).escalation_hours == stored
    assert 'name="escalation_hours"' in client.get("/categories").get_data(as_text=True)
