from __future__ import annotations

import pytest

from station_desk.core import settings
from station_desk.core.errors import ValidationError
from station_desk.core.models import AuditLog
from station_desk.core.services.settings import set_setting


def test_defaults_then_stored_values(head):
    assert settings.get("backup.keep_daily") == 12
    assert set_setting(head, "backup.keep_daily", "20") == 20
    assert settings.get("backup.keep_daily") == 20
    entry = AuditLog.select().order_by(AuditLog.id.desc()).get()
    assert (entry.table_name, entry.old_values, entry.new_values) == (
        "setting", '{"backup.keep_daily": 12}', '{"backup.keep_daily": 20}')
    assert settings.all_values()["backup.keep_daily"] == 20


@pytest.mark.parametrize("key,value,code", [
    ("backup.keep_daily", "many", "setting_bad_value"),
    ("backup.keep_daily", 0, "setting_out_of_range"),
    ("no.such.rule", 1, "setting_unknown"),
])
def test_bad_settings_are_refused(head, key, value, code):
    with pytest.raises(ValidationError) as err:
        set_setting(head, key, value)
    assert err.value.code == code
    assert settings.get("backup.keep_daily") == 12


def test_several_rules_at_once_are_all_or_none(head):
    from station_desk.core.services.settings import set_settings

    with pytest.raises(ValidationError):
        set_settings(head, {"backup.keep_daily": 20, "backup.keep_weekly": -1})
    assert settings.get("backup.keep_daily") == 12
    assert set_settings(head, {"backup.keep_daily": 20, "backup.keep_weekly": 4}) == {
        "backup.keep_daily": 20, "backup.keep_weekly": 4}
