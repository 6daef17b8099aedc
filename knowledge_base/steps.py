"""Tutorial steps as Markdown texts: a step's title, and the steps found in a promoted answer.

A step's title is the heading its text starts with (``## Unplug the box``). A step stays one
Markdown text, so imports, the API, revisions and promoted answers keep working on texts; pages show
the title apart ("Step 2 of 5: Unplug the box") and render the rest as the step's body, and the
editor offers the title as a field of its own, joined back when saved.
"""

from __future__ import annotations

import re

TITLE_MAX = 120
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+(.*)$")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def split_title(text: str | None) -> tuple[str, str]:
    """(title, body) of a step's Markdown; the title is "" when the text starts with no heading."""
    text = (text or "").strip()
    first, _, rest = text.partition("\n")
    found = _HEADING.match(first)
    if not found or not found.group(1).strip():
        return "", text
    return found.group(1).strip(), rest.strip()


def join_title(title: str | None, body: str | None) -> str:
    """The step's Markdown for a title (one line, may be empty) and a body."""
    title = " ".join((title or "").split()).lstrip("#").strip()
    body = (body or "").strip()
    if not title:
        return body
    return f"## {title}\n\n{body}".strip()


def split_steps(markdown_text: str) -> tuple[str, list[str]]:
    """The numbered items of ``markdown_text`` as steps, and the rest (intro, outro) as the body.

    Continuation lines (indented, or not starting a new item or paragraph) stay with their step.
    Without a numbered list, each paragraph becomes a step and the body stays empty.
    """
    rest: list[str] = []
    steps: list[list[str]] = []
    in_item = after_blank = False
    for line in markdown_text.splitlines():
        item = _NUMBERED.match(line)
        if item:
            steps.append([item.group(2).strip()])
            in_item, after_blank = True, False
        elif in_item and not line.strip():
            after_blank = True
        elif in_item and (line.startswith((" ", "\t")) or not after_blank):
            steps[-1].append(line.strip())
        else:
            if in_item:
                rest.append("")
            in_item = False
            rest.append(line)
    if steps:
        return "\n".join(rest).strip(), ["\n".join(lines) for lines in steps]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", markdown_text) if p.strip()]
    return "", paragraphs
