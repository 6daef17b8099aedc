"""An operator's first hour without the demo: from `flask db upgrade` on an empty database to a
first category, a first staff member and a first question, with the commands of the README."""

from __future__ import annotations

import factories as make
import pytest

from community.core.extensions import db
from community.members import operations as members
from community.questions.models import Question
from community.taxonomy import queries as taxonomy

PASSWORD = "une-phrase-de-passe-solide"


@pytest.fixture
def empty_database(app, runner):
    """The database as `flask db upgrade` leaves it: the schema and nothing else."""
    db.drop_all()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    return runner


def run(runner, *args: str, code: int = 0) -> str:
    result = runner.invoke(args=list(args))
    assert result.exit_code == code, (args, result.output)
    return result.output


def test_from_an_empty_database_to_a_first_question(empty_database, client, auth):
    """Create a category and a staff member on the command line; a customer then asks in it."""
    runner = empty_database
    assert run(runner, "categories", "list") == ""
    out = run(runner, "categories", "create", "fibre", "--name", "Fibre optique", "--description", "Raccordement")
    assert "Created category fibre (Fibre optique)" in out
    run(runner, "categories", "create", "mobile", "--name", "Forfaits mobiles")
    assert run(runner, "categories", "list") == "fibre\t0\tFibre optique\nmobile\t0\tForfaits mobiles\n"

    run(runner, "users", "create", "nadia@brand.example", "--name", "Nadia Conseillère", "--password", PASSWORD)
    assert "nadia@brand.example is now staff (was customer)" in run(
        runner, "users", "role", "nadia@brand.example", "staff"
    )
    assert members.find_by_email("nadia@brand.example").is_staff

    # The new staff member signs in and renames a category on the site.
    auth.login("nadia@brand.example", PASSWORD)
    assert client.get("/categories").status_code == 200
    response = client.post(
        "/categories/mobile/edit", data={"name": "Mobile", "slug": "mobile", "description": "Forfaits, roaming"}
    )
    assert response.status_code == 302
    auth.logout()

    # A customer registers and asks the community's first question.
    response = client.post(
        "/register",
        data={"email": "lea@mail.example", "display_name": "Léa", "password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    response = client.post(
        "/questions/ask",
        data={
            "title": "Quel débit attendre avec la fibre ?",
            "body": "Je viens d'être raccordée, le test donne 300 Mb/s.",
            "category": "fibre",
            "tags": "debit",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    question = db.session.scalars(db.select(Question)).one()
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Quel débit attendre avec la fibre ?" in page and "Fibre optique" in page
    assert run(runner, "categories", "list") == "fibre\t1\tFibre optique\nmobile\t0\tMobile\n"
    assert question.category.slug == "fibre"


def test_category_commands_refuse_bad_input_with_a_clear_message(app, runner):
    """A taken or malformed address, a short name or an unknown category: exit 1, one line why."""
    run(runner, "categories", "create", "fibre", "--name", "Fibre")
    out = run(runner, "categories", "create", "fibre", "--name", "Fibre encore", code=1)
    assert "Error:" in out and "slug:" in out
    assert "slug:" in run(runner, "categories", "create", "Fibre Optique", "--name", "Fibre optique", code=1)
    assert "name:" in run(runner, "categories", "create", "tv", "--name", "T", code=1)
    assert "No category 'nowhere'" in run(runner, "categories", "edit", "nowhere", "--name", "Nulle part", code=1)
    assert run(runner, "categories", "list") == "fibre\t0\tFibre\n"


def test_category_edit_changes_only_what_is_given(app, runner):
    run(runner, "categories", "create", "tv", "--name", "Télévision", "--description", "Décodeur")
    run(runner, "categories", "edit", "tv", "--name", "Télé et décodeur")
    category = taxonomy.category_by_slug("tv")
    assert (category.name, category.description) == ("Télé et décodeur", "Décodeur")
    run(runner, "categories", "edit", "tv", "--slug", "television", "--description", "")
    db.session.expire_all()
    category = taxonomy.category_by_slug("television")
    assert (category.name, category.description) == ("Télé et décodeur", "")


def test_users_role_changes_a_role_and_refuses_unknowns(app, runner):
    member = make.user()
    out = run(runner, "users", "role", member.email, "ambassador")
    assert f"{member.email} is now ambassador (was customer)" in out
    db.session.expire_all()
    assert members.find_by_email(member.email).role == "ambassador"
    run(runner, "users", "role", member.email, "customer")
    assert "No member with e-mail nobody@example.com" in run(runner, "users", "role", "nobody@example.com", "staff",
                                                             code=1)
    assert "Invalid value" in run(runner, "users", "role", member.email, "king", code=2)
    db.session.expire_all()
    assert members.find_by_email(member.email).role == "customer"
