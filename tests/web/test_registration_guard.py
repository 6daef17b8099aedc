"""Sign-up against robots: a honeypot field people never see, and a minimum time to fill the form."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import func, select

from community.core.extensions import db
from community.members.models import User

TYPED = {"email": "nadia@example.com", "display_name": "Nadia B.", "password": "une phrase assez longue"}


@pytest.fixture
def app_config():
    return {"REGISTRATION_MIN_SECONDS": 3}


@pytest.fixture(autouse=True)
def english(client):
    client.set_cookie("lang", "en")


def _shown_at(html: str) -> str:
    return re.search(r'name="shown_at" type="hidden" value="([^"]+)"', html).group(1)


def _members() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client):
    """The extra field sits in a visually hidden wrapper that screen readers skip, out of the tab order."""
    html = client.get("/register").get_data(as_text=True)
    wrapper = re.search(r'<div class="visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert 'name="website"' in wrapper and 'tabindex="-1"' in wrapper and 'autocomplete="off"' in wrapper


def test_a_filled_honeypot_is_refused_keeping_what_was_typed(client, monkeypatch):
    """A robot fills every field: no account, a clear message, the e-mail and name still in the form."""
    shown = _shown_at(client.get("/register").get_data(as_text=True))
    monkeypatch.setattr(time, "time", lambda real=time.time: real() + 10)
    response = client.post("/register", data={**TYPED, "website": "https://spam.example", "shown_at": shown})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "We could not create your account. Please try again." in html
    assert 'value="nadia@example.com"' in html and 'value="Nadia B."' in html
    assert _members() == 0


def test_a_form_sent_too_fast_is_refused_then_accepted_after_a_while(client, monkeypatch):
    """Sent a second after it was shown (or without its time): refused with a message, what was typed
    kept; sent again a few seconds later, the account is created."""
    shown = _shown_at(client.get("/register").get_data(as_text=True))
    for data in ({**TYPED, "shown_at": shown}, {**TYPED, "shown_at": "forged"}, TYPED):
        response = client.post("/register", data=data)
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert "That was quick! Please check what you typed and send the form again." in html
        assert 'value="nadia@example.com"' in html
    again = _shown_at(client.post("/register", data={**TYPED, "shown_at": shown}).get_data(as_text=True))
    assert again == shown  # the form keeps the time it was first shown

    monkeypatch.setattr(time, "time", lambda real=time.time: real() + 4)
    response = client.post("/register", data={**TYPED, "shown_at": shown})
    assert response.status_code == 302
    assert _members() == 1
