"""Changing station rules (the declared settings in ``core.settings``)."""

from __future__ import annotations

import json

from ..audit import record
from ..clock import stamp
from ..models import Setting
from ..roles import Actor
from ..settings import definition, get
from .base import writer


@writer("settings.edit")
def set_setting(actor: Actor, key: str, value: object) -> object:
    """Validate and store a rule; returns the stored value."""
    spec = definition(key)
    coerced = spec.coerce(value)
    old = get(key)
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        row = Setting(key=key)
    row.value = json.dumps(coerced, ensure_ascii=False)
    row.updated_at = stamp()
    row.updated_by = actor.name
    row.save()
    record(actor, "update", "setting", row.id, {key: old}, {key: coerced})
    return coerced


@writer("settings.edit")
def set_settings(actor: Actor, values: dict[str, object]) -> dict[str, object]:
    """Several rules at once, all or none (the settings page saves this way)."""
    return {key: set_setting(actor, key, value) for key, value in values.items()}
