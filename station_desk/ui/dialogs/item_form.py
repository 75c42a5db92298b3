"""Add or change an item of the catalogue (物资目录): name, spec, unit, category, whether it
carries an expiry date, its low-stock line, and a new unit value from a date on (the value
history is kept: goods already in the ledger keep the value they came in with)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ...core import money
from ...core.clock import today
from ...core.models.inventory import UNITS
from ...core.services import inventory
from ...core.validate import date_value
from .form_dialog import Field, FormDialog


class ItemFormDialog(FormDialog):
    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        context,
        item_id: int | None = None,  # type: ignore[override]
    ) -> int | None:
        """The saved item's id, or None when cancelled."""
        actor = context.actor
        categories = [(c.id, c.name) for c in inventory.item_categories(actor)]
        fields = [
            Field(
                "name",
                QCoreApplication.translate("ItemFormDialog", "Name"),
                placeholder=QCoreApplication.translate("ItemFormDialog", "e.g. 大米"),
            ),
            Field(
                "spec",
                QCoreApplication.translate("ItemFormDialog", "Specification"),
                placeholder=QCoreApplication.translate("ItemFormDialog", "e.g. 10kg, 5L"),
            ),
            Field(
                "unit",
                QCoreApplication.translate("ItemFormDialog", "Unit"),
                placeholder=" ".join(UNITS),
            ),
            Field(
                "category",
                QCoreApplication.translate("ItemFormDialog", "Category"),
                "choice",
                categories,
            ),
            Field(
                "expires",
                QCoreApplication.translate("ItemFormDialog", "Carries an expiry date"),
                "bool",
            ),
            Field(
                "threshold",
                QCoreApplication.translate("ItemFormDialog", "Low-stock line (0: none)"),
                "int",
            ),
            Field(
                "value",
                QCoreApplication.translate("ItemFormDialog", "New unit value (yuan)"),
                placeholder=QCoreApplication.translate(
                    "ItemFormDialog", "Leave empty to keep the value"
                ),
            ),
            Field(
                "value_from",
                QCoreApplication.translate("ItemFormDialog", "Value from (YYYY-MM-DD)"),
            ),
            Field("active", QCoreApplication.translate("ItemFormDialog", "In use"), "bool"),
            Field("notes", QCoreApplication.translate("ItemFormDialog", "Notes")),
        ]
        values: dict = {
            "expires": False,
            "active": True,
            "value_from": today().isoformat(),
            "category": categories[0][0] if categories else None,
        }
        history: list = []
        item = None
        if item_id is not None:
            item = next(
                (i for i in inventory.find_items(actor, include_inactive=True) if i.id == item_id),
                None,
            )
            if item is not None:
                if all(c != item.category_id for c, _ in categories):
                    fields[3] = Field(
                        "category",
                        QCoreApplication.translate("ItemFormDialog", "Category"),
                        "choice",
                        [*categories, (item.category_id, item.category.name)],
                    )
                values.update(
                    name=item.name,
                    spec=item.spec,
                    unit=item.unit,
                    category=item.category_id,
                    expires=item.expires,
                    threshold=item.threshold,
                    active=item.active,
                    notes=item.notes,
                )
            history = inventory.item_values(actor, item_id)

        def save(v: dict) -> int:
            fen = money.parse_yuan(v["value"], field="unit_value")
            start = (
                date_value(v["value_from"], field="value_from", required=fen is not None)
                if fen is not None
                else None
            )
            data = inventory.ItemInput(
                name=v["name"],
                unit=v["unit"],
                category_id=v["category"],
                spec=v["spec"],
                expires=v["expires"],
                threshold=v["threshold"],
                notes=v["notes"],
                value_fen=fen,
                value_from=start,
            )
            saved = inventory.save_item(actor, data, item_id)
            if saved.active != v["active"]:
                inventory.set_item_active(actor, saved.id, v["active"])
            return saved.id

        title = (
            QCoreApplication.translate("ItemFormDialog", "New item")
            if item_id is None
            else QCoreApplication.translate("ItemFormDialog", "Edit item")
        )
        dialog = cls(parent, title, fields, values, save)
        dialog.setObjectName("itemForm")
        if history:
            lines = "; ".join(f"{h.valid_from}: ¥{money.yuan(h.value_fen)}" for h in history[:6])
            note = QLabel(
                QCoreApplication.translate("ItemFormDialog", "Unit values so far: %1").replace(
                    "%1", lines
                )
            )
            note.setObjectName("muted")
            note.setWordWrap(True)
            dialog.layout().insertWidget(1, note)
        return dialog.result_value if dialog.exec() == FormDialog.DialogCode.Accepted else None
