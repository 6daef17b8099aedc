"""The advisor cases' pages: the queue at /cases (staff), one case at /cases/<id> (the advisor's view
with what the customer tried, the customer's view with the thread, the consent and the survey), the
member's requests at /requests, and the canned replies at /cases/canned."""

from __future__ import annotations

import re
from datetime import timedelta

import factories as make
import pytest
from sqlalchemy import select

from community.core.extensions import db
from community.escalation import operations
from community.escalation.articles import ArticleFact
from community.escalation.models import CannedReply, Case, CaseMessage

TRAIL = {
    "searches": [
        {"id": 1, "query": "facture double prélèvement", "result_count": 0, "at": "2024-03-01T10:00:00"},
        {"id": 2, "query": "remboursement", "result_count": 4, "at": "2024-03-01T10:02:00"},
    ],
    "articles": [
        {"id": 7, "title": "Comprendre sa facture", "url": "/kb/articles/7-facture", "at": "2024-03-01T10:03:00"}
    ],
    "questions": [
        {"id": 9, "title": "Prélevé deux fois ce mois-ci", "url": "/questions/9", "at": "2024-03-01T10:05:00"}
    ],
    "device": {"kind": "phone", "system": "Android 14", "browser": "Chrome Mobile 122"},
}


def open_case(customer, subject="Prélevé deux fois", **kwargs) -> Case:
    kwargs.setdefault("message", "Ma facture de mars a été prélevée deux fois, que faire ?")
    case = operations.open_case(customer, subject=subject, **kwargs)
    db.session.commit()
    return case


def fresh(case: Case) -> Case:
    db.session.expire_all()
    return db.session.get(Case, case.id)


def text(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def karim(app):
    return make.user(name="Karim Benali", locale="en")


@pytest.fixture
def advisor(app):
    return make.user("staff", name="Camille Advisor", locale="en")


@pytest.fixture
def case(karim):
    return open_case(
        karim,
        context=TRAIL,
        article=ArticleFact(7, "Comprendre sa facture", "/kb/articles/7-facture"),
        transcript=[
            {"role": "user", "text": "double prélèvement"},
            {"role": "bot", "text": "Je vous passe un conseiller."},
        ],
    )


# ---------- Who sees what ----------


@pytest.mark.parametrize(
    "who, queue, own_case, requests, canned",
    [
        ("visitor", "login", "login", "login", "login"),
        ("customer", 403, 200, 200, 403),
        ("other", 403, 404, 200, 403),
        ("ambassador", 403, 404, 200, 403),
        ("staff", 200, 200, 200, 200),
    ],
)
def test_each_page_answers_each_role(client, auth, case, karim, who, queue, own_case, requests, canned):
    """A visitor is sent to sign in; a case exists only for its customer and staff (404 for anyone
    else); the queue and the canned replies are staff's."""
    members = {
        "customer": karim,
        "other": make.user(),
        "ambassador": make.user("ambassador"),
        "staff": make.user("staff"),
    }
    if who != "visitor":
        auth.login(members[who])
    for path, expected in (
        ("/cases", queue),
        (f"/cases/{case.id}", own_case),
        ("/requests", requests),
        ("/cases/canned", canned),
    ):
        response = client.get(path)
        if expected == "login":
            assert response.status_code == 302 and "/login" in response.headers["Location"], path
        else:
            assert response.status_code == expected, (path, who)


def test_another_customer_cannot_post_on_a_case(client, auth, case):
    auth.login(make.user())
    for path, data in (
        ("reply", {"body": "Coucou, je m'invite."}),
        ("status", {"status": "resolved"}),
        ("consent", {"consent": "y"}),
        ("survey", {"ces": "7", "csat": "5"}),
    ):
        assert client.post(f"/cases/{case.id}/{path}", data=data).status_code == 404, path
    assert fresh(case).status == "new" and not fresh(case).messages


def test_the_advisor_tools_link_to_the_queue_and_the_account_menu_to_my_requests(client, auth, advisor, karim):
    auth.login(advisor)
    assert 'href="/cases"' in text(client.get("/"))
    auth.logout()
    auth.login(karim)
    html = text(client.get("/"))
    assert 'href="/requests"' in html and 'href="/cases"' not in html


# ---------- The queue ----------


def test_the_queue_lists_open_cases_oldest_first_with_counts(client, auth, advisor, karim):
    first = open_case(karim, "Box qui redémarre")
    second = open_case(make.user(name="Léa Martin"), "Facture trop élevée")
    done = open_case(karim, "Ancien problème réglé")
    operations.set_status(advisor, done, "resolved")
    db.session.commit()
    auth.login(advisor)
    html = text(client.get("/cases"))
    assert html.index("Box qui redémarre") < html.index("Facture trop élevée")
    assert "Ancien problème réglé" not in html
    assert "2 requests wait for an answer or a follow-up" in html
    assert f'href="/cases/{first.id}"' in html and f'href="/cases/{second.id}"' in html
    resolved = text(client.get("/cases?status=resolved"))
    assert "Ancien problème réglé" in resolved and "Box qui redémarre" not in resolved


def test_the_queue_filters_by_advisor_category_and_status(client, auth, advisor, karim):
    other_advisor = make.user("staff", name="Sam Other")
    mine = open_case(karim, "Pris par moi")
    theirs = open_case(karim, "Pris par Sam")
    open_case(karim, "Personne encore")
    question = make.question(karim, title="Ma box clignote en orange depuis hier")
    from_question = open_case(karim, "Venu d'une question", question=question)
    operations.assign(advisor, mine, advisor)
    operations.assign(advisor, theirs, other_advisor)
    db.session.commit()
    auth.login(advisor)
    me = text(client.get("/cases?assignee=me"))
    assert "Pris par moi" in me and "Pris par Sam" not in me and "Personne encore" not in me
    nobody = text(client.get("/cases?assignee=unassigned"))
    assert "Personne encore" in nobody and "Pris par moi" not in nobody
    by_category = text(client.get(f"/cases?category={question.category.slug}"))
    assert "Venu d&#39;une question" in by_category and "Pris par moi" not in by_category
    assigned = text(client.get("/cases?status=assigned"))
    assert "Pris par moi" in assigned and "Personne encore" not in assigned
    assert f'href="/cases/{from_question.id}"' not in assigned
    tampered = client.get("/cases?status=nonsense&assignee=everybody&category=nowhere&page=x")
    assert tampered.status_code == 200 and "Personne encore" in text(tampered)


def test_a_late_first_reply_is_highlighted_and_filtered(client, auth, advisor, karim):
    late = open_case(karim, "Toujours sans réponse")
    late.first_response_due = late.created_at - timedelta(hours=1)
    open_case(karim, "Tout juste arrivé")
    db.session.commit()
    auth.login(advisor)
    html = text(client.get("/cases"))
    row = re.search(r'<tr class="case-row is-late">(.*?)</tr>', html, re.S)
    assert row and "Toujours sans réponse" in row.group(1) and "Late" in row.group(1)
    assert html.count('class="case-row is-late"') == 1
    overdue = text(client.get("/cases?overdue=1"))
    assert "Toujours sans réponse" in overdue and "Tout juste arrivé" not in overdue
    page = text(client.get(f"/cases/{late.id}"))
    assert "First reply late" in page and "The customer has had no answer yet." in page


# ---------- The advisor's view of a case ----------


def test_the_advisor_sees_what_the_customer_tried(client, auth, advisor, case):
    """Searches with their result counts, the article and question opened, the device, the chatbot
    conversation, and the article the request came from."""
    auth.login(advisor)
    html = text(client.get(f"/cases/{case.id}"))
    context = html[html.index('id="context"') :]
    assert "What the customer tried" in html
    assert "« facture double prélèvement »" in context and "0 results" in context
    assert "« remboursement »" in context and "4 results" in context
    assert 'href="/kb/articles/7-facture"' in context and "Comprendre sa facture" in context
    assert 'href="/questions/9"' in context and "Prélevé deux fois ce mois-ci" in context
    assert "Phone · Android 14 · Chrome Mobile 122" in context
    assert "Je vous passe un conseiller." in context
    assert "Karim Benali" in html and "Ma facture de mars a été prélevée deux fois" in html
    assert 'name="robots" content="noindex"' in html


def test_a_case_without_trail_says_so(client, auth, advisor, karim):
    bare = open_case(karim)
    auth.login(advisor)
    assert "The customer shared nothing of their visit" in text(client.get(f"/cases/{bare.id}"))


def test_a_case_from_a_question_links_to_it(client, auth, advisor, karim):
    question = make.question(karim, title="La fibre coupe tous les soirs")
    linked = open_case(karim, question=question)
    auth.login(advisor)
    html = text(client.get(f"/cases/{linked.id}"))
    assert "La fibre coupe tous les soirs" in html and f"/questions/{question.id}" in html


def test_the_advisor_replies_and_the_customer_reads_it(client, auth, advisor, karim, case):
    auth.login(advisor)
    response = client.post(
        f"/cases/{case.id}/reply", data={"body": "Le second prélèvement sera remboursé sous 5 jours."}
    )
    assert response.status_code == 302 and f"/cases/{case.id}#message-" in response.headers["Location"]
    assert fresh(case).status == "waiting" and fresh(case).assignee_id == advisor.id
    auth.logout()
    auth.login(karim)
    html = text(client.get(f"/cases/{case.id}"))
    assert "Le second prélèvement sera remboursé sous 5 jours." in html
    assert "Waiting for your reply" in html
    assert "What the customer tried" not in html and 'name="canned"' not in html and 'name="internal"' not in html


def test_an_internal_note_is_marked_for_staff_and_hidden_from_the_customer(client, auth, advisor, karim, case):
    auth.login(advisor)
    client.post(f"/cases/{case.id}/reply", data={"body": "Vérifier avec la compta avant de répondre.", "internal": "y"})
    note = db.session.scalar(select(CaseMessage).where(CaseMessage.case_id == case.id))
    assert note.internal and fresh(case).status == "new"
    html = text(client.get(f"/cases/{case.id}"))
    assert "Internal note, not shown to the customer" in html and "Vérifier avec la compta" in html
    auth.logout()
    auth.login(karim)
    html = text(client.get(f"/cases/{case.id}"))
    assert "Vérifier avec la compta" not in html and "Internal note" not in html


def test_a_customer_cannot_slip_in_an_internal_note(client, auth, karim, case):
    auth.login(karim)
    client.post(f"/cases/{case.id}/reply", data={"body": "Une précision sur ma facture.", "internal": "y"})
    message = db.session.scalar(select(CaseMessage).where(CaseMessage.case_id == case.id))
    assert message.body == "Une précision sur ma facture." and not message.internal


def test_an_empty_reply_is_refused_beside_the_box(client, auth, advisor, case):
    auth.login(advisor)
    response = client.post(f"/cases/{case.id}/reply", data={"body": "   ", "internal": "y"})
    assert response.status_code == 422
    html = text(response)
    assert 'id="reply-body-error"' in html
    assert re.search(r'<input[^>]*checked[^>]*name="internal"', html), "the note box stays ticked"
    assert not fresh(case).messages


def test_a_canned_reply_goes_into_the_box_without_javascript(client, auth, advisor, case):
    """The select and its "Insert" button send the form; the page comes back with the reply's text
    after what was typed, and nothing is posted."""
    canned = operations.create_canned(
        advisor, "Remboursement", "Nous avons lancé le remboursement du prélèvement en double."
    )
    db.session.commit()
    auth.login(advisor)
    html = text(client.get(f"/cases/{case.id}"))
    assert 'data-body="Nous avons lancé le remboursement' in html
    response = client.post(
        f"/cases/{case.id}/reply", data={"body": "Bonjour Karim,", "canned": str(canned.id), "use_canned": "1"}
    )
    assert response.status_code == 200
    box = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', text(response), re.S).group(1)
    assert box.strip() == "Bonjour Karim,\n\nNous avons lancé le remboursement du prélèvement en double."
    assert not fresh(case).messages
    nothing = client.post(f"/cases/{case.id}/reply", data={"body": "", "canned": "", "use_canned": "1"})
    assert nothing.status_code == 200 and "Choose a canned reply." in text(nothing)


def test_status_buttons_follow_the_case(client, auth, advisor, karim, case):
    auth.login(advisor)
    html = text(client.get(f"/cases/{case.id}"))
    assert 'value="waiting"' in html and 'value="resolved"' in html and 'value="reopened"' not in html
    response = client.post(f"/cases/{case.id}/status", data={"status": "resolved"})
    assert response.status_code == 302 and fresh(case).status == "resolved"
    html = text(client.get(response.headers["Location"]))
    assert "The request is resolved." in html and 'value="reopened"' in html and 'value="resolved"' not in html
    again = client.post(f"/cases/{case.id}/status", data={"status": "resolved"}, follow_redirects=True)
    assert again.status_code == 200 and "cannot move" in text(again)


def test_an_advisor_gives_the_case_to_a_colleague(client, auth, advisor, case):
    colleague = make.user("staff", name="Sam Colleague")
    auth.login(advisor)
    html = text(client.get(f"/cases/{case.id}"))
    assert re.search(rf'<option value="{advisor.id}" selected>Me</option>', html) and "Sam Colleague" in html
    response = client.post(f"/cases/{case.id}/assign", data={"assignee": str(colleague.id)}, follow_redirects=True)
    assert "The case is given to Sam Colleague." in text(response)
    assert fresh(case).assignee_id == colleague.id and fresh(case).status == "assigned"
    customer = make.user()
    refused = client.post(f"/cases/{case.id}/assign", data={"assignee": str(customer.id)}, follow_redirects=True)
    assert "Choose a staff member." in text(refused) and fresh(case).assignee_id == colleague.id


# ---------- The customer's view ----------


def test_the_customer_resolves_and_answers_the_survey_once(client, auth, karim, case):
    auth.login(karim)
    html = text(client.get(f"/cases/{case.id}"))
    assert "My problem is solved" in html and 'name="ces"' not in html
    client.post(f"/cases/{case.id}/status", data={"status": "resolved"})
    html = text(client.get(f"/cases/{case.id}"))
    assert "How easy was it to get your problem solved?" in html and "How satisfied are you?" in html
    assert html.count('name="ces"') == 7 and html.count('name="csat"') == 5 and "Reopen my request" in html

    half = client.post(f"/cases/{case.id}/survey", data={"ces": "6"})
    assert half.status_code == 422
    assert 'name="ces" value="6" checked' in text(half) and "Choose a number from 1 to 5." in text(half)
    assert fresh(case).surveyed_at is None

    done = client.post(f"/cases/{case.id}/survey", data={"ces": "6", "csat": "4"}, follow_redirects=True)
    assert "Thank you for rating this request." in text(done) and 'name="ces"' not in text(done)
    assert (fresh(case).ces, fresh(case).csat) == (6, 4)
    twice = client.post(f"/cases/{case.id}/survey", data={"ces": "1", "csat": "1"}, follow_redirects=True)
    assert "already rated" in text(twice) and (fresh(case).ces, fresh(case).csat) == (6, 4)


def test_the_survey_waits_for_the_resolution(client, auth, karim, case):
    auth.login(karim)
    response = client.post(f"/cases/{case.id}/survey", data={"ces": "7", "csat": "5"}, follow_redirects=True)
    assert "once it is resolved" in text(response) and fresh(case).surveyed_at is None


def test_the_customer_reopens_by_button_or_by_writing(client, auth, advisor, karim, case):
    operations.set_status(advisor, case, "resolved")
    db.session.commit()
    auth.login(karim)
    client.post(f"/cases/{case.id}/status", data={"status": "reopened"})
    assert fresh(case).status == "reopened"
    operations.set_status(advisor, fresh(case), "resolved")
    db.session.commit()
    assert "Writing again reopens your request." in text(client.get(f"/cases/{case.id}"))
    client.post(f"/cases/{case.id}/reply", data={"body": "Finalement le remboursement n'est pas arrivé."})
    assert fresh(case).status == "reopened"


def test_the_customer_consents_to_sharing_the_fix(client, auth, karim, case):
    auth.login(karim)
    html = text(client.get(f"/cases/{case.id}"))
    assert "You may share the fix with the community, without my name" in html
    response = client.post(f"/cases/{case.id}/consent", data={"consent": "y"}, follow_redirects=True)
    assert fresh(case).share_consent and "without your name" in text(response)
    assert re.search(r'<input[^>]*checked[^>]*id="consent-box"', text(response))
    client.post(f"/cases/{case.id}/consent", data={})
    assert not fresh(case).share_consent


def test_my_requests_lists_the_members_own_cases(client, auth, advisor, karim, case):
    open_case(make.user(), "Le problème de quelqu'un d'autre")
    operations.post_message(advisor, case, "Nous regardons votre facture.")
    db.session.commit()
    auth.login(karim)
    html = text(client.get("/requests"))
    assert "Prélevé deux fois" in html and "Waiting for your reply" in html and f'href="/cases/{case.id}"' in html
    assert "quelqu&#39;un d&#39;autre" not in html
    assert 'href="/advisor"' in html
    auth.logout()
    auth.login(make.user(locale="en"))
    assert "You have not asked an advisor anything yet." in text(client.get("/requests"))


# ---------- Canned replies ----------


def test_staff_manage_canned_replies(client, auth, advisor):
    auth.login(advisor)
    response = client.post("/cases/canned", data={"title": "Délai de remboursement", "body": "Comptez 5 jours ouvrés."})
    assert response.status_code == 302
    reply = db.session.scalar(select(CannedReply))
    assert (reply.title, reply.body) == ("Délai de remboursement", "Comptez 5 jours ouvrés.")

    edit = client.get(f"/cases/canned/{reply.id}/edit")
    assert 'value="Délai de remboursement"' in text(edit)
    client.post(f"/cases/canned/{reply.id}/edit", data={"title": "Délai", "body": "Comptez 3 à 5 jours ouvrés."})
    db.session.expire_all()
    assert db.session.get(CannedReply, reply.id).title == "Délai"

    deleted = client.post(f"/cases/canned/{reply.id}/delete", follow_redirects=True)
    assert "The canned reply “Délai” is deleted." in text(deleted)
    assert db.session.scalar(select(CannedReply)) is None
    assert client.get("/cases/canned/999/edit").status_code == 404


def test_a_refused_canned_reply_keeps_what_was_typed(client, auth, advisor):
    operations.create_canned(advisor, "Bonjour", "Bonjour, merci de votre message.")
    db.session.commit()
    auth.login(advisor)
    empty = client.post("/cases/canned", data={"title": "Relance", "body": ""})
    assert empty.status_code == 422
    assert 'value="Relance"' in text(empty) and 'id="body-error"' in text(empty)
    same = client.post("/cases/canned", data={"title": "bonjour", "body": "Un autre texte"})
    assert same.status_code == 422 and "already has this title" in text(same) and "Un autre texte" in text(same)
    assert len(db.session.scalars(select(CannedReply)).all()) == 1
