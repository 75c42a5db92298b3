"""Preview a PDF inside the program, print it through QPrinter, or hand it to the system viewer.

Every printout is a reportlab PDF made in ``core/reports``; this is the one way the
GUI shows and prints them. Pages are rendered with pypdfium2 (PDFium) into QImages:
on screen only the pages in or next to the view, at the zoom shown; for printing at
the printer's resolution up to ``MAX_RENDER_DPI``. Qt can't send a PDF file to a
printer as it is, so ``print_pdf`` paints each rendered page onto the QPrinter, page
by page on the GUI thread behind a cancellable progress dialog that keeps events
flowing. A missing, stopped or failing printer is named in a message at once, with a
way out: try again, save the PDF, or open it in the system's viewer; the preview
stays open for another go.
"""

from __future__ import annotations

import bisect
import enum
import logging
import math
import shutil
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import (
    QCoreApplication,
    QRect,
    QRectF,
    QSizeF,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractScrollArea,
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

log = logging.getLogger(__name__)

# Pages are rendered at the printer's resolution, but no finer: an A4 page at 1200 dpi
# is a 560 MB image. 300 dpi prints text crisply on office lasers and keeps the spool
# file of a 700-page job in the hundreds of megabytes, not tens of gigabytes.
MAX_RENDER_DPI = 300
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
FIT_WIDTH, FIT_PAGE = "width", "page"

# What pdfium hands back (render(..., prefer_bgrx=True, rev_byteorder=True) or grayscale=True),
# as QImage formats over the same bytes.
_IMAGE_FORMATS = {
    "RGBX": QImage.Format.Format_RGBX8888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "RGB": QImage.Format.Format_RGB888,
    "L": QImage.Format.Format_Grayscale8,
}


class PdfFile:
    """A PDF opened with pypdfium2: its pages' count and sizes, and pages rendered as QImages.

    The file is read into memory first, so PDFium holds no handle on it (Windows would
    refuse to replace or delete it while the preview is open) and never sees the path
    (how a non-ASCII path reaches PDFium's fopen differs by platform). PDFium is not
    thread-safe: a PdfFile is used on the GUI thread only.
    """

    MISSING, UNREADABLE = "missing", "unreadable"

    def __init__(self, pdf_path: Path | str) -> None:
        self.path = Path(pdf_path)
        self.error: str | None = None
        self._pdf: pdfium.PdfDocument | None = None
        self._sizes: list[QSizeF] = []
        try:
            data = self.path.read_bytes()
            self._pdf = pdfium.PdfDocument(data)
        except FileNotFoundError:
            self.error = self.MISSING
            return
        except (OSError, pdfium.PdfiumError) as exc:
            log.info("%s can't be read as a PDF: %s", self.path, exc)
            self.error = self.UNREADABLE
            return
        self._sizes = [QSizeF(*self._pdf.get_page_size(i)) for i in range(len(self._pdf))]

    def page_count(self) -> int:
        return len(self._sizes)

    def page_size(self, page: int) -> QSizeF:
        """The page's size in points (1/72 inch) as shown, rotation applied; empty if none."""
        return self._sizes[page] if 0 <= page < len(self._sizes) else QSizeF()

    def page_sizes(self) -> list[QSizeF]:
        return list(self._sizes)

    def render(self, page: int, scale: float, grayscale: bool = False) -> QImage | None:
        """Page ``page`` (0-based) on white paper at ``scale`` pixels per point: an opaque
        image, 8-bit grey when ``grayscale``; None once closed or if PDFium fails on it."""
        if self._pdf is None or self.page_size(page).isEmpty():
            return None
        try:
            pdf_page = self._pdf[page]
        except pdfium.PdfiumError as exc:
            log.warning("page %d of %s can't be rendered: %s", page + 1, self.path, exc)
            return None
        try:
            bitmap = pdf_page.render(scale=scale, grayscale=grayscale, prefer_bgrx=True,
                                     rev_byteorder=True)
            try:
                # The QImage only borrows pdfium's buffer: copy it before the bitmap goes.
                return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                              _IMAGE_FORMATS[bitmap.mode]).copy()
            finally:
                bitmap.close()
        finally:
            pdf_page.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def load_document(pdf_path: Path | str) -> PdfFile:
    return PdfFile(pdf_path)


def load_problem(document: PdfFile, pdf_path: Path) -> str | None:
    """A sentence saying why the PDF can't be shown, or None when it loaded."""
    if document.error is None and document.page_count() > 0:
        return None
    if document.error == PdfFile.MISSING:
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


def match_paper(printer: QPrinter, document: PdfFile) -> None:
    """Start the printer on the document's paper size and orientation, edge to edge."""
    size = document.page_size(0)
    if size.isEmpty():
        return
    landscape = size.width() > size.height()
    portrait_size = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    printer.setPageSize(QPageSize(portrait_size, QPageSize.Unit.Point, "",
                                  QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def render_page(document: PdfFile, page: int, target: QRectF, dpi: int,
                device_dpi: int, grayscale: bool) -> QImage:
    """The page as an opaque image of ``target``'s size at ``dpi`` (not the device's)."""
    scale = dpi / device_dpi
    width = max(1, round(target.width() * scale))
    points = document.page_size(page)
    image = None if points.isEmpty() else document.render(page, width / points.width(), grayscale)
    if image is None:
        # A page PDFium can't draw goes out as blank paper: the rest of the job still prints.
        image = QImage(width, max(1, round(target.height() * scale)),
                       QImage.Format.Format_Grayscale8 if grayscale else QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
    return image


def page_target(printer: QPrinter, document: PdfFile, page: int) -> QRectF:
    """Where the page goes on the paper, in device pixels: actual size, centred,
    shrunk to fit if the paper is smaller, never enlarged."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    points = document.page_size(page)
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


def paint_pages(parent: QWidget | None, printer: QPrinter, document: PdfFile,
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
              document: PdfFile | None = None, current_page: int | None = None,
              two_sided: bool = False) -> bool:
    """Print a PDF file: choose a printer, pages and copies, then paint every page onto it.

    True when every page reached the printer (or the file, for PDF output). ``printer``
    is a ready QPrinter (a test's PDF-file printer); by default the system's printers
    are offered, and with none installed the user is told so and offered the PDF
    itself. ``document`` reuses an already loaded PdfFile; ``current_page``
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


def _print_with_dialog(parent: QWidget | None, pdf_path: Path, printer: QPrinter,
                       document: PdfFile, current_page: int | None) -> bool:
    count = document.page_count()
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


class PageView(QAbstractScrollArea):
    """The pages one under another, centred, with a gap between them, each rendered when
    it comes into view (or is next to it) at the zoom shown, never the whole document.

    Its zoom and page methods are named as QPdfView's, which it replaces. A bare
    QAbstractScrollArea rather than a QScrollArea over a tall widget: the scroll ranges
    follow the zoom at once, even before the dialog is shown, so a page can be jumped to
    at any time; and no widget 700 A4 pages tall is ever laid out.
    """

    class ZoomMode(enum.Enum):
        FitToWidth = FIT_WIDTH
        FitInView = FIT_PAGE
        Custom = "custom"

    currentPageChanged = Signal(int)

    MARGIN = 12  # around the pages, and between two of them
    # Images kept for pages already rendered at the zoom shown: a few screens' worth.
    CACHE_BYTES = 192 * 1024 * 1024
    # No single page image above this (an A4 page at 400 % on a 2x screen would be 250 MB);
    # beyond it the page is drawn enlarged, a little soft.
    MAX_PAGE_PIXELS = 24_000_000

    def __init__(self, document: PdfFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._sizes = document.page_sizes()
        self._mode = self.ZoomMode.FitToWidth
        self._factor = 1.0  # the Custom zoom
        self._zoom = 0.0  # the zoom shown, in every mode
        self._rects: list[QRect] = []  # each page's place in the content, in logical pixels
        self._tops: list[int] = []
        self._content_width = self._content_height = 0
        self._current = 0
        # What the view stays on across zoom and resize: a page, a point down it (a share of
        # its height) and the line of the view that point is on (a share of the view's
        # height). Scrolling keeps the middle of the view; a jump keeps the page's top edge.
        self._anchor = (0, 0.0, 0.0)
        self._placing = False  # scroll bar changes made here say nothing about the page
        self._images: OrderedDict[tuple[int, int, int], QImage] = OrderedDict()
        self._image_bytes = 0
        self._unrenderable: set[int] = set()  # pages PDFium failed on: tried once, shown blank
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(30)
        self._prefetch.timeout.connect(self._render_next_to_view)
        # Always there, so fitting the width can't make it come and go, and the width with it.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.setSingleStep(24)
        self._lay_out()
        self.go_to_page(0)

    # zoom ---------------------------------------------------------------------------

    def zoomMode(self) -> PageView.ZoomMode:  # noqa: N802 - QPdfView's names
        return self._mode

    def setZoomMode(self, mode: PageView.ZoomMode) -> None:  # noqa: N802
        self._mode = mode
        self._lay_out()

    def zoomFactor(self) -> float:  # noqa: N802
        """The zoom shown: 1 is actual size on the screen, also in the fit modes."""
        return self._zoom

    def setZoomFactor(self, factor: float) -> None:  # noqa: N802
        """Show the pages at ``factor`` (Custom mode)."""
        self._mode = self.ZoomMode.Custom
        self._factor = factor
        self._lay_out()

    def _pixels_per_point(self) -> float:
        return self.logicalDpiX() / 72

    def _fitted_zoom(self) -> float:
        if not self._sizes:
            return 1.0
        per_point = self._pixels_per_point()
        room = self.viewport().size()
        zoom = (room.width() - 2 * self.MARGIN) / (max(s.width() for s in self._sizes) * per_point)
        if self._mode == self.ZoomMode.FitInView:
            zoom = min(zoom, (room.height() - 2 * self.MARGIN)
                       / (max(s.height() for s in self._sizes) * per_point))
        return max(zoom, 0.05)  # a window squeezed to nothing still lays pages out

    # layout -------------------------------------------------------------------------

    def _lay_out(self) -> None:
        """Place the pages at the zoom the mode asks for and keep the view on its spot."""
        zoom = self._factor if self._mode == self.ZoomMode.Custom else self._fitted_zoom()
        middle = self._horizontal_middle()
        if zoom != self._zoom:
            self._zoom = zoom
            self._forget_images()
        per_pixel = self._pixels_per_point() * zoom
        sizes = [(max(1, round(s.width() * per_pixel)), max(1, round(s.height() * per_pixel)))
                 for s in self._sizes]
        self._content_width = max((w for w, _h in sizes), default=0) + 2 * self.MARGIN
        self._rects, top = [], self.MARGIN
        for width, height in sizes:
            self._rects.append(QRect((self._content_width - width) // 2, top, width, height))
            top += height + self.MARGIN
        self._tops = [rect.top() for rect in self._rects]
        self._content_height = top
        self._place(middle)
        self.viewport().update()

    def _horizontal_middle(self) -> float:
        """The middle of the view across the content, as a share of the content's width."""
        room = self.viewport().width()
        if self._content_width <= room:
            return 0.5
        return (self.horizontalScrollBar().value() + room / 2) / self._content_width

    def _place(self, middle: float) -> None:
        """Scroll ranges for the content as laid out, and the view back on its anchor:
        ``middle`` across (see _horizontal_middle), the anchor down."""
        room = self.viewport().size()
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        self._placing = True
        try:
            horizontal.setRange(0, max(0, self._content_width - room.width()))
            horizontal.setPageStep(room.width())
            horizontal.setValue(round(middle * self._content_width - room.width() / 2))
            vertical.setRange(0, max(0, self._content_height - room.height()))
            vertical.setPageStep(room.height())
            if self._rects:
                page, share, line = self._anchor
                rect = self._rects[page]
                vertical.setValue(round(rect.top() + share * rect.height()
                                        - line * room.height()))
        finally:
            self._placing = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._lay_out()

    # pages --------------------------------------------------------------------------

    def currentPage(self) -> int:  # noqa: N802
        return self._current

    def go_to_page(self, page: int) -> None:
        """Scroll so that ``page`` (0-based) starts at the top, and make it the current one."""
        if not self._rects:
            return
        page = max(0, min(page, len(self._rects) - 1))
        self._anchor = (page, -self.MARGIN / self._rects[page].height(), 0.0)
        self._place(self._horizontal_middle())
        self.viewport().update()
        self._set_current(page)

    def _set_current(self, page: int) -> None:
        if page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)

    def _visible_pages(self, top: int, bottom: int) -> range:
        """The pages that reach into content rows ``top`` to ``bottom``."""
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        if first < len(self._rects) and self._rects[first].bottom() < top:
            first += 1
        return range(first, bisect.bisect_right(self._tops, bottom))

    def _page_at(self, y: float) -> int:
        """The page that content row ``y`` falls on, or the next one when it is in a gap."""
        page = max(0, bisect.bisect_right(self._tops, y) - 1)
        if self._rects[page].bottom() < y and page + 1 < len(self._rects):
            page += 1
        return page

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()
        if self._placing or not self._rects:
            return
        # The user scrolled: the current page is the one across the middle of the view.
        middle = self.verticalScrollBar().value() + self.viewport().height() / 2
        page = self._page_at(middle)
        rect = self._rects[page]
        self._anchor = (page, (middle - rect.top()) / rect.height(), 0.5)
        self._set_current(page)

    # drawing ------------------------------------------------------------------------

    def _origin(self) -> tuple[int, int]:
        """Where the content's top left corner is in the viewport (centred when narrower)."""
        room = self.viewport().size()
        x = (max(0, (room.width() - self._content_width) // 2)
             - self.horizontalScrollBar().value())
        y = max(0, (room.height() - self._content_height) // 2) - self.verticalScrollBar().value()
        return x, y

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self.viewport())
        # The theme paints every surface white; the pages need a grey desk to stand out on.
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Dark))
        x, y = self._origin()
        exposed = event.rect().translated(-x, -y)
        painter.setPen(self.palette().color(QPalette.ColorRole.Shadow))
        for page in self._visible_pages(exposed.top(), exposed.bottom()):
            rect = self._rects[page].translated(x, y)
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))  # a hairline just outside the page
            image = self._image(page)
            if image is None:
                painter.fillRect(rect, Qt.GlobalColor.white)
                continue
            device_width = round(rect.width() * self.devicePixelRatioF())
            smooth = image.width() < device_width - 1  # drawn enlarged: soften it
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
            painter.drawImage(QRectF(rect), image)
        painter.end()
        self._prefetch.start()

    def _key(self, page: int) -> tuple[int, int, int]:
        """The page and its size in device pixels at the zoom shown: what the cache holds."""
        ratio = self.devicePixelRatioF()
        rect = self._rects[page]
        return page, round(rect.width() * ratio), round(rect.height() * ratio)

    def _image(self, page: int) -> QImage | None:
        """The page at the zoom shown, from the cache or rendered now."""
        key = self._key(page)
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        if page in self._unrenderable:
            return None
        width = key[1] * min(1.0, math.sqrt(self.MAX_PAGE_PIXELS / (key[1] * key[2])))
        image = self.document.render(page, width / self._sizes[page].width())
        if image is None:
            self._unrenderable.add(page)
            return None
        self._images[key] = image
        self._image_bytes += image.sizeInBytes()
        while self._image_bytes > self.CACHE_BYTES and len(self._images) > 1:
            _key, old = self._images.popitem(last=False)
            self._image_bytes -= old.sizeInBytes()
        return image

    def _forget_images(self) -> None:
        self._images.clear()
        self._image_bytes = 0

    def _render_next_to_view(self) -> None:
        """Render the page just above or below the view ahead of scrolling, one at a time."""
        if not self._rects:
            return
        top = self.verticalScrollBar().value()
        shown = self._visible_pages(top, top + self.viewport().height())
        for page in (shown.stop, shown.start - 1):
            if not 0 <= page < len(self._rects) or page in self._unrenderable:
                continue
            key = self._key(page)
            # Only into spare room: pushing out a page in view would only render it again.
            if key not in self._images and (self._image_bytes + 4 * key[1] * key[2]
                                            <= self.CACHE_BYTES):
                self._image(page)
                self._prefetch.start()
                return


def preview_printout(parent: QWidget | None, pdf_path: Path | str,
                     problems: list[tuple[str, str]], title: str) -> None:
    """Every printout's last step: name the characters no font can print (record, character),
    then preview the PDF."""
    if problems:
        listed = "\n".join(f"{label}: {char} (U+{ord(char):04X})" for label, char in problems[:10])
        QMessageBox.warning(parent, QCoreApplication.translate(
            "PdfPreview", "Characters the printer font lacks"), QCoreApplication.translate(
            "PdfPreview", "These records contain characters no installed font can print; they "
            "will show as empty boxes:\n%1").replace("%1", listed))
    PdfPreviewDialog.ask(parent, pdf_path, title)


class PdfPreviewDialog(QDialog):
    """A PDF shown in the program: pages, zoom, print, open elsewhere, save a copy."""

    def __init__(self, parent: QWidget | None, pdf_path: Path | str, title: str = "") -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(title or self.pdf_path.name)
        self.setObjectName("pdf_preview")
        self.resize(900, 1000)
        self.setSizeGripEnabled(True)
        self.document = load_document(self.pdf_path)
        self.problem = load_problem(self.document, self.pdf_path)

        self.view = PageView(self.document, self)

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

        self.view.currentPageChanged.connect(self._show_page_number)
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
        count = self.document.page_count()
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
        return self.document.page_count()

    def current_page(self) -> int:
        return self.view.currentPage()

    def go_to_page(self, page: int) -> None:
        self.view.go_to_page(page)

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
        """FIT_WIDTH, FIT_PAGE or a factor; the view stays on the same spot of its page."""
        if zoom in (FIT_WIDTH, FIT_PAGE):
            self.view.setZoomMode(PageView.ZoomMode(zoom))
        else:
            self.view.setZoomFactor(float(zoom))
        index = self.zoom_box.findData(zoom)
        if index >= 0 and index != self.zoom_box.currentIndex():
            self.zoom_box.blockSignals(True)
            self.zoom_box.setCurrentIndex(index)
            self.zoom_box.blockSignals(False)

    def effective_zoom(self) -> float:
        """The zoom factor on screen, also in the fit modes."""
        return self.view.zoomFactor()

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
