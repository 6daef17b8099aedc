"""ask drafts kept on the server while a visitor signs in (the session cookie holds only their key)

Revision ID: 0005_ask_drafts
Revises: 0004_search_query_visits
Create Date: 2026-12-05 09:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0005_ask_drafts'
down_revision = '0004_search_query_visits'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'ask_drafts',
        sa.Column('key', sa.String(length=32), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('category', sa.String(length=60), nullable=False),
        sa.Column('tags', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_ask_drafts')),
    )
    with op.batch_alter_table('ask_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ask_drafts_created_at'), ['created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('ask_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ask_drafts_created_at'))
    op.drop_table('ask_drafts')
