"""The audit log shows phones and ID numbers masked unless full numbers are asked for."""

from __future__ import annotations

import json

from station_desk.core import audit


def test_sensitive_fields_are_named_in_one_place():
    assert {"phone", "id_number"} <= audit.SENSITIVE_FIELDS
    for key in ("phone", "id_number", "guardian_phone", "spouse_id_number", "Phone"):
        assert audit.is_sensitive(key), key
    for key in ("name", "hotlines", "username", "role", "note"):
        assert not audit.is_sensitive(key), key


def test_masked_values():
    values = {"name": "黄海燕", "phone": "13912345678", "id_number": "44018319520715234X",
              "household": {"guardian_phone": "020-82861100", "members": [
                  {"name": "张三", "id_number": "440183195207152345"}]},
              "backup_phones": ["13800001111", ""], "empty_phone": None}
    shown = audit.masked(values)
    assert shown["name"] == "黄海燕"
    assert shown["phone"] == "139****5678"
    assert shown["id_number"] == "440***********234X"
    assert shown["household"]["guardian_phone"] == "020-******00"
    assert shown["household"]["members"][0] == {"name": "张三", "id_number": "440***********2345"}
    assert shown["backup_phones"] == ["138****1111", ""]
    assert shown["empty_phone"] is None
    assert values["phone"] == "13912345678"  # the stored values are left alone


def test_masked_json_keeps_what_is_not_json():
    assert audit.masked_json(None) is None
    assert audit.masked_json("not json") == "not json"
    assert json.loads(audit.masked_json('{"phone": "13912345678"}')) == {"phone": "139****5678"}
