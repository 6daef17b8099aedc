"""A readable word-level diff between two revisions, as safe HTML."""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> Markup:
    """Old and new text interleaved: removed words in <del>, added words in <ins>."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(str(escape("".join(a[i1:i2]))))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return Markup("".join(out))


def revision_pairs(revisions: list) -> list[tuple]:
    """(revision, previous) pairs, newest first, from revisions ordered newest first."""
    return [(rev, revisions[i + 1] if i + 1 < len(revisions) else None) for i, rev in enumerate(revisions)]
