"""advisor suggestions: case resolutions sent to the knowledge base's curation queue

Revision ID: 0014_advisor_suggestions
Revises: 0013_escalation
Create Date: 2026-12-06 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_advisor_suggestions'
down_revision = '0013_escalation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('advisor_suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_advisor_suggestions_article_id_articles'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_advisor_suggestions_case_id_cases'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_advisor_suggestions_category_id_categories'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_advisor_suggestions_question_id_questions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_advisor_suggestions'))
    )
    with op.batch_alter_table('advisor_suggestions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_advisor_suggestions_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_advisor_suggestions_done_at'), ['done_at'], unique=False)


def downgrade():
    with op.batch_alter_table('advisor_suggestions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_advisor_suggestions_done_at'))
        batch_op.drop_index(batch_op.f('ix_advisor_suggestions_case_id'))

    op.drop_table('advisor_suggestions')
