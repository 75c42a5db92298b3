"""Donation inventory: donors, items and their values, storerooms, batches, the stock ledger
(vouchers and movements), reservations, numbering counters, donations and acknowledgements,
the cash book, gift package kinds and stock counts."""

from __future__ import annotations

import peewee

VERSION = 6


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Household(Base):
        class Meta:
            table_name = "household"

    class Donor(Base):
        kind = peewee.CharField(max_length=16)
        name = peewee.CharField(max_length=128)
        name_initials = peewee.CharField(max_length=64, default="", index=True)
        contact = peewee.CharField(max_length=64, default="")
        phone = peewee.CharField(max_length=32, default="")
        address = peewee.CharField(max_length=255, default="")
        notes = peewee.CharField(max_length=255, default="")
        active = peewee.BooleanField(default=True)
        created_at = peewee.CharField(max_length=32)

    class ItemCategory(Base):
        name = peewee.CharField(max_length=32, unique=True)
        active = peewee.BooleanField(default=True)
        sort_order = peewee.IntegerField(default=0)

    class Item(Base):
        name = peewee.CharField(max_length=64)
        spec = peewee.CharField(max_length=64, default="")
        unit = peewee.CharField(max_length=8)
        category = peewee.ForeignKeyField(ItemCategory, on_delete="RESTRICT")
        expires = peewee.BooleanField(default=False)
        threshold = peewee.IntegerField(default=0)
        name_initials = peewee.CharField(max_length=64, default="")
        notes = peewee.CharField(max_length=255, default="")
        active = peewee.BooleanField(default=True)

        class Meta:
            indexes = ((("name", "spec"), True),)

    class ItemValue(Base):
        item = peewee.ForeignKeyField(Item, backref="values", on_delete="CASCADE")
        valid_from = peewee.DateField()
        value_fen = peewee.IntegerField()
        set_at = peewee.CharField(max_length=32)
        set_by_name = peewee.CharField(max_length=64, default="")

        class Meta:
            indexes = ((("item", "valid_from"), True),)

    class Location(Base):
        name = peewee.CharField(max_length=64, unique=True)
        active = peewee.BooleanField(default=True)
        sort_order = peewee.IntegerField(default=0)
        note = peewee.CharField(max_length=255, default="")

    class Batch(Base):
        item = peewee.ForeignKeyField(Item, backref="batches", on_delete="RESTRICT")
        location = peewee.ForeignKeyField(Location, on_delete="RESTRICT")
        expires_on = peewee.DateField(null=True)
        label = peewee.CharField(max_length=64, default="")
        received_on = peewee.DateField()
        unit_value_fen = peewee.IntegerField(null=True)

        class Meta:
            indexes = ((("item", "location", "expires_on"), False),)

    class Voucher(Base):
        kind = peewee.CharField(max_length=16)
        moved_on = peewee.DateField(index=True)
        donor = peewee.ForeignKeyField(Donor, null=True, on_delete="RESTRICT")
        household = peewee.ForeignKeyField(Household, null=True, on_delete="RESTRICT")
        target_kind = peewee.CharField(max_length=16, default="")
        target_id = peewee.IntegerField(null=True)
        recipient = peewee.CharField(max_length=128, default="")
        reference = peewee.CharField(max_length=128, default="")
        reason = peewee.CharField(max_length=255, default="")
        reverses = peewee.ForeignKeyField("self", null=True, unique=True, backref="reversals",
                                          on_delete="RESTRICT")
        recorded_at = peewee.CharField(max_length=32)
        actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        actor_name = peewee.CharField(max_length=64, default="")

        class Meta:
            indexes = ((("target_kind", "target_id"), False),)

    class Reservation(Base):
        item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
        target_kind = peewee.CharField(max_length=16)
        target_id = peewee.IntegerField()
        wanted = peewee.IntegerField()
        quantity = peewee.IntegerField()
        delivered = peewee.IntegerField(default=0)
        released = peewee.IntegerField(default=0)
        status = peewee.CharField(max_length=8, default="active")
        note = peewee.CharField(max_length=255, default="")
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("target_kind", "target_id", "item"), False), (("item", "status"), False))

    class StockMovement(Base):
        voucher = peewee.ForeignKeyField(Voucher, backref="movements", on_delete="RESTRICT")
        item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
        batch = peewee.ForeignKeyField(Batch, on_delete="RESTRICT")
        quantity = peewee.IntegerField()
        unit_value_fen = peewee.IntegerField(null=True)
        moved_on = peewee.DateField()
        reservation = peewee.ForeignKeyField(Reservation, null=True, on_delete="SET NULL")

        class Meta:
            indexes = ((("batch", "moved_on", "quantity"), False),
                       (("item", "moved_on"), False))

    class NumberCounter(Base):
        series = peewee.CharField(max_length=16)
        year = peewee.IntegerField()
        last = peewee.IntegerField(default=0)

        class Meta:
            indexes = ((("series", "year"), True),)

    class Donation(Base):
        donor = peewee.ForeignKeyField(Donor, backref="donations", on_delete="RESTRICT")
        received_on = peewee.DateField(index=True)
        voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="RESTRICT")
        cash_fen = peewee.IntegerField(default=0)
        purpose = peewee.CharField(max_length=255, default="")
        note = peewee.CharField(max_length=255, default="")
        clerk = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        clerk_name = peewee.CharField(max_length=64, default="")
        created_at = peewee.CharField(max_length=32)
        cancelled_at = peewee.CharField(max_length=32, null=True)
        cancel_reason = peewee.CharField(max_length=255, default="")

    class Acknowledgement(Base):
        number = peewee.CharField(max_length=32, unique=True)
        donation = peewee.ForeignKeyField(Donation, backref="acknowledgements", on_delete="RESTRICT")
        issued_at = peewee.CharField(max_length=32)
        issued_by_name = peewee.CharField(max_length=64, default="")
        void = peewee.BooleanField(default=False)
        void_reason = peewee.CharField(max_length=255, default="")
        voided_at = peewee.CharField(max_length=32, null=True)

    class CashEntry(Base):
        entered_on = peewee.DateField(index=True)
        kind = peewee.CharField(max_length=16)
        amount_fen = peewee.IntegerField()
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

    class PackageKind(Base):
        name = peewee.CharField(max_length=64, unique=True)
        note = peewee.CharField(max_length=255, default="")
        active = peewee.BooleanField(default=True)

    class PackageLine(Base):
        package = peewee.ForeignKeyField(PackageKind, backref="lines", on_delete="CASCADE")
        item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
        quantity = peewee.IntegerField()

        class Meta:
            indexes = ((("package", "item"), True),)

    class StockCount(Base):
        counted_on = peewee.DateField()
        location = peewee.ForeignKeyField(Location, null=True, on_delete="RESTRICT")
        reason = peewee.CharField(max_length=255)
        voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="RESTRICT")
        recorded_at = peewee.CharField(max_length=32)
        actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        actor_name = peewee.CharField(max_length=64, default="")

    class StockCountLine(Base):
        count = peewee.ForeignKeyField(StockCount, backref="lines", on_delete="CASCADE")
        item = peewee.ForeignKeyField(Item, on_delete="RESTRICT")
        expires_on = peewee.DateField(null=True)
        book = peewee.IntegerField()
        counted = peewee.IntegerField()

    db.create_tables([Donor, ItemCategory, Item, ItemValue, Location, Batch, Voucher,
                      Reservation, StockMovement, NumberCounter, Donation, Acknowledgement,
                      CashEntry, PackageKind, PackageLine, StockCount, StockCountLine])
    # The lookup rows a station starts with; it edits them from here on.
    ItemCategory.insert_many(
        [{"name": name, "sort_order": i} for i, name in
         enumerate(("粮油", "衣物", "取暖", "药品", "文具", "日用品", "其他"), start=1)]
    ).execute()
    Location.insert(name="物资仓库", sort_order=1).execute()
