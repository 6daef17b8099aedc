"""Knowledge-base events. Receivers get the acting member (None for the command line) as ``sender``."""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

article_created = _signals.signal("article-created", doc="A draft article was written or imported (article).")
article_edited = _signals.signal("article-edited", doc="An article's content changed (article, revision).")
article_submitted = _signals.signal("article-submitted", doc="A draft was sent for review (article).")
article_published = _signals.signal("article-published", doc="An article became visible to everyone (article).")
article_reviewed = _signals.signal(
    "article-reviewed", doc="Staff checked a published article and kept it as is; needs_review is cleared (article)."
)
article_archived = _signals.signal(
    "article-archived", doc="An article was withdrawn, maybe pointing to a replacement (article, replacement)."
)
answer_promoted = _signals.signal(
    "answer-promoted",
    doc="Staff turned an answer into a draft article crediting its author (article, answer); "
    "reputation can reward the credit.",
)
article_rated = _signals.signal(
    "article-rated", doc="A rating was given or replaced (article, rating, replaced: bool)."
)
article_flagged = _signals.signal(
    "article-flagged", doc="Ratings pushed an article under the review threshold: it needs review (article)."
)
