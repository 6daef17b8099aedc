"""search query log: the visit each search came from

Reports count each visit once, and only the visit that searched may mark a search opened. Entries
logged before this have no known visit: each becomes a visit of its own ("legacy-<id>", a value no
visit cookie can have), so the reports keep counting them as they did.

Revision ID: 0004_search_query_visits
Revises: 0003_knowledge_base
Create Date: 2026-12-05 08:35:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0004_search_query_visits'
down_revision = '0003_knowledge_base'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('search_queries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visit_id', sa.String(length=32), nullable=True))

    op.execute("UPDATE search_queries SET visit_id = 'legacy-' || CAST(id AS VARCHAR(20)) WHERE visit_id IS NULL")


def downgrade():
    with op.batch_alter_table('search_queries', schema=None) as batch_op:
        batch_op.drop_column('visit_id')
