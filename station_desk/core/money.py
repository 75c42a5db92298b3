"""Money as an integer number of fen: read from what people type, shown as yuan, and written
in Chinese capital numerals for receipts (壹佰贰拾元整)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .errors import ValidationError

MAX_FEN = 10**13  # a hundred billion yuan: anything larger is a typing slip


def parse_yuan(value: object, *, field: str = "value", required: bool = False) -> int | None:
    """Fen from a yuan amount as typed or read from a sheet: 120, 120.5, ￥1,200.00, 12元;
    None when empty. Never goes through float: "0.1" is 10 fen exactly."""
    if isinstance(value, bool):
        raise ValidationError("bad_money", field=field, value=str(value))
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)  # a spreadsheet cell: its shortest repr is the typed amount
    else:
        text = unicodedata.normalize("NFKC", str(value or "")).strip()
        text = re.sub(r"[\s,￥¥]|元$|RMB", "", text, flags=re.IGNORECASE)
    if not text:
        if required:
            raise ValidationError("required", field=field)
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError("bad_money", field=field, value=str(value)) from None
    if not amount.is_finite() or amount < 0 or amount * 100 != (amount * 100).to_integral_value():
        raise ValidationError("bad_money", field=field, value=str(value))
    fen = int(amount * 100)
    if fen > MAX_FEN:
        raise ValidationError("bad_money", field=field, value=str(value))
    return fen


def yuan(fen: int | None, *, blank: str = "") -> str:
    """12345 → "123.45"; None → ``blank`` (goods that cannot be valued)."""
    if fen is None:
        return blank
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(int(fen)), 100)
    return f"{sign}{whole:,}.{part:02d}"


def capital(fen: int) -> str:
    """The amount in capital numerals as receipts write it: 12000 → 壹佰贰拾元整."""
    import cn2an  # ~90 ms to import: only when a receipt is printed

    if fen == 0:
        return "零元整"
    whole, part = divmod(abs(int(fen)), 100)
    words = cn2an.an2cn(f"{whole}.{part:02d}", "rmb")
    # 《支付结算办法》: an amount that ends in 元 or 角 is closed with 整
    return words if words.endswith(("整", "分")) else words + "整"
