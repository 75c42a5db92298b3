"""政策明白卡 editing: the text of a card version, with a live preview of the wallet card, and
the policy itself (title, short name, area, the 人员类别 it serves).

The preview is the real printout: the one card is built to PDF bytes with the same
``policy_cards.build`` that prints it (wallet layout), and the card's area of page 1 (front)
and page 2 (back) is rendered with pypdfium2, cropped to 90 × 54 mm. A text that does not fit
even at the smallest legible size shows ``fit_problems``' sentence (naming the section)
instead of a picture. Typing restarts a short timer (``PREVIEW_PAUSE_MS``), so the card is
rebuilt once per pause, not per key; a refresh takes about 15-30 ms here after the first
(which registers the font, ~0.1 s).

A version that has been printed never changes (the service files the edit as the next
version): the dialog says so before saving, and its OK button says which number it makes.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.services import policies
from ...messages import describe_error
from ..pages.parts import date_edit
from ..widgets import error_label
from .form_parts import SavingDialog, date_of, form_layout, muted

PREVIEW_PAUSE_MS = 150
PREVIEW_SCALE = 1.6  # pixels per point: a 90 × 54 mm card is 408 × 245 px
SECTIONS = policies.SECTIONS


def section_title(key: str) -> str:
    """The name of a card section in the user's language."""
    titles = {
        "eligibility": QCoreApplication.translate("PolicyCards", "Who qualifies"),
        "standard": QCoreApplication.translate("PolicyCards", "Standard"),
        "materials": QCoreApplication.translate("PolicyCards", "Documents to bring"),
        "steps": QCoreApplication.translate("PolicyCards", "Steps"),
        "hotline": QCoreApplication.translate("PolicyCards", "Hotline"),
    }
    return titles.get(key, key)


def status_title(status: str) -> str:
    titles = {
        "draft": QCoreApplication.translate("PolicyCards", "Draft"),
        "published": QCoreApplication.translate("PolicyCards", "In force"),
        "retired": QCoreApplication.translate("PolicyCards", "Retired"),
    }
    return titles.get(status, status)


def version_label(number: int, effective_on) -> str:
    """What the card prints under its text (as ``policies.card_text`` makes it)."""
    return f"第{number}版" + (f" · {effective_on:%Y-%m-%d} 起施行" if effective_on else "")


def policy_combo(actor, name: str, policy_id: int | None = None) -> QComboBox:
    """The policies that have a card, ``policy_id`` chosen (else the first)."""
    box = QComboBox()
    box.setObjectName(name)
    for row in policies.list_policies(actor):
        if row.latest is not None:
            box.addItem(f"{row.short_name} · {row.title}", row.id)
    box.setCurrentIndex(max(box.findData(policy_id), 0))
    return box


def fill_versions(box: QComboBox, actor, policy_id: int | None,
                  version_id: int | None = None) -> None:
    """A policy's versions, newest first; ``version_id`` chosen, else the one in force."""
    box.clear()
    rows = policies.versions(actor, policy_id) if policy_id is not None else []
    for row in rows:
        box.addItem(QCoreApplication.translate("PolicyCards", "Version %1 (%2)")
                    .replace("%1", str(row.number)).replace("%2", status_title(row.status)),
                    row.id)
    wanted = box.findData(version_id) if version_id is not None else -1
    if wanted < 0:
        wanted = next((i for i, row in enumerate(rows) if row.status == "published"), 0)
    box.setCurrentIndex(wanted)


# --- the live preview ------------------------------------------------------------------------


def render_card(text, scale: float = PREVIEW_SCALE) -> tuple[QImage, QImage]:
    """The wallet card of ``text`` (a ``policy_cards.CardText``) as (front, back) images:
    built as the printout is, then the card's corner of each sheet rendered and cropped."""
    import pypdfium2 as pdfium

    from ...core.reports import policy_cards as report
    from .pdf_preview import _IMAGE_FORMATS

    data = report.build([report.Card(text)], None, layout="wallet")
    document = pdfium.PdfDocument(data)
    images = []
    try:
        for page_index, side in ((0, "front"), (1, "back")):
            x, y = report.card_origin(0, side)
            crop = (x, y, report.PAGE_W - x - report.CARD_W, report.PAGE_H - y - report.CARD_H)
            page = document[page_index]
            try:
                bitmap = page.render(scale=scale, crop=crop, prefer_bgrx=True,
                                     rev_byteorder=True)
                try:
                    images.append(QImage(bitmap.buffer, bitmap.width, bitmap.height,
                                         bitmap.stride, _IMAGE_FORMATS[bitmap.mode]).copy())
                finally:
                    bitmap.close()
            finally:
                page.close()
    finally:
        document.close()
    return images[0], images[1]


class CardPreview(QWidget):
    """The wallet card's front and back, or why the text does not fit."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPreview")
        self.lang = lang
        self.last_ms = 0.0  # how long the last refresh took
        self.front_image: QImage | None = None
        self.back_image: QImage | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.front = self._face("previewFront")
        self.back = self._face("previewBack")
        self.too_long = error_label()
        self.too_long.setObjectName("previewTooLong")
        self.left_out = muted("")
        self.left_out.setObjectName("previewLeftOut")
        self.left_out.hide()
        layout.addWidget(QLabel(self.tr("Front")))
        layout.addWidget(self.front)
        layout.addWidget(QLabel(self.tr("Back")))
        layout.addWidget(self.back)
        layout.addWidget(self.too_long)
        layout.addWidget(self.left_out)
        layout.addStretch(1)

    @staticmethod
    def _face(name: str) -> QLabel:
        face = QLabel()
        face.setObjectName(name)
        width, height = round(90 / 25.4 * 72 * PREVIEW_SCALE), round(54 / 25.4 * 72 * PREVIEW_SCALE)
        face.setFixedSize(width + 2, height + 2)
        face.setAlignment(Qt.AlignmentFlag.AlignCenter)
        face.setStyleSheet("QLabel { border: 1px solid #9e9e9e; background: white; }")
        return face

    def problems(self) -> str:
        return self.too_long.text() if not self.too_long.isHidden() else ""

    def show_text(self, text) -> float:
        """Show ``text``'s card (or its fit problems); returns the milliseconds it took."""
        from ...core.reports import policy_cards as report

        started = time.perf_counter()
        card = report.Card(text)
        problems = report.fit_problems([card], "wallet", lang="zh")
        if problems:
            self.too_long.setText("\n".join(describe_error(p.error(), self.lang)
                                            for p in problems))
            self.too_long.show()
            for face in (self.front, self.back):
                face.clear()
                face.setText(self.tr("Too long to print"))
            self.front_image = self.back_image = None
            self.left_out.hide()
        else:
            self.too_long.clear()
            self.too_long.hide()
            self.front_image, self.back_image = render_card(text)
            self.front.setPixmap(QPixmap.fromImage(self.front_image))
            self.back.setPixmap(QPixmap.fromImage(self.back_image))
            missing = report.left_out(text, "wallet")
            self.left_out.setText(self.tr(
                "Not on the wallet card (no room on its back): %1. The A5 leaflet has it.")
                .replace("%1", "、".join(section_title(k) for k in missing)))
            self.left_out.setVisible(bool(missing))
        self.last_ms = (time.perf_counter() - started) * 1000
        return self.last_ms


# --- the version editor ----------------------------------------------------------------------


class PolicyEditorDialog(SavingDialog):
    """The five sections of a card, its effective date and change note, beside a live
    preview. ``ask(parent, context, policy, version)``: ``policy`` a ``PolicyRow``,
    ``version`` the ``VersionRow`` edited (None: a new version from the latest text).
    Returns the saved ``PolicyVersion``."""

    def __init__(self, parent, context, policy, version=None) -> None:
        super().__init__(parent, context.lang, "policyEditorDialog",
                         self.tr("Policy card: %1").replace("%1", policy.title))
        self.actor = context.actor
        self.policy = policy
        self.version = version
        source = version or policy.latest
        makes_new = version is None or version.printed or version.status == "retired"
        latest = policy.latest.number if policy.latest else 0
        self.number = latest + 1 if makes_new else version.number
        self.resize(1060, 700)

        body = QHBoxLayout()
        self.layout_.addLayout(body, 1)
        fields = QVBoxLayout()
        body.addLayout(fields, 3)
        if version is not None and makes_new:
            why = (self.tr("Version %1 has been printed, so it never changes: saving files "
                           "your edit as version %2 (a draft).") if version.printed else
                   self.tr("Version %1 is retired: saving files your edit as version %2 "
                           "(a draft)."))
            self.new_version_note = muted(why.replace("%1", str(version.number))
                                          .replace("%2", str(self.number)))
        else:
            self.new_version_note = muted(self.tr("Saving makes version %1 (a draft).")
                                          .replace("%1", str(self.number)) if version is None
                                          else self.tr("Editing version %1 (not printed yet).")
                                          .replace("%1", str(self.number)))
        self.new_version_note.setObjectName("newVersionNote")
        fields.addWidget(self.new_version_note)
        form = form_layout()
        fields.addLayout(form)
        self.sections: dict[str, QPlainTextEdit] = {}
        for key in SECTIONS:
            edit = QPlainTextEdit(getattr(source, key) if source else "")
            edit.setObjectName(f"section_{key}")
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(44 if key == "hotline" else 72)
            edit.textChanged.connect(self.schedule_preview)
            self.sections[key] = edit
            form.addRow(section_title(key), self.errors.wrap(key, edit))
        dates = QHBoxLayout()
        self.has_effective = QCheckBox(self.tr("From"))
        self.has_effective.setObjectName("hasEffective")
        effective = version.effective_on if version is not None and not makes_new else None
        self.effective_on = date_edit("effectiveOn", effective or today())
        self.has_effective.setChecked(effective is not None)
        self.effective_on.setEnabled(effective is not None)
        self.has_effective.toggled.connect(self.effective_on.setEnabled)
        self.has_effective.toggled.connect(lambda _on: self.schedule_preview())
        self.effective_on.dateChanged.connect(lambda _d: self.schedule_preview())
        dates.addWidget(self.has_effective)
        dates.addWidget(self.effective_on)
        dates.addWidget(muted(self.tr("(empty: the day it is published)")))
        dates.addStretch(1)
        form.addRow(self.tr("Effective"), self.errors.wrap("effective_on", self._wrap(dates)))
        self.change_note = QLineEdit(version.change_note if version is not None and not makes_new
                                     else "")
        self.change_note.setObjectName("changeNote")
        self.change_note.setPlaceholderText(self.tr("What changed, e.g. the 2027 standard"))
        form.addRow(self.tr("Change note"), self.errors.wrap("change_note", self.change_note))
        fields.addStretch(1)

        self.preview = CardPreview(context.lang, self)
        body.addWidget(self.preview, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_PAUSE_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.finish()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Save as version %1").replace("%1", str(self.number)))
        self.refresh_preview()

    @staticmethod
    def _wrap(layout) -> QWidget:
        box = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        box.setLayout(layout)
        return box

    def effective(self):
        return date_of(self.effective_on) if self.has_effective.isChecked() else None

    def card_text(self):
        from ...core.reports.policy_cards import CardText

        texts = {key: self.sections[key].toPlainText().strip() for key in SECTIONS}
        return CardText(self.policy.title, self.policy.short_name, texts["eligibility"],
                        texts["standard"], texts["materials"], texts["steps"],
                        texts["hotline"], version_label(self.number, self.effective()))

    def schedule_preview(self) -> None:
        self._timer.start()

    def refresh_preview(self) -> float:
        self._timer.stop()
        return self.preview.show_text(self.card_text())

    def save(self):
        text = policies.VersionText(
            **{key: self.sections[key].toPlainText() for key in SECTIONS},
            effective_on=self.effective(), change_note=self.change_note.text())
        return policies.save_version(self.actor, self.policy.id, text,
                                     self.version.id if self.version is not None else None)


# --- the policy itself -----------------------------------------------------------------------


class PolicyFormDialog(SavingDialog):
    """A new policy, or a policy's title, short name, area and the 人员类别 it serves
    (personalised cards match households by these). Returns the saved ``Policy``."""

    def __init__(self, parent, context, policy=None) -> None:
        from ...core.policy_starters import AREAS
        from ...core.services import station

        super().__init__(parent, context.lang, "policyFormDialog",
                         self.tr("Edit policy") if policy else self.tr("New policy"))
        self.actor = context.actor
        self.policy = policy
        self.setMinimumWidth(480)
        form = form_layout()
        self.layout_.addLayout(form)
        self.title = QLineEdit(policy.title if policy else "")
        self.title.setObjectName("policyTitle")
        self.title.setPlaceholderText(self.tr("e.g. 城乡最低生活保障（低保）"))
        form.addRow(self.tr("Title"), self.errors.wrap("policy_title", self.title))
        self.short_name = QLineEdit(policy.short_name if policy else "")
        self.short_name.setObjectName("policyShortName")
        self.short_name.setPlaceholderText(self.tr("e.g. 低保"))
        form.addRow(self.tr("Short name"), self.errors.wrap("short_name", self.short_name))
        self.area = QComboBox()
        self.area.setObjectName("policyArea")
        self.area.setEditable(True)
        self.area.addItems(list(AREAS))
        self.area.setCurrentText(policy.area if policy else "")
        form.addRow(self.tr("Area"), self.errors.wrap("area", self.area))
        self.categories = QListWidget()
        self.categories.setObjectName("policyCategories")
        self.categories.setFixedHeight(150)
        chosen = set(policy.categories) if policy else set()
        for category in station.list_categories(include_inactive=True):
            if not category.active and category.name not in chosen:
                continue  # a category out of use stays ticked where it was, offered nowhere else
            item = QListWidgetItem(category.name)
            item.setData(Qt.ItemDataRole.UserRole, category.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if category.name in chosen
                               else Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        form.addRow(self.tr("Serves"), self.errors.wrap("categories", self.categories))
        self.finish(self.tr("Personalised cards go to the households of the categories ticked."))

    def category_ids(self) -> list[int]:
        items = (self.categories.item(i) for i in range(self.categories.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def save(self):
        data = policies.PolicyInput(self.title.text(), self.short_name.text(),
                                    self.area.currentText(), self.category_ids())
        return policies.save_policy(self.actor, data, self.policy.id if self.policy else None)

