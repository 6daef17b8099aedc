"""Personal data: every table holding a member reference is declared, the export holds it all, and
deleting an account leaves nothing that names the person (database rows, search, mail outbox)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from member_data import BIO, EMAIL, NAME, VISIT, rich_member
from sqlalchemy import func, select, update

from community.core.database import utcnow
from community.core.errors import Conflict, ValidationError
from community.core.extensions import db
from community.discovery.models import DeflectionEvent, SearchQuery
from community.members import operations as members
from community.members.models import User
from community.moderation import operations as moderation
from community.privacy import registry
from community.privacy.deletion import delete_account
from community.privacy.export import export_member
from community.privacy.purge import purge
from community.questions.models import Answer, Comment, Question, Vote
from tests import factories as make

#: Strings that would name the member: name, handle, e-mail, bio (lower-cased, with and without accents).
TRACES = ("zéphyrine", "zephyrine", "quintal", EMAIL.split("@")[0], "quimper-zéphyr depuis 2019")


def member_references() -> set[tuple[str, str]]:
    return {
        (table.name, column.name)
        for table in db.metadata.tables.values()
        for column in table.columns
        for key in column.foreign_keys
        if key.column.table.name == "users"
    }


def test_every_table_holding_a_member_reference_is_declared(app):
    """A new table pointing at users.id must say how it is exported and what deletion does to it."""
    missing = member_references() - registry.covered()
    assert not missing, f"declare these in a privacy registry source (community/privacy/sources.py): {missing}"
    assert ("users", "id") in registry.covered()
    for source in registry.SOURCES.values():
        for column in source.columns:
            assert column in registry.table(source.table).c, (source.name, column)


def test_the_export_holds_every_kind_of_personal_datum(app):
    data = rich_member()
    member = data.member
    moderation.hide(data.staff, data.question, "test")  # hidden posts are theirs too
    db.session.commit()
    document = export_member(member, member)
    json.dumps(document)  # all of it is JSON
    parts = document["data"]
    assert set(parts) == set(registry.SOURCES)
    assert parts["profile"]["email"] == EMAIL and parts["profile"]["display_name"] == NAME
    assert parts["profile"]["bio"] == BIO and parts["profile"]["handle"] == "zephyrine_quintal"
    assert [q["id"] for q in parts["questions"]] == [data.question.id]
    assert parts["questions"][0]["hidden_at"] is not None
    assert [a["id"] for a in parts["answers"]] == [data.answer.id]
    assert parts["comments"][0]["body"] == "Merci, je teste ce soir."
    assert len(parts["revisions"]) == 3  # the question twice (asked, edited), the answer once
    assert parts["votes"][0]["answer_id"] == data.their_answer.id
    assert parts["follows"] and parts["notification_settings"] == [
        {"user_id": member.id, "kind": "comment", "delivery": "digest"}
    ]
    assert any(n["kind"] == "answer" for n in parts["notifications"])
    assert parts["notifications_caused"] and parts["flags"][0]["reason"] == "spam"
    assert parts["api_tokens"][0]["label"] == "Mon robot domotique" and "token_hash" not in parts["api_tokens"][0]
    assert data.token not in json.dumps(document)
    assert parts["searches"][0]["query"] == "fibre coupe le soir"
    assert {e["kind"] for e in parts["ask_form_events"]} == {"question_posted"}
    assert {e["kind"] for e in parts["visit_events"]} == {"suggestions_shown"}
    assert parts["mail"] and parts["mail"][0]["to_address"] == EMAIL
    assert parts["article_ratings"][0]["comment"] == "Très clair"
    assert parts["article_credits"][0]["reason"] == "answer"


def every_text_in_the_database() -> list[tuple[str, str]]:
    """(table, value) for every text and JSON value of every row."""
    found = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)).mappings():
            for value in row.values():
                if isinstance(value, (dict, list)):
                    value = json.dumps(value, ensure_ascii=False)
                if isinstance(value, str):
                    found.append((table.name, value))
    return found


def test_deletion_leaves_no_personal_datum(app, runner, client):
    data = rich_member()
    member_id = data.member.id
    assert runner.invoke(args=["notifications", "send"]).exit_code == 0
    outbox = Path(app.instance_path) / "outbox"
    assert any(EMAIL in path.read_text(errors="replace") for path in outbox.glob("*.eml"))

    delete_account(data.member, data.member, make.PASSWORD)
    db.session.commit()

    leftovers = [
        (table, value[:80])
        for table, value in every_text_in_the_database()
        if any(trace in value.lower() for trace in TRACES)
    ]
    assert leftovers == []
    assert not any(EMAIL in path.read_text(errors="replace") for path in outbox.glob("*.eml"))
    gone = db.session.get(User, member_id)
    assert gone.is_deleted and gone.display_name == "Former member"
    # Posts stay, votes keep counting, the search log keeps its counts without a link.
    assert db.session.get(Question, data.question.id).author_id == member_id
    assert db.session.get(Answer, data.answer.id).author_id == member_id
    assert db.session.get(Comment, data.comment.id) is not None
    assert db.session.scalar(select(func.count(Vote.id)).where(Vote.user_id == member_id)) == 1
    assert db.session.scalar(select(func.count(SearchQuery.id)).where(SearchQuery.user_id == member_id)) == 0
    assert db.session.scalar(select(func.count(SearchQuery.id)).where(SearchQuery.query == "fibre coupe le soir")) == 1
    assert db.session.scalar(select(func.count(DeflectionEvent.id)).where(DeflectionEvent.visit_id == VISIT)) == 0
    # Signing in, the token and the search index know nobody of that name.
    assert members.authenticate(EMAIL, make.PASSWORD) is None
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {data.token}"}).status_code == 401
    for word in ("Quintal", "Zéphyrine", "zephyrine_quintal"):
        assert client.get("/api/v1/search", query_string={"q": word}).get_json()["total"] == 0


def test_the_last_administrator_cannot_delete_their_account(app):
    admin = make.user("admin")
    with pytest.raises(Conflict):
        delete_account(admin, admin, make.PASSWORD)
    second = make.user("admin")
    delete_account(admin, admin, make.PASSWORD)
    db.session.commit()
    assert admin.is_deleted and second.role == "admin"


def test_a_wrong_password_deletes_nothing(app):
    member = make.user(email="keep.me@example.com")
    with pytest.raises(ValidationError) as refused:
        delete_account(member, member, "not my password")
    assert "password" in refused.value.fields
    db.session.rollback()
    assert not db.session.get(User, member.id).is_deleted


def _age(model, days: int) -> None:
    db.session.execute(update(model).values(created_at=utcnow() - timedelta(days=days)))


def test_purge_anonymises_old_searches_and_visit_events_once(app, runner):
    """`flask privacy purge` (a cron line): entries older than PRIVACY_RETENTION_DAYS lose member and
    visit; newer ones keep both; a second run changes nothing."""
    member = make.user()
    from community.discovery import operations as discovery

    discovery.log_search(member, "box éteinte", 0, visit_id=VISIT)
    discovery.record_event(VISIT, "suggestions_shown", viewer=member, target_key="question:1")
    _age(SearchQuery, 120)
    _age(DeflectionEvent, 120)
    discovery.log_search(member, "box éteinte", 0, visit_id=VISIT)
    discovery.record_event(VISIT, "question_posted", viewer=member)
    db.session.commit()

    result = runner.invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    assert "Anonymised 1 search log entries and 1 visit events older than 90 days." in result.output
    old_search, new_search = db.session.scalars(select(SearchQuery).order_by(SearchQuery.id)).all()
    assert (old_search.user_id, old_search.visit_id) == (None, f"anon-{old_search.id}")
    assert (new_search.user_id, new_search.visit_id) == (member.id, VISIT)
    old_event, new_event = db.session.scalars(select(DeflectionEvent).order_by(DeflectionEvent.id)).all()
    assert (old_event.user_id, old_event.visit_id, old_event.kind) == (
        None,
        f"anon-{old_event.id}",
        "suggestions_shown",
    )
    assert (new_event.user_id, new_event.visit_id) == (member.id, VISIT)
    assert purge(90) == {"searches": 0, "visit_events": 0, "trail_views": 0}


@pytest.mark.parametrize("app_config", [{"PRIVACY_RETENTION_DAYS": 200}])
def test_the_retention_period_is_configurable(app, runner):
    member = make.user()
    from community.discovery import operations as discovery

    discovery.log_search(member, "box éteinte", 0, visit_id=VISIT)
    _age(SearchQuery, 120)
    db.session.commit()
    result = runner.invoke(args=["privacy", "purge"])
    assert "Anonymised 0 search log entries and 0 visit events older than 200 days." in result.output
