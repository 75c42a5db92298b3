"""首页: the station's day at a glance. Each number opens the list behind it."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ...core.roles import SOCIAL_WORKER
from ...core.services import dashboard
from ...core.services.station import get_station
from ..widgets import Card, heading
from .base import Page


class HomePage(Page):
    name = "home"
    watches = frozenset({"village", "staff", "station", "backup", "household", "visit", "need",
                         "tier", "voucher", "item", "reservation", "campaign", "campaign_target",
                         "case", "case_record", "case_follow_up", "hotline_call"})
    CAMPAIGN_CARDS = 4  # open campaigns shown; more are on the campaigns page
    navigate = Signal(str, str)  # page name, section

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(16)
        self.greeting = heading("")
        self.date_label = QLabel()
        self.date_label.setObjectName("muted")
        layout.addWidget(self.greeting)
        layout.addWidget(self.date_label)

        grid = QGridLayout()
        grid.setSpacing(16)
        self.villages_card = Card(self.tr("Villages and communities"))
        self.workers_card = Card(self.tr("Social workers on duty"))
        self.backup_card = Card(self.tr("Last backup"))
        actor = context.actor
        # What needs doing today comes first: the visits due (a social worker's own, the
        # station's for the head) and the needs still open. Not for the front desk.
        self.due_card = Card(self.tr("Households due for a visit"))
        self.due_card.clicked.connect(lambda: self.navigate.emit("households", "due"))
        self.due_card.setVisible(actor.can("households.view"))
        # The storeroom: what has run low, what is about to expire, what reservations lack.
        self.stock_card = Card(self.tr("Goods below their line"))
        self.stock_card.clicked.connect(lambda: self.navigate.emit("inventory", "stock"))
        self.stock_card.setVisible(actor.can("inventory.view"))
        self.villages_card.clicked.connect(lambda: self.navigate.emit("settings", "villages"))
        # A card opens the list behind it only where this role has that list.
        if actor.can("accounts.manage"):
            self.workers_card.clicked.connect(lambda: self.navigate.emit("settings", "accounts"))
        else:
            self.workers_card.clickable = False
        if actor.can("backup.run") and context.location.is_sqlite:
            self.backup_card.clicked.connect(lambda: self.navigate.emit("settings", "backups"))
        else:
            self.backup_card.clickable = False
        cards = (self.villages_card, self.workers_card, self.backup_card)
        if actor.can("inventory.view"):
            cards = (self.stock_card, *cards)
        if actor.can("households.view"):
            cards = (self.due_card, *cards)
        for column, card in enumerate(cards):
            grid.addWidget(card, 0, column)
        layout.addLayout(grid)

        # Case work and the hotline: the cases due (a follow-up date come, or 30 days without
        # service; a social worker's own) and the calls whose need nobody has taken up yet.
        # A card opens its page; the main window ignores a page this build doesn't have.
        self.cases_card = Card(self.tr("Cases due"))
        self.cases_card.clicked.connect(self._open_cases_due)
        self.calls_card = Card(self.tr("Hotline calls to handle"))
        self.calls_card.clicked.connect(lambda: self.navigate.emit("hotline", "calls"))
        self.pairs_card = Card(self.tr("Pairs behind"))
        self.pairs_card.clicked.connect(self._open_pairs_behind)
        self.wishes_card = Card(self.tr("Micro-wishes waiting"))
        self.wishes_card.clicked.connect(lambda: self.navigate.emit("wishes", "wall"))
        work_row = QHBoxLayout()
        work_row.setSpacing(16)
        for card, permission in ((self.cases_card, "cases.view"),
                                 (self.calls_card, "hotline.view"),
                                 (self.pairs_card, "pairings.edit"),
                                 (self.wishes_card, "wishes.view")):
            card.setVisible(actor.can(permission))
            if actor.can(permission):
                work_row.addWidget(card, 1)
        work_row.addStretch(0)
        layout.addLayout(work_row)

        # The open visit campaigns, one card each: how far along, what is overdue. A card
        # opens the campaign's progress on the campaigns page.
        self.campaigns_row = QHBoxLayout()
        self.campaigns_row.setSpacing(16)
        self.campaign_cards: list[Card] = []
        self._campaign_ids: list[int] = []
        if actor.can("campaigns.view"):
            for index in range(self.CAMPAIGN_CARDS):
                card = Card("")
                card.clicked.connect(lambda index=index: self._open_campaign(index))
                card.hide()
                self.campaign_cards.append(card)
                self.campaigns_row.addWidget(card, 1)
        self.campaigns_row.addStretch(0)
        layout.addLayout(self.campaigns_row)

        self.my_villages = QLabel()
        self.my_villages.setWordWrap(True)
        self.my_villages.hide()
        layout.addWidget(self.my_villages)

        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_button.setVisible(context.actor.can("backup.run") and context.location.is_sqlite)
        row.addWidget(self.backup_button)
        # Staff open the front-desk kiosk on this PC; it needs a staff password to close.
        self.kiosk_button = QPushButton(self.tr("Open the sign-in kiosk"))
        self.kiosk_button.setObjectName("openKiosk")
        self.kiosk_button.clicked.connect(self.open_kiosk)
        self.kiosk_button.setVisible(actor.can("attendance.kiosk"))
        self.kiosk = None
        row.addWidget(self.kiosk_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def _open_campaign(self, index: int) -> None:
        if index >= len(self._campaign_ids):
            return
        campaign_id = self._campaign_ids[index]
        self.navigate.emit("campaigns", "progress")
        # The campaigns page (built by now if this role has it) shows the one clicked.
        page = getattr(self.window(), "pages", {}).get("campaigns")
        choose = getattr(getattr(page, "campaign_list", None), "select", None)
        if choose is not None:
            choose(campaign_id)

    def _open_pairs_behind(self) -> None:
        """The pairing page, behind only."""
        self.navigate.emit("pairings", "")
        page = getattr(self.window(), "pages", {}).get("pairings")
        behind = getattr(page, "behind_only", None)
        if behind is not None:
            behind.setChecked(True)

    def _open_cases_due(self) -> None:
        """The cases page's list, all cases, due ones only (a follow-up due is on a closed
        case), where this build has the page and its filters."""
        self.navigate.emit("cases", "list")
        page = getattr(self.window(), "pages", {}).get("cases")
        status = getattr(page, "status_filter", None)
        due_only = getattr(page, "due_only", None)
        if status is not None and (index := status.findData("all")) >= 0:
            status.setCurrentIndex(index)
        if due_only is not None:
            due_only.setChecked(True)

    def _show_campaigns(self, lines) -> None:
        lines = (lines or [])[:len(self.campaign_cards)]
        self._campaign_ids = [line.id for line in lines]
        for card, line in zip(self.campaign_cards, lines, strict=False):
            card.caption_label.setText(line.name)
            parts = [self.tr("Done %1").replace("%1", f"{round(line.share_done * 100)}%")]
            if line.share_delivered is not None:
                parts.append(self.tr("Delivered %1").replace(
                    "%1", f"{round(line.share_delivered * 100)}%"))
            if line.overdue:
                parts.append(self.tr("%1 overdue").replace("%1", str(line.overdue)))
            card.set_value(f"{round(line.share_done * 100)}%", " · ".join(parts),
                           warn=bool(line.overdue))
            card.show()
        for card in self.campaign_cards[len(lines):]:
            card.hide()

    def open_kiosk(self) -> None:
        from ..kiosk import open_kiosk

        if self.kiosk is not None:  # already open on this PC: bring it back to the front
            self.kiosk.showFullScreen()
            self.kiosk.activateWindow()
            return
        self.kiosk = open_kiosk(self.context.actor, self.context.lang)
        # The office window hides while the kiosk runs: a volunteer at the desk must not reach
        # it behind the kiosk (Alt+Tab, the taskbar). It comes back when staff close the kiosk.
        office = self.window()
        office.hide()
        self.kiosk.destroyed.connect(lambda: self._kiosk_closed(office))

    def _kiosk_closed(self, office) -> None:
        self.kiosk = None
        office.show()

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        actor = self.context.actor
        station = get_station()
        data = dashboard.summary(actor, self.context.location)
        self.greeting.setText(self.tr("Hello, %1").replace("%1", actor.name))
        locale = QLocale(QLocale.Language.Chinese if self.context.lang == "zh" else QLocale.Language.English)
        today = locale.toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        self.date_label.setText(f"{station.name if station else ''}    {today}")
        self.villages_card.set_value(
            data.villages, self.tr("%1 villagers' groups").replace("%1", str(data.groups)))
        self.workers_card.set_value(
            data.social_workers, self.tr("%1 active accounts").replace("%1", str(data.accounts)))
        if not self.context.location.is_sqlite:
            self.backup_card.set_value(self.tr("Server"), self.tr("PostgreSQL is backed up on the server"))
        elif data.last_backup is None:
            self.backup_card.set_value(self.tr("None yet"), self.tr("Never backed up: back up now"),
                                       warn=True)
        else:
            when = data.last_backup.strftime("%m-%d %H:%M")
            note = self.tr("More than a day ago") if data.backup_overdue else self.tr("Checked and kept")
            self.backup_card.set_value(when, note, warn=data.backup_overdue)
        if data.due_visits is not None:
            note = self.tr("%1 of them tier 1 · %2 open needs").replace(
                "%1", str(data.due_tier1 or 0)).replace("%2", str(data.open_needs or 0))
            self.due_card.set_value(data.due_visits, note, warn=bool(data.due_tier1))
        if data.low_stock is not None:
            parts = []
            if data.low_stock_names:
                parts.append("、".join(data.low_stock_names)
                             + ("…" if data.low_stock > len(data.low_stock_names) else ""))
            if data.expiring:
                parts.append(self.tr("%1 expiring").replace("%1", str(data.expiring)))
            if data.reserved_short:
                parts.append(self.tr("%1 short for reservations").replace(
                    "%1", str(data.reserved_short)))
            self.stock_card.set_value(data.low_stock, " · ".join(parts) or self.tr("All stocked"),
                                      warn=bool(data.low_stock or data.reserved_short))
        if data.cases_due is not None:
            self.cases_card.set_value(
                data.cases_due, self.tr("Follow-up due / 30 days without service"),
                warn=bool(data.cases_due))
        if data.open_calls is not None:
            self.calls_card.set_value(
                data.open_calls, self.tr("Calls whose need is still new"),
                warn=bool(data.open_calls))
        if data.pairs_behind is not None:
            self.pairs_card.set_value(data.pairs_behind,
                                      self.tr("Not contacted as often as agreed"),
                                      warn=bool(data.pairs_behind))
        if data.wishes_open is not None:
            self.wishes_card.set_value(
                data.wishes_open, self.tr("A donor could adopt · %1 adopted to deliver")
                .replace("%1", str(data.wishes_to_deliver or 0)))
        self._show_campaigns(data.campaigns)
        if actor.role == SOCIAL_WORKER:
            names = "、".join(data.my_villages) if data.my_villages else self.tr("none assigned yet")
            self.my_villages.setText(self.tr("My villages: %1").replace("%1", names))
            self.my_villages.show()
