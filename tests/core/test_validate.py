from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core import validate
from station_desk.core.errors import ValidationError

GOOD_ID = "11010519491231002X"


@pytest.mark.parametrize("raw", [GOOD_ID, GOOD_ID.lower(), " 11010519491231002x ",
                                 "１１０１０５１９４９１２３１００２Ｘ"])
def test_id_numbers_are_normalised(raw):
    assert validate.id_number(raw) == GOOD_ID


@pytest.mark.parametrize("raw,code", [
    ("110105194912310021", "bad_id_checksum"),
    ("110105491231002", "id_old_15"),
    ("1.10105194912310E+17", "id_as_number"),
    ("11010519491231", "bad_id_length"),
])
def test_bad_id_numbers(raw, code):
    with pytest.raises(ValidationError) as err:
        validate.id_number(raw)
    assert err.value.code == code


def test_id_derivations_and_masks():
    assert validate.id_birthdate(GOOD_ID) == dt.date(1949, 12, 31)
    assert validate.id_gender(GOOD_ID) == "female"
    assert validate.mask_id(GOOD_ID) == "110***********002X"
    assert validate.mask_phone("13800138000") == "138****8000"
    assert validate.mask_phone("020-82861110") == "020-******10"
    assert validate.mask_phone("") == ""


@pytest.mark.parametrize("raw,expected", [
    ("138 0013 8000", "13800138000"), ("+86 138-0013-8000", "13800138000"),
    ("１３８００１３８０００", "13800138000"), ("02082861110", "020-82861110"),
    ("0752-1234567", "0752-1234567"), ("", ""),
])
def test_phones(raw, expected):
    assert validate.phone(raw) == expected


@pytest.mark.parametrize("raw", ["12800138000", "1380013800", "abc", "020-123"])
def test_bad_phones(raw):
    with pytest.raises(ValidationError) as err:
        validate.phone(raw)
    assert err.value.code == "bad_phone"
