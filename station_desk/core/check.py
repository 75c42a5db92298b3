"""``station-desk check``: is the database sound, and do the ledgers add up?

SQLite's own checks come first; then every feature's ledger checks, which
register themselves with ``@ledger_check``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import peewee

from . import migrations
from .db import Location, database
from .errors import one_line
from .models import Staff, Station, Village
from .money import yuan
from .roles import HEAD, SOCIAL_WORKER


@dataclass(frozen=True)
class Finding:
    level: str  # "ok" | "warning" | "problem"
    code: str
    params: dict = field(default_factory=dict)


LEDGER_CHECKS: list[tuple[str, Callable[[], list[Finding]]]] = []


def ledger_check(name: str) -> Callable:
    def register(fn: Callable[[], list[Finding]]) -> Callable[[], list[Finding]]:
        LEDGER_CHECKS.append((name, fn))
        return fn

    return register


def _sqlite_checks() -> list[Finding]:
    findings = []
    rows = [r[0] for r in database.execute_sql("PRAGMA quick_check").fetchall()]
    if rows == ["ok"]:
        findings.append(Finding("ok", "check_quick_ok"))
    else:
        findings.append(Finding("problem", "check_quick_failed",
                                {"count": len(rows), "first": one_line(rows[0])}))
    fk = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if fk:
        tables = sorted({r[0] for r in fk})
        findings.append(Finding("problem", "check_fk_failed",
                                {"count": len(fk), "tables": ", ".join(tables)}))
    else:
        findings.append(Finding("ok", "check_fk_ok"))
    mode = database.execute_sql("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() != "wal":
        findings.append(Finding("warning", "check_not_wal", {"mode": mode}))
    return findings


def run_checks(location: Location) -> list[Finding]:
    """Every check, in order; the caller decides how to show them."""
    findings = _sqlite_checks() if location.is_sqlite else []
    version = migrations.current_version(database.obj)
    latest = migrations.latest_version()
    if version == latest:
        findings.append(Finding("ok", "check_schema_ok", {"version": version}))
    else:
        findings.append(Finding("problem", "check_schema_mismatch",
                                {"version": version, "latest": latest}))
    for name, check in LEDGER_CHECKS:
        try:
            findings.extend(check())
        except peewee.DatabaseError as exc:
            findings.append(Finding("problem", "check_crashed", {"name": name, "detail": str(exc)}))
    return findings


@ledger_check("station")
def _station_records() -> list[Finding]:
    findings = []
    if Station.select().count() == 0:
        findings.append(Finding("warning", "check_no_station"))
    heads = Staff.select().where((Staff.role == HEAD) & (Staff.active == True)).count()  # noqa: E712
    if heads == 0:
        findings.append(Finding("problem", "check_no_head"))
    bad_workers = (Village.select(Village.name, Staff.name.alias("worker"))
                   .join(Staff, on=(Village.social_worker == Staff.id))
                   .where((Staff.role != SOCIAL_WORKER) | (Staff.active == False))  # noqa: E712
                   .dicts())
    for row in bad_workers:
        findings.append(Finding("warning", "check_village_worker",
                                {"village": row["name"], "name": row["worker"]}))
    if not findings:
        findings.append(Finding("ok", "check_station_ok"))
    return findings


@ledger_check("stock")
def _stock_ledger() -> list[Finding]:
    """The stock ledger adds up: no batch below zero on any day, rows agree with their batch
    and voucher, reservations within bounds, acknowledgement numbers gapless, cash never
    below zero."""
    findings = []
    negative = database.execute_sql(
        "SELECT i.name, d.moved_on, d.balance FROM (SELECT batch_id, moved_on, "
        "SUM(SUM(quantity)) OVER (PARTITION BY batch_id ORDER BY moved_on) AS balance "
        "FROM stock_movement GROUP BY batch_id, moved_on) AS d "
        "JOIN batch AS b ON b.id = d.batch_id JOIN item AS i ON i.id = b.item_id "
        "WHERE d.balance < 0 ORDER BY d.moved_on LIMIT 1").fetchall()
    count = database.execute_sql(
        "SELECT COUNT(*) FROM (SELECT batch_id, moved_on, SUM(SUM(quantity)) OVER "
        "(PARTITION BY batch_id ORDER BY moved_on) AS balance FROM stock_movement "
        "GROUP BY batch_id, moved_on) AS d WHERE d.balance < 0").fetchone()[0]
    if negative:
        name, day, balance = negative[0]
        findings.append(Finding("problem", "check_stock_negative",
                                {"count": count, "item": name, "day": str(day)[:10],
                                 "balance": balance}))
    mismatched = database.execute_sql(
        "SELECT COUNT(*) FROM stock_movement AS m JOIN batch AS b ON b.id = m.batch_id "
        "JOIN voucher AS v ON v.id = m.voucher_id "
        "WHERE m.item_id <> b.item_id OR m.moved_on <> v.moved_on").fetchone()[0]
    if mismatched:
        findings.append(Finding("problem", "check_stock_rows", {"count": mismatched}))
    bad_reservations = database.execute_sql(
        "SELECT COUNT(*) FROM reservation WHERE delivered < 0 OR delivered > quantity "
        "OR quantity > wanted OR quantity < 0").fetchone()[0]
    if bad_reservations:
        findings.append(Finding("problem", "check_reservations", {"count": bad_reservations}))
    for _series, year, last in database.execute_sql(
            "SELECT series, year, last FROM number_counter WHERE series = 'ack'").fetchall():
        issued = database.execute_sql(
            "SELECT COUNT(*) FROM acknowledgement WHERE number LIKE "
            f"{database.param}", [f"{year}-%"]).fetchone()[0]
        if issued != last:
            findings.append(Finding("problem", "check_ack_gap",
                                    {"year": year, "last": last, "issued": issued}))
    cash_low = database.execute_sql(
        "SELECT entered_on, balance FROM (SELECT entered_on, SUM(SUM(amount_fen)) OVER "
        "(ORDER BY entered_on) AS balance FROM cash_entry GROUP BY entered_on) AS d "
        "WHERE balance < 0 ORDER BY entered_on LIMIT 1").fetchall()
    if cash_low:
        findings.append(Finding("problem", "check_cash_negative",
                                {"day": str(cash_low[0][0])[:10],
                                 "balance": yuan(cash_low[0][1])}))
    if not findings:
        movements = database.execute_sql("SELECT COUNT(*) FROM stock_movement").fetchone()[0]
        findings.append(Finding("ok", "check_stock_ok", {"count": movements}))
    return findings


@ledger_check("wishes")
def _wish_records() -> list[Finding]:
    """A delivered wish paid in goods is one standing wish voucher to its household, one paid
    in money a payment in the cash book; a wish no longer waiting holds no stock. (Goods given
    out to activities before activities were kept on file name no activity: not checked.)"""
    findings = []
    bad = database.execute_sql(
        "SELECT COUNT(*) FROM wish AS w WHERE w.status IN ('delivered', 'rated') AND ("
        "(w.payment = 'goods' AND NOT EXISTS (SELECT 1 FROM voucher AS v WHERE v.id = w.voucher_id"
        " AND v.kind = 'wish' AND v.target_kind = 'wish' AND v.target_id = w.id"
        " AND v.household_id = w.household_id"
        " AND NOT EXISTS (SELECT 1 FROM voucher AS r WHERE r.reverses_id = v.id)))"
        " OR (w.payment = 'cash' AND NOT EXISTS (SELECT 1 FROM cash_entry AS c"
        " WHERE c.id = w.cash_entry_id AND c.kind = 'spend')))").fetchone()[0]
    if bad:
        findings.append(Finding("problem", "check_wish_deliveries", {"count": bad}))
    held = database.execute_sql(
        "SELECT COUNT(*) FROM reservation AS r JOIN wish AS w ON w.id = r.target_id "
        "WHERE r.target_kind = 'wish' AND r.status = 'active' AND w.status <> 'adopted'"
    ).fetchone()[0]
    if held:
        findings.append(Finding("problem", "check_wish_held", {"count": held}))
    if not findings:
        wishes = database.execute_sql("SELECT COUNT(*) FROM wish").fetchone()[0]
        findings.append(Finding("ok", "check_wishes_ok", {"count": wishes}))
    return findings


@ledger_check("campaigns")
def _campaign_records() -> list[Finding]:
    """Every package a campaign marks delivered is one standing campaign voucher to that
    household, and a closed campaign holds no stock."""
    findings = []
    bad_deliveries = database.execute_sql(
        "SELECT COUNT(*) FROM campaign_target AS t JOIN voucher AS v ON v.id = t.voucher_id "
        "WHERE v.kind <> 'campaign' OR v.target_kind <> 'campaign' "
        "OR v.target_id <> t.campaign_id OR v.household_id <> t.household_id "
        "OR EXISTS (SELECT 1 FROM voucher AS r WHERE r.reverses_id = v.id)").fetchone()[0]
    shared = database.execute_sql(
        "SELECT COUNT(*) FROM (SELECT voucher_id FROM campaign_target "
        "WHERE voucher_id IS NOT NULL GROUP BY voucher_id HAVING COUNT(*) > 1) AS d"
    ).fetchone()[0]
    if bad_deliveries or shared:
        findings.append(Finding("problem", "check_campaign_deliveries",
                                {"count": bad_deliveries + shared}))
    held = database.execute_sql(
        "SELECT COUNT(*) FROM reservation AS r JOIN campaign AS c ON c.id = r.target_id "
        "WHERE r.target_kind = 'campaign' AND r.status = 'active' AND c.status = 'closed'"
    ).fetchone()[0]
    if held:
        findings.append(Finding("problem", "check_campaign_held", {"count": held}))
    if not findings:
        campaigns = database.execute_sql("SELECT COUNT(*) FROM campaign").fetchone()[0]
        findings.append(Finding("ok", "check_campaigns_ok", {"count": campaigns}))
    return findings
