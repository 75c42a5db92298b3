"""The first run on an empty database: set up the station, or load the demo station."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError, ValidationError
from ...core.roles import Actor
from ...core.services.setup import first_run
from ...messages import describe_error
from ..widgets import error_label


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Welcome to Station Desk"))
        self.setMinimumWidth(560)
        self.actor: Actor | None = None
        self.demo_requested = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This database is empty. Set up your station below, or load a demo "
                               "station to try the program."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Set up my station"))
        form = QFormLayout(box)
        self.station_name = QLineEdit()
        self.station_name.setPlaceholderText(self.tr("e.g. 石滩镇第一社工服务站"))
        self.town_name = QLineEdit()
        self.town_name.setPlaceholderText(self.tr("e.g. 石滩镇"))
        self.villages = QPlainTextEdit()
        self.villages.setPlaceholderText(self.tr("One village or community per line"))
        self.villages.setFixedHeight(110)
        self.head_name = QLineEdit()
        self.head_username = QLineEdit()
        self.head_username.setPlaceholderText("liuliping")
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        for widget, name in ((self.station_name, "stationName"), (self.town_name, "townName"),
                             (self.villages, "villages"), (self.head_name, "headName"),
                             (self.head_username, "headUsername"), (self.password, "password"),
                             (self.password_again, "passwordAgain")):
            widget.setObjectName(name)
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Town or street"), self.town_name)
        form.addRow(self.tr("Villages"), self.villages)
        form.addRow(self.tr("Head's name"), self.head_name)
        form.addRow(self.tr("Head's username"), self.head_username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        layout.addWidget(box)

        self.error_label = error_label()
        layout.addWidget(self.error_label)

        row = QHBoxLayout()
        demo = QPushButton(self.tr("Load demo data"))
        demo.setObjectName("loadDemo")
        demo.clicked.connect(self._demo)
        create = QPushButton(self.tr("Create station"))
        create.setObjectName("createStation")
        create.setDefault(True)
        create.clicked.connect(self._create)
        cancel = QPushButton(self.tr("Quit"))
        cancel.clicked.connect(self.reject)
        row.addWidget(demo)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(create)
        layout.addLayout(row)

    def _create(self) -> None:
        try:
            if self.password.text() != self.password_again.text():
                raise ValidationError("password_mismatch")
            self.actor = first_run(
                station_name=self.station_name.text(), town_name=self.town_name.text(),
                villages=self.villages.toPlainText().splitlines(),
                head_username=self.head_username.text(), head_name=self.head_name.text(),
                password=self.password.text(),
            )
        except StationError as error:
            self.error_label.setText(describe_error(error))
            self.error_label.show()
            return
        self.accept()

    def _demo(self) -> None:
        self.demo_requested = True
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> tuple[Actor | None, bool] | None:
        """(actor, False) after set-up, (None, True) when the demo was asked for, None on quit."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actor, dialog.demo_requested
