"""The audit log: every staff and admin action, whether done on a page, through the API or at the
command line, leaves one entry (who, what, on what, before → after, reason), and staff read them
on /admin/audit with filters."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import factories as make
import pytest
from sqlalchemy import select

from community.audit.models import AuditEntry
from community.core.database import utcnow
from community.core.extensions import db
from community.moderation import operations as moderation
from community.questions import operations as qa
from knowledge_base import operations as kb
from knowledge_base.models import Article


def logged(action: str) -> list[AuditEntry]:
    """The entries of ``action``, oldest first."""
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def only(action: str) -> AuditEntry:
    entries = logged(action)
    assert len(entries) == 1, [(e.action, e.before, e.after) for e in entries]
    return entries[0]


def assert_entry(entry, actor, target_type, target_id, before, after, origin="web"):
    assert (entry.actor_id, entry.target_type, entry.target_id) == (getattr(actor, "id", None), target_type, target_id)
    assert (entry.before, entry.after, entry.origin) == (before, after, origin)


@pytest.fixture
def admin(app):
    return make.user("admin", name="Alice Admin", locale="en")


@pytest.fixture
def staff(app):
    """Reads the site in English, so the page's words below stay true once translated."""
    return make.user("staff", name="Nina Support", locale="en")


# ---------- Members and categories ----------


def test_role_change_on_the_members_page_is_logged(app, client, auth, admin):
    member = make.user(name="Léa Martin")
    auth.login(admin)
    assert client.post(f"/admin/users/{member.id}/role", data={"role": "staff"}).status_code == 302
    assert_entry(only("user.role"), admin, "user", member.id, {"role": "customer"}, {"role": "staff"})


def test_role_change_refused_or_unchanged_logs_nothing(app, client, auth, admin):
    """A customer's attempt (403) and setting the role a member already has leave no entry."""
    member = make.user()
    auth.login(make.user())
    assert client.post(f"/admin/users/{member.id}/role", data={"role": "admin"}).status_code == 403
    auth.logout()
    auth.login(admin)
    client.post(f"/admin/users/{member.id}/role", data={"role": "customer"})
    assert logged("user.role") == []


def test_command_line_role_change_and_account_creation_are_logged_as_the_operator(app, runner):
    member = make.user()
    result = runner.invoke(args=["users", "role", member.email, "ambassador"])
    assert result.exit_code == 0, result.output
    assert_entry(only("user.role"), None, "user", member.id, {"role": "customer"}, {"role": "ambassador"}, "cli")
    result = runner.invoke(
        args=[
            "users",
            "create",
            "new.staff@example.com",
            "--name",
            "New Staff",
            "--role",
            "staff",
            "--password",
            "correct horse battery",
        ]
    )
    assert result.exit_code == 0, result.output
    created = only("user.create")
    assert (created.actor_id, created.origin, created.before, created.after) == (None, "cli", None, {"role": "staff"})


def test_categories_created_and_edited_on_the_pages_are_logged(app, client, auth, staff):
    auth.login(staff)
    response = client.post("/categories", data={"slug": "mobile", "name": "Mobile", "description": "Forfaits"})
    assert response.status_code == 302
    entry = only("category.create")
    assert entry.actor_id == staff.id and entry.target_type == "category" and entry.before is None
    assert entry.after["slug"] == "mobile" and entry.after["name"] == "Mobile"
    response = client.post(
        "/categories/mobile/edit", data={"slug": "mobile", "name": "Mobile et forfaits", "description": "Forfaits"}
    )
    assert response.status_code == 302
    edited = only("category.edit")
    assert_entry(edited, staff, "category", entry.target_id, {"name": "Mobile"}, {"name": "Mobile et forfaits"})


def test_command_line_categories_and_tag_translations_are_logged(app, runner):
    assert runner.invoke(args=["categories", "create", "tv", "--name", "Télévision"]).exit_code == 0
    assert runner.invoke(args=["categories", "edit", "tv", "--description", "Décodeur"]).exit_code == 0
    created, edited = only("category.create"), only("category.edit")
    assert created.origin == edited.origin == "cli" and created.actor_id is None
    assert (edited.before, edited.after) == ({"description": ""}, {"description": "Décodeur"})
    make.question(make.user(), category_slug="tv", tags=("decodeur",))
    result = runner.invoke(args=["tags", "translate", "decodeur", "TV box"])
    assert result.exit_code == 0, result.output
    entry = only("tag.translate")
    assert (entry.target_type, entry.before, entry.after) == ("tag", {"en": None}, {"en": "TV box"})
    assert entry.origin == "cli"


# ---------- Questions and moderation ----------


def test_close_reopen_lock_and_unlock_are_logged(app, client, auth, staff):
    question = make.question(make.user())
    auth.login(staff)
    assert client.post(f"/questions/{question.id}/close", data={"reason": "off_topic"}).status_code == 302
    assert_entry(
        only("question.close"),
        staff,
        "question",
        question.id,
        {"status": "open"},
        {"status": "closed", "close_reason": "off_topic"},
    )
    assert client.post(f"/questions/{question.id}/reopen").status_code == 302
    assert_entry(
        only("question.reopen"),
        staff,
        "question",
        question.id,
        {"status": "closed", "close_reason": "off_topic"},
        {"status": "open", "close_reason": None},
    )
    client.post(f"/questions/{question.id}/lock", data={"locked": "1"})
    client.post(f"/questions/{question.id}/lock", data={"locked": "1"})  # already locked: nothing new
    client.post(f"/questions/{question.id}/lock", data={"locked": "0"})
    assert_entry(only("question.lock"), staff, "question", question.id, {"locked": False}, {"locked": True})
    assert_entry(only("question.unlock"), staff, "question", question.id, {"locked": True}, {"locked": False})


def test_staff_editing_or_accepting_for_someone_else_is_logged_but_not_the_author(app, client, auth, staff):
    author = make.user()
    question = make.question(author, title="Décodeur TV sans son depuis hier")
    answer = make.answer(question)
    data = {"title": "Décodeur TV sans son", "body": question.body, "category": "box-internet", "tags": "tv"}
    auth.login(author)
    client.post(f"/questions/{question.id}/edit", data={**data, "title": "Décodeur TV muet depuis hier"})
    auth.logout()
    assert logged("question.edit") == []
    auth.login(staff)
    assert client.post(f"/questions/{question.id}/edit", data={**data, "summary": "titre raccourci"}).status_code == 302
    entry = only("question.edit")
    assert entry.actor_id == staff.id and entry.reason == "titre raccourci"
    assert entry.before == {"title": "Décodeur TV muet depuis hier", "revision": 2}
    assert entry.after == {"title": "Décodeur TV sans son", "revision": 3}
    assert client.post(f"/answers/{answer.id}/accept").status_code == 302
    assert_entry(
        only("answer.accept"), staff, "question", question.id, {"accepted_answer": None}, {"accepted_answer": answer.id}
    )


def test_hide_and_restore_are_logged_with_the_reason(app, staff):
    answer = make.answer(make.question())
    moderation.hide(staff, answer, reason="Publicité")
    moderation.hide(staff, answer)  # already hidden: nothing new
    moderation.restore(staff, answer)
    db.session.commit()
    hidden = only("content.hide")
    assert_entry(hidden, staff, "answer", answer.id, {"hidden": False}, {"hidden": True}, "cli")
    assert hidden.reason == "Publicité"
    assert_entry(only("content.restore"), staff, "answer", answer.id, {"hidden": True}, {"hidden": False}, "cli")


def test_saved_synonyms_are_logged_as_groups_added_and_removed(app, client, auth, staff):
    auth.login(staff)
    client.post("/admin/search", data={"synonyms": "box, modem, routeur\ncaution, dépôt"})
    client.post("/admin/search", data={"synonyms": "box, modem, routeur\nforfait, abonnement"})
    client.post("/admin/search", data={"synonyms": "box, modem, routeur\nforfait, abonnement"})  # unchanged
    entries = logged("search.synonyms")
    assert len(entries) == 2 and all(e.target_type == "synonyms" and e.target_id is None for e in entries)
    assert entries[1].before == {"removed": ["caution, dépôt"]}
    assert entries[1].after == {"added": ["forfait, abonnement"]}


# ---------- The knowledge base ----------


def test_every_article_action_on_the_staff_pages_is_logged(app, client, auth, staff):
    asker, helper = make.user(), make.user("ambassador")
    question = make.question(asker, title="Le décodeur TV perd le signal chaque soir")
    answer = make.answer(question, helper, body="Débranchez le décodeur trente secondes puis rebranchez-le.")
    qa.accept_answer(asker, answer)
    db.session.commit()
    auth.login(staff)
    client.post(f"/answers/{answer.id}/promote", data={"kind": "faq"})
    article = db.session.scalars(select(Article)).one()
    promoted = only("article.promote")
    assert_entry(
        promoted,
        staff,
        "article",
        article.id,
        {"status": None},
        {"status": "draft", "kind": "faq", "answer": answer.id},
    )

    title = "Le décodeur perd le signal le soir"
    data = make.editor_data(article, title=title, body="Débranchez-le.", note="Plus court")
    assert client.post(f"/kb/{article.id}/edit", data=data).status_code == 302
    edited = only("article.edit")
    assert edited.before == {"title": "Le décodeur TV perd le signal chaque soir", "revision": 1}
    assert edited.after == {"title": "Le décodeur perd le signal le soir", "revision": 2, "changed": ["body"]}
    assert edited.reason == "Plus court"

    assert client.post(f"/kb/{article.id}/revisions/1/restore").status_code == 302
    restored = only("article.restore_revision")
    assert restored.after["revision"] == 3 and restored.after["title"] == "Le décodeur TV perd le signal chaque soir"
    assert len(logged("article.edit")) == 1

    for action, logged_as, before, after in (
        ("submit", "article.submit", "draft", "in_review"),
        ("publish", "article.publish", "in_review", "published"),
        ("archive", "article.archive", "published", "archived"),
    ):
        assert client.post(f"/kb/{article.id}/status", data={"action": action}).status_code == 302
        entry = only(logged_as)
        assert (entry.actor_id, entry.target_id, entry.before["status"], entry.after["status"]) == (
            staff.id,
            article.id,
            before,
            after,
        )


def test_marking_reviewed_and_step_media_are_logged(app, staff):
    article = make.article(staff, kind="tutorial", steps=["Allumez le décodeur.", "Appuyez sur OK."])
    article.needs_review = True
    kb.mark_reviewed(staff, article)
    kb.set_step_media(staff, article, 1, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    db.session.commit()
    reviewed = only("article.review")
    assert reviewed.target_id == article.id
    assert (reviewed.before["needs_review"], reviewed.after["needs_review"]) == (True, False)
    assert only("article.publish").after == {"status": "published"}
    media = only("article.media")
    assert media.before == {"step_1_video_url": None}
    assert media.after == {"step_1_video_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}


def test_command_line_import_is_logged_once_with_its_counts(app, runner, tmp_path):
    line = {
        "external_id": "faq-1",
        "title": "Changer le code wifi",
        "body": "Dans l'espace client.",
        "kind": "faq",
        "category": "Box internet",
        "tags": ["wifi"],
        "language": "fr",
    }
    path = tmp_path / "faq.jsonl"
    path.write_text(json.dumps(line) + "\n{pas du json}\n", encoding="utf-8")
    result = runner.invoke(args=["kb", "import", str(path), "--publish"])
    assert result.exit_code == 0, result.output
    entry = only("article.import")
    assert (entry.actor_id, entry.origin, entry.target_type, entry.target_id) == (None, "cli", "article", None)
    assert entry.after == {"created": 1, "updated": 0, "unchanged": 0, "refused": 1, "published": 1}


# ---------- The page ----------


def _seed(admin, staff):
    """Three entries by two people, one of them ten days old."""
    member = make.user(name="Léa Martin")
    question = make.question(make.user())
    from community.members import operations as members

    members.change_role(admin, member, "ambassador")
    qa.close_question(staff, question, "off_topic")
    qa.set_locked(staff, question, True)
    db.session.commit()
    old = logged("user.role")[0]
    old.at = utcnow() - timedelta(days=10)
    db.session.commit()
    return member, question


def rows(html: str) -> list[str]:
    return re.findall(r'<th scope="row" data-label="What">([^<]+)</th>', html)


def test_the_page_lists_newest_first_with_who_what_target_and_change(app, client, auth, admin, staff):
    member, question = _seed(admin, staff)
    auth.login(staff)
    html = client.get("/admin/audit").get_data(as_text=True)
    # The question's category was made just before, by another administrator; the role change is older.
    assert rows(html) == ["Question locked", "Question closed", "Category created", "Role changed"]
    assert "Nina Support" in html and "Alice Admin" in html
    assert f'href="/questions/{question.id}"' in html and f'href="/users/{member.id}"' in html
    assert re.search(r"<code>role</code> <span class=\"audit-old\">customer</span>.*?ambassador", html, re.S)


def test_the_page_filters_by_actor_action_target_and_dates(app, client, auth, admin, staff):
    _seed(admin, staff)
    auth.login(staff)
    assert rows(client.get(f"/admin/audit?actor={admin.id}").get_data(as_text=True)) == ["Role changed"]
    assert rows(client.get("/admin/audit?action=question.close").get_data(as_text=True)) == ["Question closed"]
    assert rows(client.get("/admin/audit?target=user").get_data(as_text=True)) == ["Role changed"]
    today = utcnow().date()
    recent = rows(client.get(f"/admin/audit?from={today - timedelta(days=1)}").get_data(as_text=True))
    assert "Role changed" not in recent and "Question closed" in recent
    older = client.get(f"/admin/audit?to={today - timedelta(days=5)}").get_data(as_text=True)
    assert rows(older) == ["Role changed"]
    html = client.get("/admin/audit?actor=cli").get_data(as_text=True)
    assert rows(html) == [] and "No staff action matches these filters." in html


def test_bad_filters_are_explained_beside_the_field_and_kept(app, client, auth, staff):
    auth.login(staff)
    response = client.get("/admin/audit?from=31/12/2024&to=2024-01-01&action=nope")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'value="31/12/2024"' in html and "Give a date as YYYY-MM-DD" in html
    assert "Choose an action from the list." in html and 'aria-describedby="audit-from-error"' in html
    response = client.get("/admin/audit?from=2024-02-01&to=2024-01-01&actor=99999999999&page=x")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Give a date on or after the first one." in html
    assert "Choose a member from the list." in html


def test_the_page_is_paginated(app, client, auth, staff):
    question = make.question(make.user())
    for n in range(31):
        qa.set_locked(staff, question, n % 2 == 0)
    db.session.commit()
    auth.login(staff)
    first = client.get("/admin/audit").get_data(as_text=True)
    assert len(rows(first)) == 30 and 'rel="next"' in first
    second = rows(client.get("/admin/audit?page=2").get_data(as_text=True))
    assert second == ["Question locked", "Category created"]  # the 31st lock, and the category made first


@pytest.mark.parametrize(
    ("role", "status"), [(None, 302), ("customer", 403), ("ambassador", 403), ("staff", 200), ("admin", 200)]
)
def test_only_staff_open_the_page_and_see_it_in_the_tools_menu(app, client, auth, role, status):
    if role:
        auth.login(make.user(role))
    response = client.get("/admin/audit")
    assert response.status_code == status
    if role is None:
        assert "/login" in response.headers["Location"]
    home = client.get("/").get_data(as_text=True)
    assert ('href="/admin/audit"' in home) == (status == 200)
