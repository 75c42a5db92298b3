"""Sign-in: user and password, and the language to work in."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from ...core.errors import StationError
from ...core.roles import Actor
from ...core.services import accounts
from ...messages import describe_error
from .. import uistate
from ..forms.ui_sign_in import Ui_SignIn

LANGUAGES = (("zh", "中文"), ("en", "English"))


class SignInDialog(QDialog):
    def __init__(self, parent: QWidget | None, station_name: str, lang: str) -> None:
        super().__init__(parent)
        self.form = Ui_SignIn()
        self.form.setupUi(self)
        self.actor: Actor | None = None
        self.lang = lang
        self.form.stationLabel.setText(station_name)
        for code, name in LANGUAGES:
            self.form.languageCombo.addItem(name, code)
        self.form.languageCombo.setCurrentIndex(max(self.form.languageCombo.findData(lang), 0))
        self.form.languageCombo.currentIndexChanged.connect(self._language_changed)
        self.form.errorLabel.hide()
        last = uistate.get("signin/last_user") or ""
        self.form.usernameEdit.setText(str(last))
        (self.form.passwordEdit if last else self.form.usernameEdit).setFocus()
        self.form.buttonBox.accepted.disconnect()
        self.form.buttonBox.accepted.connect(self._try_sign_in)

    def _language_changed(self) -> None:
        from ..i18n import install_translators

        self.lang = self.form.languageCombo.currentData()
        uistate.put("ui/language", self.lang)
        install_translators(self._app(), self.lang)
        station = self.form.stationLabel.text()
        self.form.retranslateUi(self)
        self.form.stationLabel.setText(station)

    @staticmethod
    def _app():
        from PySide6.QtWidgets import QApplication

        return QApplication.instance()

    def _try_sign_in(self) -> None:
        import os

        os.environ["STATION_DESK_LANG"] = self.lang
        try:
            self.actor = accounts.authenticate(self.form.usernameEdit.text(),
                                               self.form.passwordEdit.text())
        except StationError as error:
            self.form.errorLabel.setText(describe_error(error, self.lang))
            self.form.errorLabel.show()
            self.form.passwordEdit.selectAll()
            self.form.passwordEdit.setFocus()
            return
        uistate.put("signin/last_user", self.actor.username)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, station_name: str, lang: str) -> Actor | None:
        dialog = cls(parent, station_name, lang)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
