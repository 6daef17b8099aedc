"""What members see of data protection: the privacy page, "Download my data" and "Delete my account"."""

from __future__ import annotations

import json

import pytest

from community.core.extensions import db
from community.members.models import User
from tests import factories as make


@pytest.fixture
def english(client):
    client.set_cookie("lang", "en")
    return client


def test_the_privacy_page_is_public_and_linked_from_every_page(client, english):
    home = client.get("/").get_data(as_text=True)
    assert 'href="/privacy"' in home
    page = client.get("/privacy")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "What we keep and why" in text
    assert "after 90 days, they lose any link to you" in text
    assert "Your ratings of help articles" in text  # the knowledge base's data is listed too
    assert "Kept, signed “former member”" in text


def test_the_privacy_page_speaks_french_by_default(client):
    text = client.get("/privacy").get_data(as_text=True)
    assert 'lang="fr"' in text


@pytest.mark.parametrize("path", ["/settings/data", "/settings/data/download", "/settings/delete"])
def test_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_member_downloads_their_data(client, auth, english):
    member = make.user(name="Romane Vasseur", email="romane.vasseur@example.com")
    make.question(author=member, title="Mon répéteur wifi clignote en rouge")
    auth.login(member)
    page = client.get("/settings/data").get_data(as_text=True)
    assert "Download my data" in page and 'href="/settings/data/download"' in page
    response = client.get("/settings/data/download")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == f'attachment; filename="entraide-data-{member.id}.json"'
    assert response.headers["Cache-Control"] == "no-store"
    document = json.loads(response.get_data(as_text=True))
    assert document["data"]["profile"]["email"] == "romane.vasseur@example.com"
    assert document["data"]["questions"][0]["title"] == "Mon répéteur wifi clignote en rouge"


def test_deleting_needs_the_password_and_the_confirmation(client, auth, english):
    member = make.user()
    auth.login(member)
    response = client.post("/settings/delete", data={"password": "wrong password"})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "Tick this box to confirm." in text
    response = client.post("/settings/delete", data={"password": "wrong password", "confirm": "y"})
    assert response.status_code == 422
    assert "Your current password is not correct." in response.get_data(as_text=True)
    assert not db.session.get(User, member.id).is_deleted


def test_a_deleted_member_is_signed_out_everywhere_and_their_posts_stay_as_a_former_member(app, client, auth, english):
    member = make.user(name="Romane Vasseur", email="romane.vasseur@example.com")
    question = make.question(author=member, title="Mon répéteur wifi clignote en rouge")
    answer = make.answer(question, author=member, body="J'ai trouvé : il fallait le rapprocher de la box.")
    other_device = app.test_client()
    auth.login(member)
    other_device.post("/login", data={"email": member.email, "password": make.PASSWORD})
    assert other_device.get("/settings").status_code == 200

    response = client.post("/settings/delete", data={"password": make.PASSWORD, "confirm": "y"})
    assert response.status_code == 302
    assert "Your account is deleted" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert client.get("/settings").status_code == 302
    assert other_device.get("/settings").status_code == 302
    login = client.post("/login", data={"email": "romane.vasseur@example.com", "password": make.PASSWORD})
    assert login.status_code == 401

    page = client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
    assert "Mon répéteur wifi clignote en rouge" in page and "il fallait le rapprocher" in page
    assert "Romane" not in page and "Former member" in page
    assert f'href="/users/{member.id}"' not in page
    assert "Romane" not in client.get("/questions").get_data(as_text=True)
    assert client.get(f"/users/{member.id}").status_code == 404
    client.set_cookie("lang", "fr")
    assert "Ancien membre" in client.get(f"/questions/{question.id}", follow_redirects=True).get_data(as_text=True)
    feed = client.get("/questions/feed/category/box-internet.atom").get_data(as_text=True)
    assert "Mon répéteur wifi" in feed and "Romane" not in feed
    assert answer.id in {a["id"] for a in client.get(f"/api/v1/questions/{question.id}").get_json()["answers"]}
