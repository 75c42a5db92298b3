"""Donation inventory (物资): donors, items, storerooms, the stock ledger, donations with their
acknowledgement numbers, the cash book, reservations, gift package kinds and stock counts.

The stock ledger is ``Voucher`` (one 出入库单: its kind, date, counterparty, actor, reason)
with its ``StockMovement`` rows (item, batch, signed quantity, unit value at the time).
Rows are appended, never edited; a mistake is reversed by a reversal voucher that points at
the one it cancels. Balances are sums over the ledger (an index covers them).
"""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel
from .households import Household

DONOR_KINDS = ("enterprise", "party_branch", "charity", "community_fund", "individual",
               "anonymous")
UNITS = ("袋", "桶", "箱", "件", "份", "套", "瓶", "盒", "条", "床", "个")  # suggestions
# Voucher kinds and the sign their rows carry (0: both signs, e.g. a count or a move).
IN_KINDS = ("donation", "purchase", "transfer_in", "opening")
OUT_KINDS = ("household", "campaign", "activity", "wish", "other_out", "scrapped", "expired")
VOUCHER_KINDS = IN_KINDS + OUT_KINDS + ("move", "adjustment", "reversal")
TARGET_KINDS = ("household", "campaign", "activity", "wish")
CASH_KINDS = ("donation", "other_in", "spend", "reversal")
RESERVATION_STATUSES = ("active", "closed")


class Donor(BaseModel):
    """捐赠方: a company, a party branch or office, a charity, a community fund, a person."""

    kind = peewee.CharField(max_length=16)
    name = peewee.CharField(max_length=128)
    name_initials = peewee.CharField(max_length=64, default="", index=True)
    contact = peewee.CharField(max_length=64, default="")
    phone = peewee.CharField(max_length=32, default="")
    address = peewee.CharField(max_length=255, default="")
    notes = peewee.CharField(max_length=255, default="")
    active = peewee.BooleanField(default=True)
    created_at = peewee.CharField(max_length=32)


class ItemCategory(BaseModel):
    """物资类别 (粮油, 衣物, 取暖 ...): a lookup table the station edits."""

    name = peewee.CharField(max_length=32, unique=True)
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)


class Item(BaseModel):
    """One kind of goods as the storeroom counts it: 大米 10kg, by the 袋."""

    name = peewee.CharField(max_length=64)
    spec = peewee.CharField(max_length=64, default="")  # 规格: 10kg, 5L, 均码
    unit = peewee.CharField(max_length=8)
    category = peewee.ForeignKeyField(ItemCategory, on_delete="RESTRICT")
    expires = peewee.BooleanField(default=False)  # food and medicine carry an expiry date
    threshold = peewee.IntegerField(default=0)  # low-stock line; 0: none
    name_initials = peewee.CharField(max_length=64, default="")
    notes = peewee.CharField(max_length=255, default="")
    active = peewee.BooleanField(default=True)

    class Meta:
        indexes = ((("name", "spec"), True),)


class ItemValue(BaseModel):
    """The item's unit value in fen from ``valid_from`` on (折合价值, a dated history)."""

    item = peewee.ForeignKeyField(Item, backref="values", on_delete="CASCADE")
    valid_from = peewee.DateField()
    value_fen = peewee.IntegerField()
    set_at = peewee.CharField(max_length=32)
    set_by_name = peewee.CharField(max_length=64, default="")

    class Meta:
        indexes = ((("item", "valid_from"), True),)


class Location(BaseModel):
    """A storeroom (库房)."""

    name = peewee.CharField(max_length=64, unique=True)
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)
    note = peewee.CharField(max_length=255, default="")


class Batch(BaseModel):
    """Goods of one item that came in together: one storeroom, one expiry date, one value."""

    item = peewee.ForeignKeyField(Item, backref="batches", on_delete="RESTRICT")
    location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
    expires_on = peewee.DateField(null=True)
    label = peewee.CharField(max_length=64, default="")  # the batch number on the goods
    received_on = peewee.DateField()
    unit_value_fen = peewee.IntegerField(null=True)  # None: goods that cannot be valued

    class Meta:
        indexes = ((("item", "location", "expires_on"), False),)


class Voucher(BaseModel):
    """出入库单: one stock event with its counterparty; its rows are StockMovement."""

    kind = peewee.CharField(max_length=16)
    moved_on = peewee.DateField(index=True)
    donor = peewee.ForeignKeyField(Donor, null=True, on_delete="RESTRICT")
    household = peewee.ForeignKeyField(Household, null=True, on_delete="RESTRICT")
    target_kind = peewee.CharField(max_length=16, default="")  # campaign, activity, wish ...
    target_id = peewee.IntegerField(null=True)
    recipient = peewee.CharField(max_length=128, default="")  # 领取人 / source / supplier
    reference = peewee.CharField(max_length=128, default="")
    reason = peewee.CharField(max_length=255, default="")
    reverses = peewee.ForeignKeyField("self", null=True, unique=True, backref="reversals",
                                      on_delete="RESTRICT")
    recorded_at = peewee.CharField(max_length=32)
    actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = peewee.CharField(max_length=64, default="")

    class Meta:
        indexes = ((("target_kind", "target_id"), False),)


class Reservation(BaseModel):
    """Quantities of an item set aside for a target (a campaign, a wish, an activity)."""

    item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
    target_kind = peewee.CharField(max_length=16)
    target_id = peewee.IntegerField()
    wanted = peewee.IntegerField()  # what the target needs
    quantity = peewee.IntegerField()  # what is set aside (<= wanted when stock fell short)
    delivered = peewee.IntegerField(default=0)  # given out against it so far
    released = peewee.IntegerField(default=0)  # handed back when it closed
    status = peewee.CharField(max_length=8, default="active")
    note = peewee.CharField(max_length=255, default="")
    created_at = peewee.CharField(max_length=32)
    updated_at = peewee.CharField(max_length=32)

    class Meta:
        # one active reservation per target and item (the service keeps it so); closed ones
        # stay on file beside a new one
        indexes = ((("target_kind", "target_id", "item"), False), (("item", "status"), False))


class StockMovement(BaseModel):
    """One ledger row: a signed quantity of one batch, at its unit value then."""

    voucher = peewee.ForeignKeyField(Voucher, backref="movements", on_delete="RESTRICT")
    item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
    batch = peewee.ForeignKeyField(Batch, on_delete="RESTRICT")
    quantity = peewee.IntegerField()
    unit_value_fen = peewee.IntegerField(null=True)
    moved_on = peewee.DateField()  # the voucher's date, kept here for the balance index
    reservation = peewee.ForeignKeyField(Reservation, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("batch", "moved_on", "quantity"), False),
                   (("item", "moved_on"), False))


class NumberCounter(BaseModel):
    """The last number given out in a series and year; bumped in the numbering transaction."""

    series = peewee.CharField(max_length=16)
    year = peewee.IntegerField()
    last = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("series", "year"), True),)


class Donation(BaseModel):
    """A donation received: goods (its voucher) and/or cash, with the donor's purpose."""

    donor = peewee.ForeignKeyField(Donor, backref="donations", on_delete="RESTRICT")
    received_on = peewee.DateField(index=True)
    voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="RESTRICT")
    cash_fen = peewee.IntegerField(default=0)
    purpose = peewee.CharField(max_length=255, default="")  # 指定用途
    note = peewee.CharField(max_length=255, default="")
    clerk = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    clerk_name = peewee.CharField(max_length=64, default="")  # 经办人 as printed
    created_at = peewee.CharField(max_length=32)
    cancelled_at = peewee.CharField(max_length=32, null=True)
    cancel_reason = peewee.CharField(max_length=255, default="")


class Acknowledgement(BaseModel):
    """A 捐赠物资接收凭证 number issued for a donation; a spoiled one is voided, never deleted."""

    number = peewee.CharField(max_length=32, unique=True)
    donation = peewee.ForeignKeyField(Donation, backref="acknowledgements", on_delete="RESTRICT")
    issued_at = peewee.CharField(max_length=32)
    issued_by_name = peewee.CharField(max_length=64, default="")
    void = peewee.BooleanField(default=False)
    void_reason = peewee.CharField(max_length=255, default="")
    voided_at = peewee.CharField(max_length=32, null=True)


class CashEntry(BaseModel):
    """现金账: money in (a donation) or out (spent), in fen; reversed, never edited."""

    entered_on = peewee.DateField(index=True)
    kind = peewee.CharField(max_length=16)
    amount_fen = peewee.IntegerField()  # signed: + in, - out
    donor = peewee.ForeignKeyField(Donor, null=True, on_delete="RESTRICT")
    donation = peewee.ForeignKeyField(Donation, null=True, on_delete="RESTRICT")
    purpose = peewee.CharField(max_length=255, default="")
    counterparty = peewee.CharField(max_length=128, default="")
    reference = peewee.CharField(max_length=128, default="")
    reverses = peewee.ForeignKeyField("self", null=True, unique=True, on_delete="RESTRICT")
    reason = peewee.CharField(max_length=255, default="")
    recorded_at = peewee.CharField(max_length=32)
    actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = peewee.CharField(max_length=64, default="")


class PackageKind(BaseModel):
    """慰问包: a gift package as items x quantities, which campaigns hand out."""

    name = peewee.CharField(max_length=64, unique=True)
    note = peewee.CharField(max_length=255, default="")
    active = peewee.BooleanField(default=True)


class PackageLine(BaseModel):
    package = peewee.ForeignKeyField(PackageKind, backref="lines", on_delete="CASCADE")
    item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
    quantity = peewee.IntegerField()

    class Meta:
        indexes = ((("package", "item"), True),)


class StockCount(BaseModel):
    """盘点: what was counted on a day; the differences are its adjustment voucher."""

    counted_on = peewee.DateField()
    location = peewee.ForeignKeyField(Location, null=True, on_delete="RESTRICT")
    reason = peewee.CharField(max_length=255)
    voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="RESTRICT")
    recorded_at = peewee.CharField(max_length=32)
    actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = peewee.CharField(max_length=64, default="")


class StockCountLine(BaseModel):
    count = peewee.ForeignKeyField(StockCount, backref="lines", on_delete="CASCADE")
    item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
    expires_on = peewee.DateField(null=True)
    book = peewee.IntegerField()
    counted = peewee.IntegerField()
