"""Preview a PDF inside the program, print it through QPrinter, or hand it to the system viewer.

Every printout is a reportlab PDF made in ``core/reports``; this is the one way the
GUI shows and prints them. Qt can't send a PDF file to a printer as it is, so
``print_pdf`` renders each page (QtPdf, at the printer's resolution up to
``MAX_RENDER_DPI``) and paints it onto the QPrinter, page by page on the GUI thread
behind a cancellable progress dialog that keeps events flowing. A missing, stopped
or failing printer is named in a message at once, with a way out: try again, save
the PDF, or open it in the system's viewer; the preview stays open for another go.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import uistate

# Pages are rendered at the printer's resolution, but no finer: an A4 page at 1200 dpi
# is a 560 MB image. 300 dpi prints text crisply on office lasers and keeps the spool
# file of a 700-page job in the hundreds of megabytes, not tens of gigabytes.
MAX_RENDER_DPI = 300
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
FIT_WIDTH, FIT_PAGE = "width", "page"


def load_document(pdf_path: Path, parent=None) -> QPdfDocument:
    document = QPdfDocument(parent)
    document.load(str(pdf_path))
    return document


def load_problem(document: QPdfDocument, pdf_path: Path) -> str | None:
    """A sentence saying why the PDF can't be shown, or None when it loaded."""
    error = document.error()
    if error == QPdfDocument.Error.None_ and document.pageCount() > 0:
        return None
    if error == QPdfDocument.Error.FileNotFound:
        return QCoreApplication.translate("PdfPreview", "The file {path} does not exist.").format(
            path=pdf_path)
    return QCoreApplication.translate(
        "PdfPreview", "The file {path} can't be read as a PDF.").format(path=pdf_path)


# The way out: save a copy, open it elsewhere -------------------------------------------


def save_copy(parent: QWidget | None, pdf_path: Path) -> Path | None:
    """Ask where, and copy the PDF there; the copy's path, or None."""
    pdf_path = Path(pdf_path)
    folder = str(uistate.get("files/last_folder") or "") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("PdfPreview", "Save a copy of the PDF"),
        str(Path(folder) / pdf_path.name),
        QCoreApplication.translate("PdfPreview", "PDF files (*.pdf)"))
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        if target.resolve() != pdf_path.resolve():
            shutil.copyfile(pdf_path, target)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("PdfPreview", "Save as"),
                            QCoreApplication.translate(
                                "PdfPreview", "The PDF could not be saved to {path}: {detail}"
                            ).format(path=target, detail=exc.strerror or exc))
        return None
    uistate.put("files/last_folder", str(target.parent))
    return target


def open_in_viewer(parent: QWidget | None, pdf_path: Path) -> bool:
    """Open the PDF in the system's PDF program; say so when there is none."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(pdf_path).absolute()))):
        return True
    QMessageBox.warning(parent, QCoreApplication.translate("PdfPreview", "Open in system viewer"),
                        QCoreApplication.translate(
                            "PdfPreview", "No program to show PDF files was found on this "
                            "computer. Save a copy and open it where one is installed."))
    return False


def _choose(parent: QWidget | None, icon: QMessageBox.Icon, title: str, message: str,
            choices: Sequence[tuple[str, str, QMessageBox.ButtonRole]]) -> str | None:
    """A message box with our own buttons; the key of the one pressed, or None."""
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.NoButton, parent)
    keys = {}
    for key, label, role in choices:
        keys[key] = box.addButton(label, role)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(next(iter(keys.values()), close))
    box.setEscapeButton(close)
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in keys.items() if button is clicked), None)


def _offer_way_out(parent: QWidget | None, pdf_path: Path, message: str,
                   retry: str | None = None) -> str | None:
    """Say what went wrong and offer the other ways to get the paper; returns "retry"/None."""
    choices = []
    if retry:
        choices.append(("retry", retry, QMessageBox.ButtonRole.AcceptRole))
    choices += [
        ("save", QCoreApplication.translate("PdfPreview", "Save as PDF…"),
         QMessageBox.ButtonRole.ActionRole),
        ("open", QCoreApplication.translate("PdfPreview", "Open in system viewer"),
         QMessageBox.ButtonRole.ActionRole),
    ]
    choice = _choose(parent, QMessageBox.Icon.Warning,
                     QCoreApplication.translate("PdfPreview", "Print"), message, choices)
    if choice == "save":
        save_copy(parent, pdf_path)
    elif choice == "open":
        open_in_viewer(parent, pdf_path)
    return choice


# Printing --------------------------------------------------------------------------------


def pages_to_print(printer: QPrinter, page_count: int, current_page: int | None) -> list[int]:
    """0-based page indexes in print order, from the range and order the user chose."""
    if printer.printRange() == QPrinter.PrintRange.CurrentPage and current_page is not None:
        pages = [current_page]
    else:
        ranges = printer.pageRanges()
        pages = [i for i in range(page_count) if ranges.isEmpty() or ranges.contains(i + 1)]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def sheets(printer: QPrinter, pages: list[int]) -> list[int | None]:
    """Every page to paint, copies included; None is a blank back side.

    A printer that makes copies itself (CUPS) gets each page once; otherwise (PDF
    output, some drivers) copies are painted here, collated or not, and a two-sided
    job with an odd page count gets a blank back so each copy starts on a front.
    """
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return list(pages)
    if not printer.collateCopies():
        return [page for page in pages for _ in range(copies)]
    one: list[int | None] = list(pages)
    if printer.duplex() != QPrinter.DuplexMode.DuplexNone and len(one) % 2:
        one.append(None)
    return one * copies


def match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Start the printer on the document's paper size and orientation, edge to edge."""
    size = document.pagePointSize(0)
    if size.isEmpty():
        return
    landscape = size.width() > size.height()
    portrait_size = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    printer.setPageSize(QPageSize(portrait_size, QPageSize.Unit.Point, "",
                                  QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def render_page(document: QPdfDocument, page: int, target: QRectF, dpi: int,
                device_dpi: int, grayscale: bool) -> QImage:
    """The page as an opaque image of ``target``'s size at ``dpi`` (not the device's)."""
    scale = dpi / device_dpi
    size = QSize(max(1, round(target.width() * scale)), max(1, round(target.height() * scale)))
    rendered = document.render(page, size)
    # QtPdf leaves the paper transparent; printers and PDF writers want it white.
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    if grayscale:
        image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return image


def page_target(printer: QPrinter, document: QPdfDocument, page: int) -> QRectF:
    """Where the page goes on the paper, in device pixels: actual size, centred,
    shrunk to fit if the paper is smaller, never enlarged."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    points = document.pagePointSize(page)
    dpi = printer.resolution()
    width, height = points.width() / 72 * dpi, points.height() / 72 * dpi
    if width <= 0 or height <= 0:
        return QRectF(paper)
    scale = min(1.0, paper.width() / width, paper.height() / height)
    width, height = width * scale, height * scale
    return QRectF(paper.x() + (paper.width() - width) / 2,
                  paper.y() + (paper.height() - height) / 2, width, height)


def printer_problem(printer: QPrinter) -> str | None:
    """What the print system says is wrong with the chosen printer before we start."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    info = QPrinterInfo.printerInfo(printer.printerName())
    if info.isNull():
        return QCoreApplication.translate(
            "PdfPreview", "The printer “{name}” is not installed on this computer (any more)."
        ).format(name=printer.printerName())
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        return QCoreApplication.translate(
            "PdfPreview", "The printer “{name}” is stopped or reports a problem. Check that it "
            "is switched on, connected and has paper, then try again.").format(name=info.name())
    return None


def _printer_label(printer: QPrinter) -> str:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return printer.outputFileName()
    return printer.printerName()


def paint_pages(parent: QWidget | None, printer: QPrinter, document: QPdfDocument,
                order: list[int | None]) -> str:
    """Paint ``order`` onto ``printer``; "ok", "cancelled" or a message saying what failed."""
    failed = QCoreApplication.translate(
        "PdfPreview", "Printing on “{name}” failed. Check that the printer is switched on and "
        "connected, then try again.").format(name=_printer_label(printer))
    painter = QPainter()
    if not painter.begin(printer):
        return failed
    progress = QProgressDialog(
        QCoreApplication.translate("PdfPreview", "Sending pages to the printer…"),
        QCoreApplication.translate("PdfPreview", "Cancel"), 0, len(order), parent)
    progress.setWindowTitle(QCoreApplication.translate("PdfPreview", "Print"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setValue(0)
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    grayscale = printer.colorMode() == QPrinter.ColorMode.GrayScale
    outcome = "ok"
    try:
        for done, page in enumerate(order):
            if done and not printer.newPage():
                outcome = failed
                break
            if page is not None:
                target = page_target(printer, document, page)
                image = render_page(document, page, target, dpi, printer.resolution(), grayscale)
                painter.drawImage(target, image)
            # setValue on a modal progress dialog processes events: the window repaints
            # and Cancel can be pressed between pages.
            progress.setLabelText(QCoreApplication.translate(
                "PdfPreview", "Sending page {done} of {total} to the printer…").format(
                    done=done + 1, total=len(order)))
            progress.setValue(done + 1)
            if progress.wasCanceled():
                printer.abort()
                outcome = "cancelled"
                break
            if printer.printerState() in (QPrinter.PrinterState.Error,
                                          QPrinter.PrinterState.Aborted):
                outcome = failed
                break
    finally:
        ended = painter.end()
        progress.reset()
        progress.deleteLater()
    if outcome == "ok" and (not ended or printer.printerState() == QPrinter.PrinterState.Error):
        outcome = failed
    return outcome


def print_pdf(parent: QWidget | None, pdf_path: Path | str, *, printer: QPrinter | None = None,
              document: QPdfDocument | None = None, current_page: int | None = None,
              two_sided: bool = False) -> bool:
    """Print a PDF file: choose a printer, pages and copies, then paint every page onto it.

    True when every page reached the printer (or the file, for PDF output). ``printer``
    is a ready QPrinter (a test's PDF-file printer); by default the system's printers
    are offered, and with none installed the user is told so and offered the PDF
    itself. ``document`` reuses an already loaded QPdfDocument; ``current_page``
    (0-based) enables "current page"; ``two_sided`` preselects long-edge duplex.
    """
    pdf_path = Path(pdf_path)
    owned = document is None
    if document is None:
        document = load_document(pdf_path)
    try:
        problem = load_problem(document, pdf_path)
        if problem is not None:
            QMessageBox.warning(parent, QCoreApplication.translate("PdfPreview", "Print"), problem)
            return False
        if printer is None:
            if not QPrinterInfo.availablePrinters():
                _offer_way_out(parent, pdf_path, QCoreApplication.translate(
                    "PdfPreview", "No printer is installed on this computer. Install one in the "
                    "system settings, or save the PDF or open it in the system viewer to print "
                    "it elsewhere."))
                return False
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            match_paper(printer, document)
            if two_sided:
                printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        return _print_with_dialog(parent, pdf_path, printer, document, current_page)
    finally:
        if owned:
            document.close()
            document.deleteLater()


def _print_with_dialog(parent: QWidget | None, pdf_path: Path, printer: QPrinter,
                       document: QPdfDocument, current_page: int | None) -> bool:
    count = document.pageCount()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PdfPreview", "Print"))
    options = (QPrintDialog.PrintDialogOption.PrintPageRange
               | QPrintDialog.PrintDialogOption.PrintCollateCopies
               | QPrintDialog.PrintDialogOption.PrintShowPageSize)
    if current_page is not None:
        options |= QPrintDialog.PrintDialogOption.PrintCurrentPage
    dialog.setOptions(options)
    dialog.setMinMax(1, count)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        return False
    pages = pages_to_print(printer, count, current_page)
    if not pages:
        QMessageBox.information(parent, QCoreApplication.translate("PdfPreview", "Print"),
                                QCoreApplication.translate(
                                    "PdfPreview", "The chosen range has no pages of this "
                                    "document (it has {count})."
                                ).format(count=count))
        return False
    order = sheets(printer, pages)
    while True:
        outcome = printer_problem(printer) or paint_pages(parent, printer, document, order)
        if outcome == "ok":
            return True
        if outcome == "cancelled":
            return False
        retry = QCoreApplication.translate("PdfPreview", "Try again")
        if _offer_way_out(parent, pdf_path, outcome, retry=retry) != "retry":
            return False


# The preview ---------------------------------------------------------------------------


class PdfPreviewDialog(QDialog):
    """A PDF shown in the program: pages, zoom, print, open elsewhere, save a copy."""

    def __init__(self, parent: QWidget | None, pdf_path: Path | str, title: str = "") -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(title or self.pdf_path.name)
        self.setObjectName("pdf_preview")
        self.resize(900, 1000)
        self.setSizeGripEnabled(True)
        self.document = load_document(self.pdf_path, self)
        self.problem = load_problem(self.document, self.pdf_path)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.navigator = self.view.pageNavigator()

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.view, 1)
        self.problem_label = QLabel(self.problem or "", self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem_label.setVisible(self.problem is not None)
        layout.addWidget(self.problem_label, 1 if self.problem else 0)
        self.view.setVisible(self.problem is None)
        layout.addWidget(self._build_buttons())

        self.navigator.currentPageChanged.connect(self._show_page_number)
        self._show_page_number(0)

    # building -----------------------------------------------------------------------

    def _tool(self, icon: QStyle.StandardPixmap, tip: str, slot, shortcut=None) -> QToolButton:
        # Words, not arrows: the theme draws the standard arrow icons nearly invisible.
        button = QToolButton(self)
        button.setText(tip)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumSize(32, 32)
        button.clicked.connect(slot)
        if shortcut is not None:
            action = QAction(self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        return button

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        count = self.document.pageCount()
        self.previous_button = self._tool(QStyle.StandardPixmap.SP_ArrowUp,
                                          self.tr("Previous page"), self.previous_page)
        self.next_button = self._tool(QStyle.StandardPixmap.SP_ArrowDown,
                                      self.tr("Next page"), self.next_page)
        self.page_box = QSpinBox(self)
        self.page_box.setRange(1, max(1, count))
        self.page_box.setAccelerated(True)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda number: self.go_to_page(number - 1))
        self.page_count_label = QLabel(self.tr("of {count}").format(count=count), self)
        page_label = QLabel(self.tr("Page"), self)
        page_label.setBuddy(self.page_box)

        self.zoom_box = QComboBox(self)
        self.zoom_box.addItem(self.tr("Fit width"), FIT_WIDTH)
        self.zoom_box.addItem(self.tr("Whole page"), FIT_PAGE)
        for factor in ZOOM_STEPS:
            self.zoom_box.addItem(f"{factor:.0%}", factor)
        self.zoom_box.currentIndexChanged.connect(
            lambda index: self.set_zoom(self.zoom_box.itemData(index)))
        self.zoom_out_button = self._tool(QStyle.StandardPixmap.SP_ArrowLeft,
                                          self.tr("Zoom out"), self.zoom_out,
                                          QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._tool(QStyle.StandardPixmap.SP_ArrowRight,
                                         self.tr("Zoom in"), self.zoom_in,
                                         QKeySequence.StandardKey.ZoomIn)

        bar.addWidget(self.previous_button)
        bar.addWidget(page_label)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Zoom"), self))
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_in_button)
        for widget in (self.previous_button, self.next_button, self.page_box, self.zoom_box,
                       self.zoom_in_button, self.zoom_out_button):
            widget.setEnabled(self.problem is None)
        return bar

    def _build_buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_document)
        self.open_button = QPushButton(self.tr("Open in system viewer"), self)
        self.open_button.clicked.connect(lambda: open_in_viewer(self, self.pdf_path))
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(lambda: save_copy(self, self.pdf_path))
        box.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = box.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.print_button.setEnabled(self.problem is None)
        self.save_button.setEnabled(self.pdf_path.is_file())
        self.open_button.setEnabled(self.pdf_path.is_file())
        self.print_button.setDefault(True)
        return box

    # pages ----------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        if page != self.navigator.currentPage():
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def _show_page_number(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(self.problem is None and page > 0)
        self.next_button.setEnabled(self.problem is None and page < self.page_count() - 1)

    # zoom -----------------------------------------------------------------------------

    def set_zoom(self, zoom: str | float) -> None:
        page = self.current_page()  # QPdfView keeps the scroll offset, not the page
        if zoom == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif zoom == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(zoom))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        index = self.zoom_box.findData(zoom)
        if index >= 0 and index != self.zoom_box.currentIndex():
            self.zoom_box.blockSignals(True)
            self.zoom_box.setCurrentIndex(index)
            self.zoom_box.blockSignals(False)

    def effective_zoom(self) -> float:
        """The zoom factor on screen, also in the fit modes (where QPdfView reports 1)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(max(0, self.current_page()))
        if points.isEmpty():
            return 1.0
        pixels_per_point = self.view.logicalDpiX() / 72
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        factor = width / (points.width() * pixels_per_point)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            height = self.view.viewport().height() - margins.top() - margins.bottom()
            factor = min(factor, height / (points.height() * pixels_per_point))
        return factor

    def zoom_in(self) -> None:
        current = self.effective_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.effective_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current * 0.99),
                           ZOOM_STEPS[0]))

    # actions --------------------------------------------------------------------------

    def print_document(self) -> bool:
        """Print through ``print_pdf``; the preview stays open whatever happens."""
        return print_pdf(self, self.pdf_path, document=self.document,
                         current_page=self.current_page())

    @classmethod
    def ask(cls, parent: QWidget | None, pdf_path: Path | str, title: str) -> None:
        """Show the PDF until the user closes the preview."""
        dialog = cls(parent, pdf_path, title)
        try:
            dialog.exec()
        finally:
            dialog.document.close()
            dialog.deleteLater()
