"""One page of a list: the items, and enough to draw previous / next links."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from community.core.extensions import db


@dataclass
class Page:
    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def paginate(stmt, page: int, per_page: int) -> Page:
    counting = select(func.count()).select_from(stmt.order_by(None).subquery())
    total = db.session.scalar(counting.execution_options(**stmt.get_execution_options()))
    items = db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)).unique().all()
    return Page(list(items), page, per_page, total)
