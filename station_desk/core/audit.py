"""Writing the audit log. Every writing service records what it changed here.

Tables touched inside a service call are collected so the service layer can
announce them (``events.publish``) once the transaction has committed.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import json
from contextvars import ContextVar

import peewee

from .clock import stamp
from .models import AuditLog
from .roles import Actor

# Values never copied into the log.
SECRET_FIELDS = frozenset({"password_hash"})
# Values the log keeps but shows masked unless full numbers are asked for (and that
# asking is itself audited). A feature adds its own field names here; a key that
# contains one of SENSITIVE_PARTS counts too ("guardian_phone", "spouse_id_number").
SENSITIVE_FIELDS: set[str] = {"phone", "id_number"}
SENSITIVE_PARTS = ("phone", "id_number")

_touched: ContextVar[set[str] | None] = ContextVar("touched_tables", default=None)


def _jsonable(value: object) -> object:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, peewee.Model):
        return value.get_id()
    return value


def values_of(instance: peewee.Model, fields: list[str] | None = None) -> dict[str, object]:
    """The instance's column values by field name, secrets left out."""
    names = fields or [f.name for f in instance._meta.sorted_fields]
    result: dict[str, object] = {}
    for name in names:
        if name in SECRET_FIELDS:
            continue
        field = instance._meta.fields[name]
        raw = instance.__data__.get(field.name)
        result[name] = _jsonable(raw)
    return result


def is_sensitive(key: str) -> bool:
    key = key.lower()
    return key in SENSITIVE_FIELDS or any(part in key for part in SENSITIVE_PARTS)


def _mask_one(key: str, value: object) -> object:
    from .validate import mask_id, mask_phone

    if isinstance(value, list):
        return [_mask_one(key, v) for v in value]
    if value is None or value == "":
        return value
    return mask_phone(str(value)) if "phone" in key.lower() else mask_id(str(value))


def masked(values: object) -> object:
    """Audit values with every sensitive field masked (nested dicts and lists too)."""
    if isinstance(values, dict):
        return {k: _mask_one(k, v) if is_sensitive(str(k)) else masked(v)
                for k, v in values.items()}
    if isinstance(values, list):
        return [masked(v) for v in values]
    return values


def masked_json(text: str | None) -> str | None:
    """A stored old/new value (JSON) as it may be shown without ``--full-ids``."""
    if not text:
        return text
    try:
        values = json.loads(text)
    except ValueError:
        return text
    return _dump(masked(values))


def changed(old: dict[str, object], new: dict[str, object]) -> tuple[dict, dict]:
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new[k] for k in keys}


def _dump(values: dict | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False, sort_keys=True)


def record(
    actor: Actor | None,
    action: str,
    table: str,
    row_id: int | None = None,
    old: dict | None = None,
    new: dict | None = None,
    note: str = "",
    actor_name: str | None = None,
) -> AuditLog:
    """Append one audit row. Call inside the service's transaction."""
    touched = _touched.get()
    if touched is not None and action not in ("read", "reveal"):
        touched.add(table)
    return AuditLog.create(
        at=stamp(),
        actor=actor.staff_id if actor else None,
        actor_name=actor_name or (actor.name if actor else "系统"),
        action=action,
        table_name=table,
        row_id=row_id,
        old_values=_dump(old),
        new_values=_dump(new),
        note=note,
    )


def created(actor: Actor | None, instance: peewee.Model, note: str = "", **kw) -> AuditLog:
    return record(actor, "create", instance._meta.table_name, instance.get_id(),
                  new=values_of(instance), note=note, **kw)


def updated(actor: Actor | None, instance: peewee.Model, before: dict, note: str = "") -> None:
    """Record the fields of ``instance`` that differ from ``before`` (no row if none did)."""
    old, new = changed(before, values_of(instance))
    if new:
        record(actor, "update", instance._meta.table_name, instance.get_id(), old, new, note)


def saved(actor: Actor | None, instance: peewee.Model, before: dict | None, note: str = "") -> None:
    """After saving ``instance``: a create row when ``before`` is None, else an update row."""
    if before is None:
        created(actor, instance, note=note)
    else:
        updated(actor, instance, before, note)


def deleted(actor: Actor | None, instance: peewee.Model, note: str = "") -> AuditLog:
    return record(actor, "delete", instance._meta.table_name, instance.get_id(),
                  old=values_of(instance), note=note)


def sensitive_read(actor: Actor, table: str, row_id: int | None, what: str) -> AuditLog:
    """Record that ``actor`` saw sensitive data in full (a reveal, a full-ID export)."""
    from .db import write_transaction

    with write_transaction():
        return record(actor, "reveal", table, row_id, note=what)


class collecting:
    """Context manager: gather the tables recorded inside it."""

    def __enter__(self) -> set[str]:
        self._outer = _touched.get()
        self._tables: set[str] = set() if self._outer is None else self._outer
        self._token = _touched.set(self._tables)
        return self._tables

    def __exit__(self, *exc: object) -> None:
        _touched.reset(self._token)
