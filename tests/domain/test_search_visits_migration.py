"""Migration 0004 gives searches logged before it a visit of their own, so the reports still count them."""

from __future__ import annotations

from flask_migrate import upgrade
from sqlalchemy import text

from community.core.extensions import db
from community.discovery import operations as discovery


def test_searches_logged_before_visits_were_kept_count_once_each(app):
    db.drop_all()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade(revision="0003_knowledge_base")
    with db.engine.begin() as conn:
        for n in (1, 2):
            conn.execute(
                text(
                    "INSERT INTO search_queries (id, query, normalized, result_count, source, created_at)"
                    " VALUES (:id, 'Wi-Fi 7', 'wi-fi 7', 0, 'search', CURRENT_TIMESTAMP)"
                ),
                {"id": n},
            )
    upgrade()
    with db.engine.connect() as conn:
        visits = conn.execute(text("SELECT visit_id FROM search_queries ORDER BY id")).scalars().all()
    assert visits == ["legacy-1", "legacy-2"]
    assert [row[:2] for row in discovery.zero_result_queries()] == [("wi-fi 7", 2)]
