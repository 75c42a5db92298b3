"""微心愿 through the page, the issue's "done when": a wish placed with a photo, taken on,
adopted by a donor with goods (into stock, set aside), delivered (out of stock) and rated,
each step through its dialog; and the front desk sees the wall and the list as a donor would,
with no household names and no buttons."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from station_desk.core import clock
from station_desk.core.models import ItemCategory, Village, Wish
from station_desk.core.services import donations, stock
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import wishes as ws
from station_desk.ui.dialogs.wish_forms import (
    AdoptWishDialog,
    CancelWishDialog,
    DeliverWishDialog,
    PlaceWishDialog,
    RateWishDialog,
    TakeWishDialog,
)

from .test_pairings_page import answer, untranslated  # noqa: F401 (the same dialog driver)

TODAY = clock.today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def town(staff_actors):
    head = staff_actors["head"]
    macun = Village.get(Village.name == "麻车村").id
    wang = hh.create_household(head, hh.HouseholdInput("王秀英", macun,
                                                       registered_on=TODAY - 400 * DAY),
                               [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
                                hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    category = ItemCategory.select().order_by(ItemCategory.id).first().id
    books = inv.save_item(head, inv.ItemInput("课外书", "套", category, value_fen=12000,
                                              value_from=TODAY - 400 * DAY)).id
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩爱心超市")).id
    return {**staff_actors, "wang": wang.id, "books": books, "donor": donor,
            "grandson": next(m.id for m in wang.members if m.name == "王小军")}


@pytest.fixture
def questions(monkeypatch):
    """Say No to the questions asked (after an adoption: print the acknowledgement now?)."""
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def no(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    return asked


def _stock(actor, item):
    row = next((r for r in stock.overview(actor) if r.item_id == item), None)
    return (row.on_hand, row.reserved) if row else (0, 0)


def _enabled(page) -> set[str]:
    return {name for name, made in page.list.buttons.items() if made.isEnabled()}


def _big_photo(path) -> str:
    """A camera-sized picture full of noise: far over the size limit as it is."""
    image = QImage(2400, 1800, QImage.Format.Format_RGB32)
    rng = random.Random(7)
    for y in range(0, 1800, 6):
        for x in range(0, 2400, 6):
            colour = QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
            for dy in range(6):
                image.setPixelColor(x, y + dy, colour)
    target = str(path / "wish.png")
    assert image.save(target)
    assert (path / "wish.png").stat().st_size > ws.PHOTO_MAX_BYTES
    return target


def test_a_wish_through_its_five_states_with_a_donors_goods(town, store, make_window, questions,
                                                            monkeypatch, no_dialogs, tmp_path):
    worker = town["social_worker"]
    books = town["books"]
    photo = _big_photo(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (photo, ""))
    window = make_window(store, worker, "en")
    window.show_page("wishes")
    page = window.page("wishes")
    page.open_section("list")
    listing = page.list
    assert _enabled(page) == {"place"} and _stock(worker, books) == (0, 0)

    def place(dialog):
        dialog.picker.search.setText("王秀英")
        dialog.picker.find()
        dialog.picker.member.setCurrentIndex(dialog.picker.member.findData(town["grandson"]))
        dialog.alias.setText("小军")
        dialog.what.setText("一套课外书")
        dialog.why.setPlainText("喜欢看书，家里没有课外书")
        dialog.estimated.setText("120")
        dialog.findChild(type(dialog.remove_photo), "choosePhoto").click()
        assert dialog.photo is not None and dialog.remove_photo.isEnabled()

    seen = answer(PlaceWishDialog, place)
    listing.buttons["place"].click()
    assert len(seen) == 1, seen
    [row] = [listing.model.row_at(i) for i in range(listing.model.rowCount())]
    assert (row.status, row.alias, row.head_name, row.estimated_fen, row.has_photo) == (
        "placed", "小军", "王秀英", 12000, True)
    stored = Wish.get_by_id(row.id).photo
    assert len(stored) <= ws.PHOTO_MAX_BYTES and stored[:2] == b"\xff\xd8"  # a small JPEG
    # on the wall: alias, village and the photo's thumbnail
    wall = page.wall
    assert wall.model.rowCount() == 1
    assert wall.model.data(wall.model.index(0, 1)) == "小军"
    assert wall.model.data(wall.model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    assert listing.current_row().id == row.id
    # the chosen wish's photo and why, under the list
    assert "喜欢看书" in listing.detail_label.text() and listing.photo_label.isVisibleTo(page)
    assert _enabled(page) == {"place", "take", "adopt", "cancel"}

    def take(dialog):
        assert dialog.worker.currentData() == worker.staff_id
        assert not dialog.worker.isEnabled()  # a social worker takes it on themself

    seen = answer(TakeWishDialog, take)
    listing.buttons["take"].click()
    assert len(seen) == 1, seen
    assert listing.current_row().status == "taken"
    assert listing.current_row().social_worker == worker.name
    assert _enabled(page) == {"place", "adopt", "cancel"}

    def adopt(dialog):
        dialog.choose_donor(town["donor"])
        dialog.payment.setCurrentIndex(dialog.payment.findData("goods"))
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(books))
        assert line.value.text() == "120.00"  # the item's value on the day
        line.quantity.setValue(1)

    seen = answer(AdoptWishDialog, adopt)
    listing.buttons["adopt"].click()
    assert len(seen) == 1, seen
    current = listing.current_row()
    assert (current.status, current.donor, current.payment) == ("adopted", "石滩爱心超市", "goods")
    # filed as a donation: its acknowledgement is offered to print
    [number] = [a.number for a in donations.acknowledgements(worker)]
    assert len(questions) == 1 and number in questions[0]
    # the donor's goods are in stock, set aside for the wish; the wall no longer shows it
    assert _stock(worker, books) == (1, 1)
    assert wall.model.rowCount() == 0
    assert _enabled(page) == {"place", "deliver", "cancel"}

    seen = answer(DeliverWishDialog, lambda dialog: None)
    listing.buttons["deliver"].click()
    assert len(seen) == 1, seen
    assert listing.current_row().status == "delivered"
    assert _stock(worker, books) == (0, 0)  # out of stock to the household
    assert _enabled(page) == {"place", "rate"}

    def rate(dialog):
        dialog.stars.setCurrentIndex(dialog.stars.findData(4))
        dialog.comment.setPlainText("孩子很喜欢，天天看")

    seen = answer(RateWishDialog, rate)
    listing.buttons["rate"].click()
    assert len(seen) == 1, seen
    current = listing.current_row()
    assert (current.status, current.rating, current.comment) == ("rated", 4, "孩子很喜欢，天天看")
    assert _enabled(page) == {"place"}
    assert "1 placed" in listing.figures_label.text()
    assert no_dialogs == []


def test_a_wish_paid_in_money_a_cancelled_one_and_the_front_desk(town, store, make_window,
                                                                 questions, no_dialogs):
    worker, desk = town["social_worker"], town["front_desk"]
    money_wish = ws.place_wish(worker, ws.WishInput(town["wang"], "助行器", alias="王奶奶",
                                                    estimated_fen=20000)).id
    other = ws.place_wish(worker, ws.WishInput(town["wang"], "新书包", alias="小军",
                                               member_id=town["grandson"])).id
    window = make_window(store, worker, "en")
    window.show_page("wishes")
    page = window.page("wishes")
    page.open_section("list")
    listing = page.list

    def adopt(dialog):
        dialog.choose_donor(town["donor"])
        dialog.payment.setCurrentIndex(dialog.payment.findData("cash"))
        assert dialog.pay_stack.currentWidget() is dialog.cash
        dialog.cash.setText("200")

    listing.select_wish(money_wish)
    seen = answer(AdoptWishDialog, adopt)
    listing.buttons["adopt"].click()
    assert len(seen) == 1, seen
    assert len(questions) == 1  # the acknowledgement of the money, offered to print
    # money: what it bought is needed before it counts as delivered
    seen = answer(DeliverWishDialog, lambda dialog: None)
    listing.buttons["deliver"].click()
    assert len(seen) == 2 and "amount spent" in seen[1], seen

    def deliver(dialog):
        dialog.spent.setText("188")
        dialog.bought_from.setText("镇康复用品店")

    seen = answer(DeliverWishDialog, deliver)
    listing.buttons["deliver"].click()
    assert len(seen) == 1, seen
    assert listing.current_row().status == "delivered"

    listing.select_wish(other)
    seen = answer(CancelWishDialog, lambda dialog: dialog.reason.setText("家属已自行购买"))
    listing.buttons["cancel"].click()
    assert len(seen) == 1, seen
    assert listing.current_row().status == "cancelled" and _enabled(page) == {"place"}
    listing.status_filter.setCurrentIndex(listing.status_filter.findData("cancelled"))
    assert [listing.model.row_at(i).id for i in range(listing.model.rowCount())] == [other]

    # the front desk: the wall and the list with aliases and villages, no names, no buttons
    ws.place_wish(worker, ws.WishInput(town["wang"], "冬天的棉被", alias="王奶奶"))
    front = make_window(store, desk, "en")
    assert "wishes" in front.page_names()
    front.show_page("wishes")
    desk_page = front.page("wishes")
    for tab in (desk_page.wall, desk_page.list):
        model = tab.model
        assert model.rowCount() >= 1
        shown = {model.data(model.index(r, c)) for r in range(model.rowCount())
                 for c in range(model.columnCount())}
        headers = {model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(model.columnCount())}
        assert "王奶奶" in shown and not any("王秀英" in str(text) for text in shown)
        assert "Household" not in headers
    assert not any(made.isVisible() for made in desk_page.list.buttons.values())
    desk_page.open_section("list")
    assert desk_page.tabs.currentWidget() is desk_page.list
    assert no_dialogs == []


def test_the_printed_wish_list_names_no_household(town, store, make_window, monkeypatch):
    import pypdfium2

    from station_desk.ui.dialogs import pdf_preview

    worker = town["social_worker"]
    ws.place_wish(worker, ws.WishInput(town["wang"], "一套课外书", alias="小军",
                                       member_id=town["grandson"], estimated_fen=12000))
    shown = []
    monkeypatch.setattr(pdf_preview, "preview_printout",
                        lambda parent, path, problems, title: shown.append((path, problems, title)))
    window = make_window(store, worker, "en")
    window.show_page("wishes")
    page = window.page("wishes")
    assert page.tabs.currentWidget() is page.wall and page.wall.print_button.isEnabled()
    page.wall.print_button.click()
    [(path, problems, title)] = shown
    assert problems == [] and title == "Wish list"
    document = pypdfium2.PdfDocument(str(path))
    text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    document.close()
    assert "小军" in text and "一套课外书" in text
    assert "王秀英" not in text and "王小军" not in text
