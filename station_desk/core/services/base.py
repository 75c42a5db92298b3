"""The ``writer`` decorator every writing service wears.

It checks the actor's role before anything else, runs the body in one
transaction (BEGIN IMMEDIATE on SQLite; a lock held too long by another program
is ``db_locked``), and after the commit announces the
tables the body recorded in the audit log. ``WRITERS`` lists every writing
service, so a test can call each of them as each role.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import peewee

from .. import events
from ..audit import collecting
from ..db import database, write_transaction
from ..errors import ValidationError
from ..roles import Actor, require

P = ParamSpec("P")
R = TypeVar("R")

WRITERS: dict[str, tuple[Callable, str]] = {}


def writer(permission: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(actor: Actor, *args: P.args, **kwargs: P.kwargs) -> R:
            require(actor, permission)
            with collecting() as tables:
                outermost = not database.in_transaction()
                try:
                    with write_transaction():
                        result = fn(actor, *args, **kwargs)
                except peewee.IntegrityError as exc:
                    raise ValidationError("integrity", detail=str(exc)) from exc
            if outermost:
                events.publish(tables)
            return result

        wrapper.permission = permission  # type: ignore[attr-defined]
        WRITERS[f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"] = (wrapper, permission)
        return wrapper

    return decorate


def get_or_fail(model: type[peewee.Model], row_id: int, code: str = "not_found") -> peewee.Model:
    from ..errors import NotFound

    row = model.get_or_none(model._meta.primary_key == row_id)
    if row is None:
        raise NotFound(code, table=model._meta.table_name, id=row_id)
    return row


def clean_text(value: object, field: str, *, required: bool = True, max_length: int = 255) -> str:
    text = " ".join(str(value or "").split())
    if required and not text:
        raise ValidationError("required", field=field)
    if len(text) > max_length:
        raise ValidationError("too_long", field=field, max_length=max_length)
    return text


def contains_text(column, text: str) -> peewee.Node:
    """``column`` contains ``text``, case-insensitively, with % and _ typed by the user taken
    literally (a bound value, escaped)."""
    pattern = "%" + text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace(
        "_", "\\_") + "%"
    return peewee.NodeList((peewee.fn.LOWER(column), peewee.SQL("LIKE"), peewee.Value(pattern),
                            peewee.SQL("ESCAPE '\\'")))
