"""Checking and normalising what people type or import: ID numbers, phones, dates.

One place, reused by forms, services and imports. Functions return the
normalised value or raise ``ValidationError`` with a code the UI translates.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from .errors import ValidationError

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
# GB/T 2260 province-level codes: the first two digits of every resident ID number.
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 "
    "61 62 63 64 65 71 81 82 83".split())


def normalise_text(value: object) -> str:
    """Full-width digits and letters to ASCII, stray spaces gone."""
    return unicodedata.normalize("NFKC", str(value if value is not None else "")).strip()


def phone(value: object, *, field: str = "phone", required: bool = False) -> str:
    """A mobile (11 digits, 1[3-9]...) or landline (0xx(x)-xxxxxxx(x)); '' when empty."""
    text = normalise_text(value)
    text = re.sub(r"[\s()（）]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    text = text.replace("—", "-").replace("–", "-")
    if not text:
        if required:
            raise ValidationError("required", field=field)
        return ""
    digits = text.replace("-", "")
    if digits.isdigit() and _MOBILE.match(digits):
        return digits
    if _LANDLINE.match(text):
        if "-" not in text:
            # Area codes are 3 digits for 010 and 02x, otherwise 4.
            cut = 3 if text[:2] in ("01", "02") else 4
            text = f"{text[:cut]}-{text[cut:]}"
        return text
    raise ValidationError("bad_phone", field=field, value=str(value))


def id_number(value: object, *, field: str = "id_number", required: bool = False) -> str:
    """An 18-character resident ID number (GB 11643), upper-case X; '' when empty."""
    text = normalise_text(value).replace(" ", "").upper()
    if not text:
        if required:
            raise ValidationError("required", field=field)
        return ""
    if re.fullmatch(r"\d{15}", text):
        raise ValidationError("id_old_15", field=field, value=text)
    if re.fullmatch(r"\d+(\.\d+)?E\+?\d+", text):
        # Excel turned it into a float: its last digits are already gone.
        raise ValidationError("id_as_number", field=field, value=text)
    if not re.fullmatch(r"\d{17}[\dX]", text):
        raise ValidationError("bad_id_length", field=field, value=text)
    from stdnum.cn import ric  # imported here: it costs ~12 ms, and start-up needs none of it

    # The check digit through stdnum. Not ric.validate() whole: it also refuses a
    # county code that did not exist in the birth year, but numbers were issued (1985, 1999)
    # with the codes of that time, so an old person registered in a district created after
    # their birth (440106 天河区, born 1950) holds a valid number it would refuse.
    if ric.calc_check_digit(text) != text[-1]:
        raise ValidationError("bad_id_checksum", field=field, value=text)
    try:
        born = id_birthdate(text)  # what ric.get_birth_date does, at a tenth of its cost
    except ValueError as exc:
        raise ValidationError("bad_id_birthdate", field=field, value=text) from exc
    if born.year < 1880 or born > _dt.date.today():
        raise ValidationError("bad_id_birthdate", field=field, value=text)
    if text[:2] not in _PROVINCES:
        raise ValidationError("bad_id_region", field=field, value=text)
    return text


def id_birthdate(number: str) -> _dt.date:
    return _dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def id_gender(number: str) -> str:
    """'male' when the 17th digit is odd, else 'female'."""
    return "male" if int(number[16]) % 2 else "female"


def mask_id(number: str) -> str:
    """110***********1234: first three and last four shown."""
    if not number:
        return ""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_name(name: str) -> str:
    """陈秀英 → 陈*英, 王五 → 王*: enough for a person to know their own name."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(number: str) -> str:
    """138****5678 for mobiles; landlines keep area code and last two digits."""
    if not number:
        return ""
    digits = number.replace("-", "")
    if _MOBILE.match(digits):
        return digits[:3] + "****" + digits[-4:]
    if "-" in number:
        area, rest = number.split("-", 1)
        return f"{area}-{'*' * (len(rest) - 2)}{rest[-2:]}"
    return "*" * (len(number) - 4) + number[-4:]


def username(value: object) -> str:
    text = normalise_text(value).lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_.\-]{1,31}", text):
        raise ValidationError("bad_username", field="username", value=str(value))
    return text


def id_matches(number: str, *, birthdate: _dt.date | None = None, gender: str = "",
               field: str = "id_number") -> None:
    """Refuse a birthdate or gender typed beside ``number`` that the number contradicts."""
    if not number:
        return
    if birthdate is not None and birthdate != id_birthdate(number):
        raise ValidationError("id_birthdate_mismatch", field=field, value=number,
                              typed=birthdate.isoformat(), derived=id_birthdate(number).isoformat())
    if gender and gender != id_gender(number):
        raise ValidationError("id_gender_mismatch", field=field, value=number)


def stored_date(value: object) -> _dt.date | None:
    """A date as a column gives it back: a date already, ISO text (SQLite), or None."""
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def date_value(value: object, *, field: str = "date", required: bool = False) -> _dt.date | None:
    """A date from a date, an ISO or Chinese text (2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日,
    20240305) or an Excel serial number; None when empty."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = normalise_text(value)
    if not text:
        if required:
            raise ValidationError("required", field=field)
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", text):  # an Excel serial day (1900 date system)
        return _dt.date(1899, 12, 30) + _dt.timedelta(days=int(float(text)))
    match = (re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?", text)
             or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text))
    if match:
        try:
            return _dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise ValidationError("bad_date", field=field, value=str(value))
