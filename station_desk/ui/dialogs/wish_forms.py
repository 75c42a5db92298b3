"""微心愿 (四单一体) step by step: 下单 (place a wish), 接单 (a social worker takes it on), 买单 (a
donor adopts it, with goods or money), 送达 (delivered), 评单 (rated by the client), and
cancelling one. Each dialog saves through ``services.wishes``; a refusal stays in the dialog.

A photo of the wish is optional; it is scaled down to a small JPEG here, so what is stored
stays under ``wishes.PHOTO_MAX_BYTES`` whatever the camera made.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core import money
from ...core.errors import StationError, ValidationError
from ...core.models import WISH_PAYMENTS
from ...core.roles import Actor
from ...core.services import inventory, stock, wishes
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout
from .household_picker import HouseholdPicker
from .open_case import worker_choices
from .pairing_forms import Switch, text_box
from .receive_goods import item_combo, offer_acknowledgement

PHOTO_SIDE = 800  # pixels, the longest side of a stored photo
THUMB_SIDE = 96


def photo_bytes(path: str, limit: int = wishes.PHOTO_MAX_BYTES) -> bytes:
    """The picture at ``path`` as a JPEG under ``limit`` bytes: scaled to PHOTO_SIDE, then
    smaller and coarser until it fits."""
    image = QImage(path)
    if image.isNull():
        raise ValidationError("wish_photo_unreadable", field="photo", path=path)
    side, quality = PHOTO_SIDE, 82
    while True:
        scaled = image
        if max(image.width(), image.height()) > side:
            scaled = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        scaled.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPG", quality)
        buffer.close()
        if data.size() <= limit or side <= 160:
            return bytes(data.data())
        side, quality = int(side * 0.75), max(quality - 10, 50)


def thumbnail(data: bytes | None, side: int = THUMB_SIDE) -> QPixmap | None:
    if not data:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        return None
    return pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


def _about(row: wishes.WishRow) -> str:
    who = f"{row.alias}（{row.head_name}），{row.village}" if row.head_name else \
        f"{row.alias}，{row.village}"
    return f"{row.what} — {who}"


class PlaceWishDialog(SavingDialog):
    """下单; ``ask`` returns the new wish's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, lang: str = "zh") -> None:
        super().__init__(parent, lang, "placeWish", self.tr("Place a wish"))
        self.actor = actor
        self.photo: bytes | None = None
        self.setMinimumWidth(640)
        self.picker = HouseholdPicker(actor, self, with_member=True,
                                      member_label=self.tr("Whose wish it is"))
        self.alias = QLineEdit()
        self.alias.setObjectName("wishAlias")
        self.alias.setPlaceholderText(self.tr("What donors see, e.g. 王奶奶 or 小军"))
        self.what = QLineEdit()
        self.what.setObjectName("wishWhat")
        self.what.setPlaceholderText(self.tr("e.g. 一套课外书"))
        self.why = text_box("wishWhy")
        self.why.setPlaceholderText(self.tr("Why it is wished for, in the client's words"))
        self.estimated = QLineEdit()
        self.estimated.setObjectName("wishEstimated")
        self.estimated.setPlaceholderText(self.tr("Yuan, e.g. 120"))
        self.placed_on = date_edit("wishPlacedOn")

        photo_row = QWidget()
        row = QHBoxLayout(photo_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.photo_label = QLabel(self.tr("No photo"))
        self.photo_label.setObjectName("wishPhoto")
        self.photo_label.setMinimumSize(THUMB_SIDE, THUMB_SIDE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose = QPushButton(self.tr("Choose a photo…"))
        choose.setObjectName("choosePhoto")
        choose.clicked.connect(self.choose_photo)
        self.remove_photo = QPushButton(self.tr("Remove photo"))
        self.remove_photo.setObjectName("removePhoto")
        self.remove_photo.clicked.connect(lambda: self.set_photo(None))
        row.addWidget(self.photo_label)
        row.addWidget(choose)
        row.addWidget(self.remove_photo)
        row.addStretch(1)
        self.set_photo(None)

        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Household"), wrap("household", self.picker))
        form.addRow(self.tr("Alias shown to donors"), wrap("alias", self.alias))
        form.addRow(self.tr("The wish"), wrap("wish_what", self.what))
        form.addRow(self.tr("Why"), wrap("why", self.why))
        form.addRow(self.tr("Estimated value (yuan)"), wrap("estimated", self.estimated))
        form.addRow(self.tr("Placed on"), wrap("placed_on", self.placed_on))
        form.addRow(self.tr("Photo"), wrap("photo", photo_row))
        self.layout_.addLayout(form)
        self.finish(self.tr("The wish wall and the printed wish list show the alias and the "
                            "village only, never the household's name."))
        # shown at its size hint: on a 1280×800 screen Qt would shrink it to its minimum,
        # which squeezes the household matches under their own label
        self.resize(self.sizeHint().expandedTo(self.minimumSize()))

    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "", self.tr("Pictures (*.jpg *.jpeg *.png *.bmp)"))
        if not path:
            return
        try:
            self.set_photo(photo_bytes(path))
        except StationError as error:
            self.errors.show(error)

    def set_photo(self, data: bytes | None) -> None:
        self.photo = data
        pixmap = thumbnail(data)
        if pixmap is None:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("No photo"))
        else:
            self.photo_label.setPixmap(pixmap)
        self.remove_photo.setEnabled(data is not None)

    def save(self) -> int:
        if self.picker.household_id is None:
            raise ValidationError("required", field="household")
        estimated = money.parse_yuan(self.estimated.text(), field="estimated") or 0
        return wishes.place_wish(self.actor, wishes.WishInput(
            household_id=self.picker.household_id, member_id=self.picker.member_id(),
            what=self.what.text(), alias=self.alias.text(), why=self.why.toPlainText(),
            estimated_fen=estimated, placed_on=date_of(self.placed_on), photo=self.photo)).id


class TakeWishDialog(SavingDialog):
    """接单: the head may name the social worker; ``ask`` returns the wish's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, row: wishes.WishRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "takeWish", self.tr("Take on the wish"), _about(row))
        self.actor = actor
        self.wish = row
        self.setMinimumWidth(440)
        self.worker = QComboBox()
        self.worker.setObjectName("wishWorker")
        for staff_id, name in worker_choices(actor):
            self.worker.addItem(name, staff_id)
        self.worker.setCurrentIndex(max(self.worker.findData(actor.staff_id), 0))
        self.worker.setEnabled(self.worker.count() > 1)
        self.taken_on = date_edit("wishTakenOn")
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Social worker"), wrap("social_worker", self.worker))
        form.addRow(self.tr("Taken on"), wrap("taken_on", self.taken_on))
        self.layout_.addLayout(form)
        self.finish()

    def save(self) -> int:
        return wishes.take_wish(self.actor, self.wish.id, self.worker.currentData(),
                                date_of(self.taken_on)).id


@dataclass
class _GoodsLine:
    item: QComboBox
    quantity: QSpinBox
    value: QLineEdit
    remove: QPushButton


class AdoptWishDialog(SavingDialog):
    """买单: a donor from the donors list gives goods (they go into stock, set aside for the
    wish) or money (into the cash book); ``ask`` returns the wish's id."""

    def __init__(self, parent: QWidget | None, context, row: wishes.WishRow) -> None:
        super().__init__(parent, context.lang, "adoptWish", self.tr("Adopt the wish"), _about(row))
        self.context = context
        self.actor = context.actor
        self.wish = row
        self.lines: list[_GoodsLine] = []
        self.donation_id: int | None = None
        self._count = 0
        self.setMinimumWidth(720)
        self._items = inventory.find_items(self.actor)

        donor_row = QWidget()
        donor_layout = QHBoxLayout(donor_row)
        donor_layout.setContentsMargins(0, 0, 0, 0)
        self.donor_search = QLineEdit()
        self.donor_search.setObjectName("donorSearch")
        self.donor_search.setClearButtonEnabled(True)
        self.donor_search.setPlaceholderText(self.tr("Name, initials or phone tail"))
        self.donor_search.textChanged.connect(lambda _t: self.find_donors())
        self.donor = QComboBox()
        self.donor.setObjectName("wishDonor")
        self.donor.setMinimumWidth(220)
        self.donor.view().setMinimumWidth(380)  # the list shows whole names
        new_donor = QPushButton(self.tr("New donor…"))
        new_donor.setObjectName("newDonor")
        new_donor.clicked.connect(self.new_donor)
        donor_layout.addWidget(self.donor_search, 1)
        donor_layout.addWidget(self.donor, 1)
        donor_layout.addWidget(new_donor)

        self.payment = QComboBox()
        self.payment.setObjectName("wishPayment")
        for code in WISH_PAYMENTS:
            self.payment.addItem(label("wish_payment", code), code)
        self.payment.currentIndexChanged.connect(self._payment_changed)
        self.pay_stack = Switch()
        self.pay_stack.setObjectName("payStack")

        goods = QWidget()
        self.grid = QGridLayout(goods)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        for column, text in enumerate((self.tr("Item"), self.tr("Quantity"),
                                       self.tr("Unit value (yuan)"))):
            head = QLabel(text)
            head.setObjectName("muted")
            self.grid.addWidget(head, 0, column)
        self.grid.setColumnStretch(0, 1)
        self.add_line_button = QPushButton(self.tr("Add line"))
        self.add_line_button.setObjectName("addLine")
        self.add_line_button.clicked.connect(lambda: self.add_line())
        self.grid.addWidget(self.add_line_button, 999, 0, Qt.AlignmentFlag.AlignLeft)
        self.pay_stack.addWidget(goods)
        self.cash = QLineEdit()
        self.cash.setObjectName("wishCash")
        self.cash.setPlaceholderText(self.tr("Yuan, e.g. 200"))
        self.pay_stack.addWidget(self.cash)

        self.adopted_on = date_edit("wishAdoptedOn")
        self.note = QLineEdit()
        self.note.setObjectName("wishAdoptNote")
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Donor"), wrap("donor", donor_row))
        form.addRow(self.tr("Paid with"), wrap("payment", self.payment))
        self.pay_label = QLabel()
        form.addRow(self.pay_label, wrap("cash", self.pay_stack))
        self.errors.widgets["lines"] = self.pay_stack
        form.addRow(self.tr("Adopted on"), wrap("adopted_on", self.adopted_on))
        form.addRow(self.tr("Note"), wrap("note", self.note))
        self.layout_.addLayout(form)
        self.finish(self.tr("What the donor gives is filed as a donation with an "
                            "acknowledgement number; goods are set aside for the wish until "
                            "it is delivered."))
        self.find_donors()
        self.add_line()
        self._payment_changed()

    def find_donors(self) -> None:
        current = self.donor.currentData()
        rows = inventory.find_donors(self.actor, self.donor_search.text(), limit=200)
        self.donor.clear()
        for row in rows:
            self.donor.addItem(f"{row.name} ({label('donor_kind', row.kind)})", row.id)
        index = self.donor.findData(current)
        self.donor.setCurrentIndex(index if index >= 0 else (0 if rows else -1))

    def choose_donor(self, donor_id: int) -> None:
        index = self.donor.findData(donor_id)
        if index < 0:
            self.donor_search.clear()
            index = self.donor.findData(donor_id)
        self.donor.setCurrentIndex(index)

    def new_donor(self) -> None:
        from .donor_form import DonorFormDialog

        typed = self.donor_search.text().strip()
        donor_id = DonorFormDialog.ask(self, self.context,
                                       name=typed if not typed.isdigit() else "")
        if donor_id is not None:
            self.donor_search.blockSignals(True)
            self.donor_search.clear()
            self.donor_search.blockSignals(False)
            self.find_donors()
            self.choose_donor(donor_id)

    def _payment_changed(self) -> None:
        goods = self.payment.currentData() == "goods"
        self.pay_stack.setCurrentIndex(0 if goods else 1)
        self.pay_label.setText(self.tr("Goods") if goods else self.tr("Amount (yuan)"))
        self.errors.clear()

    def add_line(self, item_id: int | None = None, quantity: int = 1) -> _GoodsLine:
        self._count += 1
        n = self._count
        box = item_combo(self._items, f"wishItem_{n}")
        box.setMinimumWidth(240)
        count = QSpinBox()
        count.setObjectName(f"wishQuantity_{n}")
        count.setRange(1, 100_000)
        count.setValue(quantity)
        value = QLineEdit()
        value.setObjectName(f"wishValue_{n}")
        value.setMaximumWidth(110)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"wishRemoveLine_{n}")
        line = _GoodsLine(box, count, value, remove)
        for column, widget in enumerate((box, count, value, remove)):
            self.grid.addWidget(widget, n, column)
        box.currentIndexChanged.connect(lambda _i, ln=line: self._prefill(ln))
        remove.clicked.connect(lambda _c=False, ln=line: self.remove_line(ln))
        self.lines.append(line)
        if item_id is not None:
            box.setCurrentIndex(box.findData(item_id))
        return line

    def remove_line(self, line: _GoodsLine) -> None:
        if line in self.lines:
            self.lines.remove(line)
            for widget in (line.item, line.quantity, line.value, line.remove):
                self.grid.removeWidget(widget)
                widget.deleteLater()

    def _prefill(self, line: _GoodsLine) -> None:
        item_id = line.item.currentData()
        fen = inventory.value_on(item_id, date_of(self.adopted_on)) if item_id else None
        line.value.setText(money.yuan(fen))

    def in_lines(self) -> list[stock.InLine]:
        result = []
        for number, line in enumerate(self.lines, start=1):
            typed = line.item.currentText().strip()
            index = line.item.currentIndex()
            if index < 0 or typed != line.item.itemText(index):
                if typed:
                    raise ValidationError("item_not_chosen", line=number)
                continue
            fen = money.parse_yuan(line.value.text(), field="unit_value")
            result.append(stock.InLine(item_id=line.item.currentData(),
                                       quantity=line.quantity.value(), unit_value_fen=fen))
        return result

    def save(self) -> int:
        donor_id = self.donor.currentData()
        if donor_id is None:
            raise ValidationError("required", field="donor")
        payment = self.payment.currentData()
        lines = self.in_lines() if payment == "goods" else []
        cash = (money.parse_yuan(self.cash.text(), field="cash", required=True) or 0
                if payment == "cash" else 0)
        wish = wishes.adopt_wish(self.actor, self.wish.id, wishes.AdoptInput(
            donor_id=donor_id, payment=payment, lines=lines, cash_fen=cash,
            adopted_on=date_of(self.adopted_on), note=self.note.text()))
        self.donation_id = wish.donation_id
        return wish.id

    @classmethod
    def ask(cls, parent: QWidget | None, context, row: wishes.WishRow) -> int | None:
        """Adopt ``row``'s wish; the donor's acknowledgement (捐赠物资接收凭证) is then offered
        to print, as for any donation received. Returns the wish's id, or None."""
        dialog = cls(parent, context, row)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.donation_id is not None:
            offer_acknowledgement(parent, context, dialog.donation_id)
        return dialog.result_value


class DeliverWishDialog(SavingDialog):
    """送达: goods leave stock to the household; money: what it bought, from which shop."""

    def __init__(self, parent: QWidget | None, actor: Actor, row: wishes.WishRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "deliverWish", self.tr("Wish delivered"), _about(row))
        self.actor = actor
        self.wish = row
        self.setMinimumWidth(460)
        self.delivered_on = date_edit("wishDeliveredOn")
        self.spent = QLineEdit()
        self.spent.setObjectName("wishSpent")
        self.spent.setPlaceholderText(self.tr("Yuan, e.g. 188"))
        self.bought_from = QLineEdit()
        self.bought_from.setObjectName("wishBoughtFrom")
        self.bought_from.setPlaceholderText(self.tr("e.g. 镇康复用品店"))
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Delivered on"), wrap("delivered_on", self.delivered_on))
        cash = row.payment == "cash"
        if cash:
            form.addRow(self.tr("Amount spent (yuan)"), wrap("spent", self.spent))
            form.addRow(self.tr("Bought from"), wrap("bought_from", self.bought_from))
        self.layout_.addLayout(form)
        self.finish(self.tr("What the money bought is paid out of the cash book.") if cash
                    else self.tr("The donated goods set aside for the wish leave stock to the "
                                 "household."))

    def save(self) -> int:
        spent = 0
        if self.wish.payment == "cash":
            spent = money.parse_yuan(self.spent.text(), field="spent", required=True) or 0
        return wishes.deliver_wish(self.actor, self.wish.id, date_of(self.delivered_on),
                                   spent_fen=spent, bought_from=self.bought_from.text()).id


class RateWishDialog(SavingDialog):
    """评单: 1–5 stars and what the client said."""

    def __init__(self, parent: QWidget | None, actor: Actor, row: wishes.WishRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "rateWish", self.tr("Rate the wish"), _about(row))
        self.actor = actor
        self.wish = row
        self.setMinimumWidth(460)
        self.stars = QComboBox()
        self.stars.setObjectName("wishStars")
        for stars in range(5, 0, -1):
            self.stars.addItem(f"{'★' * stars}{'☆' * (5 - stars)}  {stars}", stars)
        self.comment = text_box("wishComment")
        self.comment.setPlaceholderText(self.tr("The client's words"))
        self.rated_on = date_edit("wishRatedOn")
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Rating"), wrap("rating", self.stars))
        form.addRow(self.tr("Comment"), wrap("comment", self.comment))
        form.addRow(self.tr("Rated on"), wrap("rated_on", self.rated_on))
        self.layout_.addLayout(form)
        self.finish()

    def save(self) -> int:
        return wishes.rate_wish(self.actor, self.wish.id, self.stars.currentData(),
                                self.comment.toPlainText(), date_of(self.rated_on)).id


class CancelWishDialog(SavingDialog):
    """Withdraw a wish before delivery; goods a donor gave stay in stock, free again."""

    def __init__(self, parent: QWidget | None, actor: Actor, row: wishes.WishRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "cancelWish", self.tr("Cancel the wish"), _about(row))
        self.actor = actor
        self.wish = row
        self.setMinimumWidth(440)
        self.reason = QLineEdit()
        self.reason.setObjectName("wishCancelReason")
        self.reason.setPlaceholderText(self.tr("e.g. 家属已自行购买"))
        form = form_layout()
        form.addRow(self.tr("Reason"), self.errors.wrap("reason", self.reason))
        self.layout_.addLayout(form)
        self.finish(self.tr("Goods a donor gave stay in stock as their donation, free for "
                            "other use; money stays in the cash book.")
                    if row.status == "adopted" else "")

    def save(self) -> int:
        return wishes.cancel_wish(self.actor, self.wish.id, self.reason.text()).id
