"""Whoosh backend: an index directory on this machine, one searcher per process.

Queries are built here from ``search.analysis`` words rather than parsed by Whoosh, so user input
never reaches a query parser: each content word becomes an ``Or`` of its synonyms' stems across
the text fields; words are joined with ``And`` first and, when that finds almost nothing, with a
plain ``Or`` of the most significant ones. Scores are BM25 per field times a field weight times
the document's boost (published articles and solved questions rank higher).
"""
from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from whoosh import columns, fields
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex
from whoosh.matching import AndNotMatcher, ReadTooFar
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.writing import LockError

from search import TYPES, Document, Filters, Hit, Results, SearchUnavailable, log, synonym_groups
from search.analysis import (
    MAX_WORD_LENGTH,
    analyze,
    content_words,
    expand,
    highlight,
    stemming_analyzer,
    stems,
    tokens,
    word_analyzer,
    word_forms,
)

SCHEMA_VERSION = 1
INDEX_NAME = "entraide"
VERSION_FILE = "SCHEMA_VERSION"

# Scores are per-field BM25 times these weights: title ≫ tags > accepted answer > body.
FIELD_WEIGHTS = {"title_t": 6.0, "tags_t": 3.0, "answer_t": 1.5, "body_t": 1.0}
TEXT_FIELDS = tuple(FIELD_WEIGHTS)
ARTICLE_BOOST = 1.5  # published articles
SOLVED_BOOST = 1.3  # solved questions
MAX_AND_WORDS = 8  # longer queries go straight to the OR query
MAX_OR_WORDS = 12
HANDFUL = 5  # fewer AND hits than this: try the OR query
FACET_CAP = 5000  # facets count the first matches only
SNIPPET_CHARS = 200
STORED_TEXT_CHARS = 20_000
SMALL_BATCH = 200  # commits of smaller batches leave segments unmerged
WRITE_TIMEOUT = 30.0
_SEP = "\x1f"


def schema() -> fields.Schema:
    stemmed = stemming_analyzer()
    text = {name: fields.TEXT(analyzer=stemmed, phrase=False) for name in TEXT_FIELDS}
    return fields.Schema(
        key=fields.ID(unique=True, stored=True, sortable=True),
        type=fields.ID(),
        category=fields.ID(),
        tags=fields.KEYWORD(commas=True),
        solved=fields.ID(),
        words=fields.TEXT(analyzer=word_analyzer(), phrase=False),  # unstemmed, for "did you mean"
        boost=fields.COLUMN(columns.NumericColumn("f", default=1.0)),
        facets=fields.COLUMN(columns.VarBytesColumn()),  # type, category, solved, tags
        data=fields.STORED(),  # what hits and snippets show
        **text,
    )


class WhooshBackend:
    def __init__(self, path: str) -> None:
        self.path = path
        os.makedirs(path, exist_ok=True)
        self._lock = threading.RLock()
        self._ix = None
        self._searcher = None
        self._generation = None
        self._weighting = _Weighting()

    # Index lifecycle ---------------------------------------------------------------------------

    def needs_rebuild(self) -> bool:
        """True when the index is missing, unreadable or made for another schema version."""
        if self._stored_version() != SCHEMA_VERSION:
            return True
        try:
            with self._lock:
                self._current_searcher()
        except SearchUnavailable:
            return True
        return False

    def create(self) -> None:
        """An empty index with the current schema, replacing whatever was there."""
        with self._lock:
            self._close()
            os.makedirs(self.path, exist_ok=True)
            storage = FileStorage(self.path)
            lock = storage.lock(f"{INDEX_NAME}_WRITELOCK")
            if not lock.acquire(blocking=True):
                raise SearchUnavailable("the search index is locked")
            try:
                # Generations keep growing so that no process mistakes the new index for its old one.
                generation = TOC._latest_generation(storage, INDEX_NAME) + 1
                for name in os.listdir(self.path):
                    if name.startswith((f"_{INDEX_NAME}_", f"{INDEX_NAME}_")) and "WRITELOCK" not in name:
                        os.remove(os.path.join(self.path, name))
                TOC(schema(), [], generation).write(storage, INDEX_NAME)
                self._write_version()
            finally:
                lock.release()

    def clear(self) -> None:
        self.create()

    # Writing -----------------------------------------------------------------------------------

    def index(self, documents: list[Document]) -> None:
        if not documents:
            return
        with self._writer() as writer:
            for doc in documents:
                writer.update_document(**_fields(doc))
            writer.merge = len(documents) >= SMALL_BATCH

    def remove(self, keys: list[str]) -> None:
        if not keys:
            return
        with self._writer() as writer:
            for key in keys:
                writer.delete_by_term("key", key)
            writer.merge = False

    def _writer(self):
        if not os.path.isdir(self.path) or self._stored_version() is None:
            self.create()
        elif self._stored_version() != SCHEMA_VERSION:
            raise SearchUnavailable("the search index needs a rebuild")
        try:
            ix = FileIndex(FileStorage(self.path), indexname=INDEX_NAME)
            return _Writing(ix.writer(timeout=WRITE_TIMEOUT, limitmb=128))
        except LockError as error:
            raise SearchUnavailable("the search index is locked by another writer") from error
        except Exception as error:  # noqa: BLE001 - a broken index is for the caller to rebuild
            raise SearchUnavailable(f"cannot write the search index: {error}") from error

    # Reading -----------------------------------------------------------------------------------

    def count(self) -> int:
        with self._lock:
            return self._current_searcher().doc_count()

    def keys(self) -> set[str]:
        with self._lock:
            keys = set()
            for leaf, _offset in self._current_searcher().leaf_searchers():
                reader = leaf.reader()
                if not reader.doc_count_all():
                    continue
                column = reader.column_reader("key")
                keys.update(_text(column[docnum]) for docnum in reader.all_doc_ids())
            return keys

    def query(self, text: str, filters: Filters, page: int = 1, per_page: int = 20,
              facets: bool = True) -> Results:
        page, per_page = max(1, int(page)), max(1, min(int(per_page), 100))
        words = _query_words(text)
        if not words:
            return Results([], 0, page, per_page, _empty_facets() if facets else {})
        with self._lock:
            searcher = self._current_searcher()
            plan = _plan(searcher, words, synonym_groups())
            suggestion = _suggestion(searcher, text, plan)
            known = [word for word in plan if word.df]
            found = None
            if known and len(known) <= MAX_AND_WORDS:
                found = _run(searcher, _restrict(wq.And([w.query for w in known]), filters), page,
                             per_page, facets)
            if len(known) > 1 and (found is None or found.total < HANDFUL):
                found = _run(searcher, _restrict(_significant_or(known), filters), page, per_page, facets)
            if found is None:
                return Results([], 0, page, per_page, _empty_facets() if facets else {}, suggestion)
            marked = frozenset().union(*(word.stems for word in known))
            hits = [_hit(searcher, docnum, score, marked) for docnum, score in found.top]
        return Results(hits, found.total, page, per_page, found.facets if facets else {}, suggestion)

    def suggest(self, text: str, limit: int = 8) -> list[Hit]:
        """Titles matching what is typed, the last word as a prefix; articles and solved first."""
        limit = max(1, min(int(limit), 50))
        folded = tokens(text or "")
        if not folded:
            return []
        partial = folded[-1] if text[-1:].isalnum() else None
        complete = content_words(folded[:-1] if partial else folded) if folded[:-1] or not partial else []
        with self._lock:
            searcher = self._current_searcher()
            plan = _plan(searcher, list(dict.fromkeys(complete))[:MAX_AND_WORDS], synonym_groups(),
                         fields=("title_t",))
            parts = [word.query for word in plan if word.df]
            if partial and len(partial) <= MAX_WORD_LENGTH:
                parts.append(_prefix_query(searcher, partial))
            if not parts:
                return []
            q = _restrict(wq.And(parts), Filters())
            found = _search(searcher, q, limit * 3)
            if len(found) < limit and len(parts) > 1:
                found = _search(searcher, _restrict(wq.Or(parts), Filters()), limit * 3)
            hits = [_hit(searcher, r.docnum, r.score, None) for r in found]
        hits.sort(key=lambda hit: not (hit.type == "article" or hit.solved))
        return hits[:limit]

    def similar(self, text: str, limit: int = 5, exclude: set[str] = frozenset()) -> list[Hit]:
        """Questions and articles sharing the most significant words of ``text``."""
        limit = max(1, min(int(limit), 50))
        words = _query_words(text, cap=200)
        if not words:
            return []
        with self._lock:
            searcher = self._current_searcher()
            plan = [word for word in _plan(searcher, words, [], fields=TEXT_FIELDS[:3]) if word.df]
            if not plan:
                return []
            q = _restrict(_significant_or(plan), Filters())
            if exclude:
                q = _AndNot(q, wq.Or([wq.Term("key", key) for key in exclude]))
            found = _search(searcher, q, limit)
            return [_hit(searcher, r.docnum, r.score, None) for r in found]

    # Searcher ----------------------------------------------------------------------------------

    def _current_searcher(self):
        """The process's searcher, reopened when the index changed; SearchUnavailable if unreadable.

        Whoosh's own ``refresh()`` reuses segment readers whose deletions have changed, so updated
        and removed documents would linger: a new generation gets a new searcher instead.
        """
        try:
            if self._ix is None:
                self._ix = FileIndex(FileStorage(self.path, readonly=True), indexname=INDEX_NAME)
            generation = self._ix.latest_generation()
            if self._searcher is not None and generation == self._generation:
                return self._searcher
            self._close(forget_index=False)
            if generation < 0 or self._stored_version() != SCHEMA_VERSION:
                raise SearchUnavailable("the search index is missing or outdated")
            self._searcher = self._ix.searcher(weighting=self._weighting)
            self._generation = self._searcher.reader().generation()
            self._weighting.forget(self._searcher)
        except SearchUnavailable:
            self._close()
            raise
        except Exception as error:  # noqa: BLE001 - missing files, bad pickles, empty index…
            self._close()
            raise SearchUnavailable(f"cannot read the search index: {error}") from error
        return self._searcher

    def _close(self, forget_index: bool = True) -> None:
        searcher, self._searcher, self._generation = self._searcher, None, None
        if forget_index:
            self._ix = None
        if searcher is not None:
            try:
                searcher.close()
            except Exception:  # noqa: BLE001, S110 - its files may be gone already
                pass

    def _stored_version(self) -> int | None:
        try:
            with open(os.path.join(self.path, VERSION_FILE)) as file:
                return int(file.read().strip())
        except (OSError, ValueError):
            return None

    def _write_version(self) -> None:
        target = os.path.join(self.path, VERSION_FILE)
        with open(target + ".tmp", "w") as file:
            file.write(f"{SCHEMA_VERSION}\n")
        os.replace(target + ".tmp", target)


class _Writing:
    """A writer that commits once on success, cancels on error, and reports SearchUnavailable."""

    def __init__(self, writer) -> None:
        self.writer = writer
        self.merge = False

    def __enter__(self):
        return self

    def update_document(self, **values) -> None:
        self.writer.update_document(**values)

    def delete_by_term(self, fieldname: str, text: str) -> None:
        self.writer.delete_by_term(fieldname, text)

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.writer.cancel()
            return
        try:
            self.writer.commit(merge=self.merge)
        except Exception as error:  # noqa: BLE001
            raise SearchUnavailable(f"cannot commit to the search index: {error}") from error


def _fields(doc: Document) -> dict:
    tags = [tag.replace(",", " ").strip() for tag in doc.tags if tag.strip()]
    solved = doc.type == "question" and doc.solved
    boost = max(0.01, float(doc.boost or 1.0))
    if doc.type == "article" and doc.status in ("", "published"):
        boost *= ARTICLE_BOOST
    if solved:
        boost *= SOLVED_BOOST
    # Pre-analysed token lists: Whoosh indexes lists as they are, and each text is analysed once.
    title_words, title_stems = analyze(doc.title)
    tags_words, tags_stems = analyze(" ".join(tags))
    body_words, body_stems = analyze(doc.body)
    values = {
        "key": doc.key,
        "type": doc.type,
        "solved": "1" if doc.solved else "0",
        "boost": boost,
        "facets": _SEP.join([doc.type, doc.category or "", "1" if doc.solved else "0", *tags]).encode(),
        "data": {
            "title": doc.title, "url": doc.url, "category": doc.category, "tags": tags,
            "solved": bool(doc.solved), "parent_id": doc.parent_id,
            "body": doc.body[:STORED_TEXT_CHARS], "answer": doc.accepted_answer[:STORED_TEXT_CHARS],
        },
        "title_t": title_stems,
        "tags_t": tags_stems,
        "answer_t": analyze(doc.accepted_answer)[1],
        "body_t": body_stems,
        "words": title_words + tags_words + body_words,
    }
    if doc.category:
        values["category"] = doc.category
    if tags:
        values["tags"] = ",".join(tags)
    return values


def _hit(searcher, docnum: int, score: float, marked: frozenset[str] | None) -> Hit:
    stored = searcher.stored_fields(docnum)
    data = stored["data"]
    type_, _sep, id_ = stored["key"].partition(":")
    snippet = ""
    if marked is not None:
        snippet = highlight(data["body"], data["answer"], marked, SNIPPET_CHARS)
    return Hit(type=type_, id=int(id_), title=data["title"], url=data["url"], snippet=snippet,
               score=float(score or 0.0), category=data["category"] or "", tags=list(data["tags"]),
               solved=data["solved"], parent_id=data["parent_id"])


def _text(value) -> str:
    return value.decode() if isinstance(value, bytes) else value


# Query building -------------------------------------------------------------------------------


@dataclass
class _Word:
    text: str
    query: wq.Query
    df: int  # how many documents the word's most frequent term is in (0: unknown word)
    stems: frozenset[str]


def _query_words(text: str, cap: int = 64) -> list[str]:
    words = [w for w in content_words(tokens(text or "")) if len(w) <= MAX_WORD_LENGTH]
    return list(dict.fromkeys(words))[:cap]


def _plan(searcher, words: list[str], groups: list[list[str]], fields=TEXT_FIELDS) -> list[_Word]:
    plan = []
    alternatives = _alternatives(tuple(words), _groups_key(groups))
    for word, options in zip(words, alternatives, strict=True):
        terms, stems_ = _terms(options, fields)
        df = max((searcher.doc_frequency(t.fieldname, t.text) for t in terms if isinstance(t, wq.Term)),
                 default=0)
        if df == 0 and any(not isinstance(t, wq.Term) for t in terms):
            df = 1
        plan.append(_Word(word, wq.Or(terms) if len(terms) > 1 else terms[0], df, stems_))
    return plan


def _groups_key(groups: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(group) for group in groups)


@lru_cache(maxsize=1024)
def _alternatives(words: tuple[str, ...], groups: tuple[tuple[str, ...], ...]) -> list[frozenset[str]]:
    """Each word's synonyms, matched on the word itself or on its stems ("factures" → facture)."""
    exact = expand(list(words), [list(group) for group in groups])
    by_stem = _stem_synonyms(groups)
    out = []
    for word, options in zip(words, exact, strict=True):
        if len(options) == 1:
            for stem in stems(word):
                options = options | by_stem.get(stem, frozenset())
        out.append(options)
    return out


@lru_cache(maxsize=16)
def _stem_synonyms(groups: tuple[tuple[str, ...], ...]) -> dict[str, frozenset[str]]:
    mapping: dict[str, frozenset[str]] = {}
    for group in groups:
        folded = frozenset(" ".join(tokens(term)) for term in group if tokens(term))
        for term in folded:
            if " " not in term:
                for stem in stems(term):
                    mapping[stem] = mapping.get(stem, frozenset()) | folded
    return mapping


def _terms(options: frozenset[str], fields) -> tuple[list[wq.Query], frozenset[str]]:
    """Queries for any of ``options`` (single words or phrases) in any of ``fields``."""
    queries: dict = {}
    marked: set[str] = set()
    for option in sorted(options):
        parts = option.split()
        if len(parts) == 1:
            forms = word_forms(option)
            for stem in {s for form in forms[:1] for s in stems(form)}:
                marked.add(stem)
                for field in fields:
                    queries.setdefault((field, stem), wq.Term(field, stem))
            if len(forms) > 1:  # "wi-fi": also the parts side by side
                queries[option] = wq.And([_any_field(p, fields, marked) for p in forms[1:]])
        else:
            queries[option] = wq.And([_any_field(p, fields, marked) for p in parts])
    return list(queries.values()), frozenset(marked)


def _any_field(word: str, fields, marked: set[str]) -> wq.Query:
    word_stems = stems(word)
    marked.update(word_stems)
    return wq.Or([wq.Term(field, stem) for field in fields for stem in word_stems])


def _significant_or(plan: list[_Word]) -> wq.Query:
    """A plain Or of the rarest known words (idf order), at most MAX_OR_WORDS."""
    chosen = sorted((word for word in plan if word.df), key=lambda word: word.df)[:MAX_OR_WORDS]
    return wq.Or([word.query for word in chosen])


def _prefix_query(searcher, partial: str) -> wq.Query:
    """The word being typed: its stems, or the most frequent title stems it starts."""
    options: list[wq.Query] = [wq.Term("title_t", stem) for stem in stems(partial)]
    if len(partial) >= 2:
        reader = searcher.reader()
        expansions = []
        for term in reader.expand_prefix("title_t", partial):
            expansions.append(term.decode() if isinstance(term, bytes) else term)
            if len(expansions) >= 200:
                break
        expansions.sort(key=lambda t: -reader.doc_frequency("title_t", t))
        options.extend(wq.Term("title_t", term) for term in expansions[:16])
    return wq.Or(options)


def _restrict(q: wq.Query, filters: Filters) -> wq.Query:
    """``q`` within the filters.

    Filter terms are in non-scorable fields: each adds the same 1.0 to every result, which leaves
    the order alone (Whoosh's ``Require`` would not, but it breaks in block-quality skipping).
    """
    wanted = set(filters.types or TYPES)
    required = []
    if not wanted >= set(TYPES):
        if wanted <= set(TYPES):
            unwanted = sorted(set(TYPES) - wanted)
            q = _AndNot(q, wq.Or([wq.Term("type", t) for t in unwanted]))
        else:
            required.append(wq.Or([wq.Term("type", t) for t in sorted(wanted)]))
    if filters.category:
        required.append(wq.Term("category", filters.category))
    if filters.tag:
        required.append(wq.Term("tags", filters.tag.replace(",", " ").strip()))
    if filters.solved is not None:
        required.append(wq.Term("solved", "1" if filters.solved else "0"))
    return wq.And([q, *required]) if required else q


class _AndNot(wq.AndNot):
    def matcher(self, searcher, context=None):
        return _AndNotMatcher(self.a.matcher(searcher, context), self.b.matcher(searcher, searcher.boolean_context()))


class _AndNotMatcher(AndNotMatcher):
    """Whoosh's, minus reading the id of an exhausted matcher after skipping blocks."""

    def skip_to_quality(self, minquality):
        skipped = self.a.skip_to_quality(minquality)
        if self.a.is_active():
            self._find_next()
        return skipped


# Running a query ------------------------------------------------------------------------------


@dataclass
class _Found:
    top: list[tuple[int, float]]
    total: int
    facets: dict[str, dict[str, int]]


def _search(searcher, q: wq.Query, limit: int):
    """The top ``limit`` documents; without block-quality skipping if Whoosh trips over it."""
    try:
        return searcher.search(q, limit=limit, terms=False)
    except (AssertionError, ReadTooFar):
        log.warning("search: retrying %s without block-quality optimisation", q, exc_info=True)
        return searcher.search(q, limit=limit, terms=False, optimize=False)


def _run(searcher, q: wq.Query, page: int, per_page: int, facets: bool) -> _Found:
    results = _search(searcher, q, page * per_page)
    top = [(results.docnum(i), results.score(i)) for i in range((page - 1) * per_page,
                                                                   min(page * per_page, results.scored_length()))]
    total, counts = _count(searcher, q, facets)
    return _Found(top, total, counts)


def _count(searcher, q: wq.Query, facets: bool) -> tuple[int, dict[str, dict[str, int]]]:
    """How many documents match, and the facet counts of the first FACET_CAP of them."""
    total = 0
    counts = _empty_facets()
    for leaf, _offset in searcher.leaf_searchers():
        column = leaf.reader().column_reader("facets") if facets else None
        for docnum in q.docs(leaf):
            total += 1
            if column is not None and total <= FACET_CAP:
                type_, category, solved, *tags = column[docnum].decode().split(_SEP)
                _add(counts["type"], type_)
                _add(counts["category"], category)
                _add(counts["solved"], "true" if solved == "1" else "false")
                for tag in tags:
                    _add(counts["tags"], tag)
    return total, counts


def _add(counter: dict[str, int], value: str) -> None:
    if value:
        counter[value] = counter.get(value, 0) + 1


def _empty_facets() -> dict[str, dict[str, int]]:
    return {"type": {}, "category": {}, "tags": {}, "solved": {}}


def _suggestion(searcher, text: str, plan: list[_Word]) -> str | None:
    """``text`` with each unknown word replaced by the closest indexed word, if any is close."""
    unknown = [word.text for word in plan if not word.df and word.text.isalpha() and len(word.text) > 2]
    if not unknown:
        return None
    corrector = searcher.corrector("words")
    fixes = {}
    for word in unknown:
        close = corrector.suggest(word, limit=1, maxdist=1 if len(word) < 5 else 2, prefix=1)
        if close:
            fixes[word] = close[0]
    if not fixes:
        return None
    return _replace_words(text, fixes)


def _replace_words(text: str, fixes: dict[str, str]) -> str:
    def swap(match: re.Match) -> str:
        folded = tokens(match.group(0))
        return fixes.get(folded[0], match.group(0)) if len(folded) == 1 else match.group(0)

    return re.sub(r"\w+", swap, text).strip()


# Scoring --------------------------------------------------------------------------------------


class _Weighting(BM25F):
    """BM25 per field × the field's weight × the document's boost (read once per segment)."""

    def __init__(self) -> None:
        super().__init__(B=0.75, K1=1.2, title_t_B=0.5, tags_t_B=0.3)
        self._boosts: dict[str, tuple] = {}

    def forget(self, searcher) -> None:
        segments = (getattr(leaf.reader(), "segment", lambda: None)() for leaf, _offset in searcher.leaf_searchers())
        alive = {segment.segment_id() for segment in segments if segment is not None}
        self._boosts = {key: value for key, value in self._boosts.items() if key in alive}

    def boosts(self, searcher) -> tuple:
        reader = searcher.reader()
        segment = reader.segment() if hasattr(reader, "segment") else None
        key = segment.segment_id() if segment is not None else None
        found = self._boosts.get(key) if key else None
        if found is None:
            values = list(reader.column_reader("boost")) if reader.has_column("boost") else []
            found = (values, max(values, default=1.0))
            if key:
                self._boosts[key] = found
        return found

    def scorer(self, searcher, fieldname, text, qf=1):
        weight = FIELD_WEIGHTS.get(fieldname)
        if weight is None:
            return super().scorer(searcher, fieldname, text, qf=qf)
        values, highest = self.boosts(searcher)
        B = self._field_B.get(fieldname, self.B)
        return _Scorer(searcher, fieldname, text, B, self.K1, weight, values, highest)


class _Scorer(BM25FScorer):
    def __init__(self, searcher, fieldname, text, B, K1, weight, boosts, highest) -> None:
        self.weight = weight
        self.boosts = boosts
        self.highest = highest
        super().__init__(searcher, fieldname, text, B, K1)
        self._maxquality *= weight * highest

    def score(self, matcher) -> float:
        docnum = matcher.id()
        boost = self.boosts[docnum] if docnum < len(self.boosts) else 1.0
        return self._score(matcher.weight(), self.dfl(docnum)) * self.weight * boost

    def block_quality(self, matcher) -> float:
        return self._score(matcher.block_max_weight(), matcher.block_min_length()) * self.weight * self.highest
