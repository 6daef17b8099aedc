"""The busy pages cost a fixed number of SQL queries, and anonymous pages are cached until content changes."""

from __future__ import annotations

from contextlib import contextmanager

import factories as make
from sqlalchemy import event

from community.core.extensions import db
from community.questions import operations as qa
from community.questions import view_counter


@contextmanager
def count_queries():
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _question_with_answers(count: int):
    question = make.question()
    voter = make.user()
    for i in range(count):
        answer = make.answer(question, body=f"Réponse numéro {i} avec un peu de texte.")
        qa.add_comment(voter, answer, f"Commentaire {i}")
        qa.vote(voter, answer, 1)
    db.session.commit()
    return question, voter


def _queries_for_page(client, question) -> int:
    url = f"/questions/{question.id}/{question.slug}"
    client.get(url)
    with count_queries() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def test_question_page_query_count_does_not_grow_with_answers(app, client, auth):
    """A question with 20 answers costs as many queries as one with 1, signed in or not."""
    app.config["PAGE_CACHE_ENABLED"] = False
    small, voter = _question_with_answers(1)
    large, _ = _question_with_answers(20)
    anonymous = (_queries_for_page(client, small), _queries_for_page(client, large))
    assert anonymous[0] == anonymous[1]
    auth.login(voter)
    signed_in = (_queries_for_page(client, small), _queries_for_page(client, large))
    assert signed_in[0] == signed_in[1]
    assert signed_in[1] <= 12


def test_anonymous_question_page_is_served_from_cache_until_content_changes(app, client, auth):
    question = make.question()
    url = f"/questions/{question.id}/{question.slug}"
    client.get(url)
    with count_queries() as statements:
        client.get(url)
    # Only batched writes: the view count, and the visit's journey trail (read by the advisor form).
    assert statements == [] or all(s.startswith(("UPDATE", "INSERT INTO trail_views")) for s in statements)
    helper = make.user()
    qa.post_answer(helper, question, "Une nouvelle réponse qui doit apparaître tout de suite.")
    db.session.commit()
    assert "Une nouvelle réponse qui doit apparaître" in client.get(url).get_data(as_text=True)


def test_views_are_counted_in_batches(app, client):
    app.config["VIEW_FLUSH_SECONDS"] = 3600
    question = make.question()
    url = f"/questions/{question.id}/{question.slug}"
    for _ in range(3):
        client.get(url)
    db.session.refresh(question)
    assert question.view_count == 0
    view_counter.flush()
    db.session.refresh(question)
    assert question.view_count == 3
