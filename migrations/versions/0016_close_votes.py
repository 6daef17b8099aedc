"""close votes: members with the privilege vote to close a question as a duplicate

Revision ID: 0016_close_votes
Revises: 0015_reputation
Create Date: 2026-12-05 16:10:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_close_votes'
down_revision = '0015_reputation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('close_votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['questions.id'], name=op.f('fk_close_votes_duplicate_of_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_close_votes_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_close_votes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_close_votes')),
    sa.UniqueConstraint('question_id', 'user_id', name=op.f('uq_close_votes_question_id'))
    )
    with op.batch_alter_table('close_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_close_votes_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('close_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_close_votes_user_id'))

    op.drop_table('close_votes')
