"""Follow / unfollow buttons on a question, a category and a tag: plain forms, so they work without
JavaScript; visitors are sent to sign in; hidden questions cannot be followed."""

from __future__ import annotations

import re

import factories as make
import pytest

from community.core.extensions import db
from community.moderation import operations as moderation
from community.notifications import follows
from community.taxonomy import queries as taxonomy


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English whatever the catalogue holds (members' own language is set where mail is read)."""
    client.set_cookie("lang", "en")


def follow_form(page: str) -> tuple[str, str, str]:
    """The (action, next, button text) of the page's one follow form."""
    forms = re.findall(r'<form class="follow-form" method="post" action="([^"]+)">(.*?)</form>', page, re.S)
    assert len(forms) == 1, forms
    action, body = forms[0]
    next_value = re.search(r'name="next" value="([^"]*)"', body).group(1)
    text = re.sub(r"<[^>]+>", "", re.search(r"<button[^>]*>(.*?)</button>", body, re.S).group(1))
    return action, next_value.replace("&amp;", "&"), " ".join(text.split())


def pages(question) -> dict:
    tag = taxonomy.tag_by_name("wifi")
    category = question.category
    return {
        "question": (f"/questions/{question.id}/{question.slug}", question.id, "this question"),
        "category": (f"/questions?category={category.slug}", category.id, category.name),
        "tag": ("/questions?tag=wifi", tag.id, "the tag wifi"),
    }


@pytest.mark.parametrize("kind", ["question", "category", "tag"])
def test_a_member_follows_and_unfollows_with_the_button(client, auth, kind):
    """The button posts, the member comes back to the page, which now offers to unfollow."""
    question = make.question(tags=("wifi",))
    marc = make.user(name="Marc Dubreuil")
    url, target_id, name = pages(question)[kind]
    auth.login(marc)

    action, next_value, text = follow_form(client.get(url).get_data(as_text=True))
    assert action.startswith(f"/follow/{kind}/") and next_value == url and text == f"Follow {name}"
    response = client.post(action, data={"next": next_value})
    assert response.status_code == 302 and response.headers["Location"] == url
    assert marc.id in follows.followers(kind, target_id)

    page = client.get(url).get_data(as_text=True)
    assert "You follow" in page  # the flash message
    action, next_value, text = follow_form(page)
    assert action.startswith(f"/unfollow/{kind}/") and text == f"Unfollow {name}"
    client.post(action, data={"next": next_value})
    assert marc.id not in follows.followers(kind, target_id)
    assert follow_form(client.get(url).get_data(as_text=True))[2] == f"Follow {name}"


def test_following_twice_keeps_one_follow_and_unknown_targets_are_not_found(client, auth):
    question = make.question(tags=("wifi",))
    marc = make.user()
    auth.login(marc)
    for _ in range(2):
        assert client.post(f"/follow/question/{question.id}").status_code == 302
    assert follows.followers("question", question.id).count(marc.id) == 1
    assert client.post("/unfollow/question/999999").status_code == 404
    assert client.post("/follow/category/nowhere").status_code == 404
    assert client.post("/follow/tag/no-such-tag").status_code == 404
    assert client.post("/follow/member/1").status_code == 404
    assert client.post("/follow/question/99999999999").status_code == 404


def test_visitors_get_a_link_to_sign_in_and_cannot_post(client):
    question = make.question()
    page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert 'class="follow-form"' not in page
    assert re.search(r'<a class="btn btn-secondary btn-sm follow-btn btn-block" href="/login\?next=/questions/', page)
    before = follows.followers("question", question.id)
    response = client.post(f"/follow/question/{question.id}")
    assert response.status_code == 401
    assert follows.followers("question", question.id) == before


def test_the_follow_form_needs_its_csrf_token(client, auth):
    question = make.question()
    member = make.user()
    auth.login(member)
    assert client.post(f"/follow/question/{question.id}", csrf=False).status_code == 400
    assert member.id not in follows.followers("question", question.id)


def test_a_hidden_question_cannot_be_followed(client, auth):
    question = make.question()
    moderation.hide(make.user("staff"), question)
    db.session.commit()
    member = make.user()
    auth.login(member)
    assert client.post(f"/follow/question/{question.id}").status_code == 404
    assert member.id not in follows.followers("question", question.id)


def test_next_never_leads_off_the_site(client, auth):
    question = make.question()
    auth.login(make.user())
    response = client.post(f"/follow/question/{question.id}", data={"next": "https://evil.example/"})
    assert response.headers["Location"] == f"/questions/{question.id}/{question.slug}"


def test_a_member_follows_a_help_article_and_hears_when_it_is_updated(client, auth):
    from community.notifications.models import Notification
    from knowledge_base import operations as kb

    staff = make.user("staff")
    article = make.article(staff, title="Réinitialiser sa box internet")
    reader = make.user()
    auth.login(reader)
    page = client.get(f"/kb/{article.id}/{article.slug}").get_data(as_text=True)
    action, next_value, text = follow_form(page)
    assert action == f"/follow/article/{article.id}" and text.startswith("Follow")
    response = client.post(action, data={"next": next_value})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/kb/{article.id}/{article.slug}")
    assert follows.is_following(reader, "article", article.id)

    kb.edit_article(staff, article, summary="Nouvelle méthode : maintenez le bouton quinze secondes.")
    db.session.commit()
    told = db.session.scalars(db.select(Notification).where(Notification.recipient_id == reader.id)).all()
    assert [n.kind for n in told] == ["article_updated"]

    _, _, text = follow_form(client.get(f"/kb/{article.id}/{article.slug}").get_data(as_text=True))
    assert text.startswith("Unfollow")


def test_drafts_cannot_be_followed(client, auth):
    draft = make.article(title="Brouillon", publish=False)
    auth.login(make.user())
    assert client.post(f"/follow/article/{draft.id}").status_code == 404
