"""Volunteer printouts: roster, sign-in sheet, cards with QR codes, and hours certificates
(numbered from a counter, kept on file, voided but never deleted)."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading

import pytest

from station_desk.cli import EXIT_ERROR
from station_desk.cli import main as cli_main
from station_desk.core import settings
from station_desk.core.clock import stamp, today
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import (
    Assignment,
    AuditLog,
    CardToken,
    Certificate,
    CertificateCounter,
    Shift,
)
from station_desk.core.reports import certificate as certificate_pdf
from station_desk.core.reports import roster_sheet, sign_in_sheet, volunteer_cards
from station_desk.core.services import attendance as att
from station_desk.core.services import certificates as certs
from station_desk.core.services import station as station_service
from station_desk.core.services import volunteers as vs
from station_desk.core.services.settings import set_setting

ID_NUMBER = "11010519491231002X"
MONDAY = today() - dt.timedelta(days=today().weekday() + 7)  # last week's Monday


def _text(data: bytes, tmp_path, name="out") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout.replace(" ", "")


def _moment(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm)).astimezone()


@pytest.fixture
def desk(head):
    """A station with a team, three volunteers, last week's shifts and some attendance."""
    station_service.save_station(head, name="石滩镇第一社工服务站", phone="020-82901234",
                                 organisation="广州市启航社会工作服务中心", head_id=head.staff_id)
    team = vs.save_team(head, name="巾帼志愿队")
    chen = vs.create_volunteer(head, vs.VolunteerInput(
        "陈秀英", phone="13912345678", id_number=ID_NUMBER, team_id=team.id,
        platform_number="44011500012345"))
    wang = vs.create_volunteer(head, vs.VolunteerInput("王建国", phone="13800005678"))
    left = vs.create_volunteer(head, vs.VolunteerInput("李离开", phone="13700001111",
                                                       team_id=team.id, status="left"))
    shifts = []
    for offset in (0, 1, 2):
        shift = Shift.create(name="前台值班", kind="front_desk", place="服务大厅",
                             day=MONDAY + dt.timedelta(days=offset), start_time="08:30",
                             end_time="12:00", capacity=2, created_at=stamp())
        shifts.append(shift)
    hotline = Shift.create(name="热线接听", kind="hotline", day=MONDAY, start_time="14:00",
                           end_time="17:00", capacity=1, created_at=stamp())
    for shift, volunteer, status in ((shifts[0], chen, "confirmed"), (shifts[0], wang, "planned"),
                                     (shifts[1], chen, "cancelled"), (hotline, chen, "planned")):
        Assignment.create(shift=shift, volunteer=volunteer, status=status, created_at=stamp(),
                          updated_at=stamp())
    # Monday: 3 h at the front desk and 2.5 h on the hotline (paper); Tuesday a void visit.
    att.punch(head, chen.id, at=_moment(MONDAY, 8, 30))
    att.punch(head, chen.id, at=_moment(MONDAY, 11, 30))
    att.record_paper(head, chen.id, sign_in_at=_moment(MONDAY, 14, 0),
                     sign_out_at=_moment(MONDAY, 16, 30), shift_id=hotline.id)
    att.punch(head, chen.id, at=_moment(MONDAY + dt.timedelta(days=1), 9, 0))
    tuesday_in = att.open_visit_of(chen.id)
    att.void(head, tuesday_in.id, reason="重复录入")
    return {"chen": chen, "wang": wang, "left": left, "team": team, "shifts": shifts,
            "hotline": hotline}


# --- roster ----------------------------------------------------------------------------------


def test_parse_week():
    assert roster_sheet.parse_week("2026-W48") == dt.date(2026, 11, 23)
    assert roster_sheet.parse_week("2026w01") == dt.date(2025, 12, 29)
    for bad in ("2026-48", "2026-W54", "", "next week"):
        with pytest.raises(ValidationError) as caught:
            roster_sheet.parse_week(bad)
        assert caught.value.code == "printout_bad_week"


def test_roster_grid_and_pdf(desk, head, tmp_path):
    data = roster_sheet.gather(head, MONDAY)
    assert [(s.name, s.start_time) for s in data.slots] == [("前台值班", "08:30"), ("热线接听", "14:00")]
    front = data.slots[0].cells
    assert front[0].names == (("陈秀英", True), ("王建国", False))
    assert front[1].names == ()  # the cancelled assignment is not on the roster
    assert front[3] is None and front[6] is None
    text = _text(roster_sheet.build(data), tmp_path)
    assert "石滩镇第一社工服务站志愿者排班表" in text
    assert "陈秀英" in text and "王建国（待确认）" in text and "缺2人" in text
    assert "热线接听" in text and "14:00–17:00" in text
    empty = roster_sheet.gather(head, MONDAY + dt.timedelta(days=70))
    assert "这一周没有排班" in _text(roster_sheet.build(empty), tmp_path, "empty")


# --- sign-in sheet ---------------------------------------------------------------------------


def test_sign_in_sheet_for_a_day_and_a_shift(desk, head, tmp_path):
    data = sign_in_sheet.gather(head, MONDAY)
    assert [(r.shift.split()[1], r.name) for r in data.rows] == [
        ("前台值班", "陈秀英"), ("前台值班", "王建国"), ("热线接听", "陈秀英")]
    text = _text(sign_in_sheet.build(data), tmp_path)
    for word in ("签到时间", "签退时间", "本人签名", "陈秀英", "王建国", "纸质签到表", "全天各班次"):
        assert word in text
    assert "13912345678" not in text and "5678" not in text  # no phones on the sheet
    one = sign_in_sheet.gather(head, MONDAY, desk["hotline"].id)
    assert [r.name for r in one.rows] == ["陈秀英"] and "热线接听" in one.shift
    assert "已排班1人" in _text(sign_in_sheet.build(one), tmp_path, "one")
    # A day with nobody assigned still gives a sheet of blank rows, on one page.
    blank = sign_in_sheet.build(sign_in_sheet.gather(head, MONDAY + dt.timedelta(days=5)))
    assert "共1页" in _text(blank, tmp_path, "blank")


def test_sign_in_sheet_many_rows_spill_onto_more_pages(head, tmp_path):
    rows = tuple(sign_in_sheet.SignInRow("#1 前台值班 08:30–12:00", f"志愿者{i}") for i in range(40))
    data = sign_in_sheet.SignInData("测试站", MONDAY, "", rows)
    text = _text(sign_in_sheet.build(data), tmp_path)
    # 22 rows on the first page, 24 on the next; at least 8 blank rows: a third page, filled.
    assert "志愿者39" in text and "第3页/共3页" in text and "另留" in text and "补录人" in text
    last = text.split("\f")[2]
    assert "补录人" in last and "已排班40人，另留24行" in last and "共4页" not in text


# --- cards -----------------------------------------------------------------------------------


def test_cards_only_for_live_cards_and_never_personal_numbers(desk, head, tmp_path):
    chen, wang = desk["chen"], desk["wang"]
    token = vs.issue_card(head, chen.id)
    old = vs.issue_card(head, wang.id)
    newer = vs.issue_card(head, wang.id)  # the first card of 王建国 is revoked
    sheet = volunteer_cards.gather(head)
    assert [(c.name, c.token) for c in sheet.cards] == [("王建国", newer), ("陈秀英", token)] or \
        [(c.name, c.token) for c in sheet.cards] == [("陈秀英", token), ("王建国", newer)]
    assert old not in {c.token for c in sheet.cards}
    assert sheet.without_card == 0  # 李离开 has left: not counted
    by_team = volunteer_cards.gather(head, team_id=desk["team"].id)
    assert [c.name for c in by_team.cards] == ["陈秀英"]
    assert by_team.cards[0].number == "44011500012345" and by_team.cards[0].team == "巾帼志愿队"
    data = volunteer_cards.build(sheet)
    text = _text(data, tmp_path)
    assert "陈秀英" in text and "巾帼志愿队" in text and "石滩镇第一社工服务站" in text
    for secret in (ID_NUMBER, "13912345678", "13800005678", token):
        assert secret not in text
    # The QR is made from the token alone: the same token, the same modules.
    modules = volunteer_cards.qr_modules(token)
    assert len(modules) in (25, 29)  # version 2 or 3 for a 22-character token
    assert volunteer_cards.qr_modules(token) == modules  # the same token, the same code


def test_card_sheet_counts_volunteers_without_a_card(desk, head, tmp_path):
    vs.issue_card(head, desk["chen"].id)
    sheet = volunteer_cards.gather(head)
    assert [c.name for c in sheet.cards] == ["陈秀英"] and sheet.without_card == 1
    many = volunteer_cards.CardSheet("站", sheet.cards * 23)
    text = _text(volunteer_cards.build(many), tmp_path)
    assert "1/3" in text and "3/3" in text


def test_cards_need_edit_rights(desk, staff_actors):
    with pytest.raises(PermissionDenied):
        volunteer_cards.gather(staff_actors["kiosk"])


# --- certificates ----------------------------------------------------------------------------


def test_service_record_counts_actual_hours(desk, head):
    record = certs.service_record(head, desk["chen"].id, MONDAY, MONDAY + dt.timedelta(days=6))
    # 3 h at the desk + 2.5 h on the hotline (paper, 补登: credited); the void visit is not.
    assert (record.hours, record.person_times) == (5.5, 2)
    assert record.content in ("前台值班、热线接听", "热线接听、前台值班")


def test_issue_certificate_numbers_never_repeat_and_stay_on_file(desk, head, tmp_path):
    chen = desk["chen"]
    end = MONDAY + dt.timedelta(days=6)
    first = certs.issue_certificate(head, chen.id, MONDAY, end)
    second = certs.issue_certificate(head, chen.id, MONDAY, MONDAY)
    numbers = [Certificate.get_by_id(i).number for i in (first, second)]
    year = today().year
    assert numbers == [f"{year}-0001", f"{year}-0002"]
    certs.void_certificate(head, first, "打印错误")
    with pytest.raises(ValidationError) as caught:
        certs.void_certificate(head, first, "再次作废")
    assert caught.value.code == "certificate_void_already"
    third = certs.issue_certificate(head, chen.id, MONDAY, end)
    assert Certificate.get_by_id(third).number == f"{year}-0003"  # a voided number is not reused
    assert Certificate.select().count() == 3
    assert CertificateCounter.get(CertificateCounter.year == year).last == 3
    rows = certs.list_certificates(head, chen.id)
    assert [(r.number, r.void) for r in rows] == [(f"{year}-0003", False), (f"{year}-0002", False),
                                                  (f"{year}-0001", True)]
    assert AuditLog.select().where(AuditLog.table_name == "certificate").count() == 4
    filed = Certificate.get_by_id(first)
    assert (filed.hours, filed.issued_by_name, filed.void_reason) == (5.5, head.name, "打印错误")


def test_numbers_unique_under_concurrent_issuing(desk, head, store):
    """Two desks issuing at once: the counter is bumped in each IMMEDIATE transaction."""
    from station_desk.core import db

    chen = desk["chen"].id
    errors = []

    def issue():
        try:
            for _ in range(5):
                certs.issue_certificate(head, chen, MONDAY, MONDAY)
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
        finally:
            db.database.close()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = [c.number for c in Certificate.select()]
    assert len(numbers) == 10 and len(set(numbers)) == 10


def test_certificate_refusals(desk, head):
    chen = desk["chen"].id
    for start, end, code in ((MONDAY, MONDAY - dt.timedelta(days=1), "certificate_period"),
                             (MONDAY, today() + dt.timedelta(days=1), "certificate_future"),
                             (MONDAY - dt.timedelta(days=30), MONDAY - dt.timedelta(days=20),
                              "certificate_no_hours")):
        with pytest.raises(ValidationError) as caught:
            certs.issue_certificate(head, chen, start, end)
        assert caught.value.code == code
    assert Certificate.select().count() == 0 and CertificateCounter.select().count() == 0


def test_certificate_pdf_masks_the_id_unless_the_station_says(desk, head, staff_actors, tmp_path):
    chen = desk["chen"]
    number = certs.issue_certificate(head, chen.id, MONDAY, MONDAY + dt.timedelta(days=6))
    data = certs.certificate_data(head, number)
    assert data.id_number == "110105********002X" or "*" in data.id_number
    assert ID_NUMBER not in data.id_number
    text = _text(certificate_pdf.build(data), tmp_path)
    for word in ("志愿服务时长证明", "陈秀英", "居民身份证", "44011500012345", "5.5小时", "前台值班",
                 "石滩镇第一社工服务站", "负责人：刘丽萍", f"经办人：{head.name}", "020-82901234",
                 "证明编号：", "（盖章）", "不含往返交通时间", "民政部令第67号"):
        assert word in text, word
    assert ID_NUMBER not in text
    set_setting(head, "certificates.full_id", True)
    assert settings.get("certificates.full_id") is True
    full = certs.certificate_data(head, number)
    assert full.id_number == ID_NUMBER
    assert AuditLog.select().where(AuditLog.action == "reveal").count() == 1
    # The front desk may not see ID numbers: still masked for them.
    assert ID_NUMBER not in certs.certificate_data(staff_actors["front_desk"], number).id_number
    certs.void_certificate(head, number, "姓名打错")
    voided = _text(certificate_pdf.build(certs.certificate_data(head, number)), tmp_path, "void")
    assert "作废" in voided and "姓名打错" in voided


def test_kiosk_may_not_issue(desk, staff_actors):
    with pytest.raises(PermissionDenied):
        certs.issue_certificate(staff_actors["kiosk"], desk["chen"].id, MONDAY, MONDAY)


# --- command line ----------------------------------------------------------------------------


def test_cli_prints_every_volunteer_printout(desk, head, store, tmp_path, capsys, monkeypatch):
    vs.issue_card(head, desk["chen"].id)
    base = ["--db", str(store.path), "print"]
    year, week, _ = MONDAY.isocalendar()
    roster = tmp_path / "roster.pdf"
    assert cli_main([*base, "roster", "--week", f"{year}-W{week:02d}", "--out", str(roster)]) == 0
    assert "陈秀英" in subprocess.run(["pdftotext", str(roster), "-"], capture_output=True,
                                      text=True).stdout
    sheet = tmp_path / "sheet.pdf"
    assert cli_main([*base, "sign-in-sheet", "--day", MONDAY.isoformat(), "--out", str(sheet)]) == 0
    assert cli_main([*base, "sign-in-sheet", "--day", MONDAY.isoformat(), "--shift",
                     str(desk["hotline"].id), "--out", str(sheet)]) == 0
    cards = tmp_path / "cards.pdf"
    assert cli_main([*base, "cards", "--out", str(cards)]) == 0
    out = capsys.readouterr().out
    assert "志愿者卡：1 张" in out and "另有 1 人没有有效的志愿者卡" in out
    assert cli_main([*base, "cards", "--team", "巾帼志愿队", "--out", str(cards)]) == 0
    cert = tmp_path / "cert.pdf"
    assert cli_main([*base, "certificate", "--volunteer", str(desk["chen"].id), "--from",
                     MONDAY.isoformat(), "--to", (MONDAY + dt.timedelta(days=6)).isoformat(),
                     "--out", str(cert)]) == 0
    assert f"{today().year}-0001" in capsys.readouterr().out
    assert Certificate.select().count() == 1
    # Bad input: a clear message, an error exit, nothing written.
    assert cli_main([*base, "roster", "--week", "48", "--out", str(roster)]) == EXIT_ERROR
    assert "2026-W48" in capsys.readouterr().err
    assert cli_main([*base, "certificate", "--volunteer", str(desk["wang"].id), "--from",
                     MONDAY.isoformat(), "--to", MONDAY.isoformat(), "--out", str(cert)]) == EXIT_ERROR
    assert "没有可证明的服务时长" in capsys.readouterr().err
    assert Certificate.select().count() == 1
    CardToken.update(revoked_at=stamp()).execute()
    assert cli_main([*base, "cards", "--out", str(cards)]) == EXIT_ERROR
    assert "没有持有效志愿者卡" in capsys.readouterr().err


def test_qr_modules_match_reportlabs_own_encoder(monkeypatch):
    """The card skips the mask scoring, not the encoding: with the mask reportlab would pick,
    the modules are the ones its own QR widget draws."""
    from reportlab.graphics.barcode import qrencoder

    token = "Zq3-_abcdefghijklmnopQ"  # 22 characters, as token_urlsafe(16) makes
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(token)
    code.make()
    code_best = qrencoder.QRCode(code.version, qrencoder.QRErrorCorrectLevel.M)
    code_best.addData(token)
    best = code_best.getBestMaskPattern()
    monkeypatch.setattr(volunteer_cards, "QR_MASK", best)
    assert volunteer_cards.qr_modules(token) == code.modules


def test_cli_certificate_finds_the_volunteer_by_the_number_on_the_card(tmp_path):
    from station_desk.cli import main as cli_main
    from station_desk.core import db as core_db

    path = tmp_path / "station.sqlite3"
    assert cli_main(["--db", str(path), "demo", "--households", "0", "--volunteers", "20"]) == 0
    from station_desk.core.models import Volunteer

    core_db.close()
    from station_desk.core.store import open_store

    open_store(core_db.resolve(path), create=False)
    number = Volunteer.select().where(Volunteer.platform_number != "").first().platform_number
    core_db.close()
    out = tmp_path / "c.pdf"
    assert cli_main(["--db", str(path), "print", "certificate", "--volunteer", number, "--from",
                     "2026-01-01", "--to", "2026-11-22", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert cli_main(["--db", str(path), "print", "certificate", "--volunteer", "no-such",
                     "--from", "2026-01-01", "--to", "2026-11-22", "--out", str(out)]) == 2


def test_certificate_counts_the_visits_waiting_for_confirmation(desk, head, store, tmp_path,
                                                                capsys):
    chen = desk["chen"]
    week = (MONDAY, MONDAY + dt.timedelta(days=6))
    # The hotline visit was typed in from a paper sheet (补登): credited, waiting for staff.
    record = certs.service_record(head, chen.id, *week)
    assert (record.pending, record.pending_hours) == (1, 2.5)
    assert certs.service_record(head, chen.id, MONDAY + dt.timedelta(days=1),
                                week[1]).pending == 0
    issued = certs.issue_certificate(head, chen.id, *week)
    data = certs.certificate_data(head, issued)
    assert (data.pending, data.pending_hours, data.hours) == (1, 2.5, 5.5)
    # The command line warns on stderr and issues all the same.
    out = tmp_path / "cert.pdf"
    assert cli_main(["--db", str(store.path), "print", "certificate", "--volunteer",
                     str(chen.id), "--from", week[0].isoformat(), "--to", week[1].isoformat(),
                     "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "期间有 1 次签到待确认（补登），共 2.5 小时；建议先在“考勤与时长”确认" in printed.err
    assert out.is_file() and Certificate.select().count() == 2
    # Confirmed (a correction with a reason), the warning goes.
    hotline_in = next(v for v in att.visits(head, *week, volunteer_id=chen.id)
                      if v.status == "pending")
    att.correct(head, hotline_in.sign_in_id, reason="核对纸质签到表")
    assert certs.service_record(head, chen.id, *week).pending == 0
    assert cli_main(["--db", str(store.path), "print", "certificate", "--volunteer",
                     str(chen.id), "--from", week[0].isoformat(), "--to", week[1].isoformat(),
                     "--out", str(out)]) == 0
    assert "待确认" not in capsys.readouterr().err
