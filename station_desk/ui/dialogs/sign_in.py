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
    def __init__(self, parent: QWidget | None, station_name: str, lang: str, *,
                 kiosk: bool = False) -> None:
        super().__init__(parent)
        self.form = Ui_SignIn()
        self.form.setupUi(self)
        self.actor: Actor | None = None
        self.lang = lang
        self.kiosk = kiosk  # signing in to open the front-desk kiosk (station-desk kiosk)
        self.form.stationLabel.setText(station_name)
        for code, name in LANGUAGES:
            self.form.languageCombo.addItem(name, code)
        self.form.languageCombo.setCurrentIndex(max(self.form.languageCombo.findData(lang), 0))
        self.form.languageCombo.currentIndexChanged.connect(self._language_changed)
        self.form.errorLabel.hide()
        last = uistate.get("signin/last_user") or ""
        self.form.usernameEdit.setText(str(last))
        (self.form.passwordEdit if last else self.form.usernameEdit).setFocus()

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

    def accept(self) -> None:
        """OK (wired to accept by the form) signs in; the dialog closes only on success.

        Overridden rather than disconnecting the form's connection: in PySide6 6.12 a bare
        ``signal.disconnect()`` drops a reference to ``True`` on every call, and enough of
        them crash the interpreter when it exits.
        """
        self._try_sign_in()

    def _try_sign_in(self) -> None:
        import os

        os.environ["STATION_DESK_LANG"] = self.lang
        password = self.form.passwordEdit.text()
        try:
            actor = accounts.authenticate(self.form.usernameEdit.text(), password)
        except StationError as error:
            self._refuse(describe_error(error, self.lang))
            return
        if actor.role == "kiosk" and not self.kiosk:
            self._refuse(self.tr("The kiosk account opens only the front-desk sign-in screen, "
                                 "not the office window."))
            return
        if self.kiosk and not actor.can("attendance.kiosk"):
            self._refuse(self.tr("This account may not open the sign-in kiosk."))
            return
        # The kiosk account has no password of its own to choose (the head keeps it).
        if (actor.can("account.own_password") and accounts.must_change_password(actor)
                and not self._choose_new_password(actor, password)):
            return
        self.actor = actor
        uistate.put("signin/last_user", actor.username)
        super().accept()

    def _refuse(self, message: str) -> None:
        self.form.errorLabel.setText(message)
        self.form.errorLabel.show()
        self.form.passwordEdit.selectAll()
        self.form.passwordEdit.setFocus()

    def _choose_new_password(self, actor: Actor, old_password: str) -> bool:
        """A password the head set is replaced by the person's own before they start."""
        from ...core.errors import ValidationError
        from .form_dialog import Field, FormDialog

        fields = [Field("new", self.tr("New password"), "password"),
                  Field("again", self.tr("New password again"), "password")]

        def save(values: dict) -> bool:
            if values["new"] != values["again"]:
                raise ValidationError("password_mismatch")
            accounts.change_own_password(actor, old_password, values["new"])
            return True

        return bool(FormDialog.ask(self, self.tr("Choose your own password"), fields, None, save))

    @classmethod
    def ask(cls, parent: QWidget | None, station_name: str, lang: str, *,
            kiosk: bool = False) -> tuple[Actor, str] | None:
        """(who signed in, the language they chose), or None when they cancelled.
        ``kiosk``: for the front-desk kiosk, which the kiosk account may open too."""
        dialog = cls(parent, station_name, lang, kiosk=kiosk)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return None
        return dialog.actor, dialog.lang
