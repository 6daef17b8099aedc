"""PostgreSQL full-text search: one table shared by every web node.

The backend keeps its own tables (``search_documents``, ``search_vocabulary``, ``search_meta``)
and text search configurations, made by ``create()`` and versioned by ``SCHEMA_VERSION`` like
the Whoosh index directory; they are not part of the app's migrations.

Query words come from ``search.analysis``; PostgreSQL stems them (French and English) and they
reach SQL only as bound tsquery texts made of quoted ``[a-z0-9]`` lexemes, ``&``, ``|``, ``<->``
and parentheses. Each word (or one of its synonyms) must match; when that finds fewer than a
handful of documents, any word that is not very common may match. A document scores the sum over
query words of ``ts_rank`` times the word's rarity (from PostgreSQL's own column statistics),
times the document's boost.
"""
from __future__ import annotations

import difflib
import json
import logging
import math
import re
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from search import Document, Filters, Hit, Results, SearchUnavailable, synonym_groups
from search.analysis import (
    MAX_WORD_LENGTH,
    SCAN_CHARS,
    STOP_WORDS,
    expand,
    highlight,
    stems,
    tokens,
    word_forms,
)

log = logging.getLogger("entraide.search.postgres")

SCHEMA_VERSION = 1
MAX_WORDS = 16            # query words kept (a pasted page searches its first words)
MAX_SIMILAR_WORDS = 12    # similar(): the rarest words of the text's first 60
HANDFUL = 5               # fewer AND hits than this: OR instead (as Whoosh)
COMMON = 0.02             # a word in more than 2 % of documents does not widen an OR search
MAX_PER_PAGE = 100
ARTICLE_BOOST = 1.5       # published articles, on top of the document's own boost (as Whoosh)
SOLVED_BOOST = 1.3        # solved questions
TAG_FACETS = 50           # the most frequent tags only
INDEX_CHARS = 200_000     # body text indexed per document (a tsvector is limited to 1 MB)
SNIPPET_CHARS = 200
WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"  # D body, C accepted answer, B tags, A title
STEM_CACHE = 50_000       # words whose lexemes are remembered
STATS_SECONDS = 600       # how long word frequencies are reused
_UNSAFE = re.compile("[\x00\ud800-\udfff]")  # PostgreSQL text cannot hold them
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")
_PARTS = re.compile(r"[a-z0-9]+")
_LEXEME = re.compile(r"[a-z0-9]{1,100}")

# Titles and tags are indexed in French and in English; answers and bodies in their own language.
# Hyphenated words are also indexed joined (d.joined_*: "Wi-Fi" is found by "wifi").
_DOC_CONFIG = "CAST(CASE WHEN d.language = 'en' THEN 'entraide_en' ELSE 'entraide_fr' END AS regconfig)"
_TSV = f"""
    setweight(to_tsvector('entraide_fr', d.title || ' ' || d.joined_title), 'A')
    || setweight(to_tsvector('entraide_en', d.title || ' ' || d.joined_title), 'A')
    || setweight(to_tsvector('entraide_fr', array_to_string(d.tags, ' ') || ' ' || d.joined_tags), 'B')
    || setweight(to_tsvector('entraide_en', array_to_string(d.tags, ' ') || ' ' || d.joined_tags), 'B')
    || setweight(to_tsvector({_DOC_CONFIG}, d.accepted_answer || ' ' || d.joined_answer), 'C')
    || setweight(to_tsvector({_DOC_CONFIG}, left(d.body, {INDEX_CHARS}) || ' ' || d.joined_body), 'D')"""
# Titles alone, for suggest(): small vectors whose GIN index answers prefixes without rechecks.
_TITLE_TSV = """to_tsvector('entraide_fr', d.title || ' ' || d.joined_title)
    || to_tsvector('entraide_en', d.title || ' ' || d.joined_title)"""
_COLUMNS = """key text, type text, id bigint, parent_id bigint, title text, body text,
    accepted_answer text, tags text[], category text, language text, status text, solved boolean,
    boost real, url text, created_at timestamp"""
_NAMES = [column.split()[0] for column in _COLUMNS.split(",")]

# The configurations are altered in place, never dropped: other processes' prepared statements
# hold their ids ("cache lookup failed for text search configuration").
_CONFIGURATIONS = {"entraide_fr": ("french", "french_stem"), "entraide_en": ("english", "english_stem")}
_CREATE = [
    *(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stem}"
      for name, (_copy, stem) in _CONFIGURATIONS.items()),
    # "13ème" is a numword: fold it too.
    *(f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR numword, numhword, hword_numpart"
      " WITH unaccent, simple" for name in _CONFIGURATIONS),
    "DROP TABLE IF EXISTS search_documents, search_vocabulary, search_meta",
    f"CREATE TABLE search_documents ({_COLUMNS.replace('key text', 'key text PRIMARY KEY')},"
    " tsv tsvector NOT NULL, title_tsv tsvector NOT NULL)",
    "ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE EXTERNAL",
    "CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)",
    "CREATE INDEX search_documents_title_tsv ON search_documents USING gin (title_tsv)",
    "CREATE INDEX search_documents_type_category ON search_documents (type, category)",
    "CREATE INDEX search_documents_tags ON search_documents USING gin (tags)",
    "CREATE TABLE search_vocabulary (word text PRIMARY KEY, display text NOT NULL, ndoc integer NOT NULL)",
    "CREATE TABLE search_meta (name text PRIMARY KEY, value text NOT NULL)",
]

# Upsert a batch given as one JSON array, and add its words to the did-you-mean vocabulary
# (in word order, so that concurrent writers lock vocabulary rows in the same order).
_UPSERT = text(f"""
    WITH d AS (SELECT * FROM jsonb_to_recordset(CAST(:docs AS jsonb))
               AS d({_COLUMNS}, joined_title text, joined_tags text, joined_answer text, joined_body text)),
    saved AS (
        INSERT INTO search_documents ({", ".join(_NAMES)}, tsv, title_tsv)
        SELECT {", ".join("d." + name for name in _NAMES)}, {_TSV}, {_TITLE_TSV} FROM d
        ON CONFLICT (key) DO UPDATE SET
            {", ".join(f"{name} = EXCLUDED.{name}" for name in _NAMES[1:])}, tsv = EXCLUDED.tsv,
            title_tsv = EXCLUDED.title_tsv)
    INSERT INTO search_vocabulary (word, display, ndoc)
    SELECT unaccent(lexeme), max(lexeme), count(*)
    FROM d, unnest(to_tsvector('simple', d.title || ' ' || array_to_string(d.tags, ' ') || ' '
                               || d.accepted_answer || ' ' || left(d.body, {INDEX_CHARS})))
    WHERE unaccent(lexeme) ~ '^[a-z]{{3,30}}$'
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (word) DO UPDATE SET ndoc = search_vocabulary.ndoc + EXCLUDED.ndoc""")

_HIT_COLUMNS = "d.type, d.id, d.title, d.url, d.category, d.tags, d.solved, d.parent_id"

# Counts over the matching set m (filters applied): type, category and solved in one grouped scan.
_FACETS = f"""(SELECT json_agg(json_build_array(f.name, f.value, f.n)) FROM (
    SELECT CASE WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(category) = 0 THEN 'category'
                ELSE 'solved' END AS name,
           COALESCE(type, category, CAST(solved AS text)) AS value, count(*) AS n
    FROM m GROUP BY GROUPING SETS ((type), (category), (solved))
    UNION ALL (SELECT 'tags', tag, count(*) FROM m, unnest(m.tags) AS tag
               GROUP BY tag ORDER BY count(*) DESC, tag LIMIT {TAG_FACETS})) f)"""


def _score(count: int) -> str:
    """SQL: the boost times the sum of each word's ts_rank weighted by the word's rarity
    (with no words, the rank of the whole :match query)."""
    ranks = [f"CAST(:idf{i} AS real) * ts_rank(CAST(:weights AS real[]), d.tsv, CAST(:t{i} AS tsquery))"
             for i in range(count)] or ["ts_rank(CAST(:weights AS real[]), d.tsv, CAST(:match AS tsquery))"]
    return f"({' + '.join(ranks)}) * d.boost"


def _query_sql(count: int, where: str, facets: bool):
    """Page, total and facets in one statement."""
    return text(f"""
        WITH q AS (SELECT CAST(:match AS tsquery) AS match),
        m AS MATERIALIZED (
            SELECT d.key, d.type, d.category, d.tags, d.solved, d.created_at, {_score(count)} AS score
            FROM search_documents d, q WHERE d.tsv @@ q.match {where}),
        p AS (SELECT key, score, created_at FROM m
              ORDER BY score DESC, created_at DESC NULLS LAST, key LIMIT :limit OFFSET :offset)
        SELECT t.total, t.facets, p.key, p.score, {_HIT_COLUMNS},
               left(d.body, {SCAN_CHARS}) AS body, left(d.accepted_answer, {SCAN_CHARS}) AS answer
        FROM (SELECT (SELECT count(*) FROM m) AS total, {_FACETS if facets else "NULL"} AS facets) t
        LEFT JOIN (p JOIN search_documents d ON d.key = p.key) ON true
        ORDER BY p.score DESC, p.created_at DESC NULLS LAST, p.key""")


def _similar_sql(count: int):
    return text(f"""
        SELECT {_HIT_COLUMNS}, {_score(count)} AS score FROM search_documents d
        WHERE d.tsv @@ CAST(:match AS tsquery) AND d.type IN ('question', 'article')
          AND d.key <> ALL(CAST(:exclude AS text[]))
        ORDER BY score DESC, d.key LIMIT :limit""")


_SUGGEST = text(f"""
    SELECT {_HIT_COLUMNS}, ts_rank(d.title_tsv, CAST(:match AS tsquery)) * d.boost AS score
    FROM search_documents d
    WHERE d.title_tsv @@ CAST(:match AS tsquery) AND d.type IN ('question', 'article')
    ORDER BY (d.type = 'article' OR d.solved) DESC, score DESC, d.key LIMIT :limit""")


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


def _clean(value: str | None) -> str:
    return _UNSAFE.sub("", value or "")


def _row(doc: Document) -> dict:
    boost = max(0.01, float(doc.boost or 1.0))
    if doc.type == "article" and doc.status in ("", "published"):
        boost *= ARTICLE_BOOST
    if doc.type == "question" and doc.solved:
        boost *= SOLVED_BOOST
    created = doc.created_at
    if created is not None and created.tzinfo is not None:
        created = created.astimezone(UTC).replace(tzinfo=None)
    row = {
        "key": _clean(doc.key), "type": _clean(doc.type), "id": doc.id, "parent_id": doc.parent_id,
        "title": _clean(doc.title), "body": _clean(doc.body), "accepted_answer": _clean(doc.accepted_answer),
        "tags": [_clean(tag) for tag in doc.tags or []], "category": _clean(doc.category),
        "language": _clean(doc.language), "status": _clean(doc.status), "solved": bool(doc.solved),
        "boost": boost, "url": _clean(doc.url),
        "created_at": created.isoformat() if isinstance(created, datetime) else None,
    }
    texts = {"title": row["title"], "tags": " ".join(row["tags"]), "answer": row["accepted_answer"],
             "body": row["body"][:INDEX_CHARS]}
    for name, value in texts.items():
        row[f"joined_{name}"] = " ".join(match.replace("-", "") for match in _HYPHENATED.findall(value))
    return row


def _marked(words: list[str]) -> frozenset[str]:
    """The stems ``highlight()`` marks for these query words and their synonyms (as Whoosh does)."""
    return frozenset(stem for group in expand(words, synonym_groups()) for option in group
                     for token in option.split() for form in word_forms(token) for stem in stems(form))


def _hit(row, snippet: str = "") -> Hit:
    return Hit(type=row.type, id=row.id, title=row.title, url=row.url, snippet=snippet,
               score=float(row.score or 0.0), category=row.category or "", tags=list(row.tags or []),
               solved=bool(row.solved), parent_id=row.parent_id)


def _facets(rows: list | None) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {"type": {}, "category": {}, "tags": {}, "solved": {}}
    for name, value, count in rows or []:
        if value is not None and value != "":
            facets[name][str(value)] = count
    return facets


def _limit(value: int) -> int:
    return max(1, min(int(value), MAX_PER_PAGE))


def _words(text_: str, cap: int = MAX_WORDS) -> list[str]:
    """Query words: stop words are not indexed (as with Whoosh), so "la de le" finds nothing."""
    words = [word for word in tokens(text_) if word not in STOP_WORDS and len(word) <= MAX_WORD_LENGTH]
    return list(dict.fromkeys(words))[:cap]


def _inflections(word: str) -> list[str]:
    """The word and its French feminine and plural forms: Snowball stems "élevé" and "élevée",
    "numéro" and "numéros" apart, and the index keeps whatever the writer typed."""
    if len(word) <= 3 or not word.isalpha():
        return [word]
    base = word[:-1] if len(word) > 4 and word[-1] == "s" and word[-2] != "s" else word
    base = base[:-1] if base.endswith("ee") else base
    feminine = [base + "e", base + "es"] if base[-1] == "e" else []
    return list(dict.fromkeys([word, base, base + "s", *feminine]))


def _alternatives(words: list[str]) -> list[list[list[str]]]:
    """For each word, what may match it: itself and its synonyms, each a list of [a-z0-9] parts
    ("sans fil" → ["sans", "fil"]; "wi-fi" → ["wi", "fi"] and ["wifi"])."""
    result = []
    for group in expand(words, synonym_groups()):
        alternatives = []
        for term in sorted(group):
            parts = [part for part in _PARTS.findall(term) if len(part) <= MAX_WORD_LENGTH]
            if len(parts) == 1:
                alternatives.extend([form] for form in _inflections(parts[0]))
            elif parts:
                alternatives.append(parts)
                if "-" in term:
                    alternatives.append(["".join(parts)])
        result.append(alternatives)
    return result


def _any(lexemes: list[str], suffix: str = "") -> str:
    quoted = [f"'{lexeme}'{suffix}" for lexeme in lexemes]
    return quoted[0] if len(quoted) == 1 else f"({' | '.join(quoted)})"


class _Terms:
    """A query's words as tsquery texts, with each word's rarity."""

    def __init__(self, words: list[str], terms: list[str], frequencies: list[float], known: list[bool]) -> None:
        kept = [i for i, term in enumerate(terms) if term]
        self.words = [words[i] for i in kept]
        self.terms = [terms[i] for i in kept]
        self.frequencies = [frequencies[i] for i in kept]
        self.known = [known[i] for i in kept]  # among the most common words: surely indexed

    def __len__(self) -> int:
        return len(self.terms)

    def rarest(self, count: int) -> _Terms:
        return self._subset(sorted(range(len(self)), key=self.frequencies.__getitem__)[:count])

    def without(self, indexes: list[int]) -> _Terms:
        return self._subset([i for i in range(len(self)) if i not in indexes])

    def _subset(self, kept: list[int]) -> _Terms:
        return _Terms(*([values[i] for i in kept] for values in (self.words, self.terms, self.frequencies, self.known)))

    def all(self) -> str:
        return " & ".join(self.terms)

    def any(self) -> str:
        return " | ".join(self.terms)

    def any_rare(self) -> str:
        """OR of the words found in at most COMMON of the documents (else of the two rarest)."""
        rare = [term for term, frequency in zip(self.terms, self.frequencies, strict=True) if frequency < COMMON]
        return " | ".join(rare or self.rarest(2).terms)

    def params(self) -> dict:
        params = {f"t{i}": term for i, term in enumerate(self.terms)}
        params.update({f"idf{i}": math.log(1 + 1 / max(f, 1e-4)) for i, f in enumerate(self.frequencies)})
        return params | {"weights": WEIGHTS}


class PostgresBackend:
    """Full-text search in PostgreSQL; every method runs in its own short transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._trigram: bool | None = None
        self._stem_cache: dict[str, list[str]] = {}
        self._stats: tuple[float, dict[str, float], float] = (0.0, {}, 1.0)

    # Storage -------------------------------------------------------------------------------

    def create(self) -> None:
        """(Re)create the tables, indexes and configurations of ``SCHEMA_VERSION``, empty."""
        with self._begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            trigram = self._try(conn, "CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for name, (copy, _stem) in _CONFIGURATIONS.items():
                if not conn.scalar(text("SELECT 1 FROM pg_ts_config WHERE cfgname = :name"
                                        " AND cfgnamespace = CAST(current_schema() AS regnamespace)"), {"name": name}):
                    conn.execute(text(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {copy})"))
            for statement in _CREATE:
                conn.execute(text(statement))
            if trigram:
                conn.execute(text("CREATE INDEX search_vocabulary_trgm ON search_vocabulary"
                                  " USING gin (word gin_trgm_ops)"))
            conn.execute(text("INSERT INTO search_meta VALUES ('schema_version', :v), ('trigram', :t)"),
                         {"v": str(SCHEMA_VERSION), "t": "yes" if trigram else "no"})
        self._trigram = trigram
        self._stem_cache.clear()
        self._stats = (0.0, {}, 1.0)

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
        if rows:
            with self._begin() as conn:
                conn.execute(_UPSERT, {"docs": json.dumps(list(rows.values()), ensure_ascii=False)})

    def remove(self, keys: list[str]) -> None:
        if keys:
            with self._begin() as conn:
                conn.execute(text("DELETE FROM search_documents WHERE key = ANY(CAST(:keys AS text[]))"),
                             {"keys": [_clean(key) for key in keys]})

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
        page, per_page = max(1, int(page)), _limit(per_page)
        results = Results(hits=[], total=0, page=page, per_page=per_page, facets=_facets([]) if facets else {})
        words = _words(text_)
        if not words:
            return results
        params = {"limit": per_page, "offset": (page - 1) * per_page}
        where = _filters(filters, params)
        with self._begin() as conn:
            terms = self._terms(conn, words)
            if not terms:
                return results
            sql = _query_sql(len(terms), where, facets)
            params |= terms.params()
            rows = conn.execute(sql, params | {"match": terms.all()}).all()
            present = terms
            if rows[0].total == 0:
                absent = self._absent(conn, terms)
                results.suggestion = self._suggestion(conn, text_, [terms.words[i] for i in absent])
                present = terms.without(absent)
            if len(terms) > 1 and rows[0].total < HANDFUL and present:
                rows = conn.execute(sql, params | {"match": present.any_rare()}).all()
                if rows[0].total == 0 and len(present) > 1:
                    rows = conn.execute(sql, params | {"match": present.any()}).all()
        marked = _marked(terms.words)
        results.hits = [_hit(row, highlight(row.body, row.answer, marked, SNIPPET_CHARS))
                        for row in rows if row.key is not None]
        results.total = rows[0].total
        results.facets = _facets(rows[0].facets) if facets else {}
        return results

    def suggest(self, text_: str, limit: int = 8) -> list[Hit]:
        """Titles matching what is typed, the last word as a prefix; articles and solved first."""
        folded = [word for word in tokens(text_) if len(word) <= MAX_WORD_LENGTH]
        if not folded:
            return []
        typing = text_.rstrip() == text_ and text_[-1:].isalnum()
        complete = [word for word in (folded[:-1] if typing else folded) if word not in STOP_WORDS]
        prefix = "".join(_PARTS.findall(folded[-1])) if typing and len(folded[-1]) >= 2 else ""
        with self._begin() as conn:
            terms = self._terms(conn, list(dict.fromkeys(complete))[:MAX_WORDS])
            typed = _any(list(dict.fromkeys([prefix, *self._stems(conn, {prefix})[prefix]])), ":*") if prefix else ""
            parts = [*terms.terms, typed] if typed else terms.terms
            if not parts:
                return []
            limit = _limit(limit)
            rows = conn.execute(_SUGGEST, {"match": " & ".join(parts), "limit": limit}).all()
            if len(rows) < limit and len(parts) > 1:
                # Some of the words: the uncommon ones, and the one being typed once it says something.
                wider = [terms.any_rare()] if terms else []
                wider += [typed] if len(prefix) >= 3 else []
                seen = {row.id for row in rows}
                rows += [row for row in conn.execute(_SUGGEST, {"match": " | ".join(wider), "limit": limit})
                         if row.id not in seen][:limit - len(rows)] if wider else []
            return [_hit(row) for row in rows]

    def similar(self, text_: str, limit: int = 5, exclude: set[str] = frozenset()) -> list[Hit]:
        """Questions and articles sharing the rarest words of ``text_``."""
        words = _words(text_, cap=60)
        if not words:
            return []
        with self._begin() as conn:
            terms = self._terms(conn, words).rarest(MAX_SIMILAR_WORDS)
            if not terms:
                return []
            sql = _similar_sql(len(terms))
            rows = conn.execute(sql, terms.params() | {"match": terms.any_rare(), "limit": _limit(limit),
                                                       "exclude": [_clean(key) for key in exclude]})
            return [_hit(row) for row in rows]

    def _terms(self, conn, words: list[str]) -> _Terms:
        """Each word as a tsquery text (any lexeme of its forms and synonyms; "" when they are all
        stop words) and its estimated share of documents."""
        groups = _alternatives(words)
        stems = self._stems(conn, {part for group in groups for parts in group for part in parts})
        share, floor = self._frequencies(conn)
        terms, frequencies, known = [], [], []
        for group in groups:
            single = list(dict.fromkeys(lexeme for parts in group if len(parts) == 1 for lexeme in stems[parts[0]]))
            options = [_any(single)] if single else []
            frequency = sum(share.get(lexeme, floor) for lexeme in single)
            for parts in (parts for parts in group if len(parts) > 1):
                sequence = [stems[part] for part in parts if stems[part]]
                if sequence:
                    options.append(" <-> ".join(_any(lexemes) for lexemes in sequence))
                    frequency += min(sum(share.get(lexeme, floor) for lexeme in lexemes) for lexemes in sequence)
            terms.append(options[0] if len(options) == 1 else f"({' | '.join(options)})" if options else "")
            frequencies.append(min(frequency, 1.0))
            known.append(any(lexeme in share for lexeme in single))
        return _Terms(words, terms, frequencies, known)

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

    def _frequencies(self, conn) -> tuple[dict[str, float], float]:
        """The share of documents holding each common lexeme, from the statistics ANALYZE keeps
        (autovacuum refreshes them), and the share to assume for any other lexeme."""
        loaded_at, frequencies, floor = self._stats
        if time.monotonic() - loaded_at > STATS_SECONDS:
            row = conn.execute(text(
                "SELECT CAST(CAST(most_common_elems AS text) AS text[]), most_common_elem_freqs FROM pg_stats"
                " WHERE schemaname = current_schema() AND tablename = 'search_documents' AND attname = 'tsv'"
            )).first()
            elements, shares = (row[0] or [], row[1] or []) if row else ([], [])
            frequencies = dict(zip(elements, shares[:len(elements)], strict=True))
            floor = min(frequencies.values(), default=2.0) / 2
            self._stats = (time.monotonic(), frequencies, floor)
        return frequencies, floor

    # Did you mean --------------------------------------------------------------------------

    def _absent(self, conn, terms: _Terms) -> list[int]:
        """The words that match no document at all (the most common ones surely do)."""
        checks = [i for i in range(len(terms)) if not terms.known[i]]
        if not checks:
            return []
        # count(*) rather than EXISTS: the planner would bet on a sequential scan finding a row early.
        found = conn.execute(text("SELECT " + ", ".join(
            f"(SELECT count(*) FROM search_documents WHERE tsv @@ CAST(:t{i} AS tsquery)) > 0" for i in checks)),
            {f"t{i}": terms.terms[i] for i in checks}).one()
        return [i for i, present in zip(checks, found, strict=True) if not present]

    def _suggestion(self, conn, text_: str, unknown: list[str]) -> str | None:
        """``text_`` with each unknown word replaced by the closest indexed word."""
        fixes = {word: closest for word in unknown
                 if word.isalpha() and len(word) > 2 and (closest := self._closest(conn, word))}
        if not fixes:
            return None

        def swap(match: re.Match) -> str:
            folded = tokens(match.group(0))
            return fixes.get(folded[0], match.group(0)) if len(folded) == 1 else match.group(0)

        return re.sub(r"\w+", swap, text_).strip()

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

    @contextmanager
    def _begin(self):
        """A transaction; database errors (a missing table, say) become ``SearchUnavailable``."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except DBAPIError as error:
            log.warning("search database error: %s", error.orig)
            raise SearchUnavailable(f"search index unavailable: {error.orig}") from error

    @staticmethod
    def _try(conn, statement: str) -> bool:
        try:
            with conn.begin_nested():
                conn.execute(text(statement))
        except DBAPIError as error:
            log.warning("search: %s failed, going without it: %s", statement, error.orig)
            return False
        return True
