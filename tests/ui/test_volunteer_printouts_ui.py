"""The volunteers page's printouts: 打印志愿者卡 and 开具时长证明 build the PDF in the background
and open the preview; a wrong period keeps the form open with the reason, nothing filed."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core.clock import now, stamp, today
from station_desk.core.models import AttendanceEvent, Certificate
from station_desk.core.services import station
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs.form_dialog import FormDialog


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


@pytest.fixture
def page(store, staff_actors, worker, qtbot):
    from station_desk.ui.context import AppContext
    from station_desk.ui.pages.volunteers import VolunteersPage

    head = staff_actors["head"]
    station.save_station(head, name="石滩镇第一社工服务站", phone="020-82901234",
                         head_id=head.staff_id)
    team = vs.save_team(head, name="巾帼志愿队")
    chen = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13912345678",
                                                       team_id=team.id))
    vs.create_volunteer(head, vs.VolunteerInput("王建国", phone="13800005678"))
    vs.issue_card(head, chen.id)
    start = (now() - dt.timedelta(days=1)).replace(hour=9, minute=0, second=0)
    opened = AttendanceEvent.create(volunteer=chen.id, kind="sign_in", at=stamp(start),
                                    source="staff", recorded_at=stamp())
    AttendanceEvent.create(volunteer=chen.id, kind="sign_out", opens=opened.id,
                           at=stamp(start + dt.timedelta(hours=3)), source="staff",
                           recorded_at=stamp())
    context = AppContext(location=store, actor=staff_actors["front_desk"], lang="en",
                         worker=worker)
    widget = VolunteersPage(context)
    context.bridge.changed.connect(widget.on_changed)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.refresh()
    yield widget
    context.bridge.close()


@pytest.fixture
def previews(monkeypatch):
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    seen = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: seen.append((path, title))))
    return seen


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _fill_period(start: str, end: str):
    """Type the period into the next form and press OK; what stayed on screen, if anything."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, FormDialog) and w.isVisible())
        dialog.widgets["period_from"].setText(start)
        dialog.widgets["period_to"].setText(end)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            seen.append(dialog.error_label.text())
            dialog.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, run)
    return seen


def test_print_cards_previews_the_sheet(page, previews, qtbot, no_dialogs):
    button = page.findChild(object, "printCards")
    assert not button.isHidden()
    button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    path, title = previews[0]
    text = _pdf_text(path)
    assert "陈秀英" in text and "王建国" not in text and title == "Volunteer cards"
    # 王建国 holds no card: the page says so before the preview.
    assert any("1 volunteers hold no valid card" in message for _, message in no_dialogs)


def test_issue_certificate_files_it_and_previews(page, previews, qtbot, no_dialogs):
    page.select_volunteer(next(page.model.row_at(i).id for i in range(page.model.rowCount())
                               if page.model.row_at(i).name == "陈秀英"))
    week_ago = (today() - dt.timedelta(days=7)).isoformat()
    refused = _fill_period(today().isoformat(), week_ago)
    page.findChild(object, "issueCertificate").click()
    assert refused and "晚于结束日期" in refused[0]
    assert Certificate.select().count() == 0
    _fill_period(week_ago, today().isoformat())
    page.findChild(object, "issueCertificate").click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    assert Certificate.select().count() == 1
    text = _pdf_text(previews[0][0])
    assert "Certificate of volunteer service hours" in text and "陈秀英" in text and "用户lxy" in text
    assert no_dialogs == []
