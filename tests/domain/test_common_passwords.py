"""The shipped list of common passwords: read once, compared case-insensitively."""

from __future__ import annotations

import factories as make
import pytest
from flask_babel import gettext

from community.core.errors import ValidationError
from community.demo.content import DEMO_PASSWORD
from community.members import operations as members


def too_easy() -> str:
    return gettext("This password is too easy to guess.")


def test_the_list_is_the_shipped_file_read_once():
    words = members.common_passwords()
    assert members.common_passwords() is words
    assert len(words) >= 10_000
    assert all(word == word.lower() and word.strip() == word and not word.startswith("#") for word in words)
    assert {"123456", "password", "qwertyuiop", "1q2w3e4r5t", "motdepasse"} <= words


def test_the_list_names_its_source_and_licence():
    header = members.COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").split("\n", 6)[:6]
    assert any("@zxcvbn-ts/language-common" in line for line in header)
    assert any("MIT" in line for line in header)
    assert (members.COMMON_PASSWORDS_FILE.parent / "COMMON_PASSWORDS_SOURCE.md").is_file()


@pytest.mark.parametrize(
    "password", ["QwErTyUiOp", "PASSWORD123", "Basketball", "1234567890", "MotDePasse", "Soleil1234", "CHRISTOPHER"]
)
def test_common_passwords_are_refused_whatever_their_case(app, password):
    with pytest.raises(ValidationError) as err:
        members.register("someone@example.com", "Someone", password)
    assert err.value.fields["password"] == too_easy()


def test_change_password_refuses_a_common_one_too(app):
    user = make.user()
    with pytest.raises(ValidationError) as err:
        members.change_password(user, make.PASSWORD, "Sweetheart")
    assert err.value.fields["new_password"] == too_easy()


@pytest.mark.parametrize(
    "password",
    [make.PASSWORD, DEMO_PASSWORD, "une-phrase-de-passe-solide", "une-autre-phrase-tout-aussi-solide",
     "nouveau mot de passe", "un mot de passe solide"],
)
def test_passwords_of_the_tests_and_the_demo_are_accepted(app, password):
    assert members.register("someone@example.com", "Someone", password).id
