"""Accounts, roles and API tokens as operations."""

from __future__ import annotations

import factories as make
import pytest
from sqlalchemy import select

from community.core.errors import Conflict, Forbidden, ValidationError
from community.core.extensions import db
from community.members import operations as members
from community.members.models import ApiToken


@pytest.mark.real_password_hash
def test_register_hashes_with_scrypt_and_authenticates(app):
    user = members.register(" Lea@Example.COM ", "Léa", "un mot de passe solide")
    assert user.email == "lea@example.com" and user.role == "customer"
    assert user.password_hash.startswith("scrypt:")
    assert members.authenticate("LEA@example.com", "un mot de passe solide") is user
    assert members.authenticate("lea@example.com", "wrong password!") is None


@pytest.mark.parametrize("password", ["court", "azertyuiop", "aaaaaaaaaaaa", "lea.martin-2024"])
def test_weak_passwords_are_refused(app, password):
    with pytest.raises(ValidationError) as err:
        members.register("lea.martin@example.com", "Léa", password)
    assert "password" in err.value.fields


def test_duplicate_email_is_a_conflict(app):
    make.user(email="sam@example.com")
    with pytest.raises(Conflict):
        members.register("SAM@example.com", "Sam", "un mot de passe solide")


def test_change_password_checks_the_current_one_and_rotates_sessions(app):
    user = make.user()
    before = user.get_id()
    with pytest.raises(ValidationError):
        members.change_password(user, "not it at all", "nouveau mot de passe")
    members.change_password(user, make.PASSWORD, "nouveau mot de passe")
    assert user.get_id() != before
    assert members.authenticate(user.email, "nouveau mot de passe") is user


def test_only_admins_change_roles(app):
    admin, staff, member = make.user("admin"), make.user("staff"), make.user()
    with pytest.raises(Forbidden):
        members.change_role(staff, member, "ambassador")
    members.change_role(admin, member, "ambassador")
    assert member.role == "ambassador"
    with pytest.raises(ValidationError):
        members.change_role(admin, admin, "customer")


def test_tokens_are_stored_hashed_shown_once_and_revocable(app):
    user, other = make.user(), make.user()
    token, plaintext = members.create_token(user, user, "CRM")
    db.session.commit()
    stored = db.session.scalars(select(ApiToken)).all()
    assert [t.token_hash for t in stored] == [token.token_hash] and plaintext not in token.token_hash
    assert members.token_for_plaintext(plaintext).user is user
    with pytest.raises(Forbidden):
        members.revoke_token(other, token)
    members.revoke_token(user, token)
    assert members.token_for_plaintext(plaintext) is None
    with pytest.raises(ValidationError):
        members.create_token(user, user, "")
