"""Advisor cases: every status move and who may make it, the thread's effect on the status, the survey,
the sharing consent, canned replies, who hears of what, and privacy (404 for others, export, deletion,
never in search)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.errors import Conflict, Forbidden, NotFound, ValidationError
from community.core.extensions import db
from community.escalation import operations as ops
from community.escalation import queries
from community.escalation.articles import ArticleFact
from community.escalation.models import Case
from community.notifications.models import Notification
from community.privacy.deletion import delete_account
from community.privacy.export import export_member
from tests import factories as make

SUBJECT = "Prélèvement en double chez Zorbaline"


@pytest.fixture
def people(app):
    return {
        "customer": make.user(name="Karim Benali"),
        "other": make.user(),
        "ambassador": make.user("ambassador"),
        "staff": make.user("staff"),
        "admin": make.user("admin"),
    }


def case_in(status: str, people) -> Case:
    """A case brought to ``status`` the way the site does it."""
    case = make.case(people["customer"], subject=SUBJECT)
    staff = people["staff"]
    if status in ("assigned", "waiting", "resolved", "reopened"):
        ops.assign(staff, case, staff)
    if status == "waiting":
        ops.post_message(staff, case, "Pouvez-vous m'envoyer la facture concernée ?")
    if status in ("resolved", "reopened"):
        ops.set_status(staff, case, "resolved")
    if status == "reopened":
        ops.set_status(people["customer"], case, "reopened")
    db.session.commit()
    assert case.status == status
    return case


# (from, to): what staff and the case's customer get; None = allowed.
MOVES = {
    ("new", "assigned"): (None, Forbidden),
    ("new", "waiting"): (None, Forbidden),
    ("new", "resolved"): (None, None),
    ("new", "reopened"): (Conflict, Conflict),
    ("assigned", "assigned"): (Conflict, Conflict),
    ("assigned", "waiting"): (None, Forbidden),
    ("assigned", "resolved"): (None, None),
    ("assigned", "reopened"): (Conflict, Conflict),
    ("waiting", "assigned"): (None, Forbidden),
    ("waiting", "waiting"): (Conflict, Conflict),
    ("waiting", "resolved"): (None, None),
    ("waiting", "reopened"): (Conflict, Conflict),
    ("resolved", "assigned"): (Conflict, Conflict),
    ("resolved", "waiting"): (Conflict, Conflict),
    ("resolved", "resolved"): (Conflict, Conflict),
    ("resolved", "reopened"): (None, None),
    ("reopened", "assigned"): (None, Forbidden),
    ("reopened", "waiting"): (None, Forbidden),
    ("reopened", "resolved"): (None, None),
    ("reopened", "reopened"): (Conflict, Conflict),
}


@pytest.mark.parametrize("role", ["staff", "customer"])
@pytest.mark.parametrize(("start", "target"), list(MOVES))
def test_every_status_move_and_who_may_make_it(people, role, start, target):
    """Staff make every move the workflow has; the customer only resolves and reopens; a move the
    workflow lacks is a conflict (409) whoever asks."""
    case = case_in(start, people)
    expected = MOVES[start, target][0 if role == "staff" else 1]
    if expected is None:
        ops.set_status(people[role], case, target)
        db.session.commit()
        assert case.status == target
        assert (case.resolved_at is not None) == (target == "resolved")
    else:
        with pytest.raises(expected):
            ops.set_status(people[role], case, target)
        db.session.rollback()
        assert db.session.get(Case, case.id).status == start


@pytest.mark.parametrize("who", ["other", "ambassador"])
def test_nobody_else_may_move_a_case(people, who):
    case = case_in("new", people)
    with pytest.raises(Forbidden):
        ops.set_status(people[who], case, "resolved")
    with pytest.raises(NotFound):
        queries.get_case(people[who], case.id)


def test_the_buttons_offered_are_the_moves_allowed(people):
    case = case_in("waiting", people)
    assert ops.allowed_statuses(people["staff"], case) == ["assigned", "resolved"]
    assert ops.allowed_statuses(people["customer"], case) == ["resolved"]
    assert ops.allowed_statuses(people["other"], case) == []
    resolved = case_in("resolved", people)
    assert ops.allowed_statuses(people["customer"], resolved) == ["reopened"]


def test_staff_moving_a_case_to_assigned_take_it_and_it_is_audited(people):
    case = case_in("new", people)
    ops.set_status(people["admin"], case, "assigned")
    db.session.commit()
    assert case.assignee_id == people["admin"].id
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_id == case.id)).all()
    assert actions == ["case.assign", "case.status"]
    ops.set_status(people["customer"], case, "resolved")  # the customer's moves are not staff actions
    db.session.commit()
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.actor_id == people["customer"].id)) is None


def test_assignment_goes_to_staff_only(people):
    case = case_in("new", people)
    with pytest.raises(ValidationError) as refused:
        ops.assign(people["staff"], case, people["ambassador"])
    assert "assignee" in refused.value.fields
    with pytest.raises(Forbidden):
        ops.assign(people["customer"], case, people["staff"])
    ops.assign(people["staff"], case, people["admin"])
    db.session.commit()
    assert (case.status, case.assignee_id) == ("assigned", people["admin"].id)
    ops.assign(people["staff"], case, people["staff"])  # handed over: still assigned
    assert (case.status, case.assignee_id) == ("assigned", people["staff"].id)
    resolved = case_in("resolved", people)
    with pytest.raises(Conflict):
        ops.assign(people["staff"], resolved, people["admin"])


def test_the_thread_moves_the_status(people):
    """An advisor's reply makes the case wait for the customer (and is its first response, once);
    the customer's reply gives it back; writing on a resolved case reopens it."""
    customer, staff = people["customer"], people["staff"]
    case = case_in("new", people)
    ops.post_message(staff, case, "Une note pour l'équipe.", internal=True)
    assert case.status == "new" and case.first_response_at is None
    ops.post_message(staff, case, "Bonjour, je regarde votre facture.")
    first = case.first_response_at
    assert (case.status, case.assignee_id) == ("waiting", staff.id) and first is not None
    ops.post_message(customer, case, "Voici la facture en pièce jointe.")
    assert case.status == "assigned"
    ops.post_message(people["admin"], case, "Le remboursement part demain.")
    assert case.status == "waiting" and case.first_response_at == first
    ops.set_status(customer, case, "resolved")
    ops.post_message(customer, case, "En fait le second prélèvement est revenu.")
    assert case.status == "reopened" and case.resolved_at is None


def test_a_customer_reply_to_an_unassigned_waiting_case_makes_it_new_again(people):
    case = case_in("new", people)
    ops.set_status(people["staff"], case, "waiting")
    ops.post_message(people["customer"], case, "Je suis disponible demain matin.")
    assert (case.status, case.assignee_id) == ("new", None)


def test_internal_notes_are_staff_only_and_hidden_from_the_customer(people):
    case = case_in("new", people)
    with pytest.raises(Forbidden):
        ops.post_message(people["customer"], case, "Note ?", internal=True)
    ops.post_message(people["staff"], case, "Client déjà remboursé en mars.", internal=True)
    ops.post_message(people["staff"], case, "Bonjour, c'est noté.")
    db.session.commit()
    assert [m.body for m in queries.thread(people["customer"], case)] == ["Bonjour, c'est noté."]
    assert len(queries.thread(people["staff"], case)) == 2
    with pytest.raises(ValidationError):
        ops.post_message(people["customer"], case, "   ")


def test_the_survey_comes_once_and_only_after_resolution(people):
    customer = people["customer"]
    case = case_in("waiting", people)
    with pytest.raises(Conflict):
        ops.answer_survey(customer, case, 6, 4)
    ops.set_status(people["staff"], case, "resolved")
    with pytest.raises(Forbidden):
        ops.answer_survey(people["staff"], case, 6, 4)
    for ces, csat in ((0, 3), (8, 3), (3, 6), ("5", 3), (True, 3)):
        with pytest.raises(ValidationError):
            ops.answer_survey(customer, case, ces, csat)
    ops.answer_survey(customer, case, 6, 4)
    db.session.commit()
    assert (case.ces, case.csat) == (6, 4) and case.surveyed_at is not None
    with pytest.raises(Conflict):
        ops.answer_survey(customer, case, 7, 5)
    assert (case.ces, case.csat) == (6, 4)


def test_only_the_customer_gives_the_sharing_consent(people):
    case = case_in("resolved", people)
    with pytest.raises(Forbidden):
        ops.set_share_consent(people["staff"], case, True)
    ops.set_share_consent(people["customer"], case, True)
    assert case.share_consent is True
    ops.set_share_consent(people["customer"], case, False)
    assert case.share_consent is False


def test_opening_a_case_checks_the_text_and_keeps_what_it_links(app, people):
    customer = people["customer"]
    with pytest.raises(ValidationError) as refused:
        ops.open_case(customer, subject="Ah", message="Court")
    assert set(refused.value.fields) == {"subject", "message"}
    with pytest.raises(ValidationError) as refused:
        ops.open_case(customer, subject="Rappel", message="Rappelez-moi vite svp", source="callback")
    assert set(refused.value.fields) == {"callback_phone"}
    question = make.question(author=customer)
    fact = ArticleFact(7, "Comprendre sa facture", "/kb/articles/7")
    trail = {"searches": [{"query": "facture double", "result_count": 0}], "articles": [], "questions": []}
    case = make.case(
        customer, question=question, article=fact, context=trail, transcript=[{"role": "user", "text": "x"}]
    )
    assert (case.question_id, case.category_id) == (question.id, question.category_id)
    assert (case.article_id, case.article_title, case.article_url) == (7, "Comprendre sa facture", "/kb/articles/7")
    assert case.context["searches"][0]["query"] == "facture double"
    assert "<p>" in case.message_html and case.transcript == [{"role": "user", "text": "x"}]
    assert case.first_response_due - case.created_at == timedelta(hours=4)
    urgent = make.case(customer, priority="high")
    assert urgent.first_response_due - urgent.created_at == timedelta(hours=1)


@pytest.mark.parametrize("app_config", [{"ESCALATION_FIRST_RESPONSE_HOURS": 8}])
def test_the_first_response_delay_is_configurable(app):
    case = make.case()
    assert case.first_response_due - case.created_at == timedelta(hours=8)


def test_the_queue_filters_and_counts(people):
    staff = people["staff"]
    fresh = case_in("new", people)
    mine = case_in("assigned", people)
    done = case_in("resolved", people)
    late = make.case(people["other"])
    late.first_response_due = late.created_at - timedelta(minutes=1)
    db.session.commit()
    assert [c.id for c in queries.queue(staff).items] == [fresh.id, mine.id, late.id]
    assert [c.id for c in queries.queue(staff, assignee="me").items] == [mine.id]
    assert [c.id for c in queries.queue(staff, assignee="unassigned").items] == [fresh.id, late.id]
    assert [c.id for c in queries.queue(staff, overdue=True).items] == [late.id]
    assert [c.id for c in queries.queue(staff, status="resolved").items] == [done.id]
    assert queries.is_overdue(late) and not queries.is_overdue(fresh)
    counts = queries.status_counts()
    assert (counts["new"], counts["assigned"], counts["resolved"], counts["overdue"]) == (2, 1, 1, 1)
    assert [c.id for c in queries.customer_cases(people["other"]).items] == [late.id]


def test_canned_replies_are_managed_by_staff(people):
    staff = people["staff"]
    reply = ops.create_canned(staff, "Remboursement", "Le remboursement arrive sous 5 jours ouvrés.")
    with pytest.raises(ValidationError) as refused:
        ops.create_canned(staff, "remboursement", "Autre texte")
    assert "title" in refused.value.fields
    with pytest.raises(Forbidden):
        ops.create_canned(people["customer"], "Mien", "Texte")
    ops.edit_canned(staff, reply, "Remboursement sous 5 jours", reply.body)
    db.session.commit()
    assert [r.title for r in queries.canned_replies()] == ["Remboursement sous 5 jours"]
    with pytest.raises(Forbidden):
        ops.delete_canned(people["ambassador"], reply)
    ops.delete_canned(staff, reply)
    db.session.commit()
    assert queries.canned_replies() == []
    actions = db.session.scalars(select(AuditEntry.action).where(AuditEntry.target_type == "canned_reply")).all()
    assert sorted(actions) == ["canned.create", "canned.delete", "canned.edit"]


def told(user) -> list[tuple[str, str]]:
    rows = db.session.scalars(
        select(Notification).where(Notification.recipient_id == user.id).order_by(Notification.id)
    )
    return [(n.kind, n.url) for n in rows]


def test_each_side_hears_of_the_other(people):
    """The customer hears of advisors' replies and of the resolution; the advisor of the customer's
    messages; internal notes and one's own actions tell nobody."""
    customer, staff, admin = people["customer"], people["staff"], people["admin"]
    case = case_in("new", people)
    url = f"/cases/{case.id}"
    ops.post_message(customer, case, "Je précise : c'est sur la facture de mai.")  # nobody has it yet
    ops.assign(admin, case, staff)
    assert told(staff) == [("case_assigned", url)]
    ops.post_message(staff, case, "Client connu, voir ticket 42.", internal=True)
    assert told(customer) == []
    ops.post_message(staff, case, "Je lance le remboursement.")
    assert told(customer) == [("case_reply", url)]
    ops.post_message(customer, case, "Merci beaucoup !")
    assert told(staff)[-1] == ("case_message", url)
    ops.set_status(staff, case, "resolved")
    assert told(customer)[-1] == ("case_resolved", url)
    ops.set_status(customer, case, "reopened")
    assert told(staff)[-1] == ("case_message", url) and len(told(staff)) == 3
    ops.set_status(customer, case, "resolved")
    assert len(told(staff)) == 3 and len(told(customer)) == 2
    assert told(people["other"]) == [] and told(admin) == []


def test_a_customers_export_holds_their_cases_and_nobody_elses_does(people):
    customer, other, staff = people["customer"], people["other"], people["staff"]
    case = case_in("new", people)
    ops.post_message(staff, case, "Note : geste commercial accordé.", internal=True)
    ops.post_message(staff, case, "Bonjour Karim, c'est réglé.")
    ops.create_canned(staff, "Salut", "Bonjour !")
    db.session.commit()
    mine = export_member(customer, customer)["data"]
    assert [c["subject"] for c in mine["cases"]] == [SUBJECT]
    assert [m["body"] for m in mine["cases"][0]["messages"]] == ["Bonjour Karim, c'est réglé."]
    assert "geste commercial" not in json.dumps(mine, ensure_ascii=False)
    theirs = json.dumps(export_member(other, other), ensure_ascii=False)
    assert SUBJECT not in theirs and "Karim" not in theirs
    advisor = export_member(staff, staff)["data"]
    assert advisor["cases"] == [] and [c["id"] for c in advisor["cases_assigned"]] == [case.id]
    assert SUBJECT not in json.dumps(advisor["cases_assigned"], ensure_ascii=False)
    assert len(advisor["case_messages"]) == 2 and advisor["canned_replies"][0]["title"] == "Salut"


def test_deleting_the_account_deletes_its_cases_and_keeps_the_advisors_other_work(people):
    customer, staff = people["customer"], people["staff"]
    case_id = case_in("waiting", people).id
    other_case = make.case(people["other"])
    ops.post_message(staff, other_case, "Réponse à un autre client.")
    db.session.commit()
    delete_account(customer, customer, make.PASSWORD)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Case, case_id) is None
    assert db.session.get(Case, other_case.id).assignee_id == staff.id
    delete_account(staff, staff, make.PASSWORD)
    db.session.commit()
    kept = db.session.get(Case, other_case.id)
    assert kept.assignee_id is None and len(kept.messages) == 1


def test_cases_are_never_searchable_nor_in_the_sitemap(client, people):
    make.case(people["customer"], subject="Zorbaline prélevée deux fois", message="Zorbaline facture doublée ce mois")
    for path in ("/api/v1/search?q=Zorbaline", "/api/v1/search/suggest?q=Zorbaline"):
        body = client.get(path).get_json()
        assert body.get("total", len(body["items"])) == 0 and body["items"] == []
    assert "/cases/" not in client.get("/sitemap.xml").get_data(as_text=True)


@pytest.mark.parametrize(("who", "status"), [("customer", 200), ("staff", 200), ("other", 404), ("ambassador", 404)])
def test_the_case_page_exists_only_for_its_customer_and_staff(client, auth, people, who, status):
    case = case_in("new", people)
    auth.login(people[who])
    response = client.get(f"/cases/{case.id}")
    assert response.status_code == status
    assert (SUBJECT in response.get_data(as_text=True)) == (status == 200)
    assert client.get("/cases/999999").status_code == 404


def test_only_staff_choose_how_they_hear_of_cases(client, auth, people):
    """The notification settings list the advisors' kinds to staff only; customers choose for replies."""
    auth.login(people["customer"])
    page = client.get("/settings/notifications").get_data(as_text=True)
    assert 'name="case_reply"' in page and 'name="case_assigned"' not in page and 'name="case_message"' not in page
    auth.logout()
    auth.login(people["staff"])
    page = client.get("/settings/notifications").get_data(as_text=True)
    assert 'name="case_assigned"' in page and 'name="case_message"' in page


@pytest.mark.parametrize("app_config", [{"MAIL_BURST_SECONDS": 0}])
def test_the_customer_is_mailed_a_link_to_the_reply(app, runner, people):
    """An advisor's reply reaches a confirmed customer by e-mail too, with the case's address."""
    from pathlib import Path

    from community.core.database import utcnow

    customer = people["customer"]
    customer.email_confirmed_at = utcnow()
    case = case_in("new", people)
    ops.post_message(people["staff"], case, "Le remboursement part demain.")
    db.session.commit()
    result = runner.invoke(args=["notifications", "send"])
    assert result.exit_code == 0, result.output
    mails = [p.read_text(errors="replace") for p in (Path(app.instance_path) / "outbox").glob("*.eml")]
    mine = [m for m in mails if customer.email in m]
    assert len(mine) == 1 and f"/cases/{case.id}" in mine[0]
