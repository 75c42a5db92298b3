"""A campaign to Excel (.xlsx) for the office: the summary figures (汇总), every target
(慰问对象: full head name, ID number and phone masked), the counts by village and by team, the
goods given out, the volunteers and the needs found. Gathered through the campaign service
(``campaigns.view`` and ``households.view``), written beside the target and renamed into
place only when complete."""

from __future__ import annotations

from pathlib import Path

from .. import validate
from ..clock import now
from ..festivals import FESTIVALS
from ..reports.workbook import TITLE_ROWS, Book, Heading, write_workbook
from ..roles import Actor, require
from . import campaigns as cp

STATUS_LABELS = {"open": "待走访", "visited": "已走访", "declined": "拒访", "moved": "迁出",
                 "deceased": "去世", "removed": "已移出"}
KIND_LABELS = {"holiday": "节日慰问", "visit_day": "家访日"}
CAMPAIGN_STATUS = {"open": "进行中", "closed": "已结束"}

SUMMARY_SHEET, TARGET_SHEET, VILLAGE_SHEET, TEAM_SHEET = "汇总", "慰问对象", "按村统计", "按小组统计"
GOODS_SHEET, VOLUNTEER_SHEET, NEEDS_SHEET = "物资", "志愿者", "群众诉求"
SHEETS = (SUMMARY_SHEET, TARGET_SHEET, VILLAGE_SHEET, TEAM_SHEET, GOODS_SHEET, VOLUNTEER_SHEET,
          NEEDS_SHEET)
TARGET_COLUMNS = (("序号", 6), ("小组", 10), ("村居", 10), ("户主", 10), ("身份证号", 21),
                  ("电话", 14), ("地址", 26), ("慰问品", 14), ("状态", 10), ("走访次数", 8),
                  ("走访日期", 11), ("发放", 6), ("签收", 6), ("诉求数", 7), ("加入/移出原因", 24))
LINE_COLUMNS = (("对象", 8), ("已走访", 8), ("不在家", 8), ("拒访", 8), ("迁出/去世", 9),
                ("未完成", 8), ("逾期", 8), ("已发放", 8), ("已签收", 8), ("完成率", 8))


def status_label(row: cp.TargetRow) -> str:
    if row.status == "open" and row.attempts:
        return "不在家（待再访）"
    return STATUS_LABELS.get(row.status, row.status)


def export_campaign(actor: Actor, campaign_id: int, out: str | Path) -> int:
    """Write the campaign's workbook to ``out``; the number of target rows written."""
    require(actor, "campaigns.view")
    require(actor, "households.view")
    summary = cp.summary(actor, campaign_id)
    rows = cp.targets(actor, campaign_id) + cp.targets(actor, campaign_id,
                                                      cp.TargetQuery(status="removed"))
    heads = cp._head_ids(sorted({r.household_id for r in rows}))
    heading = Heading(summary.station, now(), actor.name)
    return write_workbook(lambda path: _build(summary, rows, heads, heading, path), out)


def _build(summary: cp.Summary, rows: list[cp.TargetRow], heads: dict[int, str],
           heading: Heading, out: Path) -> int:
    campaign = summary.progress.campaign
    book = Book(out, f"{summary.station} {campaign.name}", heading)
    window = f"活动时间：{campaign.starts_on:%Y-%m-%d} 至 {campaign.ends_on:%Y-%m-%d}"
    subtitle = f"{window}    {heading.stamp()}"
    _summary_sheet(book, summary, subtitle)
    _target_sheet(book, rows, heads, f"身份证号、电话已脱敏    {subtitle}")
    _lines_sheet(book, VILLAGE_SHEET, "村居", summary.progress.by_village, summary.progress.total,
                 subtitle)
    _lines_sheet(book, TEAM_SHEET, "小组", summary.progress.by_team, summary.progress.total,
                 subtitle)
    _goods_sheet(book, summary, subtitle)
    _volunteer_sheet(book, summary, subtitle)
    _needs_sheet(book, summary, f"户主姓名已脱敏    {subtitle}")
    book.close()
    return len(rows)


def _summary_sheet(book: Book, summary: cp.Summary, subtitle: str) -> None:
    campaign = summary.progress.campaign
    total = summary.progress.total
    sheet = book.sheet(SUMMARY_SHEET, subtitle, [22, 30], landscape=False)
    book.header(sheet, ["项目", "内容"])
    festival = ""
    if campaign.festival:
        festival = FESTIVALS.get(campaign.festival, (campaign.festival,))[0]
        if campaign.festival_on:
            festival += f" {campaign.festival_on:%Y-%m-%d}"
    texts = [("活动名称", campaign.name), ("活动类型", KIND_LABELS.get(campaign.kind, campaign.kind)),
             ("主题", campaign.theme), ("节日", festival),
             ("开始日期", f"{campaign.starts_on:%Y-%m-%d}"),
             ("结束日期", f"{campaign.ends_on:%Y-%m-%d}"),
             ("状态", CAMPAIGN_STATUS.get(campaign.status, campaign.status))]
    counts = [("慰问对象（户）", total.targets), ("已走访", total.visited),
              ("不在家（待再访）", total.nobody_home), ("拒访", total.declined),
              ("迁出/去世", total.gone), ("未完成", total.open), ("已发放", total.delivered),
              ("已签收", total.signed), ("上门次数", summary.visits),
              ("志愿者（人）", len(summary.volunteers)), ("志愿服务（人次）", summary.person_times),
              ("群众诉求（条）", len(summary.needs))]
    line = TITLE_ROWS
    for name, value in texts:
        line += 1
        book.text(sheet, line, 0, name)
        book.text(sheet, line, 1, value)
    for name, value in counts:
        line += 1
        book.text(sheet, line, 0, name)
        book.count(sheet, line, 1, value)
    line += 1
    book.text(sheet, line, 0, "志愿服务时长（小时）")
    sheet.write_number(line, 1, summary.volunteer_hours, _hours_format(book))
    for name, fen in (("预算（元）", summary.budget_fen), ("发放物资价值（元）", summary.value_fen),
                      ("预算余额（元）", summary.budget_fen - summary.value_fen)):
        line += 1
        book.text(sheet, line, 0, name)
        book.money(sheet, line, 1, fen)
    if summary.closed_on:
        line += 1
        book.text(sheet, line, 0, "结束日期")
        book.date(sheet, line, 1, summary.closed_on)
    if summary.close_note:
        line += 1
        book.text(sheet, line, 0, "活动小结")
        book.text(sheet, line, 1, summary.close_note)


def _target_sheet(book: Book, rows: list[cp.TargetRow], heads: dict[int, str],
                  subtitle: str) -> None:
    sheet = book.sheet(TARGET_SHEET, subtitle, [w for _, w in TARGET_COLUMNS], freeze_col=4)
    book.header(sheet, [t for t, _ in TARGET_COLUMNS])
    line = TITLE_ROWS
    for number, row in enumerate(rows, start=1):
        line = TITLE_ROWS + number
        book.count(sheet, line, 0, number)
        book.text(sheet, line, 1, row.team, "centre")
        book.text(sheet, line, 2, row.village, "centre")
        book.text(sheet, line, 3, row.head_name, "centre")
        book.text(sheet, line, 4, validate.mask_id(heads.get(row.household_id, "")))
        book.text(sheet, line, 5, row.phone)
        book.text(sheet, line, 6, row.address)
        book.text(sheet, line, 7, f"{row.package}×{row.package_count}" if row.package else "")
        book.text(sheet, line, 8, status_label(row), "centre")
        book.count(sheet, line, 9, row.attempts)
        book.date(sheet, line, 10, row.outcome_on)
        book.text(sheet, line, 11, "是" if row.delivered else "", "centre")
        book.text(sheet, line, 12, "是" if row.signed else "", "centre")
        book.count(sheet, line, 13, row.needs_found)
        reason = row.removed_reason or row.added_reason
        if row.removed_reason:
            reason = f"移出：{row.removed_reason}"
        elif row.added_reason:
            reason = f"加入：{row.added_reason}"
        book.text(sheet, line, 14, reason or "")
    if rows:
        sheet.autofilter(TITLE_ROWS, 0, line, len(TARGET_COLUMNS) - 1)


def _lines_sheet(book: Book, name: str, key: str, lines, total, subtitle: str) -> None:
    columns = ((key, 14), *LINE_COLUMNS)
    sheet = book.sheet(name, subtitle, [w for _, w in columns], landscape=False, freeze_col=1)
    book.header(sheet, [t for t, _ in columns])
    percent = book.workbook.add_format({"font_name": "宋体", "font_size": 10, "border": 1,
                                        "align": "right", "num_format": "0%"})
    bold_percent = book.workbook.add_format({"font_name": "宋体", "font_size": 10, "border": 1,
                                             "align": "right", "num_format": "0%", "bold": True})
    line = TITLE_ROWS
    for index, item in enumerate([*lines, total]):
        line = TITLE_ROWS + 1 + index
        last = index == len(lines)
        label = "合计" if last else (item.key or ("未分组" if key == "小组" else "—"))
        book.text(sheet, line, 0, label, "total" if last else "centre")
        for col, value in enumerate((item.targets, item.visited, item.nobody_home, item.declined,
                                     item.gone, item.open, item.overdue, item.delivered,
                                     item.signed), start=1):
            book.count(sheet, line, col, value, "total_count" if last else "count")
        sheet.write_number(line, 10, item.share_done, bold_percent if last else percent)


def _goods_sheet(book: Book, summary: cp.Summary, subtitle: str) -> None:
    sheet = book.sheet(GOODS_SHEET, subtitle, [30, 8, 10, 14], landscape=False)
    book.header(sheet, ["物资", "单位", "数量", "价值（元）"])
    line = TITLE_ROWS
    for item, unit, quantity, value in summary.goods:
        line += 1
        book.text(sheet, line, 0, item)
        book.text(sheet, line, 1, unit, "centre")
        book.count(sheet, line, 2, quantity)
        book.money(sheet, line, 3, value)
    line += 1
    book.text(sheet, line, 0, "合计", "total")
    book.text(sheet, line, 1, "", "total")
    book.text(sheet, line, 2, "", "total")
    book.money(sheet, line, 3, summary.value_fen, "total_money")
    line += 2
    for title, col in (("慰问包", 0), ("发放份数", 2), ("价值（元）", 3)):
        sheet.write_string(line, col, title, book.f["head"])
    sheet.write_blank(line, 1, None, book.f["head"])
    for package in summary.packages:
        line += 1
        book.text(sheet, line, 0, package.package + ("（部分物资无估值）" if package.unvalued else ""))
        book.text(sheet, line, 1, "份", "centre")
        book.count(sheet, line, 2, package.delivered)
        book.money(sheet, line, 3, package.value_fen)


def _hours_format(book: Book, bold: bool = False):
    return book.workbook.add_format({"font_name": "宋体", "font_size": 10, "border": 1,
                                     "align": "right", "num_format": "0.0#", "bold": bold})


def _volunteer_sheet(book: Book, summary: cp.Summary, subtitle: str) -> None:
    sheet = book.sheet(VOLUNTEER_SHEET, subtitle, [12, 14, 10, 14], landscape=False)
    book.header(sheet, ["姓名", "小组", "出访次数", "服务时长（小时）"])
    hours = _hours_format(book)
    line = TITLE_ROWS
    for volunteer in summary.volunteers:
        line += 1
        book.text(sheet, line, 0, volunteer.name, "centre")
        book.text(sheet, line, 1, volunteer.team, "centre")
        book.count(sheet, line, 2, volunteer.outings)
        sheet.write_number(line, 3, volunteer.hours, hours)
    line += 1
    book.text(sheet, line, 0, "合计", "total")
    book.text(sheet, line, 1, f"{len(summary.volunteers)} 人", "total")
    book.count(sheet, line, 2, summary.person_times, "total_count")
    sheet.write_number(line, 3, summary.volunteer_hours, _hours_format(book, bold=True))


def _needs_sheet(book: Book, summary: cp.Summary, subtitle: str) -> None:
    sheet = book.sheet(NEEDS_SHEET, subtitle, [6, 12, 10, 50, 11], landscape=False)
    book.header(sheet, ["序号", "村居", "户主", "诉求内容", "日期"])
    for number, need in enumerate(summary.needs, start=1):
        line = TITLE_ROWS + number
        book.count(sheet, line, 0, number)
        book.text(sheet, line, 1, need.village, "centre")
        book.text(sheet, line, 2, need.head_name, "centre")
        book.text(sheet, line, 3, need.content)
        book.date(sheet, line, 4, need.raised_on)
