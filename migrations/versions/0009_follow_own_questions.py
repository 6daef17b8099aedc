"""members follow the questions they asked or answered before notifications existed

Revision ID: 0009_follow_own_questions
Revises: 0008_notifications
Create Date: 2026-12-05 12:20:00

Answers reach an asker through the follow made when a question is asked or answered
(community/notifications/subscribers.py); questions from before get theirs here, so their
authors and answerers hear of what comes next.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0009_follow_own_questions'
down_revision = '0008_notifications'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        INSERT INTO follows (user_id, target_type, target_id, created_at)
        SELECT user_id, 'question', question_id, CURRENT_TIMESTAMP FROM (
            SELECT author_id AS user_id, id AS question_id FROM questions WHERE author_id IS NOT NULL
            UNION
            SELECT author_id, question_id FROM answers WHERE author_id IS NOT NULL
        ) AS mine
        WHERE NOT EXISTS (
            SELECT 1 FROM follows f
            WHERE f.user_id = mine.user_id AND f.target_type = 'question' AND f.target_id = mine.question_id
        )
        """
    )


def downgrade():
    """The follows stay: members may have chosen them since."""
