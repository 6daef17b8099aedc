"""ask drafts keep the language the visitor chose while they sign in

Revision ID: 0007_ask_draft_language
Revises: 0006_content_language
Create Date: 2026-12-05 12:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007_ask_draft_language'
down_revision = '0006_content_language'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('ask_drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=5), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('ask_drafts', schema=None) as batch_op:
        batch_op.drop_column('language')
