"""Station rules kept in the database, each declared here with its default.

Core services read them with ``get``; the head changes them through
``services.settings.set_setting`` (validated, audited).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .errors import ValidationError
from .models import Setting


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: object
    kind: type
    minimum: float | None = None
    maximum: float | None = None

    def coerce(self, value: object) -> object:
        try:
            if self.kind is bool:
                if isinstance(value, str):
                    lowered = value.strip().lower()
                    if lowered not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                        raise ValueError(value)
                    return lowered in {"1", "true", "yes", "on"}
                return bool(value)
            coerced = self.kind(value)
        except (TypeError, ValueError) as exc:
            raise ValidationError("setting_bad_value", key=self.key, value=str(value)) from exc
        if self.minimum is not None and coerced < self.minimum:
            raise ValidationError("setting_out_of_range", key=self.key, value=str(value),
                                  minimum=self.minimum, maximum=self.maximum)
        if self.maximum is not None and coerced > self.maximum:
            raise ValidationError("setting_out_of_range", key=self.key, value=str(value),
                                  minimum=self.minimum, maximum=self.maximum)
        return coerced


REGISTRY: dict[str, SettingDef] = {}


def declare(key: str, default: object, kind: type | None = None, *,
            minimum: float | None = None, maximum: float | None = None) -> SettingDef:
    definition = SettingDef(key, default, kind or type(default), minimum, maximum)
    REGISTRY[key] = definition
    return definition


def definition(key: str) -> SettingDef:
    try:
        return REGISTRY[key]
    except KeyError as exc:
        raise ValidationError("setting_unknown", key=key) from exc


def decode(key: str, stored: str | None) -> object:
    """A stored JSON value for ``key`` checked against its declaration; None: the default."""
    spec = definition(key)
    return spec.default if stored is None else spec.coerce(json.loads(stored))


def get(key: str) -> object:
    """The station's value for ``key``, or its declared default."""
    definition(key)
    row = Setting.get_or_none(Setting.key == key)
    return decode(key, None if row is None else row.value)


def all_values() -> dict[str, object]:
    stored = {row.key: row.value for row in Setting.select()}
    return {
        key: spec.coerce(json.loads(stored[key])) if key in stored else spec.default
        for key, spec in sorted(REGISTRY.items())
    }


# Foundation rules.
declare("backup.interval_minutes", 30, minimum=5, maximum=24 * 60)
declare("backup.keep_daily", 12, minimum=1, maximum=365)
declare("backup.keep_weekly", 10, minimum=0, maximum=520)
declare("backup.keep_monthly", 9, minimum=0, maximum=240)
declare("backup.keep_recent", 8, minimum=1, maximum=200)
declare("accounts.min_password_length", 6, minimum=4, maximum=64)

# Households: a social worker's own visit sheets may show full phone numbers for their villages.
declare("privacy.visit_sheet_full_phone", False)

# Attendance at the front desk (issue 6).
declare("attendance.repeat_window_minutes", 2, minimum=0, maximum=60)
declare("attendance.auto_close_tolerance_minutes", 120, minimum=0, maximum=24 * 60)
declare("attendance.walk_in_close_hour", 20, minimum=1, maximum=24)
declare("attendance.max_hours", 12, minimum=1, maximum=24)
declare("attendance.late_grace_minutes", 10, minimum=0, maximum=120)

# Hours certificates: print the volunteer's ID number in full (else masked, as everywhere).
declare("certificates.full_id", False)

# Personalised policy cards: print the head of household's name in full (else 陈*英).
declare("policy_cards.full_name", False)
