"""PostgreSQL full-text search: one index in the database, shared by every web node.

The backend keeps its own tables and text search configurations (``postgres_sql``), made by
``create()`` and versioned by ``SCHEMA_VERSION`` like the Whoosh index directory; they are not
part of the app's migrations.

Query words come from ``search.analysis``; PostgreSQL stems them (French and English, accents
folded) and they reach SQL only inside bound tsquery texts made of quoted ``[a-z0-9]`` lexemes,
``&``, ``|``, ``<->`` and parentheses. Each word, one of its forms or one of its synonyms must
match; when that finds fewer than a handful of documents, any of the less common words may. A
document scores the sum over query words of ``ts_rank`` weighted by the word's rarity (from the
statistics PostgreSQL keeps on the column), times its boost: published articles and solved
questions get more, as with Whoosh. Snippets come from ``search.analysis.highlight``, as with
Whoosh: escaped text with ``<mark>`` around matches.
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
from search.analysis import MAX_WORD_LENGTH, STOP_WORDS, expand, highlight, stems, tokens, word_forms
from search.backends import postgres_sql as sql

log = logging.getLogger("entraide.search.postgres")

SCHEMA_VERSION = 2  # 2: questions carry their language (a rebuild fills it in)
MAX_WORDS = 16          # query words kept (a pasted page searches its first words)
MAX_SIMILAR_WORDS = 12  # similar(): the rarest words of the text's first 60
HANDFUL = 20            # fewer AND hits than this (a page): OR instead, as Whoosh
COMMON = 0.02           # a word in more than 2 % of documents does not widen an OR search
MAX_PER_PAGE = 100
ARTICLE_BOOST = 1.5     # published articles, on top of the document's own boost (as Whoosh)
SOLVED_BOOST = 1.3      # solved questions
SNIPPET_CHARS = 200
LABEL_CHARS = 200       # longest tag or category kept
STEM_CACHE = 50_000     # words whose lexemes are remembered
STATS_SECONDS = 600     # how long word frequencies are reused
CLOSE_ENOUGH = 0.75     # difflib ratio for "did you mean"
SEARCH_TIMEOUT = "5s"   # a search running longer is cancelled (SearchUnavailable: callers fall back)
_UNSAFE = re.compile("[\x00\ud800-\udfff]")  # PostgreSQL text cannot hold them
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")
_PARTS = re.compile(r"[a-z0-9]+")
_LEXEME = re.compile(r"[a-z0-9]{1,100}")


class PostgresBackend:
    """Full-text search in PostgreSQL; every method runs in its own short transaction."""

    def __init__(self, engine: Engine) -> None:
        if engine.dialect.name != "postgresql":
            raise SearchUnavailable(f"the postgres search backend needs PostgreSQL, not {engine.dialect.name}")
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
            for name, (copy, _stem) in sql.CONFIGURATIONS.items():
                if not conn.scalar(sql.CONFIGURATION_EXISTS, {"name": name}):
                    conn.execute(text(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {copy})"))
            for statement in sql.CREATE + ([sql.TRIGRAM_INDEX] if trigram else []):
                conn.execute(text(statement))
            conn.execute(text("INSERT INTO search_meta VALUES ('schema_version', :v), ('trigram', :t)"),
                         {"v": str(SCHEMA_VERSION), "t": "yes" if trigram else "no"})
        self._trigram = trigram
        self._stem_cache.clear()
        self._stats = (0.0, {}, 1.0)

    def needs_rebuild(self) -> bool:
        """True when the tables are missing or were made for another ``SCHEMA_VERSION``."""
        try:
            with self._begin() as conn:
                if conn.scalar(sql.MISSING_TABLES):
                    return True
                version = conn.scalar(text("SELECT value FROM search_meta WHERE name = 'schema_version'"))
        except SearchUnavailable:
            return True
        return version != str(SCHEMA_VERSION)

    def index(self, documents: list[Document]) -> None:
        """Add or replace documents by key (the last of a key in ``documents`` wins)."""
        latest = {doc.key: doc for doc in documents}
        if latest:
            rows = [_row(latest[key]) for key in sorted(latest)]  # rows locked in key order
            with self._begin() as conn:
                conn.execute(sql.UPSERT, {"docs": json.dumps(rows, ensure_ascii=False)})

    def remove(self, keys: list[str]) -> None:
        if keys:
            with self._begin() as conn:
                conn.execute(sql.REMOVE, {"keys": [_clean(key) for key in keys]})

    def keys(self) -> set[str]:
        with self._begin() as conn:
            return set(conn.scalars(text("SELECT key FROM search_documents")))

    def count(self) -> int:
        with self._begin() as conn:
            return conn.scalar(text("SELECT count(*) FROM search_documents"))

    def clear(self) -> None:
        with self._begin() as conn:
            conn.execute(text("TRUNCATE search_documents, search_texts, search_vocabulary"))

    # Searching -----------------------------------------------------------------------------

    def query(self, text_: str, filters: Filters, page: int = 1, per_page: int = 20,
              facets: bool = True) -> Results:
        page, per_page = max(1, int(page)), _limit(per_page)
        results = Results(hits=[], total=0, page=page, per_page=per_page, facets=_facets([]) if facets else {})
        words = _words(text_)
        if not words:
            return results
        params = {"limit": per_page, "offset": (page - 1) * per_page}
        where = sql.filters(_clean_filters(filters), params)
        if filters.language:
            params["language"] = _clean(filters.language)
        with self._begin(search=True) as conn:
            terms = self._terms(conn, words)
            if not terms:
                return results
            statement = sql.query(len(terms), where, facets, language=bool(filters.language))
            params |= terms.params()
            rows = conn.execute(statement, params | {"match": terms.all()}).all()
            present = terms
            if rows[0].total == 0:
                absent = self._absent(conn, terms)
                results.suggestion = self._suggestion(conn, text_, [terms.words[i] for i in absent])
                present = terms.without(absent)
            if len(terms) > 1 and rows[0].total < HANDFUL and present:
                rows = conn.execute(statement, params | {"match": present.any_rare()}).all()
                if rows[0].total == 0 and len(present) > 1:
                    rows = conn.execute(statement, params | {"match": present.any()}).all()
        marked = _marked(terms.words)
        results.hits = [_hit(row, highlight(row.body, row.answer, marked, SNIPPET_CHARS))
                        for row in rows if row.key is not None]
        results.total = rows[0].total
        results.facets = _facets(rows[0].facets) if facets else {}
        results.languages = {str(k): int(v) for k, v in (rows[0].languages or {}).items()} if facets else {}
        return results

    def suggest(self, text_: str, limit: int = 8, language: str | None = None) -> list[Hit]:
        """Titles holding every word typed (the last one as a prefix); when they are too few, the
        best matches over every field after them (as Whoosh); articles and solved questions first."""
        folded = [word for word in tokens(text_) if len(word) <= MAX_WORD_LENGTH]
        if not folded:
            return []
        typing = text_.rstrip() == text_ and text_[-1:].isalnum()
        complete = [word for word in (folded[:-1] if typing else folded) if word not in STOP_WORDS]
        prefix = "".join(_PARTS.findall(folded[-1])) if typing and len(folded[-1]) >= 2 else ""
        limit = _limit(limit)
        language = _clean(language) or None
        with self._begin(search=True) as conn:
            terms = self._terms(conn, list(dict.fromkeys(complete))[:MAX_WORDS])
            # Past the titles, the word being typed counts as itself, not as its completions (as Whoosh).
            whole = self._terms(conn, list(dict.fromkeys(complete + [prefix]))[:MAX_WORDS]) if prefix else terms
            if prefix:
                terms = terms.plus(prefix, _any([prefix, *self._stems(conn, {prefix})[prefix]], ":*"))
            if not terms:
                return []
            rows = conn.execute(sql.SUGGEST, {"match": terms.all(), "limit": limit, "language": language}).all()
            if len(rows) < limit:
                seen = [row.key for row in rows]
                more = self._anywhere(conn, whole, seen, limit - len(rows), language) if whole else []
                if not more and prefix:  # a word still being typed: its completions, as a last resort
                    more = self._anywhere(conn, terms, seen, limit - len(rows), language)
                rows += more
            rows.sort(key=lambda row: not (row.type == "article" or row.solved))
            return [_hit(row) for row in rows]

    def _anywhere(self, conn, terms: _Terms, exclude: list[str], need: int, language: str | None = None) -> list:
        """The ``need`` best matches over every field: all the words, or the rarest of them."""
        statement = sql.similar(len(terms))
        params = terms.params() | {"limit": max(need, HANDFUL), "exclude": exclude, "language": language}
        rows = conn.execute(statement, params | {"match": terms.all()}).all()
        if len(rows) < HANDFUL and len(terms) > 1:
            rows = conn.execute(statement, params | {"match": terms.any_rare()}).all()
        return rows[:need]

    def similar(self, text_: str, limit: int = 5, exclude: set[str] = frozenset()) -> list[Hit]:
        """Questions and articles sharing the rarest words of ``text_``."""
        words = _words(text_, cap=60)
        if not words:
            return []
        with self._begin(search=True) as conn:
            terms = self._terms(conn, words).rarest(MAX_SIMILAR_WORDS)
            if not terms:
                return []
            rows = conn.execute(sql.similar(len(terms)), terms.params() | {
                "match": terms.any_rare(), "limit": _limit(limit), "exclude": [_clean(key) for key in exclude],
                "language": None})
            return [_hit(row) for row in rows]

    # Words -----------------------------------------------------------------------------------

    def _terms(self, conn, words: list[str]) -> _Terms:
        """Each word as a tsquery text (any lexeme of its forms and synonyms; "" when they are all
        stop words) with its estimated share of documents."""
        groups = _alternatives(words)
        lexemes_of = self._stems(conn, {part for group in groups for parts in group for part in parts})
        share, floor = self._frequencies(conn)
        terms, frequencies, known = [], [], []
        for group in groups:
            single = list(dict.fromkeys(lexeme for parts in group if len(parts) == 1
                                        for lexeme in lexemes_of[parts[0]]))
            options = [_any(single)] if single else []
            frequency = sum(share.get(lexeme, floor) for lexeme in single)
            for parts in (parts for parts in group if len(parts) > 1):
                sequence = [lexemes_of[part] for part in parts if lexemes_of[part]]
                if sequence:
                    options.append(" <-> ".join(_any(lexemes) for lexemes in sequence))
                    frequency += min(sum(share.get(lexeme, floor) for lexeme in lexemes) for lexemes in sequence)
            terms.append(options[0] if len(options) == 1 else f"({' | '.join(options)})" if options else "")
            frequencies.append(min(frequency, 1.0))
            known.append(any(lexeme in share for lexeme in single))
        return _Terms(words, terms, frequencies, known)

    def _stems(self, conn, words: set[str]) -> dict[str, list[str]]:
        """Word → its distinct French and English lexemes, cached for the life of the process."""
        cache = self._stem_cache
        found = {word: lexemes for word in words if (lexemes := cache.get(word)) is not None}
        missing = [word for word in words if word not in found]
        if missing:
            if len(cache) > STEM_CACHE:
                cache.clear()
            for word, lexemes in conn.execute(sql.LEXEMES, {"words": missing}):
                found[word] = cache[word] = [lexeme for lexeme in lexemes if _LEXEME.fullmatch(lexeme)]
        return found

    def _frequencies(self, conn) -> tuple[dict[str, float], float]:
        """The share of documents holding each of the most common lexemes, from the statistics
        ANALYZE keeps (autovacuum refreshes them), and the share to assume for any other one."""
        loaded_at, frequencies, floor = self._stats
        if time.monotonic() - loaded_at > STATS_SECONDS:
            row = conn.execute(sql.COMMON_LEXEMES).first()
            elements, shares = (row[0] or [], row[1] or []) if row else ([], [])
            frequencies = dict(zip(elements, shares[:len(elements)], strict=True))
            floor = min(frequencies.values(), default=2.0) / 2  # no statistics yet: every word alike
            self._stats = (time.monotonic(), frequencies, floor)
        return frequencies, floor

    # Did you mean ----------------------------------------------------------------------------

    def _absent(self, conn, terms: _Terms) -> list[int]:
        """The words that match no document at all (the most common ones surely do)."""
        checks = [i for i in range(len(terms)) if not terms.known[i]]
        if not checks:
            return []
        conn.execute(sql.SEQUENTIAL_SCANS, {"on": "off"})
        found = conn.execute(sql.matching_anything(len(checks)),
                             {f"t{n}": terms.terms[i] for n, i in enumerate(checks)}).one()
        conn.execute(sql.SEQUENTIAL_SCANS, {"on": "on"})
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
        """The indexed word most like ``word`` (as spelt with its accents), if one is close enough."""
        if self._uses_trigram(conn):
            candidates = conn.execute(sql.CLOSE_BY_TRIGRAMS, {"w": word}).all()
        else:
            candidates = conn.execute(sql.SAME_INITIAL, {"w": word, "lo": word[0], "hi": chr(ord(word[0]) + 1),
                                                         "short": len(word) - 2, "long": len(word) + 2}).all()
        scored = [(round(difflib.SequenceMatcher(None, word, row.word).ratio(), 2), row.ndoc, row.display)
                  for row in candidates]
        best = max(scored, default=None)
        return best[2] if best and best[0] >= CLOSE_ENOUGH else None

    def _uses_trigram(self, conn) -> bool:
        if self._trigram is None:
            self._trigram = conn.scalar(text("SELECT value FROM search_meta WHERE name = 'trigram'")) == "yes"
        return self._trigram

    # Connections -----------------------------------------------------------------------------

    @contextmanager
    def _begin(self, search: bool = False):
        """A transaction; database errors (a missing table, say) become ``SearchUnavailable``."""
        try:
            with self.engine.begin() as conn:
                if search:
                    conn.execute(text("SELECT set_config('statement_timeout', :t, true)"), {"t": SEARCH_TIMEOUT})
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


class _Terms:
    """A query's words as tsquery texts, each with its share of documents."""

    def __init__(self, words: list[str], terms: list[str], frequencies: list[float], known: list[bool]) -> None:
        kept = [i for i, term in enumerate(terms) if term]
        self.words = [words[i] for i in kept]
        self.terms = [terms[i] for i in kept]
        self.frequencies = [frequencies[i] for i in kept]
        self.known = [known[i] for i in kept]  # among the most common lexemes: surely indexed

    def __len__(self) -> int:
        return len(self.terms)

    def rarest(self, count: int) -> _Terms:
        return self._subset(sorted(range(len(self)), key=self.frequencies.__getitem__)[:count])

    def plus(self, word: str, term: str) -> _Terms:
        """These terms and ``term`` (a prefix: its share of documents is not known)."""
        return _Terms([*self.words, word], [*self.terms, term], [*self.frequencies, COMMON], [*self.known, False])

    def without(self, indexes: list[int]) -> _Terms:
        return self._subset([i for i in range(len(self)) if i not in indexes])

    def _subset(self, kept: list[int]) -> _Terms:
        return _Terms(*([values[i] for i in kept] for values in (self.words, self.terms, self.frequencies, self.known)))

    def all(self) -> str:
        return " & ".join(self.terms)

    def any(self) -> str:
        return " | ".join(self.terms)

    def any_rare(self) -> str:
        """OR of the words in fewer than COMMON of the documents (else of the two rarest)."""
        rare = [term for term, frequency in zip(self.terms, self.frequencies, strict=True) if frequency < COMMON]
        return " | ".join(rare or self.rarest(2).terms)

    def params(self) -> dict:
        params = {f"t{i}": term for i, term in enumerate(self.terms)}
        params.update({f"idf{i}": math.log(1 + 1 / max(f, 1e-4)) for i, f in enumerate(self.frequencies)})
        return params | {"weights": sql.WEIGHTS}


def _words(text_: str, cap: int = MAX_WORDS) -> list[str]:
    """Query words: stop words are not indexed (as with Whoosh), so "la de le" finds nothing."""
    words = [word for word in tokens(text_) if word not in STOP_WORDS and len(word) <= MAX_WORD_LENGTH]
    return list(dict.fromkeys(words))[:cap]


def _inflections(word: str) -> list[str]:
    """The word and its French plural and feminine forms: Snowball stems "élevé" and "élevée",
    "numéro" and "numéros" apart, and the index keeps whatever the writer typed."""
    if len(word) <= 3 or not word.isalpha():
        return [word]
    base = word[:-1] if len(word) > 4 and word[-1] == "s" and word[-2] != "s" else word
    base = base[:-1] if base.endswith("ee") else base
    feminine = [base + "e", base + "es"] if base[-1] == "e" else []
    return list(dict.fromkeys([word, base, base + "s", *feminine]))


def _alternatives(words: list[str]) -> list[list[list[str]]]:
    """For each word, what may match it: its forms and its synonyms, each a list of [a-z0-9] parts
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
    """tsquery text for any of ``lexemes`` (made of [a-z0-9] only, so quoting is enough)."""
    quoted = [f"'{lexeme}'{suffix}" for lexeme in dict.fromkeys(lexemes)]
    return quoted[0] if len(quoted) == 1 else f"({' | '.join(quoted)})"


def _marked(words: list[str]) -> frozenset[str]:
    """The stems ``highlight()`` marks for these query words and their synonyms (as Whoosh does)."""
    return frozenset(stem for group in expand(words, synonym_groups()) for option in group
                     for token in option.split() for form in word_forms(token) for stem in stems(form))


def _clean(value: str | None) -> str:
    return _UNSAFE.sub("", value or "")


def _clean_filters(filters: Filters) -> Filters:
    return Filters(tuple(_clean(type_) for type_ in filters.types or ()), _clean(filters.category) or None,
                   _clean(filters.tag) or None, filters.solved, _clean(filters.language) or None)


def _row(doc: Document) -> dict:
    """The JSON object ``sql.UPSERT`` reads for one document."""
    boost = max(0.01, float(doc.boost or 1.0))
    if doc.type == "article" and doc.status in ("", "published"):
        boost *= ARTICLE_BOOST
    if doc.type == "question" and doc.solved:
        boost *= SOLVED_BOOST
    created = doc.created_at
    if isinstance(created, datetime) and created.tzinfo is not None:
        created = created.astimezone(UTC).replace(tzinfo=None)
    row = {
        "key": _clean(doc.key), "type": _clean(doc.type), "id": doc.id, "parent_id": doc.parent_id,
        "title": _clean(doc.title), "body": _clean(doc.body), "accepted_answer": _clean(doc.accepted_answer),
        # Tags and categories are btree/GIN keys: at most 2,712 bytes each.
        "tags": [_clean(tag)[:LABEL_CHARS] for tag in doc.tags or []], "category": _clean(doc.category)[:LABEL_CHARS],
        "language": _clean(doc.language), "status": _clean(doc.status), "solved": bool(doc.solved),
        "boost": boost, "url": _clean(doc.url),
        "created_at": created.isoformat() if isinstance(created, datetime) else None,
    }
    texts = {"title": row["title"][:sql.TITLE_CHARS], "tags": " ".join(row["tags"]),
             "answer": row["accepted_answer"][:sql.INDEX_CHARS], "body": row["body"][:sql.INDEX_CHARS]}
    for name, value in texts.items():
        row[f"joined_{name}"] = " ".join(word.replace("-", "") for word in _HYPHENATED.findall(value))
    return row


def _hit(row, snippet: str = "") -> Hit:
    return Hit(type=row.type, id=row.id, title=row.title, url=row.url, snippet=snippet,
               score=round(float(row.score or 0.0), 4), category=row.category or "", tags=list(row.tags or []),
               solved=bool(row.solved), parent_id=row.parent_id, language=row.language or "")


def _facets(rows: list | None) -> dict[str, dict[str, int]]:
    facets: dict[str, dict[str, int]] = {"type": {}, "category": {}, "tags": {}, "solved": {}}
    for name, value, count in rows or []:
        if value is not None and value != "":
            facets[name][str(value)] = count
    return facets


def _limit(value: int) -> int:
    return max(1, min(int(value), MAX_PER_PAGE))
