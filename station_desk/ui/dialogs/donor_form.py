"""新捐赠方 / edit a donor (捐赠方): kind, name, contact, phone, address, notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core import validate
from ...core.models.inventory import DONOR_KINDS
from ...core.services import inventory
from ..labels import label
from .form_dialog import Field, FormDialog


def donor_kind_choices() -> list[tuple[str, str]]:
    return [(kind, label("donor_kind", kind)) for kind in DONOR_KINDS]


class DonorFormDialog(FormDialog):
    """A FormDialog over ``inventory.save_donor``. An individual's phone is shown masked
    (as the lists show it); left as shown, the stored number is kept."""

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        context,
        donor_id: int | None = None,  # type: ignore[override]
        name: str = "",
    ) -> int | None:
        """The saved donor's id, or None when cancelled. ``name`` prefills a new donor."""
        actor = context.actor
        fields = [
            Field(
                "kind",
                QCoreApplication.translate("DonorFormDialog", "Kind"),
                "choice",
                donor_kind_choices(),
            ),
            Field(
                "name",
                QCoreApplication.translate("DonorFormDialog", "Name"),
                placeholder=QCoreApplication.translate(
                    "DonorFormDialog", "Company, branch or person"
                ),
            ),
            Field("contact", QCoreApplication.translate("DonorFormDialog", "Contact person")),
            Field("phone", QCoreApplication.translate("DonorFormDialog", "Phone")),
            Field("address", QCoreApplication.translate("DonorFormDialog", "Address")),
            Field("notes", QCoreApplication.translate("DonorFormDialog", "Notes"), "multiline"),
        ]
        values: dict = {"kind": "enterprise", "name": name}
        kept_phone, shown_phone = "", ""
        if donor_id is not None:
            donor = inventory.get_donor(actor, donor_id)
            kept_phone = donor.phone
            shown_phone = (
                validate.mask_phone(donor.phone) if donor.kind == "individual" else donor.phone
            )
            values = {
                "kind": donor.kind,
                "name": donor.name,
                "contact": donor.contact,
                "phone": shown_phone,
                "address": donor.address,
                "notes": donor.notes,
            }

        def save(v: dict) -> int:
            phone = v["phone"].strip()
            if donor_id is not None and shown_phone and phone == shown_phone:
                phone = kept_phone
            data = inventory.DonorInput(
                kind=v["kind"],
                name=v["name"],
                contact=v["contact"],
                phone=phone,
                address=v["address"],
                notes=v["notes"],
            )
            return inventory.save_donor(actor, data, donor_id).id

        title = (
            QCoreApplication.translate("DonorFormDialog", "New donor")
            if donor_id is None
            else QCoreApplication.translate("DonorFormDialog", "Edit donor")
        )
        dialog = cls(parent, title, fields, values, save)
        dialog.setObjectName("donorForm")
        return dialog.result_value if dialog.exec() == FormDialog.DialogCode.Accepted else None
