"""``station-desk``: the command line, on the same services as the window.

On a local SQLite file the command line acts as a recorded "命令行" actor with
head rights (whoever can run it can read the file anyway); ``--user NAME`` signs
in as a person instead, and PostgreSQL always needs it. Errors print one clear
line and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .messages import describe_error, label, language, role_label, text

log = logging.getLogger("station_desk")

EXIT_ERROR = 2
EXIT_CHECK_FAILED = 3


class Context:
    """What a command needs: the parsed options, the location, the actor."""

    def __init__(self, args: argparse.Namespace) -> None:
        from .core import db

        self.args = args
        self.lang = language(args.lang)
        self.location = db.resolve(args.db)
        self.actor = None

    def say(self, code: str, **params: object) -> None:
        print(text(code, self.lang, **params))

    def zh_en(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def open(self, *, create: bool = False, need: str | None = None) -> None:
        """Open the store and sign in; ``need`` is a permission the command can't do without."""
        from .core.roles import require
        from .core.store import open_store

        open_store(self.location, create=create)
        self.actor = self.sign_in()
        if need:
            require(self.actor, need)

    def sign_in(self):
        from .core.errors import AuthError
        from .core.roles import CLI_ACTOR
        from .core.services import accounts

        if self.args.user:
            password = read_password(self, self.args.user)
            actor = accounts.authenticate(self.args.user, password)
            # As in the window: a password the head set is only good for choosing one's own.
            if actor.can("account.own_password") and accounts.must_change_password(actor):
                raise AuthError("cli_must_change_password", username=actor.username)
            return actor
        if not self.location.is_sqlite:
            raise AuthError("cli_needs_user")
        return CLI_ACTOR

    def show_full(self, table: str, what: str) -> bool:
        """--full-ids: allowed for roles that may export full numbers, and audited."""
        if not self.args.full_ids:
            return False
        from .core.audit import sensitive_read
        from .core.roles import require

        require(self.actor, "ids.export_full")
        sensitive_read(self.actor, table, None, what)
        return True


def pad(value: object, width: int) -> str:
    """Left-align for a terminal, counting Chinese characters as two columns."""
    import unicodedata

    shown = str(value)
    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in shown)
    return shown + " " * max(0, width - used)


ENV_PASSWORD = "STATION_DESK_PASSWORD"  # signing in with --user, nothing else
ENV_NEW_PASSWORD = "STATION_DESK_NEW_PASSWORD"  # a password being set: init, user add, passwd


def read_password(ctx: Context, username: str) -> str:
    """The password of ``--user`` for signing in: $STATION_DESK_PASSWORD or the terminal."""
    from .core.errors import AuthError

    env = os.environ.get(ENV_PASSWORD)
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthError("no_password")
    return getpass.getpass(text("password_prompt", ctx.lang, username=username))


def read_new_password(ctx: Context, username: str) -> str:
    """A password being set for ``username``: $STATION_DESK_NEW_PASSWORD or typed twice.

    Never $STATION_DESK_PASSWORD: that is the signed-in person's own password, and a
    new account must not get it by accident.
    """
    from .core.errors import AuthError, ValidationError

    env = os.environ.get(ENV_NEW_PASSWORD)
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthError("no_new_password")
    first = getpass.getpass(text("new_password_prompt", ctx.lang, username=username))
    if getpass.getpass(text("password_repeat", ctx.lang)) != first:
        raise ValidationError("password_mismatch")
    return first


# --- commands --------------------------------------------------------------------------------


def cmd_init(ctx: Context) -> int:
    from .core.errors import ValidationError
    from .core.services import accounts
    from .core.services.setup import first_run
    from .core.store import open_store

    open_store(ctx.location, create=True)
    if accounts.has_accounts():  # say so before asking for a password
        raise ValidationError("accounts_exist")
    a = ctx.args
    password = read_new_password(ctx, a.head_username)
    # One transaction: a station name that is too long leaves no account behind.
    first_run(station_name=a.station, town_name=a.town or "", villages=a.village or [],
              head_username=a.head_username, head_name=a.head_name, password=password,
              phone=a.phone or "")
    username = accounts.find_staff(a.head_username).username
    villages = len([v for v in a.village or [] if v.strip()])
    print(ctx.zh_en(f"已创建社工站“{a.station}”（{villages} 个村居）和站长账号 {username}："
                    f"{ctx.location.describe()}",
                    f"Created station “{a.station}” ({villages} villages) and head account "
                    f"{username}: {ctx.location.describe()}"))
    return 0


def cmd_demo(ctx: Context) -> int:
    from .core import demo
    from .core.store import open_store

    open_store(ctx.location, create=True)
    start = time.perf_counter()
    report = demo.fill(seed=ctx.args.seed, households=ctx.args.households,
                       volunteers=ctx.args.volunteers, movements=ctx.args.movements)
    took = time.perf_counter() - start
    staff = ("，" if ctx.lang == "zh" else ", ").join(
        f"{role_label(r, ctx.lang)} {n}" for r, n in report.staff.items())
    h = report.households
    print(ctx.zh_en(
        f"演示数据已装入 {ctx.location.describe()}：{report.station}，{report.villages} 个村居、"
        f"{report.groups} 个村民小组；服务对象 {h.households} 户 {h.members} 人，"
        f"近一年走访 {h.visits} 次，今日逾期待走访 {h.overdue} 户；账号：{staff}。"
        f"站长账号 {report.head_username}，所有演示账号密码均为 {report.password}",
        f"Demo data loaded into {ctx.location.describe()}: {report.station}, "
        f"{report.villages} villages, {report.groups} groups; {h.households} households "
        f"({h.members} people), {h.visits} visits in the last year, {h.overdue} overdue today; "
        f"accounts: {staff}. Head account {report.head_username}; "
        f"every demo password is {report.password}",
    ))
    v = report.volunteers
    if v.volunteers:
        print(ctx.zh_en(
            f"志愿者 {v.volunteers} 人（{v.teams} 支服务队），班次模板 {v.templates} 个，"
            f"近一年班次 {v.shifts} 个、排班 {v.assignments} 人次，签到记录 {v.events} 条"
            f"（服务 {v.visits} 人次，其中临时到岗 {v.walk_ins}），已发志愿者证 {v.cards} 张",
            f"Volunteers: {v.volunteers} in {v.teams} teams, {v.templates} shift templates, "
            f"{v.shifts} shifts and {v.assignments} assignments over the last year, {v.events} "
            f"attendance events ({v.visits} visits, {v.walk_ins} walk-ins), {v.cards} cards"))
    print_demo_inventory(ctx, report.inventory)
    print_demo_campaigns(ctx, report.campaigns)
    print_demo_cases(ctx, getattr(report, "cases", None))
    print_demo_activities(ctx, getattr(report, "activities", None))
    cards = report.policy_cards
    if cards.print_runs:
        print(ctx.zh_en(f"政策明白卡：印制 {cards.print_runs} 批，发放 {cards.handed} 张（到户 "
                        f"{cards.personal} 张）",
                        f"Policy cards: {cards.print_runs} print runs, {cards.handed} handed "
                        f"out ({cards.personal} to households)"))
    print(ctx.zh_en(f"用时 {took:.1f} 秒", f"Took {took:.1f} s"))
    return 0


def print_demo_cases(ctx: Context, c) -> None:
    """The demo's case work and hotline line (core.demo_cases.CaseFigures)."""
    if c is None or not (c.cases or c.calls):
        return
    print(ctx.zh_en(
        f"个案：{c.cases} 个（已结案 {c.closed}，重新开案 {c.reopened}，待办 {c.due}），服务记录 "
        f"{c.records} 条，转介 {c.referrals} 次；热线来电 {c.calls} 个（{c.open_calls} 个待处理）",
        f"Cases: {c.cases} ({c.closed} closed, {c.reopened} reopened, {c.due} due), {c.records} "
        f"service records, {c.referrals} referrals; hotline: {c.calls} calls "
        f"({c.open_calls} to handle)"))


def print_demo_activities(ctx: Context, a) -> None:
    """The demo's activities, projects, pairings and wishes line (core.demo_activities)."""
    if a is None or not (a.held or a.history):
        return
    print(ctx.zh_en(
        f"活动：近一年 {a.held} 场（报名 {a.sign_ups} 人次，到场 {a.came}，另有未登记 {a.head_count} "
        f"人次，志愿者 {a.volunteer_times} 人次），待办 {a.planned} 场、取消 {a.cancelled} 场，"
        f"物资台账上的活动 {a.history} 场（只记人数）；项目 {a.projects} 个（关联个案 {a.project_cases} 个）；"
        f"结对 {a.pairings} 对（联系 {a.contacts} 次，滞后 {a.behind} 对，已结束 {a.ended} 对）；"
        f"微心愿 {a.wishes} 个",
        f"Activities: {a.held} in the last year ({a.sign_ups} sign-ups, {a.came} came, "
        f"{a.head_count} more not on file, {a.volunteer_times} volunteer times), {a.planned} "
        f"planned, {a.cancelled} cancelled, {a.history} on the stock ledger (head counts only); {a.projects} "
        f"projects ({a.project_cases} cases); {a.pairings} pairings ({a.contacts} contacts, "
        f"{a.behind} behind, {a.ended} ended); {a.wishes} wishes"))


def print_demo_campaigns(ctx: Context, c) -> None:
    """The demo's campaigns line (core.demo_campaigns.CampaignFigures)."""
    if not c.campaigns:
        return
    print(ctx.zh_en(
        f"慰问走访：往年慰问 {c.history} 次（村委会代领）；今年中秋（已结束）、重阳（进行中）和本月家访日，"
        f"对象 {c.targets} 户，入户 {c.calls} 次，送达慰问包 {c.delivered} 份，团队外出 {c.outings} 次",
        f"Campaigns: {c.history} past ones (through the village committees); this year's "
        f"中秋 (closed), 重阳 (under way) and this month's visit day: {c.targets} households, "
        f"{c.calls} calls, {c.delivered} packages delivered, {c.outings} team outings"))


def print_demo_inventory(ctx: Context, s) -> None:
    """The demo's inventory line (core.demo_inventory.InventoryFigures)."""
    if not s.movements:
        return
    print(ctx.zh_en(
        f"物资：捐赠方 {s.donors} 个，物资 {s.items} 种，慰问包 {s.packages} 种；近三年出入库单 "
        f"{s.vouchers} 张、台账 {s.movements} 条（冲销 {s.reversals} 张，盘点 {s.counts} 次，"
        f"慰问活动 {s.campaigns} 次），捐赠 {s.donations} 笔（凭证号 {s.acknowledgements} 个），"
        f"现金账 {s.cash_entries} 笔；今日：预留 {s.reservations} 项，低于预警 {s.low} 种，"
        f"30 天内到期 {s.expiring} 批，已过期在库 {s.expired} 批",
        f"Inventory: {s.donors} donors, {s.items} items, {s.packages} gift packages; "
        f"{s.vouchers} vouchers and {s.movements} ledger rows over three years ({s.reversals} "
        f"reversals, {s.counts} counts, {s.campaigns} campaigns), {s.donations} donations "
        f"({s.acknowledgements} acknowledgement numbers), {s.cash_entries} cash entries; today: "
        f"{s.reservations} reservations, {s.low} items low, {s.expiring} batches expiring "
        f"within 30 days, {s.expired} expired on the shelf"))


def cmd_backup(ctx: Context) -> int:
    from .core.services.backups import take_manual

    ctx.open()
    path = take_manual(ctx.actor, ctx.location, ctx.args.to)
    size = path.stat().st_size / 1024 / 1024
    print(ctx.zh_en(f"备份完成并已校验：{path}（{size:.1f} MB）",
                    f"Backup taken and checked: {path} ({size:.1f} MB)"))
    return 0


def cmd_backups(ctx: Context) -> int:
    from .core import backup

    ctx.open(need="station.view")
    items = backup.list_backups(ctx.location)
    if not items:
        print(ctx.zh_en(f"{ctx.location.backup_dir} 中还没有备份。",
                        f"No backups in {ctx.location.backup_dir} yet."))
        return 0
    for info in items:
        print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason:<12} "
              f"{info.size / 1024 / 1024:7.1f} MB  {info.path}")
    return 0


def cmd_restore(ctx: Context) -> int:
    from .core import db
    from .core.errors import DatabaseProblem
    from .core.store import restore

    if ctx.args.user:
        # Signing in reads the accounts from the live file; a damaged one can't be read.
        try:
            ctx.open(need="backup.restore")
        except DatabaseProblem as problem:
            if problem.code not in {*db.DAMAGED_CODES, "db_unreadable"}:
                raise
            raise DatabaseProblem("restore_without_user", path=ctx.location.describe(),
                                  source=ctx.args.path) from problem
        actor = ctx.actor
    else:
        actor = ctx.sign_in()
    result = restore(ctx.location, Path(ctx.args.path), actor)
    print(ctx.zh_en(f"已从 {result.restored_from} 恢复（数据版本 {result.from_version}）。",
                    f"Restored from {result.restored_from} (schema {result.from_version})."))
    if result.safety_copy:
        print(ctx.zh_en(f"恢复前的数据已备份到 {result.safety_copy}",
                        f"The data as it was is backed up in {result.safety_copy}"))
    if result.damaged_copy:
        print(ctx.zh_en(f"损坏的文件已保留为 {result.damaged_copy}",
                        f"The damaged file is kept as {result.damaged_copy}"))
    return 0


def cmd_check(ctx: Context) -> int:
    from .core import db
    from .core.check import run_checks
    from .core.errors import DatabaseProblem

    marks = {"ok": "✓", "warning": "!", "problem": "✗"}
    try:
        ctx.open(need="station.view")
    except DatabaseProblem as problem:
        if problem.code not in db.DAMAGED_CODES:
            raise  # no file, a lock, a share: nothing was checked
        # A damaged file is what check is for: report it like any finding.
        print(f"{marks['problem']} {describe_error(problem, ctx.lang)}")
        ctx.say("check_summary_bad", problems=1, warnings=0)
        return EXIT_CHECK_FAILED
    findings = run_checks(ctx.location)
    for f in findings:
        print(f"{marks[f.level]} {text(f.code, ctx.lang, **f.params)}")
    problems = sum(f.level == "problem" for f in findings)
    warnings = sum(f.level == "warning" for f in findings)
    if problems or warnings:
        ctx.say("check_summary_bad", problems=problems, warnings=warnings)
    else:
        ctx.say("check_summary_ok", count=len(findings))
    return EXIT_CHECK_FAILED if problems else 0


def cmd_info(ctx: Context) -> int:
    from .core import backup, migrations
    from .core.db import database
    from .core.models import Category, Staff, Tier, Village
    from .core.services.station import get_station

    ctx.open(need="station.view")
    st = get_station()
    newest = backup.list_backups(ctx.location)[:1]
    rows = [
        (ctx.zh_en("程序版本", "Program"), __version__),
        (ctx.zh_en("数据库", "Database"), ctx.location.describe()),
        (ctx.zh_en("数据版本", "Schema"), f"{migrations.current_version(database.obj)}"),
        (ctx.zh_en("社工站", "Station"), st.name if st else "—"),
        (ctx.zh_en("账号", "Accounts"), str(Staff.select().where(Staff.active == True).count())),  # noqa: E712
        (ctx.zh_en("村居", "Villages"),
         str(Village.select().where(Village.kind == "village").count())),
        (ctx.zh_en("人员类别", "Categories"), str(Category.select().count())),
        (ctx.zh_en("分级", "Tiers"), str(Tier.select().count())),
    ]
    if ctx.location.is_sqlite:
        rows.append((ctx.zh_en("备份目录", "Backups"), str(ctx.location.backup_dir)))
        rows.append((ctx.zh_en("最近备份", "Newest backup"),
                     f"{newest[0].taken_at:%Y-%m-%d %H:%M}" if newest else "—"))
    for key, value in rows:
        print(f"{pad(key, 14)}  {value}")
    return 0


def cmd_users(ctx: Context) -> int:
    from .core.roles import require
    from .core.services import accounts
    from .core.validate import mask_phone

    ctx.open(need="station.view")
    require(ctx.actor, "accounts.manage")
    full = ctx.show_full("staff", "cli users --full-ids")
    for s in accounts.list_staff():
        state = label("active" if s.active else "inactive", ctx.lang)
        phone = s.phone if full else mask_phone(s.phone)
        print(f"{s.id:>4}  {pad(s.username, 16)} {pad(s.name, 10)} "
              f"{pad(role_label(s.role, ctx.lang), 14)} {pad(phone, 14)} {state}")
    return 0


def cmd_user(ctx: Context) -> int:
    from .core.errors import NotFound
    from .core.roles import require
    from .core.services import accounts

    ctx.open()
    require(ctx.actor, "accounts.manage")  # before anyone is asked to type a password
    a = ctx.args
    if a.user_command == "add":
        password = read_new_password(ctx, a.username)
        row = accounts.create_staff(ctx.actor, a.username, a.name, a.role, password, a.phone or "")
        print(ctx.zh_en(f"已添加账号 {row.username}（{role_label(row.role, ctx.lang)}），首次登录须改密码。",
                        f"Added account {row.username} ({role_label(row.role, ctx.lang)}); "
                        "the password must be changed at first sign-in."))
        return 0
    staff = accounts.find_staff(a.username)
    if staff is None:
        raise NotFound("not_found", table="staff", id=a.username)
    if a.user_command == "reset-password":
        accounts.reset_password(ctx.actor, staff.id, read_new_password(ctx, a.username))
        print(ctx.zh_en(f"已重设 {staff.username} 的密码。", f"Password of {staff.username} reset."))
    else:
        active = None if a.active is None else a.active == "yes"
        row = accounts.update_staff(ctx.actor, staff.id, name=a.name, role=a.role,
                                    phone=a.phone, active=active)
        print(ctx.zh_en(f"已更新账号 {row.username}。", f"Account {row.username} updated."))
    return 0


def cmd_passwd(ctx: Context) -> int:
    """The signed-in person chooses their own password (the old one is the sign-in's)."""
    from .core.errors import AuthError
    from .core.services import accounts
    from .core.store import open_store

    if not ctx.args.user:
        raise AuthError("passwd_needs_user")
    open_store(ctx.location, create=False)
    old = read_password(ctx, ctx.args.user)
    actor = accounts.authenticate(ctx.args.user, old)
    accounts.change_own_password(actor, old, read_new_password(ctx, actor.username))
    print(ctx.zh_en(f"{actor.username} 的密码已更改。", f"Password of {actor.username} changed."))
    return 0


def cmd_audit(ctx: Context) -> int:
    from .core.audit import masked_json
    from .core.models import AuditLog
    from .core.roles import require

    ctx.open(need="station.view")
    require(ctx.actor, "audit.view")
    full = ctx.show_full("audit_log", "cli audit --full-ids")
    query = AuditLog.select().order_by(AuditLog.id.desc()).limit(ctx.args.limit)
    if ctx.args.table:
        query = query.where(AuditLog.table_name == ctx.args.table)
    for row in reversed(list(query)):
        change = row.new_values or row.old_values or ""
        if not full:  # phones and ID numbers in old/new values, as in every other listing
            change = masked_json(change)
        if len(change) > 90:
            change = change[:87] + "..."
        print(f"{row.at}  {pad(row.actor_name, 10)} {pad(row.action, 14)} {row.table_name}#{row.row_id or ''}"
              f"  {change} {row.note}".rstrip())
    return 0


def print_villages(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    from .core.reports import villages

    sheet = villages.gather()
    return (lambda out: villages.build(sheet, out, lang=ctx.lang)), villages.check(sheet)


def print_visit_sheets(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """入户走访登记表 for a village's or a social worker's active households (--due: those
    due for a visit, most overdue first)."""
    from .core.errors import ValidationError
    from .core.reports import visit_sheets
    from .core.roles import require
    from .core.services import household_exports as exports

    if getattr(ctx.args, "campaign", None):  # a campaign's sheets, a section per team
        return print_campaign_sheets(ctx)
    require(ctx.actor, "households.view")
    a = ctx.args
    ids = exports.visit_sheet_ids(
        ctx.actor, village_id=exports.village_by_name(a.village).id if a.village else None,
        social_worker_id=exports.worker_by_name(a.worker).id if a.worker else None, due=a.due)
    if not ids:
        raise ValidationError("visit_sheets_empty")
    data = exports.visit_sheet_data(ctx.actor, ids)
    print(ctx.zh_en(f"走访登记表：{len(data.rows)} 户", f"Visit sheets: {len(data.rows)} households"))
    return (lambda out: visit_sheets.build(data, out, lang=ctx.lang)), visit_sheets.check(data)


def _day(ctx: Context, value: str | None, field: str):
    from .core.errors import ValidationError
    from .core.validate import date_value

    day = date_value(value, field=field, required=True)
    if day is None:  # pragma: no cover (required)
        raise ValidationError("required", field=field)
    return day


def print_roster(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """志愿者排班表 for an ISO week (--week 2026-W48), A4 landscape."""
    from .core.reports import roster_sheet

    data = roster_sheet.gather(ctx.actor, roster_sheet.parse_week(ctx.args.week or ""))
    return (lambda out: roster_sheet.build(data, out, lang=ctx.lang)), roster_sheet.check(data)


def print_sign_in_sheet(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """志愿者签到表 for a day (--day) or one shift (--shift ID)."""
    from .core.reports import sign_in_sheet

    a = ctx.args
    day = _day(ctx, a.day, "day") if a.shift is None or a.day else None
    data = sign_in_sheet.gather(ctx.actor, day, a.shift)
    print(ctx.zh_en(f"签到表：{data.day.isoformat()}，已排班 {len(data.rows)} 人",
                    f"Sign-in sheet: {data.day.isoformat()}, {len(data.rows)} assigned"))
    return (lambda out: sign_in_sheet.build(data, out, lang=ctx.lang)), sign_in_sheet.check(data)


def print_policy_cards(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """政策明白卡: one policy's version (--policy, --version) as --copies cards, or personalised
    cards for the households --households picks (village=…,category=…,tier=…,worker=…): each
    household gets the card of every policy its categories match, in force. The print run is
    recorded (and the version never changes after)."""
    from .core.errors import ValidationError
    from .core.reports import policy_cards
    from .core.services import households as hh
    from .core.services import policies
    from .core.services.household_exports import query_from_names

    a = ctx.args
    layout, copies = a.layout or "wallet", 1 if a.copies is None else a.copies
    village_id = None
    if a.households is not None:
        wanted = {}
        for part in filter(None, (p.strip() for p in a.households.split(","))):
            key, _sep, value = part.partition("=")
            if key.strip() not in ("village", "category", "tier", "worker") or not value.strip():
                raise ValidationError("printout_bad_filter", value=part)
            wanted[key.strip()] = value.strip()
        query = query_from_names(**wanted)
        ids = hh.find_household_ids(ctx.actor, query)
        policy_ids = None
        if a.policy:
            policy_ids = [policies.find_version(ctx.actor, a.policy).policy_id]
        cards, per_version = policies.personal_cards(ctx.actor, ids, policy_ids)
        if not cards:
            raise ValidationError("printout_no_policy_cards", households=len(ids))
        village_id = query.village_id
        runs = [(version_id, count, count) for version_id, count in per_version.items()]
        print(ctx.zh_en(f"个人化政策明白卡：{len(ids)} 户，{len(cards)} 张",
                        f"Personalised policy cards: {len(ids)} households, {len(cards)} cards"))
        copies = 1
    else:
        if not a.policy:
            raise ValidationError("required", field="policy")
        version = policies.find_version(ctx.actor, a.policy, a.version)
        cards = policies.plain_cards(ctx.actor, version.id)
        if a.village:
            from .core.services.household_exports import village_by_name

            village_id = village_by_name(a.village).id
        runs = [(version.id, copies, 0)]
        print(ctx.zh_en(f"政策明白卡：{cards[0].text.title} {cards[0].text.version_label}，"
                        f"{copies} 份", f"Policy card: {cards[0].text.short_name} "
                        f"version {version.number}, {copies} copies"))
    for version_id, count, households in runs:  # refused before anything is drawn
        policies.check_print(ctx.actor, policies.get_version(ctx.actor, version_id), layout,
                             count, personal=households > 0)
    problems = policy_cards.fit_problems(cards, layout)
    if problems:
        raise problems[0].error()
    from .core.services.station import get_station

    station = get_station()

    def write(out: Path) -> None:
        policy_cards.build(cards, out, layout=layout, lang=ctx.lang, copies=copies,
                           station=station.name if station else "")
        try:  # the runs, all or none; no recorded run, no file
            policies.record_print_runs(ctx.actor, [(v, layout, count, households)
                                                   for v, count, households in runs],
                                       village_id=village_id)
        except Exception:
            Path(out).unlink(missing_ok=True)
            raise

    return write, policy_cards.check(cards)


def print_cards(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """志愿者卡 (10 to an A4 page) for the volunteers holding a live card (--team NAME);
    with --policy or --households, 政策明白卡 instead."""
    from .core.errors import NotFound, ValidationError

    if ctx.args.policy or ctx.args.households is not None:
        return print_policy_cards(ctx)
    from .core.models import Team
    from .core.reports import volunteer_cards

    team_id = None
    if ctx.args.team:
        team = Team.get_or_none(Team.name == ctx.args.team.strip())
        if team is None:
            raise NotFound("not_found", table="team", id=ctx.args.team)
        team_id = team.id
    sheet = volunteer_cards.gather(ctx.actor, team_id, lang=ctx.lang)
    if not sheet.cards:
        raise ValidationError("printout_no_cards")
    print(ctx.zh_en(f"志愿者卡：{len(sheet.cards)} 张", f"Volunteer cards: {len(sheet.cards)}"))
    if sheet.without_card:
        print(ctx.zh_en(f"另有 {sheet.without_card} 人没有有效的志愿者卡（请先在志愿者页发卡）",
                        f"{sheet.without_card} more have no valid card (issue one on the "
                        "Volunteers page first)"))
    return (lambda out: volunteer_cards.build(sheet, out, lang=ctx.lang)), volunteer_cards.check(sheet)


def _volunteer_id(given: object) -> int:
    """A volunteer named on the command line by 志愿者编号 (the national platform number, as
    printed on the card and the certificate), else by the record number."""
    from .core.errors import NotFound
    from .core.models import Volunteer

    text = str(given).strip()
    found = Volunteer.get_or_none(Volunteer.platform_number == text) if text else None
    if found is not None:
        return found.id
    if text.isdigit() and Volunteer.get_or_none(Volunteer.id == int(text)) is not None:
        return int(text)
    raise NotFound("not_found", table="volunteer", id=text)


def print_certificate(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """志愿服务时长证明: issues (numbers and files) a certificate, then prints it."""
    from .core.reports import certificate
    from .core.services import certificates

    a = ctx.args
    start, end = _day(ctx, a.start, "period_from"), _day(ctx, a.end, "period_to")
    if a.volunteer is None:
        from .core.errors import ValidationError

        raise ValidationError("required", field="volunteer")
    volunteer_id = _volunteer_id(a.volunteer)
    if start <= end:
        service = certificates.service_record(ctx.actor, volunteer_id, start, end)
        if service.pending:
            print(ctx.zh_en(f"注意：期间有 {service.pending} 次签到待确认（补登），共 "
                            f"{service.pending_hours:g} 小时；建议先在“考勤与时长”确认",
                            f"Note: {service.pending} sign-ins in the period are waiting for "
                            f"confirmation (补登), {service.pending_hours:g} hours in all; better "
                            "confirm them first under Attendance and hours"), file=sys.stderr)
    issued = certificates.issue_certificate(ctx.actor, volunteer_id, start, end)
    data = certificates.certificate_data(ctx.actor, issued)
    print(ctx.zh_en(f"已开具时长证明 {data.number}：{data.volunteer_name}，{data.hours:g} 小时",
                    f"Certificate {data.number} issued: {data.volunteer_name}, {data.hours:g} h"))
    return (lambda out: certificate.build(data, out, lang=ctx.lang)), certificate.check(data)


# --- inventory printouts: receipt, thank-you letters, count sheet, sign-off sheet -------------


def _range(ctx: Context, *, to_defaults_to_from: bool = False):
    """(--from, --to) as dates, the first not after the second."""
    from .core.errors import ValidationError

    a = ctx.args
    start = _day(ctx, a.start, "date_from")
    end = start if to_defaults_to_from and not a.end else _day(ctx, a.end, "date_to")
    if end < start:
        raise ValidationError("printout_bad_range", date_from=start.isoformat(),
                              date_to=end.isoformat())
    return start, end


def print_receipt(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """捐赠物资接收凭证 for a donation (--donation ID): 存根 and 交捐赠方 on one A4 sheet."""
    from .core import money
    from .core.errors import ValidationError
    from .core.reports import acknowledgement
    from .core.services import donations

    if ctx.args.donation is None:
        raise ValidationError("required", field="donation")
    data = donations.acknowledgement_data(ctx.actor, ctx.args.donation)
    void = ctx.zh_en("（已作废）", " (void)") if data.void else ""
    print(ctx.zh_en(f"捐赠物资接收凭证 {data.number}{void}：{data.donor_name}，合计 "
                    f"{money.yuan(data.total_fen)} 元",
                    f"Acknowledgement {data.number}{void}: {data.donor_name}, "
                    f"{money.yuan(data.total_fen)} yuan in all"))
    return (lambda out: acknowledgement.build(data, out, lang=ctx.lang)), acknowledgement.check(data)


def print_thanks(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """感谢信, one per donor who gave between --from and --to (--donor ID: that one only)."""
    from .core.errors import ValidationError
    from .core.reports import thanks
    from .core.services import donations
    from .core.services.station import get_station

    start, end = _range(ctx)
    donor = ctx.args.donor
    letters = donations.thanks_data(ctx.actor, start, end,
                                    donor_ids=[donor] if donor is not None else None)
    if not letters:
        raise ValidationError("printout_no_thanks", date_from=start.isoformat(),
                              date_to=end.isoformat())
    station = get_station()
    address = station.address if station else ""
    print(ctx.zh_en(f"感谢信：{len(letters)} 封", f"Thank-you letters: {len(letters)}"))
    return ((lambda out: thanks.build(letters, out, lang=ctx.lang, address=address)),
            thanks.check(letters))


def print_count_sheet(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """盘点表 with the book quantities of today, for one storeroom (--location NAME) or all."""
    from .core.errors import NotFound
    from .core.models import Location
    from .core.reports import count_sheet

    location_id = None
    if ctx.args.location:
        found = Location.get_or_none(Location.name == ctx.args.location.strip())
        if found is None:
            raise NotFound("not_found", table="location", id=ctx.args.location)
        location_id = found.id
    data = count_sheet.gather(ctx.actor, location_id=location_id)
    print(ctx.zh_en(f"盘点表：{len(data.rows)} 项", f"Count sheet: {len(data.rows)} rows"))
    return (lambda out: count_sheet.build(data, out, lang=ctx.lang)), count_sheet.check(data)


def print_sign_off(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """领取签收表 of the goods handed out between --from and --to (--kind household: to
    households only), with --blank N empty rows for a planned distribution."""
    from .core.errors import ValidationError
    from .core.reports import sign_off
    from .core.services import stock_sheets

    a = ctx.args
    blank = a.blank or 0
    if not 0 <= blank <= sign_off.MAX_BLANK:
        raise ValidationError("printout_bad_blank", value=blank, maximum=sign_off.MAX_BLANK)
    start, end = _range(ctx, to_defaults_to_from=True)
    data = stock_sheets.sign_off_rows(ctx.actor, date_from=start, date_to=end, kind=a.kind or "")
    if not data.rows and not blank:
        raise ValidationError("printout_no_distributions", date_from=start.isoformat(),
                              date_to=end.isoformat())
    print(ctx.zh_en(f"领取签收表：{len(data.rows)} 户（次），空白 {blank} 行",
                    f"Sign-off sheet: {len(data.rows)} hand-overs, {blank} blank rows"))
    return (lambda out: sign_off.build(data, out, lang=ctx.lang, blank=blank)), sign_off.check(data)


# --- campaigns (节日慰问 / 家访日): create, list, show, close; their printouts and workbook ----


def _campaign_id(ctx: Context) -> int:
    from .core.errors import ValidationError

    given = ctx.args.campaign
    try:
        return int(str(given).lstrip("#"))
    except (TypeError, ValueError):
        raise ValidationError("bad_choice", field="campaign", value=str(given)) from None


def _campaign_team(ctx: Context, campaign_id: int) -> int | None:
    """--team NAME: the campaign's team by name (None: every team)."""
    from .core.errors import ValidationError
    from .core.services import campaigns

    name = (ctx.args.team or "").strip()
    if not name:
        return None
    teams = campaigns.teams(ctx.actor, campaign_id)
    for team in teams:
        if team.name == name:
            return team.id
    raise ValidationError("unknown_campaign_team", value=name,
                          campaign=campaigns.get_campaign(ctx.actor, campaign_id).name,
                          choices="、".join(t.name for t in teams) or "—")


def _campaign_rule(ctx: Context):
    """The one target rule the options describe."""
    from .core.errors import ValidationError
    from .core.services import campaigns, inventory
    from .core.services import household_exports as exports

    a = ctx.args
    package_id = None
    if a.package:
        packages = inventory.packages(ctx.actor)
        found = [p for p in packages if p.name == a.package.strip()]
        if not found:
            raise ValidationError("unknown_package", value=a.package,
                                  choices="、".join(p.name for p in packages) or "—")
        package_id = found[0].id
    return campaigns.RuleInput(
        category_ids=[exports.category_by_name(n).id for n in a.category or ()],
        tier_ids=[exports.tier_by_name(n).id for n in a.tier or ()],
        village_ids=[exports.village_by_name(n).id for n in a.village or ()],
        min_age=a.min_age, active_only=not a.all_statuses, package_id=package_id,
        package_count=a.package_count)


def _campaign_create(ctx: Context) -> int:
    from .core import money
    from .core.errors import ValidationError
    from .core.festivals import FESTIVALS
    from .core.services import campaigns
    from .core.services import household_exports as exports
    from .core.validate import date_value

    a = ctx.args
    if a.festival and a.festival not in FESTIVALS:
        raise ValidationError("unknown_festival", value=a.festival, choices="、".join(
            f"{code}（{name}）" for code, (name, *_rest) in FESTIVALS.items()))
    data = campaigns.CampaignInput(
        name=a.name, kind=a.kind, theme=a.theme or "", festival=a.festival or "", year=a.year,
        starts_on=date_value(a.start, field="starts_on"), ends_on=date_value(a.end, field="ends_on"),
        budget_fen=money.parse_yuan(a.budget, field="budget") or 0, note=a.note or "")
    if a.kind == "visit_day":
        workers = [exports.worker_by_name(n).id for n in a.worker or ()]
        made = campaigns.create_visit_day(ctx.actor, data, workers)
    else:
        made = campaigns.create_campaign(ctx.actor, data, [_campaign_rule(ctx)])
    row = campaigns.get_campaign(ctx.actor, made.campaign_id)
    ctx.say("campaign_cli_created", id=row.id, name=row.name, start=row.starts_on.isoformat(),
            end=row.ends_on.isoformat(), targets=made.targets)
    for short in made.shortfalls:
        ctx.say("campaign_cli_short", item=short.label, wanted=short.wanted, unit=short.unit,
                available=short.available, missing=short.missing)
    if not made.shortfalls and a.kind != "visit_day" and a.package:
        ctx.say("campaign_cli_stock_ok")
    return 0


def _campaign_list(ctx: Context) -> int:
    from .core.services import campaigns

    rows = campaigns.list_campaigns(ctx.actor, status=ctx.args.status or "")
    if not rows:
        ctx.say("campaign_cli_none")
        return 0
    print(ctx.zh_en("编号  名称                      类型      时间                     状态    对象  完成  发放",
                    "ID    Name                      Kind      Window                   Status  "
                    "Targets Done Delivered"))
    for r in rows:
        kind = ctx.zh_en(*{"holiday": ("节日慰问", "holiday"),
                           "visit_day": ("家访日", "visit day")}.get(r.kind, (r.kind, r.kind)))
        status = ctx.zh_en(*{"open": ("进行中", "open"),
                             "closed": ("已结束", "closed")}.get(r.status, (r.status, r.status)))
        print(f"{pad(r.id, 5)} {pad(r.name, 25)} {pad(kind, 9)} "
              f"{r.starts_on}–{r.ends_on}  {pad(status, 7)} {pad(r.targets, 5)} "
              f"{pad(f'{r.share_done * 100:.0f}%', 5)} {r.delivered}")
    return 0


def _campaign_show(ctx: Context) -> int:
    from .core.festivals import FESTIVALS
    from .core.services import campaigns

    cid = _campaign_id(ctx)
    state = campaigns.progress(ctx.actor, cid)
    c = state.campaign
    festival = FESTIVALS.get(c.festival, (c.festival,))[0] if c.festival else ""
    print(f"#{c.id} {c.name}" + (f"（{festival} {c.festival_on}）" if festival else "")
          + f"  {c.starts_on}–{c.ends_on}  "
          + ctx.zh_en("进行中" if c.status == "open" else "已结束", c.status))
    t = state.total
    print(ctx.zh_en(f"对象 {t.targets} 户：已走访 {t.visited}，不在家待再访 {t.nobody_home}，拒访 {t.declined}，"
                    f"迁出/去世 {t.gone}，未完成 {t.open}（逾期 {t.overdue}），已发放 {t.delivered}，"
                    f"已签收 {t.signed}；完成 {t.share_done * 100:.0f}%",
                    f"{t.targets} targets: visited {t.visited}, nobody home {t.nobody_home}, "
                    f"declined {t.declined}, moved/deceased {t.gone}, open {t.open} (overdue "
                    f"{t.overdue}), delivered {t.delivered}, signed {t.signed}; "
                    f"{t.share_done * 100:.0f}% done"))
    head = ctx.zh_en("对象  已走访 未完成 已发放 完成率", "Targets Visited Open Delivered Done")
    for title, lines in ((ctx.zh_en("村居", "Village"), state.by_village),
                         (ctx.zh_en("小组", "Team"), state.by_team)):
        print()
        print(f"{pad(title, 14)} {head}")
        for line in lines:
            name = line.key or ctx.zh_en("未分组", "no team")
            print(f"{pad(name, 14)} {pad(line.targets, 5)} {pad(line.visited, 6)} "
                  f"{pad(line.open, 6)} {pad(line.delivered, 6)} {line.share_done * 100:.0f}%")
    print()
    if not state.reserved:
        print(ctx.zh_en("库存：本活动没有预留物资", "Stock: nothing reserved"))
    for r in state.reserved:
        short = max(0, r.wanted - r.quantity)
        print(ctx.zh_en(f"库存 {r.label}：需要 {r.wanted} {r.unit}，已预留 {r.quantity}，已发放 {r.delivered}，"
                        f"尚留 {r.outstanding}" + (f"，缺 {short} {r.unit}" if short else ""),
                        f"Stock {r.label}: {r.wanted} {r.unit} wanted, {r.quantity} held, "
                        f"{r.delivered} given, {r.outstanding} outstanding"
                        + (f", {short} {r.unit} short" if short else "")))
    return 0


def _campaign_close(ctx: Context) -> int:
    from .core.services import campaigns

    cid = _campaign_id(ctx)
    released = campaigns.close_campaign(ctx.actor, cid, ctx.args.note or "")
    row = campaigns.get_campaign(ctx.actor, cid)
    ctx.say("campaign_cli_closed", id=row.id, name=row.name, released=released)
    return 0


CAMPAIGN_ACTIONS = {"create": _campaign_create, "list": _campaign_list, "show": _campaign_show,
                    "close": _campaign_close}


def cmd_campaign(ctx: Context) -> int:
    """campaign create / list / show / close: holiday visit campaigns and home-visit days."""
    ctx.open(need="campaigns.view")
    return CAMPAIGN_ACTIONS[ctx.args.campaign_command](ctx)


def print_campaign_sheets(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """入户慰问走访表 of a campaign (--campaign), a section per team (--team: one team)."""
    from .core.reports import campaign_sheets
    from .core.services import campaigns

    cid = _campaign_id(ctx)
    data = campaigns.sheet_data(ctx.actor, cid, team_id=_campaign_team(ctx, cid))
    count = sum(len(t.rows) for t in data.teams)
    print(ctx.zh_en(f"入户慰问走访表：{len(data.teams)} 个小组，{count} 户",
                    f"Campaign visit sheets: {len(data.teams)} teams, {count} households"))
    return ((lambda out: campaign_sheets.build(data, out, lang=ctx.lang)),
            campaign_sheets.check(data))


def print_campaign_sign_off(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """领取签收表 of a campaign's open targets with a package (names masked)."""
    from .core.reports import sign_off
    from .core.services import campaigns

    cid = _campaign_id(ctx)
    data = campaigns.sign_off_data(ctx.actor, cid, team_id=_campaign_team(ctx, cid))
    print(ctx.zh_en(f"慰问品签收表：{len(data.rows)} 户", f"Campaign sign-off sheet: {len(data.rows)} households"))
    return (lambda out: sign_off.build(data, out, lang=ctx.lang)), sign_off.check(data)


def print_campaign_summary(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """活动总结 of a campaign."""
    from .core.reports import campaign_summary, fonts
    from .core.services import campaigns

    summary = campaigns.summary(ctx.actor, _campaign_id(ctx))
    unprintable = fonts.unprintable([(n.head_name, f"{n.village} {n.head_name} {n.content}")
                                     for n in summary.needs])
    return (lambda out: campaign_summary.build(summary, out, lang=ctx.lang)), unprintable


def _export_campaign(ctx: Context) -> int:
    from .core.services import campaign_exports

    a = ctx.args
    ctx.open(need="campaigns.view")
    count = campaign_exports.export_campaign(ctx.actor, _campaign_id(ctx), a.out)
    print(ctx.zh_en(f"已导出 {a.out}：慰问对象 {count} 户（证件号码和电话已脱敏）",
                    f"Exported {a.out}: {count} targets (ID numbers and phones masked)"))
    return 0


def _add_campaign_command(add) -> None:
    p = add("campaign", cmd_campaign, "节日慰问与家访日 / holiday visit campaigns and home-visit days")
    sub = p.add_subparsers(dest="campaign_command", required=True, metavar="ACTION")
    c = sub.add_parser("create", help="新建活动并预留慰问品 / make a campaign, reserve its packages")
    c.add_argument("--name", required=True, help="活动名称 / the campaign's name")
    c.add_argument("--kind", choices=["holiday", "visit_day"], default="holiday",
                   help="holiday 节日慰问（默认）、visit_day 家访日")
    c.add_argument("--festival", metavar="CODE",
                   help="节日代码：new_year spring lantern children dragon_boat mid_autumn "
                        "national double_ninth")
    c.add_argument("--year", type=int, help="节日所在年份 / the festival's year")
    c.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help="开始日期（默认节日前两周）/ first day")
    c.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="结束日期（默认节日当天）/ last day")
    c.add_argument("--budget", metavar="YUAN", help="预算（元）/ budget in yuan")
    c.add_argument("--theme", help="活动主题 / theme")
    c.add_argument("--note", help="备注 / note")
    c.add_argument("--category", action="append", metavar="NAME", help="人员类别，可写多次")
    c.add_argument("--tier", action="append", metavar="N|NAME", help="分级，可写多次")
    c.add_argument("--village", action="append", metavar="NAME", help="村居名称或编码，可写多次")
    c.add_argument("--min-age", type=int, metavar="N", help="家中有 N 岁及以上老人 / oldest at least N")
    c.add_argument("--package", metavar="NAME", help="慰问包名称 / the gift package")
    c.add_argument("--package-count", type=int, default=1, metavar="N", help="每户几份（默认 1）")
    c.add_argument("--all-statuses", action="store_true",
                   help="不限在册户（默认只选在册户）/ not only active households")
    c.add_argument("--worker", action="append", metavar="USERNAME",
                   help="visit_day：只列这些社工的到期户，可写多次 / these social workers only")
    c = sub.add_parser("list", help="列出活动 / list campaigns")
    c.add_argument("--status", choices=["open", "closed"], help="进行中 open、已结束 closed")
    c = sub.add_parser("show", help="活动进度与库存 / a campaign's progress and stock")
    c.add_argument("campaign", metavar="ID")
    c = sub.add_parser("close", help="结束活动，释放未发放的预留（仅站长）/ close (head only)")
    c.add_argument("campaign", metavar="ID")
    c.add_argument("--note", help="活动小结 / closing note")


def _add_campaign_export(export_sub) -> None:
    e = export_sub.add_parser("campaign", help="慰问活动台账 / a campaign's workbook",
                              description="慰问活动的汇总、慰问对象、分村和分组统计、物资、志愿者、"
                                          "群众诉求（.xlsx，证件号码和电话脱敏）/ a campaign to Excel")
    e.add_argument("--campaign", required=True, metavar="ID", help="活动编号 / campaign id")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")


# ---------------------------------------------------------------- case work (个案) and the hotline


def _case_worker(ctx: Context, username: str | None):
    """--worker: a social worker by login name (or name); a social worker's own by default."""
    from .core.errors import ValidationError
    from .core.services import household_exports as exports

    if username:
        return exports.worker_by_name(username)
    from .core.roles import HEAD

    if ctx.actor.staff_id is None or ctx.actor.role == HEAD:  # the head names whose sheet
        raise ValidationError("required", field="social_worker")
    from .core.models import Staff

    return Staff.get_by_id(ctx.actor.staff_id)


def print_case_file(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """个案工作记录 of one case (--case); the person's name masked unless --show-name."""
    from .core.errors import ValidationError
    from .core.reports import case_file
    from .core.services import case_exports

    a = ctx.args
    if a.case is None:
        raise ValidationError("required", field="case")
    data = case_exports.case_file_data(ctx.actor, a.case, show_name=a.show_name)
    print(ctx.zh_en(f"个案工作记录 #{data.case_id}：服务记录 {len(data.records)} 条"
                    + ("" if a.show_name else "（姓名已脱敏）"),
                    f"Case record #{data.case_id}: {len(data.records)} service records"
                    + ("" if a.show_name else " (name masked)")))
    return (lambda out: case_file.build(data, out, lang=ctx.lang)), case_file.problems(data)


def print_caseload(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """社工月度个案工作量表 of a social worker (--worker) for a month (--month YYYY-MM)."""
    from .core.errors import ValidationError
    from .core.reports import caseload
    from .core.services import case_exports
    from .core.services.stock_exports import parse_month

    a = ctx.args
    if not a.month:
        raise ValidationError("required", field="month")
    year, month = parse_month(a.month)
    worker = _case_worker(ctx, a.worker)
    data = case_exports.caseload_data(ctx.actor, worker.id, year, month)
    t = data.totals
    print(ctx.zh_en(f"个案工作量表：{data.social_worker} {year}年{month}月，个案 {t.cases} 个，"
                    f"服务 {t.records} 次、{t.hours:g} 小时",
                    f"Caseload: {data.social_worker} {year}-{month:02d}, {t.cases} cases, "
                    f"{t.records} services, {t.hours:g} hours"))
    return (lambda out: caseload.build(data, out, lang=ctx.lang)), []


def _export_cases(ctx: Context) -> int:
    from .core.services import case_exports
    from .core.services.stock_exports import parse_month

    a = ctx.args
    ctx.open(need="cases.figures")
    year, month = parse_month(a.month)
    rows = case_exports.export_figures(ctx.actor, year, month, a.out)
    print(ctx.zh_en(f"已导出 {a.out}：{year}年{month}月个案工作统计（{rows} 行，只有数字，不含姓名）",
                    f"Exported {a.out}: case work figures for {year}-{month:02d} "
                    f"({rows} rows, counts only)"))
    return 0


def _add_case_export(export_sub) -> None:
    e = export_sub.add_parser("cases", help="个案工作月报 / the month's case work figures",
                              description="某月按村居、按社工的个案和服务统计，群众诉求与热线来电"
                                          "（.xlsx，只有数字）/ a month's case figures, counts only")
    e.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")


def _add_case_print_arguments(p) -> None:
    p.add_argument("--case", type=int, metavar="ID", help="case：个案编号 / the case's number")
    p.add_argument("--show-name", action="store_true",
                   help="case：印出服务对象姓名（默认隐去）/ print the person's name")
    p.add_argument("--month", metavar="YYYY-MM", help="caseload：月份 / the month")


def _case_list(ctx: Context) -> int:
    from .core.services import cases
    from .core.validate import mask_name

    a = ctx.args
    worker = _case_worker(ctx, a.worker).id if a.worker else None
    rows = cases.list_cases(ctx.actor, cases.CaseQuery(social_worker_id=worker,
                                                       status=a.status, due_only=a.due))
    full = ctx.show_full("case", "个案列表") if rows else False
    if rows and not full:  # the presenting problems leave the program: on the audit log
        from .core.audit import sensitive_read

        sensitive_read(ctx.actor, "case", None, f"个案列表（{len(rows)} 个，命令行）")
    due = {"follow_up": ctx.zh_en("回访到期", "follow-up due"),
           "quiet": ctx.zh_en("30天未服务", "30 days quiet")}
    from .core.reports.case_file import code

    for r in rows:
        name = r.head_name if full else mask_name(r.head_name)
        if r.member_name:
            name += f"（{r.member_name if full else mask_name(r.member_name)}）"
        problem = r.problem.replace("\n", " ")
        problem = problem[:30] + "…" if len(problem) > 31 else problem
        print(f"#{r.id:<6} {pad(code(ctx.lang, 'status', r.status), 12)} "
              f"{pad(code(ctx.lang, 'risk', r.risk) or '-', 6)} {r.opened_on.isoformat()}  "
              f"{pad(r.village, 14)} {pad(name, 16)} {pad(r.social_worker, 8)} "
              f"{pad(due.get(r.due, ''), 12)} {problem}")
    print(ctx.zh_en(f"共 {len(rows)} 个个案", f"{len(rows)} cases"))
    return 0


def cmd_case(ctx: Context) -> int:
    """case list: cases, one a line (a social worker sees their own)."""
    ctx.open(need="cases.view")
    return _case_list(ctx)


def cmd_hotline(ctx: Context) -> int:
    """hotline log: a call as it is answered; the caller's household found by the phone."""
    from .core.errors import ValidationError
    from .core.services import cases

    a = ctx.args
    ctx.open(need="hotline.log")
    if a.phone and not any(ch.isdigit() for ch in a.phone):
        raise ValidationError("bad_phone", value=a.phone)
    household_id = None
    matches = cases.match_caller(ctx.actor, a.phone) if a.phone else []
    if len(matches) == 1:
        household_id = matches[0].household_id
    digits = "".join(ch for ch in (a.phone or "") if ch.isdigit())
    whole = a.phone if len(digits) >= 7 else ""  # a tail only finds the household
    call = cases.log_call(ctx.actor, cases.CallInput(
        a.content, line=a.line or "", caller=a.caller or "", caller_phone=whole,
        household_id=household_id, urgency=a.urgency, action=a.action))
    found = (ctx.zh_en(f"，来电户：{matches[0].village} {matches[0].name}",
                       f", household: {matches[0].village} {matches[0].name}")
             if household_id else "")
    at = call.called_at[:16].replace("T", " ")
    print(ctx.zh_en(f"已记录来电 #{call.id}（{at}），诉求 #{call.need_id} 已登记{found}",
                    f"Call #{call.id} logged ({at}), need #{call.need_id} on file{found}"))
    return 0


def _add_case_commands(add) -> None:
    p = add("case", cmd_case, "个案 / case work")
    sub = p.add_subparsers(dest="case_command", required=True, metavar="ACTION")
    c = sub.add_parser("list", help="列出个案（姓名脱敏，--full-ids 显示全名）/ list cases")
    c.add_argument("--worker", metavar="USERNAME", help="负责社工登录名或姓名 / social worker")
    c.add_argument("--status", default="open",
                   choices=["open", "closed", "all", "intake", "assessment", "plan",
                            "intervention", "evaluation"],
                   help="open 未结案（默认）、closed 已结案、all 全部，或一个阶段")
    c.add_argument("--due", action="store_true",
                   help="仅待办：回访到期或 30 天未服务 / due only")
    c.add_argument("--full-ids", action="store_true", default=argparse.SUPPRESS,
                   help="显示全名（记入审计日志）/ full names, audited")
    p = add("hotline", cmd_hotline, "热线来电 / the hotline")
    sub = p.add_subparsers(dest="hotline_command", required=True, metavar="ACTION")
    c = sub.add_parser("log", help="记录一次来电（同时登记群众诉求）/ log a call")
    c.add_argument("--content", required=True, help="来电诉求 / what the caller needs")
    c.add_argument("--line", help="哪条热线 / which of the station's lines")
    c.add_argument("--caller", help="来电人 / the caller's name")
    c.add_argument("--phone", help="来电号码（按尾号查找服务对象户）/ the caller's number")
    c.add_argument("--urgency", choices=["low", "normal", "urgent"], default="normal",
                   help="紧急程度：low、normal（默认）、urgent")
    c.add_argument("--action", default="", help="当场如何处理 / what was done on the call")


# ---------------------------------------------------------------- activities, projects, wishes


ACTIVITY_KIND_CHOICES = ("group", "community", "policy", "volunteer", "festival", "training")
WISH_STATUS_CHOICES = ("placed", "taken", "adopted", "delivered", "rated", "cancelled")


def _required_id(value: int | None, field: str) -> int:
    from .core.errors import ValidationError

    if value is None:
        raise ValidationError("required", field=field)
    return value


def _report_on(value: str | None):
    """--on: the report's date (default today)."""
    from .core.validate import date_value

    return date_value(value, field="report_on") if value else None


def print_activity_sheet(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """活动签到表 of one activity (--activity): who signed up, blank rows, the volunteers."""
    from .core.reports import activity_sheet
    from .core.services import activity_exports

    a = ctx.args
    data = activity_exports.sheet_data(ctx.actor, _required_id(a.activity, "activity"),
                                       blank=a.blank)
    print(ctx.zh_en(f"活动签到表：{data.title}（{data.held_on.isoformat()}），已报名 "
                    f"{len(data.participants)} 人，志愿者 {len(data.volunteers)} 人，"
                    f"空白 {data.blank_rows} 行",
                    f"Sign-in sheet: {data.title} ({data.held_on.isoformat()}), "
                    f"{len(data.participants)} signed up, {len(data.volunteers)} volunteers, "
                    f"{data.blank_rows} blank rows"))
    return (lambda out: activity_sheet.build(data, out, lang=ctx.lang)), \
        activity_sheet.problems(data)


def print_project_report(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """项目进度报告 of one project (--project) at a date (--on, default today)."""
    from .core.reports import project_report
    from .core.services import activity_exports

    a = ctx.args
    data = activity_exports.project_report_data(
        ctx.actor, _required_id(a.project, "project"), _report_on(a.on))
    print(ctx.zh_en(f"项目进度报告：{data.name}，截至 {data.on.isoformat()}，活动 "
                    f"{data.activities_held} 场",
                    f"Project report: {data.name} as of {data.on.isoformat()}, "
                    f"{data.activities_held} activities held"))
    return (lambda out: project_report.build(data, out, lang=ctx.lang)), \
        project_report.problems(data)


def print_wish_list(ctx: Context) -> tuple[Callable[[Path], object], list[tuple[str, str]]]:
    """微心愿认领清单: the open wishes by alias and village, for partner companies."""
    from .core.reports import wish_list
    from .core.services import activity_exports

    data = activity_exports.wish_list_data(ctx.actor)
    print(ctx.zh_en(f"微心愿认领清单：待认领 {len(data.wishes)} 个（只印称呼和村居）",
                    f"Wish list: {len(data.wishes)} open wishes (aliases and villages only)"))
    return (lambda out: wish_list.build(data, out, lang=ctx.lang)), wish_list.problems(data)


def _export_project(ctx: Context) -> int:
    from .core.services import activity_exports

    a = ctx.args
    ctx.open(need="activities.view")
    on = _report_on(a.on)
    rows = activity_exports.export_project(ctx.actor, a.project, a.out, on)
    print(ctx.zh_en(f"已导出 {a.out}：项目进度报告（{rows} 行，只有数字，不含个案内容）",
                    f"Exported {a.out}: the project report ({rows} rows, counts only)"))
    return 0


def _export_activities(ctx: Context) -> int:
    from .core.services import activity_exports

    a = ctx.args
    ctx.open(need="activities.view")
    rows = activity_exports.export_figures(ctx.actor, a.year, a.out)
    print(ctx.zh_en(f"已导出 {a.out}：{a.year}年活动、项目与微心愿统计（{rows} 行，只有数字）",
                    f"Exported {a.out}: activities, projects and wishes in {a.year} "
                    f"({rows} rows, counts only)"))
    return 0


def _year(lang: str | None) -> Callable[[str], int]:
    """--year's type: a four-digit year, said plainly if not."""

    def check(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if not 2000 <= number <= 2100:
            raise argparse.ArgumentTypeError(text("bad_year", lang, field="year", value=value))
        return number

    return check


def cmd_activity(ctx: Context) -> int:
    """activity list: activities, one a line, newest first (no names of the people)."""
    import datetime as _dt

    from .core.services import activities as act
    from .core.services.activity_exports import ACTIVITY_STATUS_NAMES, KIND_NAMES

    a = ctx.args
    ctx.open(need="activities.view")
    query = act.ActivityQuery(kind=a.kind or "")
    if a.year:
        query.date_from, query.date_to = _dt.date(a.year, 1, 1), _dt.date(a.year, 12, 31)
    rows = act.list_activities(ctx.actor, query)
    for r in rows:
        kind = KIND_NAMES.get(r.kind, r.kind) if ctx.lang == "zh" else r.kind
        status = ACTIVITY_STATUS_NAMES.get(r.status, r.status) if ctx.lang == "zh" else r.status
        came = ctx.zh_en(f"报名 {r.signed_up} 到场 {r.person_times} 人次 志愿者 {r.volunteers}",
                         f"{r.signed_up} signed up, {r.person_times} came, "
                         f"{r.volunteers} volunteers")
        print(f"#{r.id:<6} {r.held_on.isoformat()} {r.start_time}  {pad(kind, 14)} "
              f"{pad(status, 10)} {pad(r.village or '-', 10)} {pad(r.title, 30)} {came}")
    print(ctx.zh_en(f"共 {len(rows)} 场活动", f"{len(rows)} activities"))
    return 0


def cmd_project(ctx: Context) -> int:
    """project list: projects, one a line, with their period and targets."""
    from .core.services import activities as act
    from .core.services.activity_exports import PROJECT_STATUS_NAMES

    ctx.open(need="activities.view")
    rows = act.list_projects(ctx.actor)
    for p in rows:
        status = PROJECT_STATUS_NAMES.get(p.status, p.status) if ctx.lang == "zh" else p.status
        targets = ctx.zh_en(
            f"目标：{p.target_families} 户、{p.target_person_times} 人次、{p.target_services} 次",
            f"targets: {p.target_families} families, {p.target_person_times} person-times, "
            f"{p.target_services} services")
        print(f"#{p.id:<4} {pad(status, 8)} {p.starts_on} – {p.ends_on}  {pad(p.name, 28)} "
              f"{pad(p.funder or '-', 16)} {targets}")
    print(ctx.zh_en(f"共 {len(rows)} 个项目", f"{len(rows)} projects"))
    return 0


def cmd_wish(ctx: Context) -> int:
    """wish list: wishes, one a line, by alias and village (no household names)."""
    from .core.services import wishes
    from .core.services.activity_exports import WISH_STATUS_NAMES

    a = ctx.args
    ctx.open(need="wishes.view")
    rows = wishes.list_wishes(ctx.actor, status=a.status or "")
    for w in rows:
        status = WISH_STATUS_NAMES.get(w.status, w.status) if ctx.lang == "zh" else w.status
        value = f"{w.estimated_fen / 100:,.2f}" if w.estimated_fen else "-"
        print(f"#{w.id:<6} {w.placed_on.isoformat()}  {pad(status, 8)} {pad(w.village, 10)} "
              f"{pad(w.alias, 10)} {pad(w.what, 24)} {value}")
    print(ctx.zh_en(f"共 {len(rows)} 个微心愿", f"{len(rows)} wishes"))
    return 0


def _add_activity_commands(add, lang: str | None) -> None:
    p = add("activity", cmd_activity, "活动 / activities")
    sub = p.add_subparsers(dest="activity_command", required=True, metavar="ACTION")
    c = sub.add_parser("list", help="列出活动 / list activities")
    c.add_argument("--year", type=_year(lang), metavar="YYYY", help="年份 / the year")
    c.add_argument("--kind", choices=ACTIVITY_KIND_CHOICES,
                   help="group 小组活动、community 社区活动、policy 政策宣传、volunteer 志愿服务活动、"
                        "festival 节日活动、training 培训")
    p = add("project", cmd_project, "项目 / projects")
    sub = p.add_subparsers(dest="project_command", required=True, metavar="ACTION")
    sub.add_parser("list", help="列出项目 / list projects")
    p = add("wish", cmd_wish, "微心愿 / micro-wishes")
    sub = p.add_subparsers(dest="wish_command", required=True, metavar="ACTION")
    c = sub.add_parser("list", help="列出微心愿（只显示称呼和村居）/ list wishes")
    c.add_argument("--status", choices=WISH_STATUS_CHOICES,
                   help="placed 已下单、taken 已接单、adopted 已认领、delivered 已送达、rated 已评价、"
                        "cancelled 已取消")


def _add_activity_exports(export_sub, lang: str | None) -> None:
    e = export_sub.add_parser("project", help="项目进度报告 / a project's report",
                              description="项目的目标完成情况、按月和按活动类型统计、活动清单"
                                          "（.xlsx，只有数字）/ a project's progress, counts only")
    e.add_argument("--project", type=int, required=True, metavar="ID", help="项目编号 / project")
    e.add_argument("--on", metavar="YYYY-MM-DD", help="统计截至日期（默认今天）/ as of")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")
    e = export_sub.add_parser("activities", help="年度活动统计 / the year's activity figures",
                              description="一年的活动（按类型、月份、村居）、项目进度和微心愿统计"
                                          "（.xlsx，只有数字）/ a year's figures, counts only")
    e.add_argument("--year", type=_year(lang), required=True, metavar="YYYY",
                   help="年份 / the year")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")


def _add_activity_print_arguments(p) -> None:
    p.add_argument("--activity", type=int, metavar="ID",
                   help="activity-sheet：活动编号（--blank N 空白行数）/ the activity")
    p.add_argument("--project", type=int, metavar="ID", help="project-report：项目编号 / project")
    p.add_argument("--on", metavar="YYYY-MM-DD",
                   help="project-report：统计截至日期（默认今天）/ as of (default today)")


# What `print` can print: each gathers its data and returns (write PDF to a path, warnings).
PRINTOUTS: dict[str, Callable[[Context], tuple[Callable[[Path], object], list[tuple[str, str]]]]] = {
    "villages": print_villages,
    "visit-sheets": print_visit_sheets,
    "roster": print_roster,
    "sign-in-sheet": print_sign_in_sheet,
    "cards": print_cards,
    "certificate": print_certificate,
    "receipt": print_receipt,
    "thanks": print_thanks,
    "count-sheet": print_count_sheet,
    "sign-off": print_sign_off,
    "campaign-sign-off": print_campaign_sign_off,
    "campaign-summary": print_campaign_summary,
    "case": print_case_file,
    "caseload": print_caseload,
    "activity-sheet": print_activity_sheet,
    "project-report": print_project_report,
    "wishes": print_wish_list,
}


def cmd_print(ctx: Context) -> int:
    ctx.open(need="station.view")
    write, unprintable = PRINTOUTS[ctx.args.what](ctx)
    for record, char in unprintable:
        print(ctx.zh_en(f"注意：{record} 含有打印字体没有的字“{char}”（U+{ord(char):04X}），将印成空白。",
                        f"Note: {record} has “{char}” (U+{ord(char):04X}), which the printer "
                        "font lacks; it will print blank."), file=sys.stderr)
    write(ctx.args.out)
    print(ctx.zh_en(f"已生成 {ctx.args.out}", f"Written: {ctx.args.out}"))
    return 0


def cmd_export(ctx: Context) -> int:
    """export households: the 服务对象台账 as .xlsx, filtered, masked unless --full-ids;
    export hours: the month's 志愿服务时长台账."""
    from .core.services import household_exports as exports

    a = ctx.args
    if a.export_what == "hours":
        return _export_hours(ctx)
    if a.export_what in STOCK_EXPORTS:
        return _export_stock(ctx)
    if a.export_what == "cards":
        return _export_cards(ctx)
    if a.export_what == "campaign":
        return _export_campaign(ctx)
    if a.export_what == "cases":
        return _export_cases(ctx)
    if a.export_what == "project":
        return _export_project(ctx)
    if a.export_what == "activities":
        return _export_activities(ctx)
    ctx.open(need="households.export")
    query = exports.query_from_names(text=a.search or "", village=a.village, category=a.category,
                                     tier=a.tier, worker=a.worker, status=a.status,
                                     overdue=a.overdue)
    count = exports.export_ledger(ctx.actor, query, a.out, full_ids=a.full_ids)
    if a.full_ids:
        print(ctx.zh_en(f"已导出 {count} 户到 {a.out}（您可查看的住户为完整证件号码和电话，其余已脱敏；"
                        "本次导出已记入审计日志）",
                        f"Exported {count} households to {a.out} (full ID numbers and phones for "
                        "the households you may see in full, the others masked; the export is "
                        "in the audit log)"))
    else:
        print(ctx.zh_en(f"已导出 {count} 户到 {a.out}（证件号码和电话已脱敏）",
                        f"Exported {count} households to {a.out} (ID numbers and phones masked)"))
    return 0


def _export_hours(ctx: Context) -> int:
    from .core.reports import hours_ledger

    a = ctx.args
    ctx.open(need="volunteers.view")
    ledger = hours_ledger.export(ctx.actor, a.month, a.out)
    total = ledger.total
    print(ctx.zh_en(f"已导出 {a.out}：{ledger.month} 志愿服务 {total.volunteers} 人、"
                    f"{total.person_times} 人次、{total.hours:g} 小时（待确认 {total.pending} 次）",
                    f"Exported {a.out}: {ledger.month}, {total.volunteers} volunteers, "
                    f"{total.person_times} visits, {total.hours:g} hours "
                    f"({total.pending} waiting for confirmation)"))
    return 0


def cmd_import(ctx: Context) -> int:
    """import households: a household ledger (.xlsx/.xls/.ods/.csv) into the households on file.

    Every bad row goes to stderr (row, column, value, reason) and nothing is written: exit 1.
    """
    from .core.services import household_import as importer

    a = ctx.args
    if a.import_what == "volunteers":
        return _import_volunteers(ctx)
    if a.import_what == "stock":
        return _import_stock(ctx)
    ctx.open(need="households.import")
    source = importer.open_source(a.file, a.sheet)
    try:
        if a.dry_run:
            report = importer.check_import(ctx.actor, source)
        else:
            report = importer.import_households(ctx.actor, source)
    except importer.ImportRejected as rejected:
        report = rejected.report
    ctx.say("import_read", file=report.file, sheet=report.sheet, header=report.header,
            rows=report.data_rows, households=report.households)
    if not _import_report_ok(ctx, report):
        return 1
    ctx.say("import_summary_done" if report.written else "import_summary_check",
            new=report.households_new, updated=report.households_updated,
            unchanged=report.households_unchanged, members_new=report.members_new,
            members_updated=report.members_updated)
    return 0


def _import_report_ok(ctx: Context, report) -> bool:
    """The ignored columns, and every bad row on stderr; False when there were bad rows."""
    if report.ignored:
        ctx.say("import_ignored", columns=ctx.zh_en("、", ", ").join(report.ignored))
    if report.ok:
        return True
    print(text("import_bad_rows", ctx.lang, count=len(report.problems), rows=report.bad_rows),
          file=sys.stderr)
    for item in report.problems:
        column = f" {item.letter} {item.header}".rstrip() if item.column is not None else ""
        reason = text(item.code, ctx.lang, **item.message_params())
        print(text("import_row", ctx.lang, row=item.row, column=column, reason=reason),
              file=sys.stderr)
    return False


def _import_volunteers(ctx: Context) -> int:
    """import volunteers: a volunteer roster into the volunteers on file (updated by ID
    number); every bad row to stderr and nothing written: exit 1."""
    from .core.services import volunteer_import as importer

    a = ctx.args
    ctx.open(need="volunteers.edit")
    source = importer.open_source(a.file, a.sheet)
    try:
        if a.dry_run:
            report = importer.check_import(ctx.actor, source)
        else:
            report = importer.import_volunteers(ctx.actor, source)
    except importer.RosterRejected as rejected:
        report = rejected.report
    ctx.say("volunteer_import_read", file=report.file, sheet=report.sheet, header=report.header,
            rows=report.data_rows)
    if not _import_report_ok(ctx, report):
        return 1
    ctx.say("volunteer_import_summary_done" if report.written else "volunteer_import_summary_check",
            new=report.new, updated=report.updated, unchanged=report.unchanged)
    return 0


# --- inventory ledgers and opening stock (物资出入库台账, 库存明细账, 捐赠方统计) ---------------

STOCK_EXPORTS = ("stock-month", "stock-ledger", "donors")


def _export_stock(ctx: Context) -> int:
    """export stock-month / stock-ledger / donors: the inventory ledgers as .xlsx."""
    from .core import money
    from .core.services import stock_exports as exports

    a = ctx.args
    ctx.open(need="inventory.view")
    if a.export_what == "stock-month":
        year, month = exports.parse_month(a.month)
        data = exports.export_monthly_ledger(ctx.actor, year, month, a.out)
        closing = sum(r.closing_value_fen for r in data.rows)
        print(ctx.zh_en(f"已导出 {a.out}：{year}年{month}月物资出入库台账，{len(data.rows)} 种物资、"
                        f"{len(data.movements)} 条出入库记录，月末结存 {money.yuan(closing)} 元",
                        f"Exported {a.out}: the {year}-{month:02d} in/out ledger, "
                        f"{len(data.rows)} items, {len(data.movements)} movements, closing "
                        f"value {money.yuan(closing)} yuan"))
    elif a.export_what == "stock-ledger":
        start = _day(ctx, getattr(a, "from"), "date_from")
        end = _day(ctx, a.to, "date_to")
        data = exports.export_stock_ledger(ctx.actor, start, end, a.out)
        print(ctx.zh_en(f"已导出 {a.out}：{start} 至 {end} 的库存明细账，{len(data.movements)} 条"
                        f"出入库记录，{len(data.stock)} 种物资的库存",
                        f"Exported {a.out}: the stock ledger {start} to {end}, "
                        f"{len(data.movements)} movements, stock of {len(data.stock)} items"))
    else:
        data = exports.export_donor_totals(ctx.actor, a.year, a.out)
        total = sum(r.total_fen for r in data.totals)
        counted = sum(r.donations for r in data.totals)  # cancelled ones are listed, not counted
        print(ctx.zh_en(f"已导出 {a.out}：{a.year}年 {len(data.totals)} 个捐赠方，"
                        f"{counted} 笔捐赠，合计 {money.yuan(total)} 元",
                        f"Exported {a.out}: {a.year}, {len(data.totals)} donors, "
                        f"{counted} donations, {money.yuan(total)} yuan in all"))
    return 0


def _import_stock(ctx: Context) -> int:
    """import stock: opening stock from a sheet; every bad row to stderr, nothing written."""
    from .core import money
    from .core.imports import stock as stock_sheet
    from .core.services import stock_import as importer

    a = ctx.args
    ctx.open(need="inventory.manage")
    on = _day(ctx, a.date, "opening_date")
    source = stock_sheet.open_source(a.file, a.sheet)
    try:
        report = importer.import_opening_stock(ctx.actor, source, on=on, dry_run=a.dry_run)
    except importer.StockImportRejected as rejected:
        report = rejected.report
    ctx.say("stock_import_read", file=report.file, sheet=report.sheet, header=report.header,
            rows=report.data_rows)
    if not _import_report_ok(ctx, report):
        return 1
    ctx.say("stock_import_summary_done" if report.written else "stock_import_summary_check",
            on=report.on.isoformat(), lines=len(report.lines),
            value=money.yuan(report.total_value_fen), unvalued=report.unvalued,
            new=len(report.new_items), names=ctx.zh_en("、", ", ").join(report.new_items) or "—")
    return 0


def _export_cards(ctx: Context) -> int:
    """政策明白卡发放台账: every entry in the period and the village × policy table."""
    from .core.services import policies

    a = ctx.args
    ctx.open(need="policies.view")
    start = _day(ctx, getattr(a, "from"), "date_from") if getattr(a, "from") else None
    end = _day(ctx, a.to, "date_to") if a.to else None
    data = policies.export_card_ledger(ctx.actor, a.out, date_from=start, date_to=end)
    handed = sum(r.quantity for r in data.rows)
    print(ctx.zh_en(f"已导出 {a.out}：政策明白卡发放台账，{len(data.rows)} 条记录，共发放 {handed} 张",
                    f"Exported {a.out}: the policy card ledger, {len(data.rows)} entries, "
                    f"{handed} cards handed out"))
    return 0


def _add_card_export(export_sub) -> None:
    e = export_sub.add_parser("cards", help="政策明白卡发放台账 / the policy card ledger",
                              description="政策明白卡的每条发放记录，以及各村居×政策的发放张数、应覆盖"
                                          "户数和覆盖率（.xlsx）/ every card handed out, and per "
                                          "village × policy the cards, eligible households, share")
    e.add_argument("--from", metavar="YYYY-MM-DD", help="开始日期（默认全部）/ first day")
    e.add_argument("--to", metavar="YYYY-MM-DD", help="结束日期 / last day")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")


def _add_stock_commands(export_sub, import_sub) -> None:
    e = export_sub.add_parser("stock-month", help="物资出入库台账 / the monthly in/out ledger",
                              description="某月每种物资的上月结存、本月入库、出库、盘盈盘亏和本月结存"
                                          "（数量和金额），附出入库明细（.xlsx）/ a month's stock "
                                          "in and out per item, with the movements")
    e.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")
    e = export_sub.add_parser("stock-ledger", help="库存明细账 / the stock ledger",
                              description="某段时间的全部出入库记录，附当前库存（.xlsx）/ every "
                                          "movement in a date range, with the stock now")
    e.add_argument("--from", required=True, metavar="YYYY-MM-DD", help="开始日期 / first day")
    e.add_argument("--to", required=True, metavar="YYYY-MM-DD", help="结束日期 / last day")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")
    e = export_sub.add_parser("donors", help="捐赠方统计 / donor totals for a year",
                              description="某年各捐赠方的捐赠次数、物资金额和现金，附捐赠明细（.xlsx）"
                                          " / donations, goods and cash per donor for a year")
    e.add_argument("--year", required=True, type=int, metavar="YYYY", help="年份，如 2026")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")
    i = import_sub.add_parser(
        "stock", help="期初库存 / opening stock",
        description="导入期初库存（.xlsx、.xls、.ods、.csv）：目录中没有的物资按表中类别和单位新建，"
                    "有任何一行出错则全部不导入 / import opening stock; items not in the "
                    "catalogue are created; any bad row and nothing is written")
    i.add_argument("file", type=Path, help="库存表文件 / the stock sheet")
    i.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="期初日期 / as on")
    i.add_argument("--sheet", help="工作表名称或序号（默认第一个有数据的）/ sheet name or number")
    i.add_argument("--dry-run", action="store_true",
                   help="只检查并显示将会做的更改，不写入 / check and show what would change")


def cmd_settings(ctx: Context) -> int:
    from .core import settings
    from .core.services.settings import set_setting

    ctx.open(need="station.view")
    if ctx.args.key and ctx.args.value is None:  # one rule, shown
        print(f"{ctx.args.key} = {settings.get(ctx.args.key)}")
        return 0
    if ctx.args.key:
        value = set_setting(ctx.actor, ctx.args.key, ctx.args.value)
        print(f"{ctx.args.key} = {value}")
        return 0
    for key, value in settings.all_values().items():
        print(f"{key:<36} {value}")
    return 0


def cmd_screenshot(ctx: Context) -> int:
    from .ui.screenshot import render

    width, _, height = ctx.args.size.partition("x")
    out = render(ctx.args.page, ctx.args.out, (int(width), int(height)), ctx.args.lang, ctx.args.db,
                 sign_in=ctx.sign_in if ctx.args.user else None)
    print(out)
    return 0


def cmd_gui(ctx: Context) -> int:
    from .ui.app import main as gui_main

    argv = (["--db", ctx.args.db] if ctx.args.db else []) + (
        ["--lang", ctx.args.lang] if ctx.args.lang else [])
    return gui_main(argv)


def cmd_kiosk(ctx: Context) -> int:
    """The front-desk sign-in kiosk, full screen, after signing in with the sign-in dialog."""
    from .ui.kiosk import main as kiosk_main

    argv = (["--db", ctx.args.db] if ctx.args.db else []) + (
        ["--lang", ctx.args.lang] if ctx.args.lang else [])
    return kiosk_main(argv)


# --- parser ---------------------------------------------------------------------------------

AUDIT_LIMIT_MAX = 10000


def audit_limit(lang: str | None) -> Callable[[str], int]:
    """``audit --limit``'s type: a whole number from 1 to AUDIT_LIMIT_MAX, said plainly if not."""

    def check(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if not 1 <= number <= AUDIT_LIMIT_MAX:
            raise argparse.ArgumentTypeError(
                text("cli_bad_limit", lang, value=value, maximum=AUDIT_LIMIT_MAX))
        return number

    return check


DEMO_HOUSEHOLDS_MAX = 200_000  # core.demo.MAX_HOUSEHOLDS, without importing the core here


DEMO_VOLUNTEERS_MAX = 20_000  # core.demo.MAX_VOLUNTEERS
DEMO_MOVEMENTS_MAX = 1_000_000  # core.demo.MAX_MOVEMENTS


def count_up_to(maximum: int, lang: str | None) -> Callable[[str], int]:
    """An argparse type: a whole number from 0 to ``maximum`` (demo sizes)."""

    def check(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = -1
        if not 0 <= number <= maximum:
            raise argparse.ArgumentTypeError(
                text("cli_bad_count", lang, value=value, maximum=maximum))
        return number

    return check


def demo_volunteers(lang: str | None) -> Callable[[str], int]:
    """``demo --volunteers``' type: a whole number from 0 to DEMO_VOLUNTEERS_MAX."""
    return count_up_to(DEMO_VOLUNTEERS_MAX, lang)


def demo_movements(lang: str | None) -> Callable[[str], int]:
    """``demo --movements``' type: a whole number from 0 to DEMO_MOVEMENTS_MAX."""
    return count_up_to(DEMO_MOVEMENTS_MAX, lang)


def demo_households(lang: str | None) -> Callable[[str], int]:
    """``demo --households``' type: a whole number from 0 to DEMO_HOUSEHOLDS_MAX."""
    return count_up_to(DEMO_HOUSEHOLDS_MAX, lang)


def _peek(argv: Sequence[str] | None) -> tuple[str | None, str | None]:
    """``--lang`` (for argparse's own messages) and the command, before the whole command line
    is parsed; the command is None when help is asked for."""
    pre = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    pre.add_argument("--lang")
    for option in ("--db", "--user"):  # options that take a value: it is not the command
        pre.add_argument(option)
    pre.add_argument("--full-ids", action="store_true")
    pre.add_argument("-h", "--help", action="store_true")
    pre.add_argument("command", nargs="?")
    try:
        known = pre.parse_known_args(argv)[0]
    except argparse.ArgumentError:  # e.g. --db without a value: the real parser says so
        return None, None
    return known.lang, None if known.help else known.command


class _Unused:
    """Stands in for the parser of a command that was not asked for: building all sixteen
    costs about 5 ms of every start, the window's and the screenshot's included."""

    def add_argument(self, *args, **kwargs) -> None:
        pass

    def set_defaults(self, **kwargs) -> None:
        pass

    def add_subparsers(self, **kwargs) -> _Unused:
        return self

    def add_parser(self, *args, **kwargs) -> _Unused:
        return self


def build_parser(lang: str | None = None, command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with ``command``, only that command's parser is built (when it is
    one of ours: anything else, help included, gets them all, so the list is complete)."""
    parser = argparse.ArgumentParser(
        prog="station-desk",
        description="站务通 Station Desk：乡镇（街道）社工站管理程序 / a township social work station's desk",
    )
    parser.add_argument("--version", action="version", version=f"station-desk {__version__}")
    parser.add_argument("--db", help="数据库文件路径或 postgresql://… 地址（默认：用户数据目录；环境变量 STATION_DESK_DB）")
    parser.add_argument("--user", help="以此账号登录（会询问密码）；默认以“命令行”身份操作本机 SQLite 文件")
    parser.add_argument("--full-ids", action="store_true", help="显示完整证件号与电话（会记入审计日志）")
    parser.add_argument("--lang", choices=["zh", "en"], help="界面语言 / language (zh, en)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    names: list[str] = []

    def add(name: str, handler: Callable[[Context], int], help_text: str) -> argparse.ArgumentParser:
        names.append(name)
        if command is not None and name != command:
            return _Unused()  # type: ignore[return-value]
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "新建社工站数据库和站长账号 / create the station and the head's account")
    p.add_argument("--station", required=True, help="社工站名称")
    p.add_argument("--head-username", required=True, help="站长登录名")
    p.add_argument("--head-name", required=True, help="站长姓名")
    p.add_argument("--phone", help="站长电话")
    p.add_argument("--town", help="镇街名称（默认同社工站名称）/ the town or street")
    p.add_argument("--village", action="append", metavar="NAME",
                   help="村居名称，可写多次 / a village or community; repeat for each")
    p = add("demo", cmd_demo, "向空数据库装入演示社工站 / fill an empty database with a demo station")
    p.add_argument("--seed", type=int, default=2026, help="随机种子 / random seed")
    p.add_argument("--households", type=demo_households(lang), metavar="N",
                   help=f"服务对象户数（默认 1426，同种子资料中的石滩站；0 到 {DEMO_HOUSEHOLDS_MAX}）"
                        " / households on file (default 1426, the Shitan station)")
    p.add_argument("--volunteers", type=demo_volunteers(lang), metavar="N",
                   help=f"志愿者人数（默认 1000，附一年的班次和约 10 万条签到记录；0 到 "
                        f"{DEMO_VOLUNTEERS_MAX}）/ volunteers (default 1000, with a year of shifts "
                        "and about 100,000 attendance events)")
    p.add_argument("--movements", type=demo_movements(lang), metavar="N",
                   help=f"物资出入库台账条数（默认 50000，近三年，附 200 个捐赠方、80 种物资；0 表示"
                        f"不装物资；0 到 {DEMO_MOVEMENTS_MAX}）/ stock ledger rows (default "
                        "50,000 over three years, with 200 donors and 80 items; 0: no inventory)")
    p = add("backup", cmd_backup, "立即备份并校验 / take and check a backup now")
    p.add_argument("--to", type=Path,
                   help="备份到此文件或文件夹（如 U 盘）；仅限站长，记入审计日志 / head only, audited")
    add("backups", cmd_backups, "列出备份 / list backups")
    p = add("restore", cmd_restore, "从备份恢复（先备份当前数据）/ restore a backup")
    p.add_argument("path", help="备份文件")
    add("check", cmd_check, "检查数据库和台账 / check the database and ledgers")
    add("info", cmd_info, "数据库与社工站概况 / where the data is and what it holds")
    add("users", cmd_users, "列出账号 / list accounts")
    p = add("user", cmd_user, "管理账号 / manage accounts")
    user_sub = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    u = user_sub.add_parser("add", help="添加账号")
    u.add_argument("username")
    u.add_argument("--name", required=True)
    u.add_argument("--role", required=True, choices=["head", "social_worker", "front_desk", "kiosk"])
    u.add_argument("--phone")
    u = user_sub.add_parser("reset-password", help="重设密码")
    u.add_argument("username")
    u = user_sub.add_parser("set", help="修改姓名、角色、电话或停用")
    u.add_argument("username")
    u.add_argument("--name")
    u.add_argument("--role", choices=["head", "social_worker", "front_desk", "kiosk"])
    u.add_argument("--phone")
    u.add_argument("--active", choices=["yes", "no"])
    add("passwd", cmd_passwd,
        "更改 --user 账号自己的密码（新密码输入两次或取自 STATION_DESK_NEW_PASSWORD）"
        " / change the --user account's own password")
    p = add("audit", cmd_audit, "查看审计日志 / show the audit log")
    p.add_argument("--limit", type=audit_limit(lang), default=50,
                   help=f"最多显示多少行（1–{AUDIT_LIMIT_MAX}，默认 50）/ rows to show")
    p.add_argument("--table")
    p = add("screenshot", cmd_screenshot,
            "把一个页面离屏渲染成 PNG（默认用演示数据；--db 指定的真实站点，个案页须 --user）"
            " / render a page offscreen to PNG (a real station's case pages need --user)")
    p.add_argument("--page", default="home", help=SCREENSHOT_PAGES)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--size", default="1280x800", help="WxH")
    add("gui", cmd_gui, "打开程序窗口 / open the window")
    add("kiosk", cmd_kiosk, "打开前台签到机（全屏；签到机账号或工作人员登录，凭工作人员密码退出）"
                            " / open the front-desk sign-in kiosk, full screen")
    p = add("export", cmd_export, "导出台账为 Excel / export a ledger to Excel")
    export_sub = p.add_subparsers(dest="export_what", required=True, metavar="LEDGER")
    e = export_sub.add_parser("households", help="服务对象台账 / the household ledger",
                              description="服务对象台账（.xlsx），按筛选条件导出，默认脱敏 / "
                                          "the household ledger, filtered, masked by default")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")
    e.add_argument("--search", metavar="TEXT", help="姓名、拼音首字母、证件号或电话尾号、地址")
    e.add_argument("--village", metavar="NAME", help="村居名称或编码 / village name or code")
    e.add_argument("--category", metavar="NAME", help="人员类别 / category")
    e.add_argument("--tier", metavar="N|NAME", help="分级：级别数字或名称 / tier level or name")
    e.add_argument("--worker", metavar="USERNAME", help="责任社工登录名或姓名 / social worker")
    e.add_argument("--status", choices=["active", "moved", "deceased", "closed", "all"],
                   default="active", help="在册 active（默认）、迁出 moved、死亡 deceased、"
                                          "注销 closed、全部 all")
    e.add_argument("--overdue", action="store_true", help="仅逾期未走访 / overdue visits only")
    # Also after the command; SUPPRESS keeps a --full-ids given before it.
    e.add_argument("--full-ids", action="store_true", default=argparse.SUPPRESS,
                   help="完整证件号与电话（仅限可查看的住户，记入审计日志）/ full numbers, audited")
    e = export_sub.add_parser("hours", help="志愿服务时长台账 / the monthly volunteer hours ledger",
                              description="某月每位志愿者及各服务队的服务人次和时长（.xlsx）/ "
                                          "a month's service hours per volunteer and team")
    e.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    e.add_argument("--out", type=Path, required=True, help=".xlsx 文件 / the workbook")
    p = add("import", cmd_import, "从 Excel 或 CSV 导入台账 / import a ledger from Excel or CSV")
    import_sub = p.add_subparsers(dest="import_what", required=True, metavar="LEDGER")
    i = import_sub.add_parser(
        "households", help="服务对象台账 / the household ledger",
        description="导入服务对象台账（.xlsx、.xls、.ods、.csv）：按身份证号更新已在档的户，"
                    "有任何一行出错则全部不导入 / import a household ledger; households on "
                    "file are updated by ID number; any bad row and nothing is written")
    i.add_argument("file", type=Path, help="台账文件 / the ledger file")
    i.add_argument("--sheet", help="工作表名称或序号（默认第一个有数据的）/ sheet name or number")
    i.add_argument("--dry-run", action="store_true",
                   help="只检查并显示将会做的更改，不写入 / check and show what would change")
    i = import_sub.add_parser(
        "volunteers", help="志愿者花名册 / a volunteer roster",
        description="导入志愿者花名册（.xlsx、.xls、.ods、.csv）：按身份证号更新已在档的志愿者，"
                    "有任何一行出错则全部不导入 / import a volunteer roster; volunteers on file "
                    "are updated by ID number; any bad row and nothing is written")
    i.add_argument("file", type=Path, help="花名册文件 / the roster file")
    i.add_argument("--sheet", help="工作表名称或序号（默认第一个有数据的）/ sheet name or number")
    i.add_argument("--dry-run", action="store_true",
                   help="只检查并显示将会做的更改，不写入 / check and show what would change")
    _add_stock_commands(export_sub, import_sub)
    _add_card_export(export_sub)
    _add_campaign_export(export_sub)
    _add_case_export(export_sub)
    _add_activity_exports(export_sub, lang)
    p = add("settings", cmd_settings, "查看或修改站务规则 / show or change station rules")
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p = add("print", cmd_print, "生成打印用 PDF / write a printout as PDF")
    p.add_argument("what", choices=list(PRINTOUTS),
                   help="villages（村居责任分工表）、visit-sheets（入户走访登记表）、roster（排班表）、"
                        "sign-in-sheet（签到表）、cards（志愿者卡）、certificate（时长证明）、"
                        "receipt（捐赠物资接收凭证）、thanks（感谢信）、count-sheet（盘点表）、"
                        "sign-off（领取签收表）、case（个案工作记录，--case）、"
                        "caseload（社工月度个案工作量表，--worker --month）、"
                        "activity-sheet（活动签到表，--activity）、project-report（项目进度报告，--project [--on]）、"
                        "wishes（微心愿认领清单）")
    p.add_argument("--out", type=Path, required=True, help="PDF 文件 / the PDF file")
    p.add_argument("--village", metavar="NAME", help="visit-sheets：村居名称或编码 / village")
    p.add_argument("--worker", metavar="USERNAME", help="visit-sheets：责任社工 / social worker")
    p.add_argument("--due", action="store_true",
                   help="visit-sheets：仅到期待走访的住户，逾期最久的在前 / due visits only")
    p.add_argument("--week", metavar="YYYY-Www", help="roster：周次，如 2026-W48 / ISO week")
    p.add_argument("--day", metavar="YYYY-MM-DD", help="sign-in-sheet：日期 / the day")
    p.add_argument("--shift", type=int, metavar="ID", help="sign-in-sheet：只印这个班次 / one shift")
    p.add_argument("--team", metavar="NAME", help="cards：只印这个服务队；visit-sheets、campaign-sign-off 与 --campaign 同用：只印这个走访小组 / one team")
    p.add_argument("--policy", metavar="NAME",
                   help="cards：政策明白卡，政策简称或名称（不写则印志愿者卡）/ a policy card "
                        "(short name or title; without it: volunteer cards)")
    p.add_argument("--version", type=int, metavar="N",
                   help="cards：第几版（默认现行版本）/ version (default: the one in force)")
    p.add_argument("--layout", choices=["wallet", "a5", "a4"],
                   help="cards：卡片 wallet（90×54 毫米，每页 10 张，正反面）、a5 单页或 a4 海报 / layout")
    p.add_argument("--copies", type=int, metavar="N", help="cards：份数 / copies")
    p.add_argument("--households", metavar="FILTER",
                   help="cards：个人化明白卡，按 village=村居,category=类别,tier=分级,worker=社工 "
                        "选户 / personalised cards for the households the filter picks")
    p.add_argument("--volunteer", metavar="NUMBER", help="certificate：志愿者编号（或档案号）/ volunteer number (or record id)")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                   help="certificate：服务期间起；thanks、sign-off：日期起 / from")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD",
                   help="certificate：服务期间止；thanks、sign-off：日期止 / to")
    p.add_argument("--donation", type=int, metavar="ID",
                   help="receipt：捐赠记录号 / the donation's record number")
    p.add_argument("--donor", type=int, metavar="ID", help="thanks：只写给这个捐赠方 / one donor")
    p.add_argument("--location", metavar="NAME", help="count-sheet：只盘这个库房 / one storeroom")
    p.add_argument("--kind", choices=["household", "campaign", "activity", "wish", "other_out"],
                   help="sign-off：只列这类发放（household 为发放给服务对象户）/ one kind of hand-over")
    p.add_argument("--blank", type=int, metavar="N",
                   help="sign-off：另加 N 行空白（计划发放）/ N blank rows for a planned hand-out")
    p.add_argument("--campaign", metavar="ID",
                   help="visit-sheets、campaign-sign-off、campaign-summary：慰问活动编号（可配 --team "
                        "只印一个走访小组）/ a campaign (with --team: one of its teams)")
    _add_case_print_arguments(p)
    _add_activity_print_arguments(p)
    _add_campaign_command(add)
    _add_case_commands(add)
    _add_activity_commands(add, lang)
    if command is not None and command not in names:  # a typo: argparse lists them all
        return build_parser(lang)
    return parser



# The pages `screenshot --page` renders (here, not in ui/: --help must not import the window).
SCREENSHOT_PAGES = (
    "home, households[.list|.due|.detail], campaigns[.list|.targets|.teams|.progress], "
    "cases[.list|.file], "
    "hotline[.calls|.needs], "
    "activities[.list|.file|.projects|.figures], "
    "pairings, wishes[.wall|.list], "
    "volunteers[.list|.teams|.skills|.certificates], roster, "
    "attendance[.visits|.absences|.hours], "
    "inventory[.stock|.movements|.donations|.donors|.cash|.catalogue], "
    "policies[.list|.coverage|.distribution], "
    "settings[.station|.villages|.categories|.tiers|.accounts|.rules|.backups|.password], "
    "signin, first-run")

def _log_crash() -> Path | None:
    try:
        from platformdirs import user_log_path

        folder = user_log_path("station-desk", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "station-desk.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc())
        return path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    from .core.errors import StationError

    lang, command = _peek(argv)
    parser = build_parser(lang, command)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    lang = language(args.lang)
    try:
        ctx = Context(args)
        return args.handler(ctx)
    except StationError as error:
        print(describe_error(error, lang), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        return 0
    except Exception as error:  # the last line of defence: one line, details in the log
        from .core import db

        locked = db.locked_problem(error)
        if locked is not None:  # a read (outside any service) waited out the busy timeout
            print(describe_error(locked, lang), file=sys.stderr)
            return EXIT_ERROR
        where = _log_crash()
        detail = f"{type(error).__name__}: {error}" + (f"（{where}）" if where else "")
        print(text("error", lang, detail=detail), file=sys.stderr)
        return 1
    finally:
        from .core import db

        db.close()


if __name__ == "__main__":
    raise SystemExit(main())
