"""导出台账: what is about to be exported, and whether with full ID numbers.

Numbers are masked in the ledger unless the user asks for them in full (roles with
``ids.export_full`` only); a full export is written to the audit log by the service.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class ExportLedgerDialog(QDialog):
    def __init__(self, parent: QWidget | None, count: int, description: str,
                 can_full: bool) -> None:
        super().__init__(parent)
        self.setObjectName("exportLedger")
        self.setWindowTitle(self.tr("Export the household ledger"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        what = QLabel(self.tr("%1 households, as the list shows them now: %2")
                      .replace("%1", str(count)).replace("%2", description))
        what.setWordWrap(True)
        layout.addWidget(what)
        self.full_ids = QCheckBox(self.tr("Full ID numbers and phones"))
        self.full_ids.setObjectName("fullIds")
        self.full_ids.setVisible(can_full)
        layout.addWidget(self.full_ids)
        note = QLabel(self.tr("Numbers are masked unless you tick this; a full export is "
                              "recorded in the audit log. Keep such a file safe."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        note.setVisible(can_full)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, count: int, description: str,
            can_full: bool) -> bool | None:
        """True: export with full numbers; False: masked; None: cancelled."""
        dialog = cls(parent, count, description, can_full)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return can_full and dialog.full_ids.isChecked()
