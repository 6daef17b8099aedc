"""PostgreSQL full-text search: one table shared by every web node.

The backend keeps its own tables (``search_documents``, ``search_vocabulary``, ``search_meta``)
and text search configurations, made by ``create()`` and versioned by ``SCHEMA_VERSION`` like
the Whoosh index directory; they are not part of the app's migrations.

Query words come from ``search.analysis``; PostgreSQL stems them (French and English) and the
query reaches SQL as one bound tsquery text made only of quoted ``[a-z0-9]`` lexemes, ``&``,
``|``, ``<->`` and parentheses. Each word (or one of its synonyms) must match; when that finds
fewer than a handful of documents, any word may match.
"""
from __future__ import annotations

import difflib
import html
import json
import logging
import re
from datetime import UTC, datetime

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from search import Document, Filters, Hit, Results, SearchUnavailable, synonym_groups
from search.analysis import STOP_WORDS, content_words, expand, tokens

log = logging.getLogger("entraide.search.postgres")

SCHEMA_VERSION = 1
MAX_WORDS = 16          # query words kept (a pasted page searches its first words)
HANDFUL = 5             # fewer AND hits than this: search with OR instead
MAX_PER_PAGE = 100
STEM_CACHE = 50_000       # words whose lexemes are remembered
TAG_FACETS = 50         # the most frequent tags only
INDEX_CHARS = 200_000   # body text indexed per document (a tsvector is limited to 1 MB)
HEADLINE_CHARS = 5_000  # body text searched for the snippet
WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"  # D body, C accepted answer, B tags, A title
RANK_NORMALIZATION = 1  # divide by 1 + log(length): long law texts do not win on length alone
# Private-use characters mark matches inside ts_headline; they are removed from indexed text,
# so after escaping the snippet they are the only thing that can become <mark> tags.
_START, _STOP = "\ue000", "\ue001"
HEADLINE_OPTIONS = f"StartSel={_START}, StopSel={_STOP}, MaxFragments=1, MaxWords=35, MinWords=15"
_UNSAFE = re.compile(f"[\x00{_START}{_STOP}\ud800-\udfff]")
_PARTS = re.compile(r"[a-z0-9]+")
_LEXEME = re.compile(r"[a-z0-9]{1,100}")
MAX_WORD_CHARS = 100

# Titles and tags are indexed in French and in English; answers and bodies in their own language.
_DOC_CONFIG = "CAST(CASE WHEN d.language = 'en' THEN 'entraide_en' ELSE 'entraide_fr' END AS regconfig)"
_TSV = f"""
    setweight(to_tsvector('entraide_fr', d.title), 'A')
    || setweight(to_tsvector('entraide_en', d.title), 'A')
    || setweight(to_tsvector('entraide_fr', array_to_string(d.tags, ' ')), 'B')
    || setweight(to_tsvector('entraide_en', array_to_string(d.tags, ' ')), 'B')
    || setweight(to_tsvector({_DOC_CONFIG}, d.accepted_answer), 'C')
    || setweight(to_tsvector({_DOC_CONFIG}, left(d.body, {INDEX_CHARS})), 'D')
"""
_COLUMNS = """key text, type text, id bigint, parent_id bigint, title text, body text,
    accepted_answer text, tags text[], category text, language text, status text, solved boolean,
    boost real, url text, created_at timestamp"""
_NAMES = [c.split()[0] for c in _COLUMNS.split(",")]

_CREATE = [
    "DROP TABLE IF EXISTS search_documents, search_vocabulary, search_meta",
    *(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {c}" for c in ("entraide_fr", "entraide_en")),
    "CREATE TEXT SEARCH CONFIGURATION entraide_fr (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION entraide_fr ALTER MAPPING FOR hword, hword_part, word"
    " WITH unaccent, french_stem",
    "CREATE TEXT SEARCH CONFIGURATION entraide_en (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION entraide_en ALTER MAPPING FOR hword, hword_part, word"
    " WITH unaccent, english_stem",
    *(f"ALTER TEXT SEARCH CONFIGURATION {c} ALTER MAPPING FOR numword, numhword, hword_numpart"
      " WITH unaccent, simple" for c in ("entraide_fr", "entraide_en")),
    f"""CREATE TABLE search_documents ({_COLUMNS.replace("key text", "key text PRIMARY KEY")},
        tsv tsvector NOT NULL)""",
    "ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE EXTERNAL",
    "CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)",
    "CREATE INDEX search_documents_type_category ON search_documents (type, category)",
    "CREATE INDEX search_documents_tags ON search_documents USING gin (tags)",
    "CREATE TABLE search_vocabulary (word text PRIMARY KEY, display text NOT NULL,"
    " ndoc integer NOT NULL)",
    "CREATE TABLE search_meta (name text PRIMARY KEY, value text NOT NULL)",
]

_UPSERT = f"""
WITH d AS (SELECT * FROM jsonb_to_recordset(CAST(:docs AS jsonb)) AS d({_COLUMNS})),
new AS (
    INSERT INTO search_documents ({", ".join(_NAMES)}, tsv)
    SELECT {", ".join("d." + n for n in _NAMES)}, {_TSV} FROM d
    ON CONFLICT (key) DO UPDATE SET
        {", ".join(f"{n} = EXCLUDED.{n}" for n in _NAMES[1:])}, tsv = EXCLUDED.tsv
    RETURNING 1
)
INSERT INTO search_vocabulary (word, display, ndoc)
SELECT unaccent(lexeme), max(lexeme), count(*)
FROM d, unnest(to_tsvector('simple', d.title || ' ' || array_to_string(d.tags, ' ') || ' '
                           || d.accepted_answer || ' ' || left(d.body, {INDEX_CHARS})))
WHERE unaccent(lexeme) ~ '^[a-z]{{3,30}}$'
GROUP BY 1 ORDER BY 1
ON CONFLICT (word) DO UPDATE SET ndoc = search_vocabulary.ndoc + EXCLUDED.ndoc
"""

# Counts over the matching set m (filters applied): type, category and solved in one grouped scan.
_FACETS = f"""(SELECT json_agg(json_build_array(f.name, f.value, f.n)) FROM (
    SELECT CASE WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(category) = 0 THEN 'category'
                ELSE 'solved' END AS name,
           COALESCE(type, category, CAST(solved AS text)) AS value, count(*) AS n
    FROM m GROUP BY GROUPING SETS ((type), (category), (solved))
    UNION ALL (SELECT 'tags', tag, count(*) FROM m, unnest(m.tags) AS tag
               GROUP BY tag ORDER BY count(*) DESC, tag LIMIT {TAG_FACETS})) f)"""

_HIT_COLUMNS = "d.type, d.id, d.title, d.url, d.category, d.tags, d.solved, d.parent_id"
_SCORE = "ts_rank_cd(CAST(:weights AS real[]), d.tsv, q.query, :norm) * d.boost"


def _query_sql(where: str, facets: bool):
    """Page, total and facets in one statement; ts_headline runs on the page's rows only."""
    return text(f"""
        WITH q AS (SELECT CAST(:query AS tsquery) AS query),
        m AS MATERIALIZED (
            SELECT d.key, d.type, d.category, d.tags, d.solved, d.created_at, {_SCORE} AS score
            FROM search_documents d, q WHERE d.tsv @@ q.query {where}),
        p AS (SELECT key, score, created_at FROM m
              ORDER BY score DESC, created_at DESC NULLS LAST, key LIMIT :limit OFFSET :offset)
        SELECT t.total, t.facets, p.key, p.score, {_HIT_COLUMNS},
               ts_headline({_DOC_CONFIG}, left(d.body, {HEADLINE_CHARS}), q.query, :options) AS headline
        FROM (SELECT (SELECT count(*) FROM m) AS total, {_FACETS if facets else "NULL"} AS facets) t
        CROSS JOIN q
        LEFT JOIN (p JOIN search_documents d ON d.key = p.key) ON true
        ORDER BY p.score DESC, p.created_at DESC NULLS LAST, p.key""")


_SUGGEST = text(f"""
    WITH q AS (SELECT CAST(:query AS tsquery) AS query)
    SELECT {_HIT_COLUMNS}, {_SCORE} AS score FROM search_documents d, q
    WHERE d.tsv @@ q.query AND d.type IN ('question', 'article')
    ORDER BY (d.type = 'article' OR d.solved) DESC, score DESC, d.key LIMIT :limit""")

_SIMILAR = text(f"""
    WITH q AS (SELECT CAST(:query AS tsquery) AS query)
    SELECT {_HIT_COLUMNS}, {_SCORE} AS score FROM search_documents d, q
    WHERE d.tsv @@ q.query AND d.type IN ('question', 'article') AND d.key <> ALL(CAST(:exclude AS text[]))
    ORDER BY score DESC, d.key LIMIT :limit""")


def _limit(value: int) -> int:
    return max(1, min(int(value), MAX_PER_PAGE))


def _clean(value: str | None) -> str:
    return _UNSAFE.sub("", value or "")


def _words(text_: str) -> list[str]:
    return list(dict.fromkeys(content_words(tokens(text_))))[:MAX_WORDS]


def _alternatives(words: list[str]) -> list[list[list[str]]]:
    """For each word, what may match it: itself and its synonyms, each a list of [a-z0-9] parts
    ("sans fil" → ["sans", "fil"]; "wi-fi" → ["wi", "fi"] and ["wifi"])."""
    result = []
    for group in expand(words, synonym_groups()):
        alternatives = []
        for term in sorted(group):
            parts = [part for part in _PARTS.findall(term) if len(part) <= MAX_WORD_CHARS]
            alternatives.append(parts)
            if len(parts) > 1 and "-" in term:
                alternatives.append(["".join(parts)])
        result.append([parts for parts in alternatives if parts])
    return result


def _any(lexemes: list[str]) -> str:
    quoted = [f"'{lexeme}'" for lexeme in lexemes]
    return quoted[0] if len(quoted) == 1 else f"({' | '.join(quoted)})"


def _filters(filters: Filters, params: dict) -> str:
    params["types"] = list(filters.types or ("question", "article"))
    sql = " AND d.type = ANY(CAST(:types AS text[]))"
    if filters.category:
        sql += " AND d.category = :category"
        params["category"] = filters.category
    if filters.tag:
        sql += " AND d.tags @> ARRAY[CAST(:tag AS text)]"
        params["tag"] = filters.tag
    if filters.solved is not None:
        sql += " AND d.solved = :solved"
        params["solved"] = filters.solved
    return sql


def _snippet(headline: str | None) -> str:
    """Escape everything, then turn the private match markers into <mark> tags."""
    escaped = html.escape(" ".join((headline or "").split()))
    return escaped.replace(_START, "<mark>").replace(_STOP, "</mark>")


def _hit(row, snippet: str = "") -> Hit:
    return Hit(type=row.type, id=row.id, title=row.title, url=row.url, snippet=snippet,
               score=float(row.score or 0.0), category=row.category or "", tags=list(row.tags or []),
               solved=bool(row.solved), parent_id=row.parent_id)


def _row(doc: Document) -> dict:
    created = doc.created_at
    if created is not None and created.tzinfo is not None:
        created = created.astimezone(UTC).replace(tzinfo=None)
    return {
        "key": _clean(doc.key), "type": _clean(doc.type), "id": doc.id, "parent_id": doc.parent_id,
        "title": _clean(doc.title), "body": _clean(doc.body),
        "accepted_answer": _clean(doc.accepted_answer),
        "tags": [_clean(t) for t in doc.tags or []], "category": _clean(doc.category),
        "language": _clean(doc.language), "status": _clean(doc.status), "solved": bool(doc.solved),
        "boost": float(doc.boost), "url": _clean(doc.url),
        "created_at": created.isoformat() if isinstance(created, datetime) else None,
    }


class PostgresBackend:
    """Full-text search in PostgreSQL; every method opens and closes its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._trigram: bool | None = None
        self._stem_cache: dict[str, list[str]] = {}

    # Storage -------------------------------------------------------------------------------

    def create(self) -> None:
        """(Re)create the tables, indexes and configurations of ``SCHEMA_VERSION``, empty."""
        with self._begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            trigram = self._try(conn, "CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for statement in _CREATE:
                conn.execute(text(statement))
            if trigram:
                conn.execute(text("CREATE INDEX search_vocabulary_trgm ON search_vocabulary"
                                  " USING gin (word gin_trgm_ops)"))
            conn.execute(text("INSERT INTO search_meta VALUES ('schema_version', :v), ('trigram', :t)"),
                         {"v": str(SCHEMA_VERSION), "t": "yes" if trigram else "no"})
        self._trigram = trigram
        self._stem_cache.clear()

    def needs_rebuild(self) -> bool:
        try:
            with self._begin() as conn:
                if conn.scalar(text("SELECT to_regclass('search_meta') IS NULL"
                                    " OR to_regclass('search_documents') IS NULL")):
                    return True
                version = conn.scalar(text("SELECT value FROM search_meta WHERE name = 'schema_version'"))
        except SearchUnavailable:
            return True
        return version != str(SCHEMA_VERSION)

    def index(self, documents: list[Document]) -> None:
        rows = {doc.key: _row(doc) for doc in documents}
        if not rows:
            return
        with self._begin() as conn:
            conn.execute(text(_UPSERT), {"docs": json.dumps(list(rows.values()), ensure_ascii=False)})

    def remove(self, keys: list[str]) -> None:
        if keys:
            with self._begin() as conn:
                conn.execute(text("DELETE FROM search_documents WHERE key = ANY(CAST(:keys AS text[]))"),
                             {"keys": [_clean(k) for k in keys]})

    def keys(self) -> set[str]:
        with self._begin() as conn:
            return set(conn.scalars(text("SELECT key FROM search_documents")))

    def count(self) -> int:
        with self._begin() as conn:
            return conn.scalar(text("SELECT count(*) FROM search_documents"))

    def clear(self) -> None:
        with self._begin() as conn:
            conn.execute(text("TRUNCATE search_documents, search_vocabulary"))

    # Searching -----------------------------------------------------------------------------

    def query(self, text_: str, filters: Filters, page: int = 1, per_page: int = 20,
              facets: bool = True) -> Results:
        page, per_page = max(1, int(page)), min(max(1, int(per_page)), MAX_PER_PAGE)
        empty = Results(hits=[], total=0, page=page, per_page=per_page)
        words = _words(text_)
        if not words:
            return empty
        params = {"limit": per_page, "offset": (page - 1) * per_page, "weights": WEIGHTS,
                  "options": HEADLINE_OPTIONS, "norm": RANK_NORMALIZATION}
        sql = _query_sql(_filters(filters, params), facets)
        with self._begin() as conn:
            terms = self._terms(conn, words)
            present = [term for term in terms if term]
            if not present:
                return empty
            rows = conn.execute(sql, {**params, "query": " & ".join(present)}).all()
            if len(present) > 1 and rows[0].total < HANDFUL:
                rows = conn.execute(sql, {**params, "query": " | ".join(present)}).all()
            suggestion = self._suggestion(conn, words, terms) if rows[0].total < HANDFUL else None
        hits = [_hit(row, _snippet(row.headline)) for row in rows if row.key is not None]
        return Results(hits=hits, total=rows[0].total, page=page, per_page=per_page,
                       facets=_facets(rows[0].facets) if facets else {}, suggestion=suggestion)

    def suggest(self, text_: str, limit: int = 8) -> list[Hit]:
        """Documents matching the words typed so far, the last one as a prefix."""
        words = [word for word in tokens(text_) if len(word) <= MAX_WORD_CHARS][-MAX_WORDS:]
        if not words or len(words) == 1 and len(words[0]) < 2:
            return []
        *head, last = words
        prefix = "".join(_PARTS.findall(last)) if len(last) >= 2 else ""
        with self._begin() as conn:
            parts = [term for term in self._terms(conn, [w for w in head if w not in STOP_WORDS]) if term]
            if prefix:
                lexemes = dict.fromkeys([prefix, *self._stems(conn, {prefix})[prefix]])
                parts.append("(" + " | ".join(f"'{lexeme}':*" for lexeme in lexemes) + ")")
            if not parts:
                return []
            rows = conn.execute(_SUGGEST, {"query": " & ".join(parts), "weights": WEIGHTS,
                                           "norm": RANK_NORMALIZATION, "limit": _limit(limit)})
            return [_hit(row) for row in rows]

    def similar(self, text_: str, limit: int = 5, exclude: set[str] = frozenset()) -> list[Hit]:
        """Questions and articles sharing the most words with ``text_`` (a title, say)."""
        words = _words(text_)
        if not words:
            return []
        with self._begin() as conn:
            terms = [term for term in self._terms(conn, words) if term]
            if not terms:
                return []
            rows = conn.execute(_SIMILAR, {"query": " | ".join(terms), "weights": WEIGHTS,
                                           "norm": RANK_NORMALIZATION, "limit": _limit(limit),
                                           "exclude": [_clean(k) for k in exclude]})
            return [_hit(row) for row in rows]

    def _terms(self, conn, words: list[str]) -> list[str]:
        """tsquery text for each word: any lexeme of its synonyms; "" when all are stop words.

        The lexemes come from PostgreSQL's French and English stemmers and contain [a-z0-9] only.
        """
        groups = _alternatives(words)
        stems = self._stems(conn, {part for group in groups for parts in group for part in parts})
        terms = []
        for group in groups:
            phrases = []
            for parts in group:
                sequence = [_any(stems[part]) for part in parts if stems[part]]
                if sequence:
                    phrases.append(" <-> ".join(sequence))
            unique = list(dict.fromkeys(phrases))
            terms.append(unique[0] if len(unique) == 1 else f"({' | '.join(unique)})" if unique else "")
        return terms

    def _stems(self, conn, words: set[str]) -> dict[str, list[str]]:
        """Word → its distinct French and English lexemes, cached for the life of the process."""
        missing = [word for word in words if word not in self._stem_cache]
        if missing:
            if len(self._stem_cache) > STEM_CACHE:
                self._stem_cache.clear()
            rows = conn.execute(text(
                "SELECT w, tsvector_to_array(to_tsvector('entraide_fr', w) || to_tsvector('entraide_en', w))"
                " FROM unnest(CAST(:words AS text[])) AS w"), {"words": missing})
            for word, lexemes in rows:
                self._stem_cache[word] = [lexeme for lexeme in lexemes if _LEXEME.fullmatch(lexeme)]
        return {word: self._stem_cache[word] for word in words}

    # Did you mean --------------------------------------------------------------------------

    def _suggestion(self, conn, words: list[str], terms: list[str]) -> str | None:
        """The query with each word that matches nothing replaced by the closest indexed word."""
        checks = [i for i, term in enumerate(terms) if term and words[i].isalpha()]
        if not checks:
            return None
        found = conn.execute(text("SELECT " + ", ".join(
            f"EXISTS (SELECT 1 FROM search_documents WHERE tsv @@ CAST(:t{i} AS tsquery))" for i in checks)),
            {f"t{i}": terms[i] for i in checks}).one()
        fixed = list(words)
        for i, ok in zip(checks, found, strict=True):
            if not ok:
                fixed[i] = self._closest(conn, words[i]) or words[i]
        return " ".join(fixed) if fixed != words else None

    def _closest(self, conn, word: str) -> str | None:
        if self._uses_trigram(conn):
            return conn.scalar(text(
                "SELECT display FROM search_vocabulary WHERE word % :w AND word <> :w"
                " ORDER BY similarity(word, :w) DESC, ndoc DESC, word LIMIT 1"), {"w": word})
        candidates = dict(conn.execute(text(
            "SELECT word, display FROM search_vocabulary WHERE word >= :lo AND word < :hi"
            " AND length(word) BETWEEN :short AND :long ORDER BY ndoc DESC LIMIT 5000"),
            {"lo": word[0], "hi": chr(ord(word[0]) + 1), "short": len(word) - 2, "long": len(word) + 2}).all())
        close = difflib.get_close_matches(word, [w for w in candidates if w != word], n=1, cutoff=0.75)
        return candidates[close[0]] if close else None

    def _uses_trigram(self, conn) -> bool:
        if self._trigram is None:
            self._trigram = conn.scalar(text("SELECT value FROM search_meta WHERE name = 'trigram'")) == "yes"
        return self._trigram

    # Connections ---------------------------------------------------------------------------

    def _begin(self):
        return _Transaction(self.engine)

    @staticmethod
    def _try(conn, statement: str) -> bool:
        try:
            with conn.begin_nested():
                conn.execute(text(statement))
        except DBAPIError as error:
            log.warning("search: %s failed, going without it: %s", statement, error.orig)
            return False
        return True


def _facets(rows: list | None) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {"type": {}, "category": {}, "tags": {}, "solved": {}}
    for name, value, count in rows or []:
        if value is not None and value != "":
            facets[name][str(value)] = count
    return facets


class _Transaction:
    """``engine.begin()`` that turns database errors into ``SearchUnavailable``."""

    def __init__(self, engine: Engine) -> None:
        self._context = engine.begin()

    def __enter__(self):
        try:
            return self._context.__enter__()
        except DBAPIError as error:
            raise SearchUnavailable(f"search database unreachable: {error.orig}") from error

    def __exit__(self, exc_type, exc, tb):
        try:
            self._context.__exit__(exc_type, exc, tb)
        except DBAPIError as error:
            raise SearchUnavailable(f"search database error: {error.orig}") from error
        if isinstance(exc, DBAPIError):
            log.warning("search query failed: %s", exc.orig)
            raise SearchUnavailable(f"search index unavailable: {exc.orig}") from exc
        return False
