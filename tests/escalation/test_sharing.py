"""Back to the community: with the customer's consent, an advisor posts a case's fix on its thread as
Néolia's official answer, or sends it to the knowledge base's curation queue, where staff write an
article from it; without consent, neither."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.extensions import db
from community.escalation import operations as escalation
from community.escalation.articles import ArticleFact
from community.questions.models import Answer
from knowledge_base.escalations import AdvisorSuggestion
from knowledge_base.models import Article
from tests import factories as make

FIX = "Le second prélèvement est une erreur de notre part : il vous sera remboursé sous 5 jours."


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English whatever the catalogue holds."""
    client.set_cookie("lang", "en")


@pytest.fixture
def people(app):
    make.category()
    return {"customer": make.user(name="Karim Benali"), "staff": make.user("staff", name="Camille Advisor"),
            "other": make.user()}


def _case(people, *, consent=True, question=True, article=None):
    """A case on a question of the customer, answered by the advisor, with or without consent."""
    customer, staff = people["customer"], people["staff"]
    linked = make.question(customer, title="Double prélèvement sur ma facture de mars") if question else None
    case = make.case(customer, question=linked, article=article)
    escalation.post_message(staff, case, FIX)
    if consent:
        escalation.set_share_consent(customer, case, True)
    db.session.commit()
    return case


def test_the_fix_goes_on_the_thread_as_the_official_answer(app, client, auth, people):
    """The case page offers the advisor's last reply as the text; once posted, the thread shows it under
    the advisor's name, marked "Official answer from Néolia", as does the API; posting twice is refused."""
    case = _case(people)
    auth.login(people["staff"])
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Share with the community" in page and "The customer agreed that the fix be shared" in page
    assert FIX.replace("'", "&#39;") in page or FIX in page

    response = client.post(f"/cases/{case.id}/share/thread", data={"thread-body": FIX + " Désolés !"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/cases/{case.id}#sharing")
    answer = db.session.scalar(select(Answer).where(Answer.question_id == case.question_id))
    assert answer.official and answer.author_id == people["staff"].id and answer.body == FIX + " Désolés !"
    assert db.session.get(type(case), case.id).shared_answer_id == answer.id
    assert db.session.scalar(select(AuditEntry.action).where(AuditEntry.target_id == case.id,
                                                             AuditEntry.action == "case.share_answer"))

    auth.logout()
    thread = client.get(f"/questions/{case.question_id}", follow_redirects=True).get_data(as_text=True)
    assert "Official answer from Néolia" in thread and "Désolés !" in thread
    api = client.get(f"/api/v1/questions/{case.question_id}").get_json()
    assert [a["official"] for a in api["answers"]] == [True]

    auth.login(people["staff"])
    again = client.post(f"/cases/{case.id}/share/thread", data={"thread-body": FIX}, follow_redirects=True)
    assert "The fix of this request is already on the thread." in again.get_data(as_text=True)
    assert db.session.query(Answer).count() == 1
    assert "Posted as the official answer" in client.get(f"/cases/{case.id}").get_data(as_text=True)


def test_an_ordinary_answer_carries_no_official_mark(app, client, people):
    """Only the advisor's shared fix is official: a member's answer is not marked, on the page or in the API."""
    question = make.question(people["customer"])
    make.answer(question, people["staff"])
    thread = client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
    assert "Official answer from Néolia" not in thread
    assert [a["official"] for a in client.get(f"/api/v1/questions/{question.id}").get_json()["answers"]] == [False]


def test_too_short_a_text_is_refused_beside_the_field_and_kept(app, client, auth, people):
    """A text the thread would refuse comes back on a page of its own, the reason beside it, as typed."""
    case = _case(people)
    auth.login(people["staff"])
    response = client.post(f"/cases/{case.id}/share/thread", data={"thread-body": "Ok."})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write at least 5 characters." in html and "Ok.</textarea>" in html
    response = client.post(f"/cases/{case.id}/share/curation", data={"curation-title": "Court", "curation-body": "x"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write at least 10 characters." in html and 'value="Court"' in html
    assert "Write at least 20 characters." in html
    assert db.session.query(Answer).count() == 0 and db.session.query(AdvisorSuggestion).count() == 0


def test_without_the_customers_consent_nothing_is_shared(app, client, auth, people):
    """The page says the customer has not agreed and offers no form; a post anyway gets 403 with the
    reason. The customer cannot share their own case, and another customer is told it does not exist."""
    case = _case(people, consent=False)
    auth.login(people["staff"])
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "The customer has not agreed to share the fix" in page
    assert "share/thread" not in page and "share/curation" not in page
    for kind, data in (("thread", {"thread-body": FIX}), ("curation", {"curation-title": "Double prélèvement",
                                                                       "curation-body": FIX})):
        response = client.post(f"/cases/{case.id}/share/{kind}", data=data)
        assert response.status_code == 403
        assert "The customer has not agreed to share the fix with the community." in response.get_data(as_text=True)

    escalation.set_share_consent(people["customer"], case, True)
    db.session.commit()
    auth.logout()
    auth.login(people["customer"])
    assert client.post(f"/cases/{case.id}/share/thread", data={"thread-body": FIX}).status_code == 403
    auth.logout()
    auth.login(people["other"])
    assert client.post(f"/cases/{case.id}/share/thread", data={"thread-body": FIX}).status_code == 404
    assert db.session.query(Answer).count() == 0


def test_a_case_without_a_question_can_only_go_to_curation(app, client, auth, people):
    """A case opened from a help article has no thread to post on: the page says so and keeps the
    curation form."""
    case = _case(people, question=False)
    auth.login(people["staff"])
    page = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "This request is not linked to a question of the community." in page
    assert "share/curation" in page and "share/thread" not in page
    assert client.post(f"/cases/{case.id}/share/thread", data={"thread-body": FIX}).status_code == 403


def test_a_fix_sent_to_curation_becomes_a_draft_article_from_the_queue(app, client, auth, people):
    """Sent to curation, the fix waits in /kb/curation under "From advisors" with its request and
    question; "Write an article" makes a draft of it in the question's category and opens the editor."""
    case = _case(people)
    auth.login(people["staff"])
    response = client.post(f"/cases/{case.id}/share/curation",
                           data={"curation-title": "Rembourser un double prélèvement", "curation-body": FIX})
    assert response.status_code == 302
    assert "Sent to the curation queue on" in client.get(f"/cases/{case.id}").get_data(as_text=True)
    again = client.post(f"/cases/{case.id}/share/curation", follow_redirects=True,
                        data={"curation-title": "Rembourser un double prélèvement", "curation-body": FIX})
    assert "The fix of this request is already in the curation queue." in again.get_data(as_text=True)

    queue = client.get("/kb/curation").get_data(as_text=True)
    assert "From advisors" in queue and "Rembourser un double prélèvement" in queue
    assert f"Request #{case.id}" in queue and "Double prélèvement sur ma facture de mars" in queue
    [suggestion] = db.session.scalars(select(AdvisorSuggestion)).all()

    response = client.post(f"/kb/suggestions/{suggestion.id}/write", data={"category": "box-internet"})
    article = db.session.scalar(select(Article))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/kb/{article.id}/edit")
    assert (article.status, article.title, article.body) == ("draft", "Rembourser un double prélèvement", FIX)
    assert article.source_question_id == case.question_id and article.category.slug == "box-internet"
    editor = client.get(f"/kb/{article.id}/edit").get_data(as_text=True)
    assert "Rembourser un double prélèvement" in editor
    assert "Rembourser un double prélèvement" not in client.get("/kb/curation").get_data(as_text=True)
    assert client.post(f"/kb/suggestions/{suggestion.id}/write", data={"category": "box-internet"}).status_code == 302
    assert db.session.query(Article).count() == 1


def test_a_suggestion_without_a_category_asks_for_one_and_can_be_dismissed(app, client, auth, people):
    """A case from an unknown article has no category: the queue asks for one; staff may also dismiss
    a suggestion, which leaves the queue. Members get 403 on the queue's actions."""
    case = _case(people, question=False, article=ArticleFact(999, "Un article disparu", "/kb/999"))
    auth.login(people["staff"])
    client.post(f"/cases/{case.id}/share/curation",
                data={"curation-title": "Changer de forfait sans frais", "curation-body": FIX})
    [suggestion] = db.session.scalars(select(AdvisorSuggestion)).all()
    assert suggestion.category_id is None
    queue = client.get("/kb/curation").get_data(as_text=True)
    assert f'id="suggestion-{suggestion.id}-category"' in queue and "Choose a category…" in queue
    refused = client.post(f"/kb/suggestions/{suggestion.id}/write", data={"category": ""}, follow_redirects=True)
    assert "Choose a category." in refused.get_data(as_text=True)
    assert db.session.query(Article).count() == 0

    auth.logout()
    auth.login(people["customer"])
    assert client.post(f"/kb/suggestions/{suggestion.id}/dismiss").status_code == 403
    auth.logout()
    auth.login(people["staff"])
    response = client.post(f"/kb/suggestions/{suggestion.id}/dismiss", follow_redirects=True)
    assert "Suggestion dismissed." in response.get_data(as_text=True)
    assert "Changer de forfait sans frais" not in response.get_data(as_text=True)
    assert db.session.get(AdvisorSuggestion, suggestion.id).done_at is not None
