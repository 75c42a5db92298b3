"""The PDF preview and the printing path: pages, no printer, printing to a PDF file, failures."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractSlider,
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
)

from station_desk.ui import uistate
from station_desk.ui.dialogs import pdf_preview
from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog, print_pdf

pytest.importorskip("reportlab")


def make_pdf(path: Path, pages: int) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica-Bold", 28)
        pdf.drawString(72, 760, f"Page {number}")
        pdf.rect(72, 400, 300, 300, fill=1)
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def sample(tmp_path) -> Path:
    return make_pdf(tmp_path / "visits.pdf", 3)


class Shown(list):
    """(text, [button labels]) of each message box; ``answers`` are buttons to click."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[str] = []


@pytest.fixture
def messages(monkeypatch):
    shown = Shown()
    answers = shown.answers

    def exec_(box):
        labels = [button.text() for button in box.buttons()]
        shown.append((box.text(), labels))
        if answers:
            wanted = answers.pop(0)
            next(b for b in box.buttons() if b.text() == wanted).click()
        return 0

    def static(parent, title, text, *args, **kwargs):
        shown.append((text, []))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, static)
    return shown


@pytest.fixture
def no_printers(monkeypatch):
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))


@pytest.fixture
def accept_print_dialog(monkeypatch):
    """The print dialog says OK at once; ``choices`` may set ranges or copies first."""
    choices = []

    def exec_(dialog):
        for choose in choices:
            choose(dialog.printer())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return choices


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(72)  # small images: the test is about pages, not sharpness
    return printer


def page_count(path: Path) -> int:
    document = pdfium.PdfDocument(path.read_bytes())
    count = len(document)
    document.close()
    return count


def test_preview_shows_the_pdf_and_its_page_count(qtbot, sample):
    dialog = PdfPreviewDialog(None, sample, "Visit records")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Visit records"
    assert dialog.page_count() == 3
    assert dialog.page_count_label.text() == "of 3"
    assert dialog.page_box.maximum() == 3 and dialog.page_box.value() == 1
    assert dialog.view.isVisible() and not dialog.problem_label.isVisible()
    assert not dialog.previous_button.isEnabled()
    assert dialog.zoom_box.currentData() == pdf_preview.FIT_WIDTH

    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.page_box.value() == 2)
    assert dialog.current_page() == 1
    dialog.page_box.setValue(3)
    qtbot.waitUntil(lambda: dialog.current_page() == 2)
    assert not dialog.next_button.isEnabled()

    dialog.zoom_in()
    assert dialog.view.zoomMode() == dialog.view.ZoomMode.Custom
    assert dialog.zoom_box.currentData() in pdf_preview.ZOOM_STEPS
    dialog.set_zoom(0.5)
    assert dialog.view.zoomFactor() == 0.5 and dialog.current_page() == 2


def test_preview_of_a_file_that_is_not_a_pdf_says_so(qtbot, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_text("not a pdf")
    dialog = PdfPreviewDialog(None, broken, "Broken")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.problem_label.isVisible() and "broken.pdf" in dialog.problem_label.text()
    assert not dialog.print_button.isEnabled()
    assert dialog.save_button.isEnabled()  # the file can still be handed on


def test_preview_of_a_missing_file_says_so(qtbot, tmp_path):
    dialog = PdfPreviewDialog(None, tmp_path / "gone.pdf", "Gone")
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.problem_label.text()
    assert "gone.pdf" in text and "does not exist" in text
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_a_long_pdf_renders_only_the_pages_in_view_and_scrolling_moves_the_page(
        qtbot, tmp_path, monkeypatch):
    source = make_pdf(tmp_path / "cards.pdf", 700)
    rendered = []
    real_render = pdf_preview.PdfFile.render

    def counting(self, page, *args, **kwargs):
        rendered.append(page)
        return real_render(self, page, *args, **kwargs)

    monkeypatch.setattr(pdf_preview.PdfFile, "render", counting)
    dialog = PdfPreviewDialog(None, source, "Cards")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: 0 in rendered)
    qtbot.wait(200)  # room for rendering ahead of the view
    assert dialog.page_count_label.text() == "of 700"
    assert 0 < len(set(rendered)) <= 4

    # The page shown is painted from its rendering: the black square, not blank paper
    # (far more dark samples than the hairlines round the pages could give).
    image = dialog.view.viewport().grab().toImage()
    dark = sum(1 for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)
               if image.pixelColor(x, y).lightness() < 60)
    assert dark > 1000

    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.page_box.value() == 700)
    assert dialog.current_page() == 699 and not dialog.next_button.isEnabled()
    qtbot.waitUntil(lambda: 699 in rendered)
    assert all(page < 4 or page > 695 for page in rendered)

    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: 340 <= dialog.current_page() <= 360)
    middle = dialog.current_page()
    dialog.set_zoom(2.0)  # zooming keeps the view on the same page
    bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    assert dialog.current_page() in (middle, middle + 1)
    assert len(set(rendered)) < 20


def test_ask_is_modal_and_returns_none(qtbot, sample, monkeypatch):
    shown = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.page_count()))
    assert PdfPreviewDialog.ask(None, sample, "Visit records") is None
    assert shown == [3]


def test_no_printer_is_said_at_once_with_other_ways_out(qtbot, sample, messages, no_printers):
    dialog = PdfPreviewDialog(None, sample, "Visit records")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.print_document() is False
    text, buttons = messages[0]
    assert "No printer is installed" in text
    assert "Save as PDF…" in buttons and "Open in system viewer" in buttons
    assert dialog.isVisible()  # the preview stays open for another go


def test_no_printer_then_save_as_pdf(qtbot, sample, tmp_path, messages, no_printers,
                                     monkeypatch):
    monkeypatch.setattr(uistate, "put", lambda key, value: None)
    target = tmp_path / "out" / "copy"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    messages.answers.append("Save as PDF…")
    assert print_pdf(None, sample) is False
    assert (target.parent / "copy.pdf").read_bytes() == sample.read_bytes()


def test_no_printer_then_open_in_system_viewer(qtbot, sample, messages, no_printers,
                                               monkeypatch):
    opened = []
    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    messages.answers.append("Open in system viewer")
    assert print_pdf(None, sample) is False
    assert opened == [str(sample)]


def test_printing_to_a_pdf_file_prints_every_page(qtbot, sample, tmp_path, accept_print_dialog):
    out = tmp_path / "printed.pdf"
    assert print_pdf(None, sample, printer=pdf_printer(out)) is True
    assert page_count(out) == 3
    # The pages carry the picture, not blank paper.
    document = pdfium.PdfDocument(out.read_bytes())
    bitmap = document[0].render(scale=1, grayscale=True)
    grey = bytes(bitmap.buffer)
    dark = sum(1 for x in range(0, bitmap.width, 4) for y in range(0, bitmap.height, 4)
               if grey[y * bitmap.stride + x] < 100)
    document.close()
    assert dark > 100


def test_page_range_and_copies_are_honoured(qtbot, tmp_path, accept_print_dialog):
    source = make_pdf(tmp_path / "five.pdf", 5)

    def choose(printer):
        ranges = QPageRanges()
        ranges.addRange(2, 4)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setPageRanges(ranges)
        printer.setCopyCount(2)
        printer.setCollateCopies(True)

    accept_print_dialog.append(choose)
    out = tmp_path / "printed.pdf"
    assert print_pdf(None, source, printer=pdf_printer(out)) is True
    assert page_count(out) == 6  # pages 2-4, twice


def test_sheets_order_copies():
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # makes no copies itself
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    assert pdf_preview.sheets(printer, [0, 1]) == [0, 0, 1, 1]
    printer.setCollateCopies(True)
    assert pdf_preview.sheets(printer, [0, 1]) == [0, 1, 0, 1]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pdf_preview.pages_to_print(printer, 3, None) == [2, 1, 0]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pdf_preview.pages_to_print(printer, 3, 1) == [1]


class TwoSidedNoCopies:
    """A driver that prints both sides but leaves copies to the program (PDF output can't
    be two-sided, so this one is a stand-in)."""

    def supportsMultipleCopies(self):  # noqa: N802 - QPrinter's names
        return False

    def copyCount(self):  # noqa: N802
        return 2

    def collateCopies(self):  # noqa: N802
        return True

    def duplex(self):
        return QPrinter.DuplexMode.DuplexLongSide


def test_two_sided_copies_of_an_odd_page_count_start_on_a_front():
    assert pdf_preview.sheets(TwoSidedNoCopies(), [0, 1, 2]) == [0, 1, 2, None, 0, 1, 2, None]


def test_the_printer_is_set_to_the_documents_paper(sample):
    document = pdf_preview.load_document(sample)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    pdf_preview.match_paper(printer, document)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.fullPage()
    document.close()


def test_a_failing_printer_is_named_and_the_job_can_be_retried(
        qtbot, sample, tmp_path, messages, accept_print_dialog, monkeypatch):
    printer = pdf_printer(tmp_path / "no such folder" / "printed.pdf")
    good = tmp_path / "printed.pdf"

    def exec_then_fix(box):
        messages.append((box.text(), [b.text() for b in box.buttons()]))
        printer.setOutputFileName(str(good))  # the user plugs the printer in
        next(b for b in box.buttons() if b.text() == "Try again").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_then_fix)
    assert print_pdf(None, sample, printer=printer) is True
    text, buttons = messages[0]
    assert "Printing on" in text and "failed" in text
    assert "Try again" in buttons and "Save as PDF…" in buttons
    assert page_count(good) == 3


def test_a_failing_printer_gives_up_when_the_user_closes_the_message(
        qtbot, sample, tmp_path, messages, accept_print_dialog):
    printer = pdf_printer(tmp_path / "no such folder" / "printed.pdf")
    assert print_pdf(None, sample, printer=printer) is False
    assert len(messages) == 1


def test_a_700_page_print_job_can_be_cancelled(qtbot, tmp_path, accept_print_dialog,
                                               monkeypatch):
    source = make_pdf(tmp_path / "cards.pdf", 700)
    painted = []
    real_render = pdf_preview.render_page

    def counting(*args, **kwargs):
        painted.append(1)
        return real_render(*args, **kwargs)

    monkeypatch.setattr(pdf_preview, "render_page", counting)

    def press_cancel():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.cancel()
                return
        QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(50, press_cancel)
    assert print_pdf(None, source, printer=pdf_printer(tmp_path / "printed.pdf")) is False
    assert 0 < len(painted) < 700
