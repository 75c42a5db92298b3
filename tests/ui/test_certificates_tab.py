"""The volunteers page's 时长证明 tab: certificates on file, newest first; 作废 needs a reason
(the row then reads 作废 and greys), 重新打印 rebuilds the PDF and previews it."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core.clock import now, stamp, today
from station_desk.core.models import AttendanceEvent, Certificate
from station_desk.core.services import certificates, station
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs.form_dialog import FormDialog


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def _served(volunteer_id: int, days_ago: int, hours: int) -> None:
    start = (now() - dt.timedelta(days=days_ago)).replace(hour=9, minute=0, second=0)
    opened = AttendanceEvent.create(volunteer=volunteer_id, kind="sign_in", at=stamp(start),
                                    source="staff", recorded_at=stamp())
    AttendanceEvent.create(volunteer=volunteer_id, kind="sign_out", opens=opened.id,
                           at=stamp(start + dt.timedelta(hours=hours)), source="staff",
                           recorded_at=stamp())


@pytest.fixture
def issued(store, staff_actors):
    head = staff_actors["head"]
    station.save_station(head, name="石滩镇第一社工服务站", phone="020-82901234",
                         head_id=head.staff_id)
    chen = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13912345678"))
    wang = vs.create_volunteer(head, vs.VolunteerInput("王建国", phone="13800005678"))
    _served(chen.id, 1, 3)
    _served(wang.id, 2, 2)
    start = today() - dt.timedelta(days=7)
    first = certificates.issue_certificate(head, chen.id, start, today())
    second = certificates.issue_certificate(head, wang.id, start, today())
    return first, second


def _page(store, actor, worker, qtbot):
    from station_desk.ui.context import AppContext
    from station_desk.ui.pages.volunteers import VolunteersPage

    context = AppContext(location=store, actor=actor, lang="en", worker=worker)
    widget = VolunteersPage(context)
    context.bridge.changed.connect(widget.on_changed)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.refresh()
    widget.open_section("certificates")
    return widget, context


@pytest.fixture
def page(store, staff_actors, worker, qtbot, issued):
    widget, context = _page(store, staff_actors["front_desk"], worker, qtbot)
    yield widget
    context.bridge.close()


@pytest.fixture
def previews(monkeypatch):
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    seen = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: seen.append((path, title))))
    return seen


def _cell(page, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = page.certificates_model
    return model.data(model.index(row, column), role)


def _fill_reason(reason: str):
    """Type the reason into the next form and press OK; what stayed on screen, if anything."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, FormDialog) and w.isVisible())
        dialog.widgets["reason"].setPlainText(reason)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            seen.append(dialog.error_label.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def test_lists_certificates_newest_first(page, issued):
    assert page.tabs.currentWidget().objectName() == "tab_certificates"
    model = page.certificates_model
    assert model.rowCount() == 2
    year = today().year
    assert [_cell(page, r, 0) for r in range(2)] == [f"{year}-0002", f"{year}-0001"]
    assert [_cell(page, r, 1) for r in range(2)] == ["王建国", "陈秀英"]
    assert _cell(page, 0, 3) == "2" and _cell(page, 1, 3) == "3"
    assert _cell(page, 0, 4) == today().isoformat()
    assert _cell(page, 0, 6) == "Valid"
    assert _cell(page, 0, 6, Qt.ItemDataRole.ForegroundRole) is None
    # nothing selected: neither button does anything yet
    assert not page.reprint_button.isEnabled() and not page.void_button.isEnabled()


def test_void_needs_a_reason_then_greys_the_row(page, issued):
    page.select_certificate(issued[1])
    assert page.void_button.isEnabled()
    refused = _fill_reason("   ")
    page.void_button.click()
    assert refused and ("原因" in refused[0] or "Reason" in refused[0])
    assert not Certificate.get_by_id(issued[1]).void

    _fill_reason("打印错误，重新开具")
    page.void_button.click()
    certificate = Certificate.get_by_id(issued[1])
    assert certificate.void and certificate.void_reason == "打印错误，重新开具"
    assert _cell(page, 0, 6) == "Void: 打印错误，重新开具"
    assert _cell(page, 0, 0, Qt.ItemDataRole.ForegroundRole) is not None
    assert _cell(page, 1, 6) == "Valid"
    # a void certificate cannot be voided again; it can still be printed
    page.select_certificate(issued[1])
    assert not page.void_button.isEnabled() and page.reprint_button.isEnabled()


def test_reprint_previews_the_pdf_void_marked(page, issued, previews, qtbot, no_dialogs):
    head_actor = page.actor  # front desk may edit volunteers
    certificates.void_certificate(head_actor, issued[0], "信息有误")
    page.load_certificates()
    page.select_certificate(issued[0])
    page.reprint_button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    path, title = previews[0]
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "陈秀英" in text and "This certificate is void: 信息有误" in text
    assert title == "Hours certificate"
    page.select_certificate(issued[1])
    page.reprint_button.click()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=15000)
    text = subprocess.run(["pdftotext", str(previews[1][0]), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "王建国" in text and "void" not in text
    assert no_dialogs == []

