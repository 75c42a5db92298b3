"""Inventory printouts: the 捐赠物资接收凭证 (two copies a sheet, numbered, not a fiscal
receipt), thank-you letters, the count sheet (盘点表) and the sign-off sheet (领取签收表),
and their `print` commands."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from station_desk.cli import EXIT_ERROR
from station_desk.cli import main as cli_main
from station_desk.core.clock import today
from station_desk.core.errors import PermissionDenied
from station_desk.core.models import ItemCategory, Village
from station_desk.core.reports import acknowledgement, count_sheet, fonts, sign_off, thanks
from station_desk.core.reports.count_sheet import BLANK_ROWS
from station_desk.core.services import donations as dn
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import station as station_service
from station_desk.core.services import stock, stock_sheets
from station_desk.core.services.stock import CountSheetRow

TODAY = today()
DAY = dt.timedelta(days=1)
NOTICE = "本凭证仅为物资接收确认，不作为公益事业捐赠票据；如需捐赠票据，请向运营机构或慈善会申请。"


def pages_text(data: bytes | str, tmp_path, name="out") -> list[str]:
    """The text of each page (pdftotext), with all white space taken out."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    if isinstance(data, bytes):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
    else:
        path = data
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout  # in drawing order
    return ["".join(page.split()) for page in out.split("\f")[:-1]]


def layout_pages(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return out.split("\f")[:-1]


def assert_every_glyph(pages: list[str]) -> None:
    assert fonts.missing_chars("".join(pages)) == []


def _category(name):
    return ItemCategory.get(ItemCategory.name == name).id


@pytest.fixture
def desk(head):
    """A station with rice (50 yuan a bag), oil, old clothes (no value) and two donors."""
    station_service.save_station(head, name="石滩镇第一社工服务站", phone="020-82901234",
                                 address="增城区石滩镇沿江大道38号",
                                 organisation="广州市启航社会工作服务中心", head_id=head.staff_id)
    value_from = TODAY - 400 * DAY
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", _category("粮油"), spec="10kg",
                                             value_fen=5000, value_from=value_from)).id
    oil = inv.save_item(head, inv.ItemInput("食用油", "桶", _category("粮油"), spec="5L",
                                            value_fen=6990, value_from=value_from)).id
    clothes = inv.save_item(head, inv.ItemInput("旧衣物", "件", _category("衣物"))).id
    company = inv.save_donor(head, inv.DonorInput("enterprise", "石滩粮油有限公司",
                                                  contact="李经理", phone="13912345678")).id
    person = inv.save_donor(head, inv.DonorInput("individual", "陈秀英",
                                                 phone="13800005678")).id
    return {"rice": rice, "oil": oil, "clothes": clothes, "company": company, "person": person}


def _donate(actor, donor, lines, *, on=TODAY, cash=0, purpose=""):
    return dn.receive_donation(actor, dn.DonationInput(donor, on, lines, cash_fen=cash,
                                                       purpose=purpose))


# --- the acknowledgement (捐赠物资接收凭证) ---------------------------------------------------


def test_receipt_carries_number_donor_goods_capitals_and_the_notice(head, desk, tmp_path):
    donation = _donate(head, desk["company"], [stock.InLine(desk["rice"], 2),
                                               stock.InLine(desk["clothes"], 30, valued=False)],
                       cash=2000, purpose="春节慰问困难家庭")
    data = dn.acknowledgement_data(head, donation)
    assert acknowledgement.check(data) == []
    pages = pages_text(acknowledgement.build(data), tmp_path)
    assert len(pages) == 1
    text = pages[0]
    # both copies, each complete: 存根 above, 交捐赠方 below the cut line
    assert text.count("捐赠物资接收凭证") == 2 and text.count("沿虚线裁开") == 1
    assert text.count(f"No.{TODAY.year}-0001") == 2
    assert text.count("石滩粮油有限公司") == 2 and text.count("石滩镇第一社工服务站") == 2
    assert text.count("大米（10kg）") == 2 and text.count("旧衣物") == 2
    assert text.count("未估值") == 4  # the clothes' value, and the total says they are left out
    assert text.count("2旧衣物件30—未估值") == 2
    assert text.count("3现金（善款）元——20.00") == 2
    assert "第一联存根" in text and "第二联交捐赠方" in text
    # 2 bags at 50 yuan and 20 yuan in cash
    assert text.count("合计（小写，未估值物资不计入）120.00") == 2
    assert text.count("人民币壹佰贰拾元整") == 2
    assert text.count(NOTICE) == 2
    assert text.count("指定用途：春节慰问困难家庭") == 2
    assert text.count(f"经办人：{head.name}") == 2 and text.count(f"负责人：{head.name}") == 2
    assert text.count("单位（盖章）") == 2 and text.count("020-82901234") == 2
    assert "作废" not in text
    assert_every_glyph(pages)


def test_receipt_writes_a_path_or_returns_bytes(head, desk, tmp_path):
    data = dn.acknowledgement_data(head, _donate(head, desk["company"],
                                                 [stock.InLine(desk["rice"], 1)]))
    path = tmp_path / "slip.pdf"
    assert acknowledgement.build(data, path) is None
    assert path.read_bytes().startswith(b"%PDF")
    with (tmp_path / "slip2.pdf").open("wb") as handle:
        acknowledgement.build(data, handle)
    assert (tmp_path / "slip2.pdf").stat().st_size > 1000


def test_forty_lines_continue_on_more_sheets_with_the_header_repeated(head, desk, tmp_path):
    items = [inv.save_item(head, inv.ItemInput(f"物资{i:02d}", "箱", _category("日用品"),
                                               spec=f"规格{i}", value_fen=1000 + i,
                                               value_from=TODAY - 400 * DAY)).id
             for i in range(40)]
    donation = _donate(head, desk["company"], [stock.InLine(i, 3) for i in items])
    data = dn.acknowledgement_data(head, donation)
    assert len(data.lines) == 40
    path = tmp_path / "long.pdf"
    acknowledgement.build(data, path)
    pages = pages_text(path, tmp_path)
    assert len(pages) >= 3
    total = len(pages)
    number = f"{TODAY.year}-0001"
    for index, page in enumerate(pages, start=1):
        assert page.count("物资名称（规格）") == 2  # each copy's table header, on every sheet
        assert page.count(f"{number}第{index}页/共{total}页") == 2
        if index > 1:
            assert page.count(f"No.{number}（续）") == 2
    everything = "".join(pages)
    for i in range(40):  # every line, once in each copy, none lost between sheets
        assert everything.count(f"物资{i:02d}（规格{i}）") == 2
    goods = sum(3 * (1000 + i) for i in range(40))
    assert pages[-1].count(f"{goods // 100:,}.{goods % 100:02d}") == 2
    assert pages[-1].count(NOTICE) == 2 and NOTICE not in pages[0]
    assert_every_glyph(pages)


def test_a_cancelled_donation_prints_void(head, desk, tmp_path):
    donation = _donate(head, desk["person"], [], cash=12000, purpose="助学")
    dn.cancel_donation(head, donation, "录入错误")
    data = dn.acknowledgement_data(head, donation)
    assert data.void
    text = pages_text(acknowledgement.build(data), tmp_path)[0]
    assert text.count("（已作废）") == 2 and text.count("作废") == 4  # the note and the stamp
    assert text.count("壹佰贰拾元整") == 2
    assert "138****5678" in text and "13800005678" not in text  # a person's phone stays masked


def test_english_receipt(head, desk, tmp_path):
    data = dn.acknowledgement_data(head, _donate(head, desk["company"],
                                                 [stock.InLine(desk["oil"], 1)]))
    text = pages_text(acknowledgement.build(data, lang="en"), tmp_path)[0]
    assert text.count("Goodsreceived") == 2 and "notafiscaldonationreceipt" in text
    assert "RMB陆拾玖元玖角整" in text


# --- thank-you letters ------------------------------------------------------------------------


def test_thank_you_letters_one_per_donor(head, desk, tmp_path):
    _donate(head, desk["company"], [stock.InLine(desk["rice"], 2)], on=TODAY - 20 * DAY,
            cash=2000)
    _donate(head, desk["company"], [stock.InLine(desk["oil"], 10)], on=TODAY - 2 * DAY)
    _donate(head, desk["person"], [stock.InLine(desk["clothes"], 12, valued=False)],
            purpose="留守儿童")
    anonymous = inv.save_donor(head, inv.DonorInput("anonymous", "匿名")).id
    _donate(head, anonymous, [stock.InLine(desk["rice"], 1)])
    letters = dn.thanks_data(head, TODAY - 60 * DAY, TODAY)
    assert [letter.donor_name for letter in letters] == ["石滩粮油有限公司", "陈秀英"]
    assert thanks.check(letters) == []
    pages = pages_text(thanks.build(letters, address="增城区石滩镇沿江大道38号"), tmp_path)
    assert len(pages) == 2  # a page each; the anonymous donor gets none
    company, person = pages
    assert company.startswith("感谢信") and "石滩镇第一社工服务站广州市启航社会工作服务中心" in company
    assert "尊敬的石滩粮油有限公司：" in company and "贵单位先后2次" in company
    assert "大米（10kg）2袋、善款20.00元" in company and "食用油（5L）10桶" in company
    # 120 + 699 = 819 yuan
    assert "819.00" in company and "捌佰壹拾玖元整" in company
    assert "此致" in company and "负责人：" + head.name in company and "（盖章）" in company
    assert "尊敬的陈秀英：" in person and "您向石滩镇第一社工服务站捐赠了爱心物资" in person
    assert "未作估值" in person and "留守儿童" in person
    assert "增城区石滩镇沿江大道38号" in person
    assert_every_glyph(pages)


def test_thanks_for_one_donor_and_a_long_list_stays_readable(head, desk, tmp_path):
    items = [inv.save_item(head, inv.ItemInput(f"物资{i:02d}", "箱", _category("日用品"))).id
             for i in range(30)]
    _donate(head, desk["company"], [stock.InLine(i, 1, valued=False) for i in items])
    _donate(head, desk["person"], [stock.InLine(desk["rice"], 1)])
    letters = dn.thanks_data(head, TODAY - DAY, TODAY, donor_ids=[desk["company"]])
    pages = pages_text(thanks.build(letters), tmp_path)
    assert len(pages) == 1
    assert "等30种物资" in pages[0] and "物资29" not in pages[0]


# --- the count sheet (盘点表) -----------------------------------------------------------------


def test_count_sheet_lists_the_books_with_blank_columns(head, desk, tmp_path):
    _donate(head, desk["company"], [stock.InLine(desk["rice"], 40),
                                    stock.InLine(desk["oil"], 6)])
    data = count_sheet.gather(head)
    assert [(row.label, row.book) for row in data.rows] == [("大米（10kg）", 40),
                                                            ("食用油（5L）", 6)]
    assert count_sheet.check(data) == []
    pages = pages_text(count_sheet.build(data), tmp_path)
    assert len(pages) == 1
    text = pages[0]
    assert "石滩镇第一社工服务站物资盘点表" in text and "库房：全部库房" in text
    assert "序号类别物资名称（规格）单位到期日期账面数量实盘数量差异备注" in text
    assert "1粮油大米（10kg）袋—40" in text and "2粮油食用油（5L）桶—6" in text
    assert "盘点人：" in text and "监盘人：" in text and "负责人：" in text
    assert_every_glyph(pages)


def test_count_sheet_for_one_storeroom_from_the_dialogs_rows(head, desk, tmp_path):
    store_b = inv.save_location(head, "二号库房").id
    dn.receive_donation(head, dn.DonationInput(desk["company"], TODAY,
                                               [stock.InLine(desk["oil"], 3)],
                                               location_id=store_b))
    data = count_sheet.gather(head, location_id=store_b)
    assert data.location == "二号库房" and [r.book for r in data.rows] == [3]
    rows = stock.count_sheet(head, location_id=store_b)  # as the count dialog holds them
    text = pages_text(count_sheet.build(rows, station="石滩站", location="二号库房",
                                        on=TODAY), tmp_path)[0]
    assert "石滩站物资盘点表" in text and "库房：二号库房" in text and "食用油（5L）" in text


@pytest.mark.parametrize("count", [*range(16, 27), *range(42, 52)])
def test_sign_off_lines_never_stand_alone_on_the_last_page(count, tmp_path):
    rows = [CountSheetRow(i, f"物资{i}", "箱", "日用品", None, i) for i in range(count)]
    path = tmp_path / "sheet.pdf"
    count_sheet.build(rows, path, station="石滩站", on=TODAY)
    pages = layout_pages(path)
    numbers = [[int(m) for m in re.findall(r"^\s*(\d+)\s", page, re.MULTILINE)]
               for page in pages]
    last = count + BLANK_ROWS
    assert [n for page in numbers for n in page] == list(range(1, last + 1))
    assert numbers[-1][-2:] == [last - 1, last]  # at least two rows go with the sign-off
    assert "盘点人" in pages[-1] and all("盘点人" not in page for page in pages[:-1])
    for page in pages:  # the header on every page
        assert "物资名称（规格）" in page


# --- the sign-off sheet (领取签收表) ----------------------------------------------------------


@pytest.fixture
def handed_out(staff_actors, desk):
    head = staff_actors["head"]
    _donate(head, desk["company"], [stock.InLine(desk["rice"], 50), stock.InLine(desk["oil"], 10)])
    village = Village.get(Village.name == "麻车村").id
    for name, recipient in (("王大山", "王大山"), ("李秀兰", "李小明")):
        household = hh.create_household(head, hh.HouseholdInput(name, village))
        stock.give_out(head, "household", TODAY, [stock.OutLine(desk["rice"], 2),
                                                  stock.OutLine(desk["oil"], 1)],
                       household_id=household.id, recipient=recipient)
    stock.give_out(head, "other_out", TODAY, [stock.OutLine(desk["rice"], 5)],
                   recipient="敬老院", reason="重阳慰问")
    wrong = stock.give_out(head, "other_out", TODAY, [stock.OutLine(desk["rice"], 1)],
                           recipient="录错的", reason="x")
    stock.reverse(head, wrong, "录错")
    stock.give_out(head, "scrapped", TODAY, [stock.OutLine(desk["rice"], 1)], reason="破损")
    return staff_actors


def test_sign_off_rows_of_the_goods_handed_out(handed_out, desk):
    head = handed_out["head"]
    data = stock_sheets.sign_off_rows(head, date_from=TODAY, date_to=TODAY)
    assert [(r.village, r.name, r.goods, r.proxy) for r in data.rows] == [
        ("麻车村", "王大山", "大米（10kg）2袋、食用油（5L）1桶", ""),
        ("麻车村", "李秀兰", "大米（10kg）2袋、食用油（5L）1桶", "李小明"),
        ("", "敬老院", "大米（10kg）5袋", "")]  # nothing reversed, nothing scrapped
    only = stock_sheets.sign_off_rows(head, date_from=TODAY, date_to=TODAY, kind="household")
    assert [r.name for r in only.rows] == ["王大山", "李秀兰"]
    assert stock_sheets.sign_off_rows(head, date_from=TODAY - 9 * DAY,
                                      date_to=TODAY - DAY).rows == ()
    household = hh.create_household(head, hh.HouseholdInput("赵四", Village.get(
        Village.name == "沙头村").id))
    stock.give_out(head, "campaign", TODAY, [stock.OutLine(desk["rice"], 1)],
                   household_id=household.id, target_kind="campaign", target_id=7)
    campaign = stock_sheets.sign_off_rows(head, target_kind="campaign", target_id=7)
    assert [(r.village, r.name) for r in campaign.rows] == [("沙头村", "赵四")]
    assert stock_sheets.sign_off_rows(head, target_kind="campaign", target_id=8).rows == ()
    planned = stock_sheets.planned_rows([("麻车村", "王大山", "中秋慰问包1份")], subtitle="中秋慰问")
    assert planned.station == "石滩镇第一社工服务站" and planned.subtitle == "中秋慰问"
    assert planned.rows == (stock_sheets.SignOffRow("麻车村", "王大山", "中秋慰问包1份"),)


def test_sign_off_masks_households_for_the_front_desk(handed_out):
    desk = handed_out["front_desk"]
    data = stock_sheets.sign_off_rows(desk, date_from=TODAY, date_to=TODAY, kind="household")
    assert [(r.name, r.proxy) for r in data.rows] == [("王*山", ""), ("李*兰", "李*明")]
    with pytest.raises(PermissionDenied):
        stock_sheets.sign_off_rows(handed_out["kiosk"], date_from=TODAY, date_to=TODAY)


def test_sign_off_sheet_pdf_with_blank_rows(handed_out, tmp_path):
    data = stock_sheets.sign_off_rows(handed_out["head"], date_from=TODAY, date_to=TODAY)
    assert sign_off.check(data) == []
    path = tmp_path / "sign.pdf"
    sign_off.build(data, path, blank=30)
    pages = pages_text(path, tmp_path)
    assert len(pages) == 2
    text = "".join(pages)
    assert "石滩镇第一社工服务站物资领取签收表" in text
    for page in pages:
        assert "序号村居户主姓名物资及数量领取日期领取人签字备注" in page
    assert "麻车村王大山大米（10kg）2袋、食用油（5L）1桶" in text and "代领：李小明" in text
    assert "共3户（次），另留30行" in text
    assert "发放人：" in pages[-1] and "审核人：" in pages[-1]
    rows = [int(n) for page in layout_pages(path)
            for n in re.findall(r"^\s*(\d+)\s", page, re.MULTILINE)]
    assert rows == list(range(1, 34))
    assert_every_glyph(pages)


def test_sign_off_sheet_from_a_plain_list(tmp_path):
    planned = [("麻车村", "王大山", "中秋慰问包1份"), ("沙头村", "李秀兰", "中秋慰问包1份")]
    text = pages_text(sign_off.build(planned, station="石滩站", subtitle="2026年中秋慰问"),
                      tmp_path)[0]
    assert "石滩站物资领取签收表" in text and "2026年中秋慰问" in text
    assert "1麻车村王大山中秋慰问包1份" in text and "2沙头村李秀兰中秋慰问包1份" in text


# --- the command line ----------------------------------------------------------------------


def test_cli_prints_every_inventory_printout(handed_out, desk, store, tmp_path, capsys):
    head = handed_out["head"]
    donation = _donate(head, desk["company"], [stock.InLine(desk["rice"], 2)], cash=2000)
    base = ["--db", str(store.path), "print"]
    receipt = tmp_path / "receipt.pdf"
    assert cli_main([*base, "receipt", "--donation", str(donation), "--out", str(receipt)]) == 0
    out = capsys.readouterr().out
    assert f"捐赠物资接收凭证 {TODAY.year}-0002：石滩粮油有限公司，合计 120.00 元" in out
    assert "壹佰贰拾元整" in pages_text(receipt, tmp_path)[0]
    letters = tmp_path / "thanks.pdf"
    year = str(TODAY.year)
    assert cli_main([*base, "thanks", "--from", f"{year}-01-01", "--to", f"{year}-12-31",
                     "--out", str(letters)]) == 0
    assert "感谢信：1 封" in capsys.readouterr().out
    assert "尊敬的石滩粮油有限公司：" in pages_text(letters, tmp_path)[0]
    assert cli_main([*base, "thanks", "--from", f"{year}-01-01", "--to", f"{year}-12-31",
                     "--donor", str(desk["person"]), "--out", str(letters)]) == EXIT_ERROR
    assert "没有需要致谢的捐赠" in capsys.readouterr().err
    sheet = tmp_path / "count.pdf"
    assert cli_main([*base, "count-sheet", "--out", str(sheet)]) == 0
    assert "盘点表：2 项" in capsys.readouterr().out
    assert cli_main([*base, "count-sheet", "--location", "没有这个库房", "--out",
                     str(sheet)]) == EXIT_ERROR
    capsys.readouterr()
    sign = tmp_path / "sign.pdf"
    assert cli_main([*base, "sign-off", "--from", TODAY.isoformat(), "--to", TODAY.isoformat(),
                     "--kind", "household", "--blank", "5", "--out", str(sign)]) == 0
    assert "领取签收表：2 户（次），空白 5 行" in capsys.readouterr().out
    assert "代领：李小明" in "".join(pages_text(sign, tmp_path))
    # Bad input: a clear message, an error exit.
    assert cli_main([*base, "receipt", "--out", str(receipt)]) == EXIT_ERROR
    assert "捐赠记录" in capsys.readouterr().err
    assert cli_main([*base, "receipt", "--donation", "999", "--out", str(receipt)]) == EXIT_ERROR
    capsys.readouterr()
    assert cli_main([*base, "sign-off", "--from", TODAY.isoformat(), "--to",
                     (TODAY - DAY).isoformat(), "--out", str(sign)]) == EXIT_ERROR
    assert "晚于结束日期" in capsys.readouterr().err
    assert cli_main([*base, "sign-off", "--from", (TODAY - 5 * DAY).isoformat(), "--to",
                     (TODAY - 4 * DAY).isoformat(), "--out", str(sign)]) == EXIT_ERROR
    assert "没有发放记录" in capsys.readouterr().err
    assert cli_main([*base, "sign-off", "--from", TODAY.isoformat(), "--blank", "-1",
                     "--out", str(sign)]) == EXIT_ERROR
    assert "空白行数" in capsys.readouterr().err
