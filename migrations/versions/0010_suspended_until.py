"""members can be suspended until a date (moderation sets it; notifications already honour it)

Revision ID: 0010_suspended_until
Revises: 0009_follow_own_questions
Create Date: 2026-12-05 12:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010_suspended_until'
down_revision = '0009_follow_own_questions'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suspended_until', sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('suspended_until')
