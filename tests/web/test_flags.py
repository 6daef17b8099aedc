"""Members flag posts and profiles in two clicks; enough weight hides a post at once, everywhere a
customer looks, while staff and its author still see it; the author is told why and may ask for a
review; a flagger's past accuracy weighs their next flags."""

from __future__ import annotations

import re

import factories as make
import pytest
from sqlalchemy import select

from community.core.extensions import db
from community.discovery import searching
from community.moderation import flags
from community.moderation.models import Flag, QueueItem
from community.questions import operations as qa
from community.taxonomy.models import Category
from search import Filters


@pytest.fixture
def app_config():
    """Flagging is rate-limited; these tests flag more than a new member may in an hour."""
    return {
        "FLAG_RATE_LIMIT": "1000 per hour",
        "NEW_ACCOUNT_FLAG_RATE_LIMIT": "1000 per hour",
        "FLAG_ADDRESS_RATE_LIMIT": "1000 per hour",
    }


def en_user(role: str = "customer", **kwargs):
    """A member reading the site in English (the strings the tests look for)."""
    return make.user(role, locale="en", **kwargs)


def flag(client, auth, member, target_type: str, target_id: int, reason: str = "spam", note: str = ""):
    auth.login(member)
    response = client.post(f"/flag/{target_type}/{target_id}", data={"reason": reason, "note": note})
    auth.logout()
    return response


def page_of(client, question) -> str:
    return client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)


SPAM = "Achetez des abonnements pirates sur notre site douteux."


@pytest.mark.parametrize(
    ("roles", "hidden"),
    [
        (("customer", "customer", "customer"), True),
        (("staff",), True),
        (("ambassador", "customer"), True),
        (("customer", "customer"), False),
        (("ambassador",), False),
    ],
)
def test_flags_hide_an_answer_once_their_weight_reaches_three(client, auth, roles, hidden):
    """A member's flag weighs 1, an ambassador's 2, staff's 3: at 3 the answer leaves the page at once."""
    question = make.question()
    answer = make.answer(question, body=SPAM)
    for role in roles:
        response = flag(client, auth, en_user(role), "answer", answer.id)
        assert response.status_code == 302
    assert ("pirates" not in page_of(client, question)) is hidden
    item = db.session.scalar(select(QueueItem).where(QueueItem.target_type == "answer"))
    weights = {"customer": 1, "ambassador": 2, "staff": 3}
    assert item.reason == "flagged" and item.weight == sum(weights[role] for role in roles)


def test_the_flag_form_thanks_the_member_and_sends_them_back_to_the_post(client, auth):
    question = make.question()
    answer = make.answer(question, body=SPAM)
    auth.login(en_user())
    page = page_of(client, question)
    assert f'action="/flag/answer/{answer.id}"' in page and 'name="reason" value="spam"' in page
    response = client.post(f"/flag/answer/{answer.id}", data={"reason": "spam", "note": ""})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#answer-{answer.id}")
    assert "Thanks, the team will look at it." in client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_member_flags_an_item_once(client, auth):
    """A second flag by the same member is refused on the page, with the reason, and counts nothing."""
    question = make.question()
    member = en_user()
    assert flag(client, auth, member, "question", question.id).status_code == 302
    auth.login(member)
    response = client.post(f"/flag/question/{question.id}", data={"reason": "abuse", "note": "encore"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "You have already flagged this." in page and "encore" in page
    assert db.session.scalar(select(QueueItem.weight)) == 1


def test_something_else_needs_a_note_and_the_choice_is_kept(client, auth):
    question = make.question()
    auth.login(en_user())
    response = client.post(f"/flag/question/{question.id}", data={"reason": "other", "note": "  "})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Say in a few words what is wrong." in page
    assert 'value="other" checked' in page
    assert db.session.scalar(select(Flag.id)) is None
    response = client.post(f"/flag/question/{question.id}", data={"note": "Rien"})
    assert response.status_code == 422 and "Choose a reason." in response.get_data(as_text=True)


def test_who_sees_the_flag_button(client, auth):
    """Members see it on others' posts; the author does not; visitors are sent to sign in."""
    author = en_user()
    question = make.question(author)
    flag_form = f'action="/flag/question/{question.id}"'
    page = page_of(client, question)
    assert f'href="/flag/question/{question.id}"' in page
    response = client.get(f"/flag/question/{question.id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    auth.login(author)
    assert flag_form not in page_of(client, question)
    assert client.post(f"/flag/question/{question.id}", data={"reason": "spam"}).status_code == 403
    auth.logout()
    auth.login(en_user())
    assert flag_form in page_of(client, question)
    assert "Flag this question" in client.get(f"/flag/question/{question.id}").get_data(as_text=True)


def test_comments_and_profiles_can_be_flagged_but_a_profile_is_never_hidden(client, auth):
    question = make.question()
    spammer = en_user(name="Vendeur Douteux")
    comment = qa.add_comment(spammer, question, "Visitez notre site douteux pour des codes gratuits")
    db.session.commit()
    for _ in range(3):
        assert flag(client, auth, en_user(), "comment", comment.id).status_code == 302
        assert flag(client, auth, en_user(), "user", spammer.id, "abuse").status_code == 302
    assert "codes gratuits" not in page_of(client, question)
    response = client.get(f"/users/{spammer.id}")
    assert response.status_code == 200 and "Vendeur Douteux" in response.get_data(as_text=True)
    reported = db.session.scalar(select(QueueItem).where(QueueItem.target_type == "user"))
    assert (reported.target_id, reported.reason, reported.weight) == (spammer.id, "flagged", 3)


def _decided_flags(member, outcome: str, count: int = 5) -> None:
    """``member`` flagged ``count`` posts and staff decided each as ``outcome``."""
    for _ in range(count):
        post = make.question()
        flags.raise_flag(member, "question", post, "spam")
        flags.decide_flags(en_user("staff"), "question", post.id, outcome)
    db.session.commit()


def test_accuracy_weighs_a_flaggers_next_flags(client, auth):
    """Once 5 of their flags are decided, a member's flag weighs ×(0.5 + upheld/decided): two
    accurate members hide a post, three members whose flags were all dismissed do not."""
    accurate = [en_user(), en_user()]
    careless = [en_user(), en_user(), en_user()]
    for member in accurate:
        _decided_flags(member, "upheld")
    for member in careless:
        _decided_flags(member, "dismissed")
    newcomer = en_user()
    _decided_flags(newcomer, "dismissed", count=4)  # not yet enough decided flags to count

    assert [flags.flag_weight(m) for m in (accurate[0], careless[0], newcomer)] == [1.5, 0.5, 1.0]
    assert flags.flag_weight(en_user("staff")) == 3

    first = make.question(title="Des codes gratuits pour toutes les chaînes, cliquez ici")
    second = make.question(title="Gagnez un iPhone en répondant à ce sondage express")
    for member in accurate:
        flag(client, auth, member, "question", first.id)
    for member in careless:
        flag(client, auth, member, "question", second.id)
    assert client.get(f"/questions/{first.id}").status_code == 404
    assert client.get(f"/questions/{second.id}").status_code == 301
    flag(client, auth, newcomer, "question", second.id)  # 0.5 × 3 + 1
    assert client.get(f"/questions/{second.id}").status_code == 301
    flag(client, auth, en_user(), "question", second.id)
    assert client.get(f"/questions/{second.id}").status_code == 404


def test_hidden_content_is_absent_everywhere_a_customer_looks(client, auth):
    """Hidden by flags: the question page, lists, category and tag pages, search (page and API),
    feeds, sitemap, counts and others' notifications forget it; staff and the author still see it."""
    asker, staff = en_user(), make.user("staff")
    shown = make.question(title="Le décodeur affiche un écran noir au démarrage", tags=("decodeur",))
    hidden = make.question(asker, title="Publicité pour un site de paris en ligne douteux", tags=("decodeur",))
    spam_answer = make.answer(shown, body=SPAM)
    category = db.session.get(Category, shown.category_id)
    assert category.question_count == 2
    for _ in range(3):
        flag(client, auth, en_user(), "question", hidden.id)
        flag(client, auth, en_user(), "answer", spam_answer.id)
    searching.drain()

    customer = make.user()  # reads French, as the questions are written
    for who in (None, customer):
        if who is not None:
            auth.login(who)
        assert client.get(f"/questions/{hidden.id}").status_code == 404
        assert client.get(f"/questions/{hidden.id}/{hidden.slug}").status_code == 404
        assert "pirates" not in page_of(client, shown)
        for url in ("/", "/questions", f"/questions?category={category.slug}", "/questions?tag=decodeur"):
            page = client.get(url).get_data(as_text=True)
            assert hidden.title not in page and shown.title in page, url
        for url in (f"/questions/feed/category/{category.slug}.atom", "/questions/feed/tag/decodeur.atom"):
            assert hidden.title not in client.get(url).get_data(as_text=True), url
        assert f"/questions/{hidden.id}/" not in client.get("/sitemap.xml").get_data(as_text=True)
        assert hidden.title not in client.get("/search?q=paris+en+ligne").get_data(as_text=True)
        found = client.get("/api/v1/search?q=paris+en+ligne").get_json()["items"]
        assert hidden.id not in [item["id"] for item in found]
        assert client.get(f"/api/v1/questions/{hidden.id}").status_code == 404
        detail = client.get(f"/api/v1/questions/{shown.id}").get_json()
        assert detail["answer_count"] == 0 and detail["answers"] == []
        if who is not None:
            auth.logout()
    assert hidden.id not in [h.id for h in searching.run(None, "paris en ligne", Filters()).hits]
    db.session.refresh(category)
    assert category.question_count == 1

    auth.login(shown.author)  # was told of the answer, which is now hidden: the notice is gone
    assert "answered your question" not in client.get("/notifications").get_data(as_text=True)
    auth.logout()

    auth.login(staff)
    assert hidden.title in client.get("/questions").get_data(as_text=True)
    assert "pirates" in page_of(client, shown)
    assert client.get(f"/api/v1/questions/{hidden.id}").status_code == 200
    auth.logout()
    auth.login(asker)
    page = page_of(client, hidden)
    assert "This question is hidden by moderation." in page and f"/review/question/{hidden.id}" in page


def test_the_author_is_told_why_and_asks_for_a_review_once(client, auth):
    author = en_user()
    question = make.question()
    answer = make.answer(question, author=author, body=SPAM)
    flag(client, auth, en_user(), "answer", answer.id, "spam")
    flag(client, auth, en_user(), "answer", answer.id, "spam")
    flag(client, auth, en_user(), "answer", answer.id, "abuse")

    auth.login(author)
    notices = client.get("/notifications").get_data(as_text=True)
    assert "Your post was hidden by moderation" in notices
    assert "Members reported it: Spam or advertising, Rude or abusive." in notices
    link = re.search(r'class="notif-link" href="(/notifications/\d+)"', notices).group(1)
    assert client.get(link).headers["Location"].endswith(f"/review/answer/{answer.id}")
    listed = client.get("/api/v1/me/notifications").get_json()["items"]
    assert listed[0]["kind"] == "content_hidden" and listed[0]["target_url"].endswith(f"/review/answer/{answer.id}")

    review = client.get(f"/review/answer/{answer.id}").get_data(as_text=True)
    assert "Your answer is hidden" in review and "Spam or advertising" in review and "Rude or abusive" in review
    assert "pirates" in review and f"/answers/{answer.id}/edit" in review

    response = client.post(f"/review/answer/{answer.id}", data={"message": "J'ai retiré le lien."})
    assert response.status_code == 302
    item = db.session.scalar(select(QueueItem).where(QueueItem.target_type == "answer"))
    assert (item.target_id, item.reason, item.decided_at) == (answer.id, "review_requested", None)
    assert "J'ai retiré le lien." in item.detail
    assert "You asked for a review." in client.get(f"/review/answer/{answer.id}").get_data(as_text=True)
    again = client.post(f"/review/answer/{answer.id}", data={"message": "Encore"})
    assert again.status_code == 409 and "already asked for a review" in again.get_data(as_text=True)
    auth.logout()

    auth.login(en_user())  # nobody else reaches the author's page
    assert client.get(f"/review/answer/{answer.id}").status_code == 404


def test_flags_hide_without_an_actor_in_the_audit_log(client, auth):
    question = make.question()
    flag(client, auth, en_user("staff"), "question", question.id, "spam")
    auth.login(en_user("admin"))
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "Hidden by members’ flags" in page or "Hidden by members' flags" in page
    assert "Members’ flags" in page
