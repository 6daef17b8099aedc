"""content language: questions carry theirs (existing ones detected here), categories and tags
their translations

Revision ID: 0006_content_language
Revises: 0005_ask_drafts
Create Date: 2026-12-05 11:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0006_content_language'
down_revision = '0005_ask_drafts'
branch_labels = None
depends_on = None

LANGUAGES = ('fr', 'en')
MIN_CONFIDENCE = 0.9  # as community.core.language: below it, the author's language decides
MIN_LETTERS = 12
BATCH = 1000


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=5), server_default='fr', nullable=False))
        batch_op.create_index('ix_questions_language_activity', ['language', 'last_activity_at'], unique=False)
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('translations', sa.JSON(), server_default='{}', nullable=False))
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('translations', sa.JSON(), server_default='{}', nullable=False))
    _detect_languages(op.get_bind())


def _detect_languages(conn):
    """Each existing question's language from its title and body (py3langid, French or English),
    the author's language when the text cannot tell; untouched rows stay 'fr'."""
    questions = sa.table('questions', sa.column('id'), sa.column('title'), sa.column('body'),
                         sa.column('author_id'), sa.column('language'))
    users = sa.table('users', sa.column('id'), sa.column('locale'))
    if not conn.execute(sa.select(questions.c.id).limit(1)).first():
        return
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    last = 0
    while True:
        rows = conn.execute(
            sa.select(questions.c.id, questions.c.title, questions.c.body, users.c.locale)
            .select_from(questions.outerjoin(users, users.c.id == questions.c.author_id))
            .where(questions.c.id > last).order_by(questions.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        english = []
        for id_, title, body, locale in rows:
            text = f"{title}\n{body}"[:4000]
            language = locale if locale in LANGUAGES else 'fr'
            if sum(ch.isalpha() for ch in text) >= MIN_LETTERS:
                code, confidence = identifier.classify(text)
                if confidence >= MIN_CONFIDENCE:
                    language = code
            if language == 'en':
                english.append(id_)
        if english:
            conn.execute(sa.update(questions).where(questions.c.id.in_(english)).values(language='en'))
        last = rows[-1][0]


def downgrade():
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.drop_column('translations')
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_column('translations')
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index('ix_questions_language_activity')
        batch_op.drop_column('language')
