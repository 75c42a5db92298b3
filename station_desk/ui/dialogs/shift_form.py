"""Forms for the roster: a weekly shift template, a one-off shift, a series of N weeks.

They are ``FormDialog``s: the service's refusal is shown under the form and what was typed
stays, so nothing is lost.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication

from ...core import validate
from ...core.errors import ValidationError
from ...core.services import roster
from ...core.services.roster import SHIFT_KINDS
from ..dialogs.form_dialog import Field, FormDialog


def kind_name(kind: str) -> str:
    names = {
        "front_desk": QCoreApplication.translate("ShiftForm", "Front desk"),
        "hotline": QCoreApplication.translate("ShiftForm", "Hotline"),
        "home_visit": QCoreApplication.translate("ShiftForm", "Home visit"),
        "activity": QCoreApplication.translate("ShiftForm", "Activity"),
    }
    return names.get(kind, kind)


def _common(skills: list[tuple[int, str]]) -> list[Field]:
    return [
        Field("name", QCoreApplication.translate("ShiftForm", "Name"),
              placeholder=QCoreApplication.translate("ShiftForm", "e.g. Front desk (morning)")),
        Field("kind", QCoreApplication.translate("ShiftForm", "Kind"), "choice",
              [(k, kind_name(k)) for k in SHIFT_KINDS]),
        Field("place", QCoreApplication.translate("ShiftForm", "Place")),
        Field("start_time", QCoreApplication.translate("ShiftForm", "Start"), placeholder="08:30"),
        Field("end_time", QCoreApplication.translate("ShiftForm", "End"), placeholder="12:00"),
        Field("capacity", QCoreApplication.translate("ShiftForm", "Places"), "int",
              minimum=1, maximum=99),
        Field("skill_id", QCoreApplication.translate("ShiftForm", "Skill needed"), "choice",
              [(None, QCoreApplication.translate("ShiftForm", "None")), *skills]),
    ]


def ask_template(parent, actor, skills: list[tuple[int, str]]):
    """A new weekly shift template; returns it, or None when cancelled."""
    fields = _common(skills)
    fields.insert(3, Field("weekdays",
                           QCoreApplication.translate("ShiftForm", "Weekdays (1 = Monday)"),
                           placeholder="1,2,3,4,5"))
    values = {"kind": "front_desk", "weekdays": "1,2,3,4,5", "start_time": "08:30",
              "end_time": "12:00", "capacity": 2}
    return FormDialog.ask(parent, QCoreApplication.translate("ShiftForm", "New shift template"),
                          fields, values,
                          lambda v: roster.save_template(actor, **v))


def ask_shift(parent, actor, skills: list[tuple[int, str]], day: _dt.date):
    """A one-off shift on a day; returns it, or None when cancelled."""
    fields = _common(skills)
    fields.insert(3, Field("day", QCoreApplication.translate("ShiftForm", "Date"),
                           placeholder="2026-11-23"))
    values = {"kind": "activity", "day": day.isoformat(), "start_time": "09:00",
              "end_time": "11:00", "capacity": 2}

    def save(v: dict):
        v = dict(v)
        v["day"] = validate.date_value(v["day"], field="day")
        if v["day"] is None:
            raise ValidationError("required", field="day")
        return roster.add_shift(actor, **v)

    return FormDialog.ask(parent, QCoreApplication.translate("ShiftForm", "New shift"), fields,
                          values, save)


def ask_series(parent, actor, templates: list[roster.TemplateRow], monday: _dt.date):
    """Shifts of a template for N weeks from ``monday``; returns how many were made."""
    fields = [
        Field("template_id", QCoreApplication.translate("ShiftForm", "Shift template"), "choice",
              [(t.id, f"{t.name} {t.start_time}-{t.end_time}") for t in templates]),
        Field("weeks", QCoreApplication.translate("ShiftForm", "Weeks from %1").replace(
            "%1", monday.isoformat()), "int", minimum=1, maximum=roster.MAX_WEEKS),
    ]
    return FormDialog.ask(parent, QCoreApplication.translate("ShiftForm", "Generate shifts"),
                          fields, {"weeks": 4},
                          lambda v: roster.generate_series(actor, v["template_id"], monday,
                                                           v["weeks"]))
