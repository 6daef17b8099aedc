"""@handles as members see them: derived at sign-up, shown on profiles, edited in settings with
clear inline errors, and mentions in posts linking to the profile through /u/<handle>."""

from __future__ import annotations

import re

import factories as make
import pytest

from community.core.extensions import db
from community.members.models import User


@pytest.fixture(autouse=True)
def english(client):
    """Pages in English whatever the catalogue holds (members' own language is set where mail is read)."""
    client.set_cookie("lang", "en")


def settings_data(user, **changes) -> dict:
    data = {"display_name": user.display_name, "bio": user.bio, "locale": "", "handle": user.handle}
    data.update(changes)
    return data


def test_signing_up_derives_a_handle_shown_on_the_profile(client):
    """Léa Martin gets @lea_martin; a second Léa Martin gets @lea_martin2."""
    make.user(name="Léa Martin")
    response = client.post(
        "/register",
        data={"email": "lea2@example.com", "display_name": "Léa Martin", "password": "un mot de passe solide"},
    )
    assert response.status_code == 302
    user = db.session.scalar(db.select(User).where(User.email == "lea2@example.com"))
    assert user.handle == "lea_martin2"
    page = client.get(f"/users/{user.id}").get_data(as_text=True)
    assert '<p class="profile-handle" translate="no">@lea_martin2</p>' in page


def test_a_member_changes_their_handle_in_settings(client, auth):
    """Settings show the handle; a new one (typed with "@" and capitals) is saved lower-cased."""
    lea = make.user(name="Léa Martin")
    auth.login(lea)
    page = client.get("/settings").get_data(as_text=True)
    assert re.search(r'<input[^>]*id="handle"[^>]*value="lea_martin"', page)
    response = client.post("/settings", data=settings_data(lea, handle="@LeaFibre"), follow_redirects=True)
    assert response.status_code == 200
    assert db.session.get(User, lea.id).handle == "leafibre"
    assert "@leafibre" in client.get(f"/users/{lea.id}").get_data(as_text=True)
    assert client.get("/u/leafibre").headers["Location"].endswith(f"/users/{lea.id}")
    assert client.get("/u/lea_martin").status_code == 404


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ab", "Use 3 to 30 characters"),
        ("léa", "Use 3 to 30 characters"),
        ("lea martin", "Use 3 to 30 characters"),
        ("lea_", None),  # fine: "_" may end a handle
        (".lea", "Use 3 to 30 characters"),
        ("x" * 31, "Use 3 to 30 characters"),
        ("marc_dubreuil", "@marc_dubreuil is already taken"),
        ("MARC_Dubreuil", "@marc_dubreuil is already taken"),
    ],
)
def test_a_bad_or_taken_handle_is_refused_beside_the_field_keeping_what_was_typed(client, auth, typed, message):
    make.user(name="Marc Dubreuil")
    lea = make.user(name="Léa Martin")
    auth.login(lea)
    response = client.post("/settings", data=settings_data(lea, handle=typed, bio="Client fibre"))
    if message is None:
        assert response.status_code == 302
        return
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page
    assert re.search(r'<div class="field field-stringfield has-error">\s*<label[^>]*for="handle"', page)
    assert f'value="{typed}"' in page and "Client fibre" in page
    db.session.expire_all()
    assert db.session.get(User, lea.id).handle == "lea_martin" and db.session.get(User, lea.id).bio == ""


def test_a_mention_in_a_post_links_to_the_members_profile(client):
    """ "Merci @Lea_Martin" in an answer links to /u/lea_martin, which leads to Léa's profile; an
    unknown handle's link leads to a 404."""
    lea = make.user(name="Léa Martin")
    question = make.question(lea)
    make.answer(question, body="Merci @Lea_Martin, et bonjour @personne_ici : redémarrez la box.")
    page = client.get(f"/questions/{question.id}/{question.slug}").get_data(as_text=True)
    assert '<a href="/u/lea_martin" class="mention">@Lea_Martin</a>' in page
    assert client.get("/u/lea_martin").headers["Location"].endswith(f"/users/{lea.id}")
    assert client.get("/u/LEA_MARTIN").status_code == 302
    assert client.get("/u/personne_ici").status_code == 404
    assert client.get("/u/<script>").status_code == 404
