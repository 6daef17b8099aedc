"""What the audit log can name: each action and kind of target with a label for people, and for a
target, where its page is. The community registers its own; other packages (the knowledge base)
register theirs at ``init_app``, so the log page and the API never name them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ACTIONS: dict[str, object] = {}  # action → label (a lazy string)


@dataclass(frozen=True)
class TargetType:
    label: object  # a lazy string
    url: Callable[[int], str | None] | None = None  # the target's page, None when it has none (or is gone)


TARGETS: dict[str, TargetType] = {}


def register_actions(actions: dict[str, object]) -> None:
    ACTIONS.update(actions)


def register_target(name: str, label, url: Callable[[int], str | None] | None = None) -> None:
    TARGETS[name] = TargetType(label, url)


def action_label(action: str) -> str:
    return str(ACTIONS.get(action, action))


def target_label(target_type: str) -> str:
    found = TARGETS.get(target_type)
    return str(found.label) if found else target_type


def target_url(target_type: str, target_id: int | None) -> str | None:
    found = TARGETS.get(target_type)
    if found is None or found.url is None or target_id is None:
        return None
    return found.url(target_id)
