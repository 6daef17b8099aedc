"""`flask db upgrade` brings an empty database to exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from community.core.extensions import db
from search.backends.postgres_sql import TABLES as SEARCH_TABLES


def test_migrations_match_the_models(app):
    db.drop_all()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    upgrade()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
    # The PostgreSQL search backend owns its tables (like the Whoosh index owns its folder).
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name in SEARCH_TABLES)]
    assert diff == []
