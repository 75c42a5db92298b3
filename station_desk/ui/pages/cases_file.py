"""One case's file (个案档案): its header, a timeline of everything on file, and tabs with the
latest assessment, the current plan, the service records, referrals, and closing with its
follow-ups; the buttons that add to it.

``show_case`` reads the case through ``cases.get_case``, which writes an audit row: the
file calls it when the user opens a case and after a write made from here, never on a
refresh caused elsewhere. The write dialogs live in ``dialogs/case_forms.py``.
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...core.services import cases as case_service
from ...messages import describe_error
from ..dialogs.form_dialog import Field, FormDialog
from ..dialogs.open_case import worker_choices
from ..labels import label
from ..models.table import Column, RowsTableModel
from .parts import button as _button
from .parts import fitted_table as _table

ASSESSMENT_FIELDS = ("living", "health", "medication", "self_care", "emotion", "guardianship",
                     "schooling", "development", "economy", "support")


def _text_label(name: str) -> QLabel:
    made = QLabel()
    made.setObjectName(name)
    made.setWordWrap(True)
    made.setTextFormat(Qt.TextFormat.RichText)
    made.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    made.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return made


def _scrolled(widget: QWidget, name: str) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def _lines(pairs) -> str:
    """Rich text: a bold caption and its text, one pair a paragraph; empty texts left out."""
    parts = []
    for caption, value in pairs:
        value = str(value or "").strip()
        if value:
            parts.append(f"<p style='margin:0 0 6px 0'><b>{html.escape(caption)}</b>　"
                         f"{html.escape(value).replace(chr(10), '<br>')}</p>")
    return "".join(parts)


class TimelineModel(RowsTableModel):
    """The timeline: a long entry is cut in its cell and shown whole as the tooltip."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            entry = self.row_at(index.row())
            return entry.detail if entry is not None and entry.detail else None
        return super().data(index, role)


TAB_OF_ENTRY = {"opened": 0, "assessment": 0, "plan": 1, "record": 2, "referral": 3,
                "closed": 4, "follow_up": 4}


class CaseFile(QWidget):
    back = Signal()

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("caseFile")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("cases.edit")
        self.case_id: int | None = None
        self.detail: case_service.CaseDetail | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(_button(self.tr("← Back to the list"), "caseBack", self.back.emit))
        self.title = QLabel()
        self.title.setObjectName("subheading")
        top.addWidget(self.title, 1)
        self.print_button = _button(self.tr("Print case record…"), "printCase", self.print_case)
        top.addWidget(self.print_button)
        layout.addLayout(top)

        self.header = _text_label("caseHeader")
        layout.addWidget(self.header)

        actions = QHBoxLayout()
        self.buttons = {
            "assess": _button(self.tr("Assessment"), "caseAssess", self.assess),
            "plan": _button(self.tr("Service plan"), "casePlan", self.plan),
            "record": _button(self.tr("Service record"), "caseRecord", self.add_record),
            "refer": _button(self.tr("Refer"), "caseRefer", self.refer),
            "evaluate": _button(self.tr("Go to evaluation"), "caseEvaluate", self.to_evaluation),
            "close": _button(self.tr("Close the case"), "caseClose", self.close_case),
            "reopen": _button(self.tr("Reopen"), "caseReopen", self.reopen),
            "transfer": _button(self.tr("Hand over"), "caseTransfer", self.transfer),
            "projects": _button(self.tr("Projects…"), "caseProjects", self.projects),
        }
        for key, widget in self.buttons.items():
            widget.setVisible(self.can_edit and (key != "transfer"
                                                 or self.actor.can("cases.transfer")))
            actions.addWidget(widget)
        actions.addStretch(1)
        layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("caseSplitter")
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Timeline"))
        heading.setObjectName("subheading")
        timeline_layout.addWidget(heading)
        self.timeline_model = TimelineModel([
            Column(self.tr("Date"), lambda e: e.day),
            Column(self.tr("Entry"), self.entry_kind),
            Column(self.tr("What"), self.entry_text),
        ], self)
        self.timeline_view = _table(self.timeline_model, "caseTimeline", stretch=2)
        self.timeline_view.doubleClicked.connect(lambda index: self.show_entry(index.row()))
        timeline_layout.addWidget(self.timeline_view)
        splitter.addWidget(timeline_box)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.assessment_text = _text_label("caseAssessment")
        self.tabs.addTab(_scrolled(self.assessment_text, "assessmentScroll"),
                         self.tr("Assessment"))
        self.tabs.addTab(self._plan_tab(), self.tr("Plan"))
        self.tabs.addTab(self._records_tab(), self.tr("Records"))
        self.tabs.addTab(self._referrals_tab(), self.tr("Referrals"))
        self.tabs.addTab(self._closing_tab(), self.tr("Closing"))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 640])
        layout.addWidget(splitter, 1)

    # --- the tabs --------------------------------------------------------------------------

    def _plan_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.plan_text = _text_label("casePlanText")
        layout.addWidget(self.plan_text)
        self.action_model = RowsTableModel([
            Column(self.tr("Action"), lambda a: a.action),
            Column(self.tr("Who"), lambda a: a.owner),
            Column(self.tr("Due by"), lambda a: a.due_on or ""),
        ], self)
        layout.addWidget(_table(self.action_model, "casePlanActions", stretch=0), 1)
        return tab

    def _records_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)

        def corrected(record) -> bool:
            return self.detail is not None and record.id in self.detail.corrected

        self.record_model = RowsTableModel([
            Column(self.tr("Date"), lambda r: r.served_on),
            Column(self.tr("Kind"), lambda r: label("record_kind", r.kind)),
            Column(self.tr("Content"), lambda r: " ".join(r.content.split()), muted=corrected),
            Column(self.tr("Note"), self.record_note, muted=corrected),
            Column(self.tr("Minutes"), lambda r: r.minutes or "", align_right=True),
            Column(self.tr("Workers"), lambda r: r.workers),
            Column(self.tr("Goods"), self.record_goods),
        ], self)
        self.record_view = _table(self.record_model, "caseRecords", stretch=2,
                                  capped={3: 120, 5: 90, 6: 140})
        layout.addWidget(self.record_view, 1)
        row = QHBoxLayout()
        self.correct_button = _button(self.tr("Correct…"), "caseCorrectRecord",
                                      self.correct_record)
        self.correct_button.setVisible(self.can_edit)
        row.addWidget(self.correct_button)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

    def record_goods(self, record) -> str:
        if self.detail is None or not record.voucher_id:
            return ""
        text = self.detail.goods.get(record.id, "")
        if record.id in self.detail.goods_back:
            return self.tr("%1 (taken back)").replace("%1", text)
        return text

    def _referrals_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.referral_model = RowsTableModel([
            Column(self.tr("Date"), lambda r: r.referred_on),
            Column(self.tr("Unit"), lambda r: r.unit),
            Column(self.tr("Purpose"), lambda r: " ".join(r.purpose.split())),
            Column(self.tr("Status"), lambda r: label("referral_status", r.status)),
            Column(self.tr("Updated"), lambda r: r.updated_on or ""),
            Column(self.tr("Answer"), lambda r: " ".join(r.answer.split())),
        ], self)
        self.referral_view = _table(self.referral_model, "caseReferrals", stretch=5,
                                    capped={1: 110, 2: 150})
        layout.addWidget(self.referral_view, 1)
        row = QHBoxLayout()
        self.update_referral_button = _button(self.tr("Update…"), "caseUpdateReferral",
                                              self.update_referral)
        self.update_referral_button.setVisible(self.can_edit)
        row.addWidget(self.update_referral_button)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

    def _closing_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.closing_text = _text_label("caseClosing")
        layout.addWidget(self.closing_text)
        self.follow_model = RowsTableModel([
            Column(self.tr("Due"), lambda f: f.due_on),
            Column(self.tr("Done"), lambda f: f.done_on or ""),
            Column(self.tr("Visited by"), lambda f: f.by_name),
            Column(self.tr("Note"), lambda f: " ".join(f.note.split())),
        ], self)
        self.follow_view = _table(self.follow_model, "caseFollowUps", stretch=3)
        layout.addWidget(self.follow_view, 1)
        row = QHBoxLayout()
        self.follow_button = _button(self.tr("Follow-up…"), "caseFollowUp", self.follow_up)
        self.follow_button.setVisible(self.can_edit)
        row.addWidget(self.follow_button)
        self.schedule_button = _button(self.tr("Schedule a follow-up…"), "caseScheduleFollowUp",
                                       self.schedule_follow_up)
        self.schedule_button.setVisible(self.can_edit)
        row.addWidget(self.schedule_button)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

    # --- words -------------------------------------------------------------------------------

    def entry_kind(self, entry: case_service.TimelineEntry) -> str:
        words = {
            "opened": self.tr("Opened"), "assessment": self.tr("Assessment"),
            "plan": self.tr("Plan"), "record": self.tr("Service record"),
            "referral": self.tr("Referral"), "closed": self.tr("Closed"),
        }
        if entry.kind == "follow_up":
            return self.tr("Follow-up done") if entry.title == "done" else self.tr("Follow-up due")
        return words.get(entry.kind, entry.kind)

    def entry_text(self, entry: case_service.TimelineEntry) -> str:
        detail = " ".join((entry.detail or "").split())
        if entry.kind == "record":
            text = f"{label('record_kind', entry.title)}{self._colon()}{detail}"
            if self.detail is not None and entry.row_id in self.detail.corrected:
                text = self.tr("[corrected] ") + text
            return text
        if entry.kind == "assessment" and entry.title:
            risk = self.tr("Risk")
            return f"{risk} {label('risk', entry.title)}" + (
                f"{self._colon()}{detail}" if detail else "")
        if entry.kind == "referral":
            return f"{entry.title}{self._colon()}{detail}"
        if entry.kind == "closed" and entry.title:
            return f"{label('goals_met', entry.title)}{self._colon()}{detail}"
        return detail

    def record_note(self, record) -> str:
        if self.detail is not None and record.id in self.detail.corrected:
            return self.tr("Corrected")
        if record.corrects_id:
            return self.tr("Corrects %1").replace("%1", self._record_day(
                record.corrects_id))
        return ""

    def _record_day(self, record_id: int) -> str:
        for record in self.detail.records if self.detail else ():
            if record.id == record_id:
                return str(record.served_on)
        return f"#{record_id}"

    def show_entry(self, row: int) -> None:
        """A timeline entry's own tab, with its row chosen (a record, a referral)."""
        entry = self.timeline_model.row_at(row)
        if entry is None:
            return
        self.tabs.setCurrentIndex(TAB_OF_ENTRY.get(entry.kind, 0))
        tables = {"record": (self.record_view, self.record_model),
                  "referral": (self.referral_view, self.referral_model),
                  "follow_up": (self.follow_view, self.follow_model)}
        if entry.kind in tables:
            view, model = tables[entry.kind]
            for i in range(model.rowCount()):
                if model.row_at(i).id == entry.row_id:
                    view.selectRow(i)
                    return

    # --- showing -----------------------------------------------------------------------------

    def show_case(self, case_id: int) -> None:
        """Read the case (audited) and show it; a refusal propagates to the caller."""
        detail = case_service.get_case(self.actor, case_id)
        self.case_id = case_id
        self.detail = detail
        self._show(detail)

    def reload(self) -> None:
        if self.case_id is not None:
            self.show_case(self.case_id)

    def _show(self, detail: case_service.CaseDetail) -> None:
        row = detail.case
        self.title.setText(self.tr("Case %1 · %2").replace("%1", str(row.id))
                           .replace("%2", label("case_status", row.status)))
        for_whom = self.tr("for")
        person = row.head_name + (f"（{for_whom} {row.member_name}）" if row.member_name
                                  else "")
        risk = label("risk", row.risk) if row.risk else self.tr("not judged")
        risk_html = (f"<span style='color:#c62828'><b>{html.escape(risk)}</b></span>"
                     if row.risk == "high" else html.escape(risk))
        cells = [
            (self.tr("Household"), html.escape(person)), (self.tr("Village"), html.escape(row.village)),
            (self.tr("Social worker"), html.escape(row.social_worker)),
            (self.tr("Opened"), str(row.opened_on)),
            (self.tr("Source"), html.escape(label("case_source", row.source))),
            (self.tr("Stage"), html.escape(label("case_status", row.status))),
            (self.tr("Risk"), risk_html),
        ]
        head = "　".join(f"<b>{html.escape(c)}</b> {v}" for c, v in cells)
        problem = html.escape(" ".join(detail.problem.split()))
        problem_caption = html.escape(self.tr("Problem"))
        self.header.setText(f"<p style='margin:0'>{head}</p><p style='margin:4px 0 0 0'>"
                            f"<b>{problem_caption}</b> {problem}</p>")
        self.timeline_model.set_rows(detail.timeline)
        self._show_assessment(detail)
        self._show_plan(detail)
        self.record_model.set_rows(list(reversed(detail.records)))  # newest on top
        self.referral_model.set_rows(detail.referrals)
        self._show_closing(detail)
        self._enable(detail)

    def _show_assessment(self, detail: case_service.CaseDetail) -> None:
        if not detail.assessments:
            self.assessment_text.setText(html.escape(self.tr("No assessment yet.")))
            return
        a = detail.assessments[0]
        captions = {
            "living": self.tr("Living situation"), "health": self.tr("Health"),
            "medication": self.tr("Medication"), "self_care": self.tr("Self-care"),
            "emotion": self.tr("Emotions and cognition"), "guardianship": self.tr("Guardianship"),
            "schooling": self.tr("Schooling"), "development": self.tr("Development"),
            "economy": self.tr("Economic situation"), "support": self.tr("Social support"),
        }
        needs = ("、" if self.lang == "zh" else ", ").join(
            label("case_need", n) for n in a.needs.split(",") if n)
        pairs = [(self.tr("Assessed on"), f"{a.assessed_on}　{a.by_name}"),
                 (self.tr("Risk"), label("risk", a.risk) if a.risk else "")]
        pairs += [(captions[key], getattr(a, key)) for key in ASSESSMENT_FIELDS]
        pairs += [(self.tr("Needs"), needs), (self.tr("About the needs"), a.needs_note)]
        earlier = len(detail.assessments) - 1
        text = _lines(pairs)
        if earlier:
            text += "<p><i>" + html.escape(self.tr("%1 earlier assessments on file")
                                           .replace("%1", str(earlier))) + "</i></p>"
        self.assessment_text.setText(text)

    def _show_plan(self, detail: case_service.CaseDetail) -> None:
        if not detail.plans:
            self.plan_text.setText(html.escape(self.tr("No service plan yet.")))
            self.action_model.set_rows([])
            return
        plan, actions = detail.plans[0]
        self.plan_text.setText(_lines([
            (self.tr("Made on"), f"{plan.made_on}　{plan.by_name}"),
            (self.tr("Goals"), plan.goals), (self.tr("Partners"), plan.partners),
            (self.tr("Note"), plan.note)]))
        self.action_model.set_rows(actions)

    def _show_closing(self, detail: case_service.CaseDetail) -> None:
        if detail.closed_on is None:
            self.closing_text.setText(html.escape(self.tr("The case is open.")))
        else:
            self.closing_text.setText(_lines([
                (self.tr("Closed on"), str(detail.closed_on)),
                (self.tr("Goals"), label("goals_met", detail.goals_met) if detail.goals_met else ""),
                (self.tr("Reason"), detail.close_reason), (self.tr("Summary"), detail.summary),
                (self.tr("Reflection"), detail.reflection)]))
        self.follow_model.set_rows(detail.follow_ups)

    def _enable(self, detail: case_service.CaseDetail) -> None:
        closed = detail.case.status == "closed"
        for key in ("assess", "plan", "record", "refer", "close"):
            self.buttons[key].setEnabled(not closed)
        self.buttons["evaluate"].setEnabled(detail.case.status not in ("evaluation", "closed"))
        self.buttons["reopen"].setEnabled(closed)
        self.correct_button.setEnabled(not closed and bool(detail.records))
        self.update_referral_button.setEnabled(bool(detail.referrals))  # answers come late too
        self.schedule_button.setEnabled(closed)
        self.follow_button.setEnabled(closed and any(f.done_on is None
                                                     for f in detail.follow_ups))

    # --- writing -----------------------------------------------------------------------------

    def projects(self) -> None:
        """The projects the case is served under (its service records count for them)."""
        from ..dialogs.project_form import CaseProjectsDialog

        if self.case_id is not None and CaseProjectsDialog.ask(self, self.actor, self.case_id,
                                                               self.lang):
            self.reload()

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))

    def _dialog(self, name: str, *args, **kwargs) -> None:
        """Run one of the case's forms; after a save, read the case again (one more opening)."""
        from ..dialogs import case_forms

        if self.case_id is None:
            return
        dialog = getattr(case_forms, name)
        try:
            saved = dialog.ask(self, self.actor, *args, lang=self.lang, **kwargs)
        except StationError as error:  # the form reads the case first: it may be refused
            self._refused(error)
            return
        if saved:
            self.reload()

    def assess(self) -> None:
        self._dialog("AssessmentDialog", self.case_id)

    def plan(self) -> None:
        self._dialog("PlanDialog", self.case_id)

    def add_record(self) -> None:
        self._dialog("RecordDialog", self.case_id)

    def refer(self) -> None:
        self._dialog("ReferralDialog", self.case_id)

    def close_case(self) -> None:
        self._dialog("CloseCaseDialog", self.case_id)

    def _selected(self, view, model):
        if not view.selectionModel().hasSelection():
            return None
        return model.row_at(view.currentIndex().row())

    def correct_record(self) -> None:
        record = self._selected(self.record_view, self.record_model)
        if record is None:
            QMessageBox.information(self, self.tr("Correct a record"),
                                    self.tr("Choose the record to correct first."))
            return
        self._dialog("RecordDialog", self.case_id, corrects=record.id)

    def update_referral(self) -> None:
        referral = self._selected(self.referral_view, self.referral_model)
        if referral is None and self.detail and len(self.detail.referrals) == 1:
            referral = self.detail.referrals[0]
        if referral is None:
            QMessageBox.information(self, self.tr("Update a referral"),
                                    self.tr("Choose the referral first."))
            return
        self._dialog("ReferralUpdateDialog", referral.id,
                     context=f"{self._who()} · {referral.unit}{self._colon()}"
                             f"{' '.join(referral.purpose.split())}")

    def follow_up(self) -> None:
        row = self._selected(self.follow_view, self.follow_model)
        if row is None or row.done_on is not None:
            row = next((f for f in (self.detail.follow_ups if self.detail else ())
                        if f.done_on is None), None)
        if row is not None:
            due = row.due_on.isoformat() if isinstance(row.due_on, _dt.date) else str(row.due_on)
            self._dialog("FollowUpDialog", row.id, context=self.tr("%1 · due %2")
                         .replace("%1", self._who()).replace("%2", due))

    def _colon(self) -> str:
        return "：" if self.lang == "zh" else ": "

    def _who(self) -> str:
        row = self.detail.case
        return f"{row.member_name or row.head_name} · {row.village} · #{row.id}"

    def schedule_follow_up(self) -> None:
        """Another follow-up for a closed case (none left, or something to watch)."""
        from ...core.clock import today

        default = (today() + _dt.timedelta(days=30)).isoformat()
        day, ok = QInputDialog.getText(self, self.tr("Schedule a follow-up"),
                                       self.tr("Follow-up due on (e.g. %1):").replace("%1", default),
                                       text=default)
        if ok:
            self._write(lambda: case_service.add_follow_up(self.actor, self.case_id, day.strip()))

    def to_evaluation(self) -> None:
        answer = QMessageBox.question(self, self.tr("Go to evaluation"), self.tr(
            "Move this case to evaluation, before closing it?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._write(lambda: case_service.set_stage(self.actor, self.case_id, "evaluation"))

    def reopen(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Reopen the case"),
                                          self.tr("Why does the case come back?"))
        if ok:
            self._write(lambda: case_service.reopen_case(self.actor, self.case_id, reason))

    def transfer(self) -> None:
        if self.detail is None:
            return
        choices = [(i, n) for i, n in worker_choices(self.actor)
                   if i != self.detail.case.social_worker_id]
        saved = FormDialog.ask(self, self.tr("Hand the case over"), [
            Field("social_worker", self.tr("To"), "choice", choices),
            Field("reason", self.tr("Reason"), placeholder=self.tr("e.g. the worker has left")),
        ], None, lambda v: case_service.transfer_case(self.actor, self.case_id,
                                                      v["social_worker"], v["reason"]))
        if saved is not None:
            self.reload()

    def _write(self, call) -> None:
        try:
            call()
        except StationError as error:
            self._refused(error)
            return
        self.reload()

    def print_case(self) -> None:
        """打印个案记录: the household's name only when the user says so (masked by default)."""
        import tempfile
        from pathlib import Path

        from ...core.reports import case_file
        from ...core.services import case_exports

        if self.case_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Print case record"),
            self.tr("Print the household's name on the record? (No: the name is masked.)"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        try:
            data = case_exports.case_file_data(
                self.actor, self.case_id, show_name=answer == QMessageBox.StandardButton.Yes)
        except StationError as error:
            self._refused(error)
            return
        from ..dialogs import pdf_preview

        # One case's record is a few pages (75 ms for 40 records): not worth a background job.
        if getattr(self, "_print_dir", None) is None:  # removed with the page, not left behind
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-case-")
        out = Path(self._print_dir.name) / f"case-{self.case_id}.pdf"
        case_file.build(data, out, lang=self.lang)
        pdf_preview.preview_printout(self, out, case_file.problems(data),
                                     self.tr("Case record %1")
                                     .replace("%1", str(self.case_id)))
