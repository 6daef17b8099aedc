"""What language content is written in: detected when written (short texts take the writer's
language), kept by the migration for older questions, and category and tag names translated."""

from __future__ import annotations

from flask import g
from flask_migrate import upgrade
from sqlalchemy import text

from community.core.extensions import db
from community.core.language import detect
from community.questions.models import Question
from community.taxonomy.models import Category, Tag
from tests import factories as make


def test_detection_picks_french_or_english_and_falls_back_on_short_texts(app):
    assert detect("Ma box ne s'allume plus depuis la mise à jour, le voyant reste rouge.") == "fr"
    assert detect("My box keeps rebooting every night since the update. What can I do?") == "en"
    assert detect("Wi-Fi 6", fallback="en") == "en"
    assert detect("Wi-Fi 6") == "fr"  # the site's default


def test_a_short_question_takes_its_authors_language(app):
    author = make.user(locale="en")
    unclear = make.question(author, title="Néolia Box 5G Pro X2", body="Néolia Box 5G Pro X2 — 404 / 500 / 503 ??")
    assert unclear.language == "en"


def test_articles_are_detected_unless_a_language_is_given(app):
    staff = make.user("staff")
    english = make.article(staff, title="Restart your internet box", body="Unplug the box, wait thirty seconds.")
    french = make.article(staff, title="Redémarrer sa box", body="Débranchez la box et attendez trente secondes.")
    chosen = make.article(staff, title="Restart your box, again", body="Unplug it, wait, plug it.", language="fr")
    assert (english.language, french.language, chosen.language) == ("en", "fr", "fr")


def test_the_migration_detects_the_language_of_existing_questions(app):
    db.drop_all()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(revision="0005_ask_drafts")
    rows = [
        (1, "My router keeps dropping the wifi", "The connection drops every evening since the update.", None),
        (2, "Ma box perd le wifi tous les soirs", "La connexion coupe chaque soir depuis la mise à jour.", None),
        (3, "Box 5G", "??", "en"),
    ]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, email, display_name, password_hash, role, bio, reputation, "
                          "session_token, created_at, locale) VALUES (1, 'a@example.com', 'A', 'x', 'customer', '', 0, "
                          "'t', CURRENT_TIMESTAMP, 'en'), (2, 'b@example.com', 'B', 'x', 'customer', '', 0, 't2', "
                          "CURRENT_TIMESTAMP, NULL)"))
        conn.execute(text("INSERT INTO categories (id, slug, name, description, position, question_count) "
                          "VALUES (1, 'box', 'Box', '', 1, 3)"))
        for id_, title, body, locale in rows:
            conn.execute(
                text("INSERT INTO questions (id, title, slug, author_id, category_id, status, locked, answer_count, "
                     "view_count, last_activity_at, score, body, body_html, markup_version, created_at, updated_at) "
                     "VALUES (:id, :title, 'q', :author, 1, 'open', false, 0, 0, CURRENT_TIMESTAMP, 0, :body, '', 1, "
                     "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                {"id": id_, "title": title, "body": body, "author": 1 if locale == "en" else 2},
            )
    upgrade()
    db.session.remove()
    assert {q.id: q.language for q in db.session.scalars(db.select(Question))} == {1: "en", 2: "fr", 3: "en"}
    assert db.session.get(Category, 1).translations == {}


def test_names_read_in_the_interface_language_and_fall_back(app):
    category = make.category()
    from community.taxonomy import operations as taxonomy

    taxonomy.save_category(
        make.user("admin"), "box-internet", "Box internet", "Wi-Fi", category,
        translations={"en": {"name": "Internet box", "description": ""}},
    )
    tag = Tag(name="facture")
    db.session.add(tag)
    taxonomy.translate_tag(make.user("admin"), tag, "en", "bill")
    db.session.commit()
    expectations = {"/?lang=en": ("Internet box", "Wi-Fi", "bill"), "/?lang=fr": ("Box internet", "Wi-Fi", "facture")}
    for url, expected in expectations.items():
        for key in list(g):  # Flask-Babel keeps the locale in the app context the test holds
            g.pop(key)
        with app.test_request_context(url):
            assert (category.name, category.description, tag.label) == expected
    assert db.session.scalar(db.select(Category).where(Category.name == "Box internet")) is category


def test_the_cli_sets_english_names(app, runner):
    make.category()
    result = runner.invoke(args=["categories", "edit", "box-internet", "--name-en", "Internet box"])
    assert result.exit_code == 0, result.output
    assert "Internet box" in runner.invoke(args=["categories", "list"]).output
    make.question(tags=("facture",))
    result = runner.invoke(args=["tags", "translate", "facture", "bill"])
    assert result.exit_code == 0 and db.session.scalar(db.select(Tag)).translations == {"en": "bill"}
    assert runner.invoke(args=["tags", "translate", "nothing", "x"]).exit_code != 0
