"""The SQL of the PostgreSQL backend: configurations, tables, the upsert and the searches.

``search_documents`` holds what matching, ranking, filters and hits need: the columns of a
``Document`` but its long texts, ``tsv`` (every field, weighted) and ``title_tsv`` (titles alone,
for suggestions). Bodies and accepted answers, shown only in snippets, live in ``search_texts``:
the rows a broad query scans stay narrow, which halves its time. ``search_vocabulary`` keeps the
indexed words for "did you mean"; ``search_meta`` the schema version.

User text reaches these statements only as bound parameters; queries as tsquery texts built from
lexemes (see ``postgres``).
"""
from __future__ import annotations

from sqlalchemy import text

from search import TYPES, Filters
from search.analysis import SCAN_CHARS

INDEX_CHARS = 100_000       # body or answer text indexed (a tsvector holds at most 1 MB)
TITLE_CHARS = 2_000         # title text indexed
STORED_TEXT_CHARS = 20_000  # of body and accepted answer, kept for snippets
TAG_FACETS = 50             # the most frequent tags only
WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"  # D body, C accepted answer, B tags, A title

# Copies of french and english that fold accents before stemming; altered in place, never
# dropped, because other processes' prepared statements hold their ids.
CONFIGURATIONS = {"entraide_fr": ("french", "french_stem"), "entraide_en": ("english", "english_stem")}
CONFIGURATION_EXISTS = text("SELECT 1 FROM pg_ts_config WHERE cfgname = :name"
                            " AND cfgnamespace = CAST(current_schema() AS regnamespace)")

# The backend's own tables: schema tools (Alembic autogenerate) must leave them alone.
TABLES = ("search_documents", "search_texts", "search_vocabulary", "search_meta")
_LISTED = "type IN ('article', 'question')"  # what searches show unless asked for answers
_COLUMNS = """key text, type text, id bigint, parent_id bigint, title text, tags text[], category text,
    language text, status text, solved boolean, boost real, url text, created_at timestamp"""
_NAMES = [column.split()[0] for column in _COLUMNS.split(",")]

CREATE = [
    *(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stem}"
      for name, (_copy, stem) in CONFIGURATIONS.items()),
    # "13ème" is a numword: fold it too.
    *(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR numword, numhword, hword_numpart"
      " WITH unaccent, simple" for name in CONFIGURATIONS),
    f"DROP TABLE IF EXISTS {', '.join(TABLES)}",
    f"CREATE TABLE search_documents ({_COLUMNS.replace('key text', 'key text PRIMARY KEY')},"
    " tsv tsvector NOT NULL, title_tsv tsvector NOT NULL)",
    "CREATE TABLE search_texts (key text PRIMARY KEY, body text NOT NULL, accepted_answer text NOT NULL)",
    # Most searches skip answers, often most of the documents: they get indexes of their own.
    "CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)",
    f"CREATE INDEX search_documents_tsv_listed ON search_documents USING gin (tsv) WHERE {_LISTED}",
    f"CREATE INDEX search_documents_title_tsv ON search_documents USING gin (title_tsv) WHERE {_LISTED}",
    "CREATE INDEX search_documents_type_category ON search_documents (type, category)",
    "CREATE INDEX search_documents_tags ON search_documents USING gin (tags)",
    "CREATE TABLE search_vocabulary (word text PRIMARY KEY, display text NOT NULL, ndoc integer NOT NULL)",
    "CREATE TABLE search_meta (name text PRIMARY KEY, value text NOT NULL)",
]
TRIGRAM_INDEX = "CREATE INDEX search_vocabulary_trgm ON search_vocabulary USING gin (word gin_trgm_ops)"
MISSING_TABLES = text("SELECT to_regclass('search_documents') IS NULL OR to_regclass('search_texts') IS NULL"
                      " OR to_regclass('search_meta') IS NULL")

# Titles and tags in French and in English; answers and bodies in their own language. Hyphenated
# words are also indexed joined (d.joined_*, made in Python): "Wi-Fi" is found by "wifi".
_DOC_CONFIG = "CAST(CASE WHEN d.language = 'en' THEN 'entraide_en' ELSE 'entraide_fr' END AS regconfig)"
_TSV = f"""
    setweight(to_tsvector('entraide_fr', left(d.title, {TITLE_CHARS}) || ' ' || d.joined_title), 'A')
    || setweight(to_tsvector('entraide_en', left(d.title, {TITLE_CHARS}) || ' ' || d.joined_title), 'A')
    || setweight(to_tsvector('entraide_fr', array_to_string(d.tags, ' ') || ' ' || d.joined_tags), 'B')
    || setweight(to_tsvector('entraide_en', array_to_string(d.tags, ' ') || ' ' || d.joined_tags), 'B')
    || setweight(to_tsvector({_DOC_CONFIG}, left(d.accepted_answer, {INDEX_CHARS}) || ' ' || d.joined_answer), 'C')
    || setweight(to_tsvector({_DOC_CONFIG}, left(d.body, {INDEX_CHARS}) || ' ' || d.joined_body), 'D')"""
_TITLE_TSV = f"""to_tsvector('entraide_fr', left(d.title, {TITLE_CHARS}) || ' ' || d.joined_title)
    || to_tsvector('entraide_en', left(d.title, {TITLE_CHARS}) || ' ' || d.joined_title)"""

# A batch arrives as one JSON array. Its words join the did-you-mean vocabulary, in word order so
# that concurrent writers would lock vocabulary rows in the same order.
UPSERT = text(f"""
    WITH d AS (SELECT * FROM jsonb_to_recordset(CAST(:docs AS jsonb)) AS d({_COLUMNS}, body text,
               accepted_answer text, joined_title text, joined_tags text, joined_answer text, joined_body text)),
    saved AS (
        INSERT INTO search_documents ({", ".join(_NAMES)}, tsv, title_tsv)
        SELECT {", ".join("d." + name for name in _NAMES)}, {_TSV}, {_TITLE_TSV} FROM d
        ON CONFLICT (key) DO UPDATE SET
            {", ".join(f"{name} = EXCLUDED.{name}" for name in _NAMES[1:])},
            tsv = EXCLUDED.tsv, title_tsv = EXCLUDED.title_tsv),
    texts AS (
        INSERT INTO search_texts (key, body, accepted_answer)
        SELECT d.key, left(d.body, {STORED_TEXT_CHARS}), left(d.accepted_answer, {STORED_TEXT_CHARS}) FROM d
        ON CONFLICT (key) DO UPDATE SET body = EXCLUDED.body, accepted_answer = EXCLUDED.accepted_answer)
    INSERT INTO search_vocabulary (word, display, ndoc)
    SELECT unaccent(lexeme), max(lexeme), count(*)
    FROM d, unnest(to_tsvector('simple', left(d.title, {TITLE_CHARS}) || ' ' || array_to_string(d.tags, ' ')
                               || ' ' || left(d.accepted_answer, {INDEX_CHARS}) || ' ' || left(d.body, {INDEX_CHARS})))
    WHERE unaccent(lexeme) ~ '^[a-z]{{3,30}}$'
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (word) DO UPDATE SET ndoc = search_vocabulary.ndoc + EXCLUDED.ndoc""")

REMOVE = text("WITH texts AS (DELETE FROM search_texts WHERE key = ANY(CAST(:keys AS text[])))"
              " DELETE FROM search_documents WHERE key = ANY(CAST(:keys AS text[]))")

# Each word's distinct French and English lexemes.
LEXEMES = text("SELECT w, tsvector_to_array(to_tsvector('entraide_fr', w) || to_tsvector('entraide_en', w))"
               " FROM unnest(CAST(:words AS text[])) AS w")

# The most common lexemes and the share of documents holding each, as ANALYZE last counted them.
COMMON_LEXEMES = text(
    "SELECT CAST(CAST(most_common_elems AS text) AS text[]), most_common_elem_freqs FROM pg_stats"
    " WHERE schemaname = current_schema() AND tablename = 'search_documents' AND attname = 'tsv'")

# Words close to :w, to be compared in Python: by trigrams, or without pg_trgm those of the same
# initial and about the same length.
CLOSE_BY_TRIGRAMS = text("SELECT word, display, ndoc FROM search_vocabulary WHERE word % :w AND word <> :w"
                         " ORDER BY similarity(word, :w) DESC, ndoc DESC LIMIT 10")
SAME_INITIAL = text("SELECT word, display, ndoc FROM search_vocabulary WHERE word >= :lo AND word < :hi"
                    " AND length(word) BETWEEN :short AND :long AND word <> :w ORDER BY ndoc DESC LIMIT 5000")

_HIT_COLUMNS = "d.type, d.id, d.title, d.url, d.category, d.tags, d.solved, d.parent_id, d.language"
_LANGUAGES = "(SELECT json_object_agg(l.language, l.n) FROM (SELECT language, count(*) AS n FROM a GROUP BY 1) l)"
# Suggestions and similar documents: in :language only when it is given.
_IN_LANGUAGE = "(CAST(:language AS text) IS NULL OR d.language = CAST(:language AS text))"

# Counts over the matching set m (filters applied): type, category and solved in one grouped scan.
_FACETS = f"""(SELECT json_agg(json_build_array(f.name, f.value, f.n)) FROM (
    SELECT CASE WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(category) = 0 THEN 'category'
                ELSE 'solved' END AS name,
           COALESCE(type, category, CAST(solved AS text)) AS value, count(*) AS n
    FROM m GROUP BY GROUPING SETS ((type), (category), (solved))
    UNION ALL (SELECT 'tags', tag, count(*) FROM (SELECT unnest(tags) AS tag FROM m) t
               GROUP BY tag ORDER BY count(*) DESC, tag LIMIT {TAG_FACETS})) f)"""


def score(count: int) -> str:
    """The boost times the sum over the ``count`` words (:t0, :t1 …) of each word's ts_rank
    weighted by its rarity (:idf0, :idf1 …)."""
    ranks = [f"CAST(:idf{i} AS real) * ts_rank(CAST(:weights AS real[]), d.tsv, CAST(:t{i} AS tsquery))"
             for i in range(count)]
    return f"({' + '.join(ranks)}) * d.boost"


def query(count: int, where: str, facets: bool, language: bool = False):
    """One page of documents matching :match, the total and the facets, in one statement. With
    ``language``, only documents in :language count; with ``facets``, also the matches of every
    language by language (what "show all languages" would add)."""
    kept = "SELECT * FROM a WHERE a.language = :language" if language else "SELECT * FROM a"
    return text(f"""
        WITH a AS MATERIALIZED (
            SELECT d.key, d.type, d.category, d.tags, d.solved, d.created_at, d.language, {score(count)} AS score
            FROM search_documents d WHERE d.tsv @@ CAST(:match AS tsquery) {where}),
        m AS MATERIALIZED ({kept}),
        p AS (SELECT key, score, created_at FROM m
              ORDER BY score DESC, created_at DESC NULLS LAST, key LIMIT :limit OFFSET :offset)
        SELECT t.total, t.facets, t.languages, p.key, p.score, {_HIT_COLUMNS},
               left(x.body, {SCAN_CHARS}) AS body, left(x.accepted_answer, {SCAN_CHARS}) AS answer
        FROM (SELECT (SELECT count(*) FROM m) AS total, {_FACETS if facets else "NULL"} AS facets,
                     {_LANGUAGES if facets else "NULL"} AS languages) t
        LEFT JOIN (p JOIN search_documents d ON d.key = p.key LEFT JOIN search_texts x ON x.key = p.key) ON true
        ORDER BY p.score DESC, p.created_at DESC NULLS LAST, p.key""")


def filters(chosen: Filters, params: dict) -> str:
    """SQL conditions on ``d`` for ``chosen``; their values go into ``params``. Types are known
    words, written in the SQL so that the planner can pick the index without answers."""
    types = sorted(set(chosen.types or ("question", "article")) & set(TYPES))
    listed = ", ".join(f"'{type_}'" for type_ in types) or "NULL"
    sql = f" AND d.type IN ({listed})"
    if "answer" not in types:
        sql += f" AND d.{_LISTED}"
    if chosen.category:
        sql += " AND d.category = :category"
        params["category"] = chosen.category
    if chosen.tag:
        sql += " AND d.tags @> ARRAY[CAST(:tag AS text)]"
        params["tag"] = chosen.tag
    if chosen.solved is not None:
        sql += " AND d.solved = :solved"
        params["solved"] = chosen.solved
    return sql


def similar(count: int):
    return text(f"""
        SELECT d.key, {_HIT_COLUMNS}, {score(count)} AS score FROM search_documents d
        WHERE d.tsv @@ CAST(:match AS tsquery) AND d.{_LISTED} AND d.key <> ALL(CAST(:exclude AS text[]))
              AND {_IN_LANGUAGE}
        ORDER BY score DESC, d.key LIMIT :limit""")


SUGGEST = text(f"""
    SELECT d.key, {_HIT_COLUMNS}, ts_rank(d.title_tsv, CAST(:match AS tsquery)) * d.boost AS score
    FROM search_documents d
    WHERE d.title_tsv @@ CAST(:match AS tsquery) AND d.{_LISTED} AND {_IN_LANGUAGE}
    ORDER BY (d.type = 'article' OR d.solved) DESC, score DESC, d.key LIMIT :limit""")


def matching_anything(count: int):
    """Whether each of :t0 … matches some document. Run it with SEQUENTIAL_SCANS off: the planner
    would bet on a sequential scan finding a row early, and read the whole table for a typo."""
    return text("SELECT " + ", ".join(
        f"EXISTS (SELECT 1 FROM search_documents WHERE tsv @@ CAST(:t{i} AS tsquery))" for i in range(count)))


SEQUENTIAL_SCANS = text("SELECT set_config('enable_seqscan', :on, true)")
