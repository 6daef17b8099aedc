"""The "Talk to an advisor" page (/advisor): the way to it from every self-service page, the channels
beside it (the phone only while open), and the form that opens a case with what the customer let
us share of their visit."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from community.core.extensions import db
from community.escalation import channels
from community.escalation.models import Case
from tests import factories as make

PARIS = channels.ZoneInfo("Europe/Paris")
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Mobile/15E148 Safari/604.1"
)


@pytest.fixture(autouse=True)
def english(client):
    """The pages in English, what the assertions read."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def clock(monkeypatch):
    """Set the time the channels are judged at (Paris time)."""

    def at(*args):
        monkeypatch.setattr(channels, "_now", lambda: datetime(*args, tzinfo=PARIS))

    at(2024, 6, 4, 10, 0)  # a Tuesday morning: everything is open
    return at


def _journey(client, article, question):
    client.get("/")
    client.get("/search", query_string={"q": "facture double prélèvement"})
    client.get(f"/kb/{article.id}/{article.slug}")
    client.get(f"/questions/{question.id}/{question.slug}")


def _checkboxes(html: str) -> dict[str, bool]:
    """The sharing box's checkboxes: {key: ticked}."""
    inputs = re.findall(r'<input[^>]*name="share"[^>]*>', html)
    return {re.search(r'value="([^"]+)"', tag).group(1): " checked" in tag for tag in inputs}


def test_every_self_service_page_leads_to_an_advisor(app, client):
    """A question, an article (and its steps), an empty search and the ask form's confirmation step
    each offer "Talk to an advisor", telling the form where the customer came from."""
    question = make.question()
    article = make.article(title="Réinitialiser sa box internet")
    page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert f'href="/advisor?question={question.id}"' in page
    article_page = client.get(f"/kb/{article.id}/{article.slug}").get_data(as_text=True)
    assert f'href="/advisor?article={article.id}"' in article_page
    empty = client.get("/search", query_string={"q": "zzzz introuvable"}).get_data(as_text=True)
    assert 'href="/advisor?q=zzzz+introuvable"' in empty
    auth_user = make.user()
    client.post("/login", data={"email": auth_user.email, "password": make.PASSWORD})
    confirm = client.post(
        "/questions/ask",
        data={
            "title": "Réinitialiser sa box internet",
            "body": "Le voyant reste rouge après le reset.",
            "category": "box-internet",
        },
    ).get_data(as_text=True)
    assert "Do these answer your question?" in confirm or "Does this answer your question?" in confirm
    form = confirm[confirm.index('action="/advisor"') :]
    assert 'name="prefill" value="1"' in form and 'value="Le voyant reste rouge après le reset."' in form


def test_the_confirmation_step_prefills_the_advisor_form(app, client):
    """What the customer wrote for the community comes along; nothing is sent yet."""
    response = client.post(
        "/advisor", data={"prefill": "1", "subject": "Voyant rouge", "message": "Le voyant reste rouge après le reset."}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'value="Voyant rouge"' in html
    assert "Le voyant reste rouge après le reset.</textarea>" in html
    assert db.session.scalar(select(Case)) is None


def test_the_old_advisor_page_leads_to_the_new_one(app, client):
    response = client.get("/kb/contact?article=12")
    assert response.status_code == 301 and response.headers["Location"].endswith("/advisor?article=12")
    assert client.get("/kb/contact").headers["Location"].endswith("/advisor")


def test_the_form_shows_what_will_be_shared_each_item_ticked(app, client, clock):
    """The searches (with their result counts), the article and question opened and the device, each
    with a checkbox ticked by default, and a plain notice of why; the entry point's article as a fact."""
    article, question = make.article(), make.question(title="Prélevé deux fois ce mois-ci")
    _journey(client, article, question)
    html = client.get(f"/advisor?article={article.id}", headers={"User-Agent": IPHONE}).get_data(as_text=True)
    assert "What we will share with the advisor" in html and "nothing else is sent" in html
    assert "“facture double prélèvement”" in html
    assert "Prélevé deux fois ce mois-ci" in html and article.title in html
    assert "Phone · iOS 17.4 · Mobile Safari 17" in html
    boxes = _checkboxes(html)
    assert {f"article-{article.id}", f"question-{question.id}", "device"} <= set(boxes)
    assert all(boxes.values()) and len(boxes) == 4
    assert f'<dt>About the article</dt><dd><a href="/kb/{article.id}/{article.slug}">{article.title}</a>' in html


def test_a_case_carries_only_what_the_customer_left_ticked(app, client, auth, clock):
    article, question = make.article(), make.question(title="Prélevé deux fois ce mois-ci")
    member = make.user()
    auth.login(member)
    _journey(client, article, question)
    html = client.get(f"/advisor?question={question.id}", headers={"User-Agent": IPHONE}).get_data(as_text=True)
    assert 'value="Prélevé deux fois ce mois-ci"' in html, "the subject starts as the question's title"
    keys = [key for key in _checkboxes(html) if not key.startswith("article-")]  # the article unticked
    response = client.post(
        "/advisor",
        data={
            "subject": "Double prélèvement",
            "message": "J'ai été prélevé deux fois pour mon forfait de juin.",
            "question": str(question.id),
            "shown": "1",
            "share": keys,
        },
        headers={"User-Agent": IPHONE},
    )
    case = db.session.scalar(select(Case))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/cases/{case.id}")
    assert (case.customer_id, case.question_id, case.source, case.priority) == (member.id, question.id, "web", "normal")
    assert [s["query"] for s in case.context["searches"]] == ["facture double prélèvement"]
    assert case.context["searches"][0]["result_count"] >= 0
    assert case.context["articles"] == []
    assert [q["title"] for q in case.context["questions"]] == ["Prélevé deux fois ce mois-ci"]
    assert case.context["device"]["kind"] == "phone"


def test_unticking_everything_shares_nothing(app, client, auth, clock):
    article, question = make.article(), make.question()
    auth.login(make.user())
    _journey(client, article, question)
    client.post(
        "/advisor",
        data={"subject": "Double prélèvement", "message": "J'ai été prélevé deux fois ce mois-ci.", "shown": "1"},
    )
    context = db.session.scalar(select(Case)).context
    assert (context["searches"], context["articles"], context["questions"], context["device"]) == ([], [], [], {})


def test_errors_are_shown_beside_the_fields_keeping_what_was_typed(app, client, auth, clock):
    article, question = make.article(), make.question()
    auth.login(make.user())
    _journey(client, article, question)
    response = client.post(
        "/advisor",
        data={
            "subject": "ab",
            "message": "Mon long message qui reste là.",
            "article": str(article.id),
            "shown": "1",
            "share": [f"question-{question.id}"],
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="subject-error"' in html and 'value="ab"' in html
    assert "Mon long message qui reste là.</textarea>" in html
    boxes = _checkboxes(html)
    assert boxes[f"question-{question.id}"] and not boxes[f"article-{article.id}"], "the ticks stay as sent"
    assert db.session.scalar(select(Case)) is None


def test_a_callback_request_needs_a_number_and_is_handled_first(app, client, auth, clock):
    auth.login(make.user())
    data = {"subject": "Rappelez-moi", "message": "Je préfère en parler de vive voix.", "callback": "y"}
    response = client.post("/advisor", data={**data, "callback_phone": "pas de numéro"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="callback_phone-error"' in html and 'value="pas de numéro"' in html
    client.post("/advisor", data={**data, "callback_phone": "06 12 34 56 78"})
    case = db.session.scalar(select(Case))
    assert (case.source, case.priority, case.callback_phone) == ("callback", "high", "06 12 34 56 78")


def test_a_visitor_is_asked_to_sign_in_and_finds_their_text_again(app, client, clock):
    question = make.question()
    member = make.user()
    data = {"subject": "Double prélèvement", "message": "Prélevé deux fois, que faire ?", "question": str(question.id)}
    response = client.post("/advisor", data=data)
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]
    assert f"question%3D{question.id}" in response.headers["Location"]
    assert db.session.scalar(select(Case)) is None
    login = client.post(
        "/login", data={"email": member.email, "password": make.PASSWORD, "next": f"/advisor?question={question.id}"}
    )
    assert login.headers["Location"].endswith(f"/advisor?question={question.id}")
    html = client.get(f"/advisor?question={question.id}").get_data(as_text=True)
    assert "Here is what you wrote" in html
    assert 'value="Double prélèvement"' in html and "Prélevé deux fois, que faire ?</textarea>" in html


def test_the_phone_is_offered_only_while_open(app, client, clock):
    clock(2024, 6, 4, 10, 0)
    html = client.get("/advisor").get_data(as_text=True)
    assert 'href="tel:3900"' in html and "Open now" in html
    clock(2024, 6, 8, 18, 30)  # Saturday evening
    html = client.get("/advisor").get_data(as_text=True)
    assert 'href="tel:3900"' not in html
    assert "Closed now, opens Monday at 8:00\u202fAM." in html
    assert "Monday to Friday 8:00\u202fAM–8:00\u202fPM</span>" in html and "Saturday 9:00\u202fAM–6:00\u202fPM" in html


def test_a_brand_configures_its_channels(app, client, clock):
    app.config["ADVISOR_CHANNELS"] = [
        {"kind": "phone", "label": "Hotline", "value": "0800 000 000", "url": "tel:0800000000", "hours": "24/7"}
    ]
    html = client.get("/advisor").get_data(as_text=True)
    assert "Hotline" in html and 'href="tel:0800000000"' in html and "3900" not in html


def test_a_question_the_visitor_may_not_see_is_not_linked(app, client, clock):
    html = client.get("/advisor?question=999&article=abc").get_data(as_text=True)
    assert "About the question" not in html and "About the article" not in html
    assert 'name="question" type="hidden" value=""' in html
