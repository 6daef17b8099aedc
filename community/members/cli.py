"""``flask users create``, ``flask users role`` and ``flask tokens create``."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from community import audit
from community.core.errors import DomainError
from community.core.extensions import db
from community.core.permissions import OPERATOR
from community.members import operations as ops
from community.members.models import ROLES

users = AppGroup("users", help="Manage members.")
tokens = AppGroup("tokens", help="Manage personal API tokens.")


def _fail(err: DomainError):
    db.session.rollback()
    details = "; ".join(f"{k}: {v}" for k, v in err.fields.items())
    raise click.ClickException(f"{err.message} {details}".strip())


@users.command("create")
@click.argument("email")
@click.option("--name", required=True, help="Display name.")
@click.option("--role", type=click.Choice(ROLES), default="customer", show_default=True)
@click.option("--password", required=True, help="At least 10 characters.")
def create_user(email: str, name: str, role: str, password: str) -> None:
    """Create a member with a role."""
    try:
        user = ops.register(email, name, password, role=role)
        audit.record(OPERATOR, "user.create", "user", user.id, after={"role": role})
        db.session.commit()
    except DomainError as err:
        _fail(err)
    click.echo(f"Created {user.role} {user.email} (id {user.id})")


@users.command("role")
@click.argument("email")
@click.argument("role", type=click.Choice(ROLES))
def change_role(email: str, role: str) -> None:
    """Give the member with EMAIL a new role (staff, admin … or back to customer)."""
    user = ops.find_by_email(email)
    if user is None:
        raise click.ClickException(f"No member with e-mail {email}")
    old = user.role
    try:
        ops.change_role(OPERATOR, user, role)
        db.session.commit()
    except DomainError as err:
        _fail(err)
    click.echo(f"{user.email} is now {user.role} (was {old})")


@tokens.command("create")
@click.argument("email")
@click.option("--label", default="CLI", show_default=True)
def create_token(email: str, label: str) -> None:
    """Create a personal API token and print it alone on the last line."""
    user = ops.find_by_email(email)
    if user is None:
        raise click.ClickException(f"No member with e-mail {email}")
    try:
        _token, plaintext = ops.create_token(user, user, label)
        db.session.commit()
    except DomainError as err:
        _fail(err)
    click.echo(f"Token for {user.email} (shown once, store it now):")
    click.echo(plaintext)


def init_app(app: Flask) -> None:
    app.cli.add_command(users)
    app.cli.add_command(tokens)
