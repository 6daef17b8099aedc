"""Extension points of the shared page frame: the staff menu in the header and the home page's blocks.

Features register what they add at ``init_app``; templates ask for what the current member may see.
The community never names a feature's pages itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, current_app, request, url_for

from community.core.permissions import can

STAFF_LINKS = "entraide.staff_links"
HOME_BLOCKS = "entraide.home_blocks"


@dataclass(frozen=True)
class StaffLink:
    endpoint: str
    label: object  # a lazy string: translated when shown
    icon: str
    action: str  # the permission that shows the link
    order: int = 0
    group: str = "content"  # "content" (articles, curation…), "community" (members, categories…), "insight"


@dataclass(frozen=True)
class HomeBlock:
    """A block the home page shows in ``slot``: ``template`` rendered with ``context()`` as ``block``."""

    slot: str
    template: str
    context: Callable[[], dict] = field(default=dict)
    order: int = 0


def register_staff_link(app: Flask, link: StaffLink) -> None:
    links = app.extensions.setdefault(STAFF_LINKS, [])
    links.append(link)
    links.sort(key=lambda item: item.order)


def register_home_block(app: Flask, block: HomeBlock) -> None:
    blocks = app.extensions.setdefault(HOME_BLOCKS, [])
    blocks.append(block)
    blocks.sort(key=lambda item: item.order)


@dataclass(frozen=True)
class ShownLink:
    url: str
    label: str
    icon: str
    group: str
    current: bool


def staff_links(user) -> list[ShownLink]:
    """The staff tools ``user`` may open, in menu order, the current page marked."""
    if user is None or not user.is_authenticated:
        return []
    return [
        ShownLink(url_for(link.endpoint), str(link.label), link.icon, link.group, request.endpoint == link.endpoint)
        for link in current_app.extensions.get(STAFF_LINKS, [])
        if can(user, link.action)
    ]


def home_blocks(slot: str) -> list[tuple[str, dict]]:
    """The (template, context) pairs registered for ``slot`` of the home page."""
    return [
        (block.template, block.context())
        for block in current_app.extensions.get(HOME_BLOCKS, [])
        if block.slot == slot
    ]


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(staff_links=staff_links, home_blocks=home_blocks)
