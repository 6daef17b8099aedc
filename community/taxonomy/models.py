"""Categories (staff-managed) and tags (made as members use them).

A category's ``name`` and ``description`` read in the interface language: ``translations`` holds
them per language (``{"en": {"name": …, "description": …}}``) and the stored ones, written in the
site's default language, stand in for any language without a translation. In SQL, and when set,
``name`` and ``description`` are the stored columns. A tag's name is its address (``?tag=``); its
``label`` reads in the interface language.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column

from community.core.extensions import db
from community.core.language import interface_language


def _translated(translations: dict | None, field: str, base: str) -> str:
    entry = (translations or {}).get(interface_language()) or {}
    value = entry.get(field) if isinstance(entry, dict) else entry if field == "name" else None
    return value if isinstance(value, str) and value.strip() else base


class Category(db.Model):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    base_name: Mapped[str] = mapped_column("name", String(80), nullable=False)
    base_description: Mapped[str] = mapped_column("description", Text, default="", nullable=False)
    translations: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    question_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    #: First posts of new accounts wait in the moderation queue before anyone else sees them.
    premoderation: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false(), nullable=False)
    #: Hours a question may wait without a visible answer before it becomes an advisor case (None:
    #: ``ESCALATION_DELAY_HOURS``; 0: never).
    escalation_hours: Mapped[int | None] = mapped_column(Integer)

    @hybrid_property
    def name(self) -> str:
        return _translated(self.translations, "name", self.base_name)

    @name.inplace.setter
    def _name_setter(self, value: str) -> None:
        self.base_name = value

    @name.inplace.expression
    @classmethod
    def _name_expression(cls):
        return cls.base_name

    @hybrid_property
    def description(self) -> str:
        return _translated(self.translations, "description", self.base_description)

    @description.inplace.setter
    def _description_setter(self, value: str) -> None:
        self.base_description = value

    @description.inplace.expression
    @classmethod
    def _description_expression(cls):
        return cls.base_description

    def translation(self, language: str) -> dict[str, str]:
        """The name and description written for ``language`` (empty strings when none)."""
        entry = (self.translations or {}).get(language) or {}
        return {"name": entry.get("name") or "", "description": entry.get("description") or ""}


class Tag(db.Model):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    translations: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}", nullable=False)

    @property
    def label(self) -> str:
        """The tag as shown: its translation in the interface language, else its name."""
        return _translated(self.translations, "name", self.name)
