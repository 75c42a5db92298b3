"""Small widgets shared by pages."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class Card(QFrame):
    """A number with a caption; clicking it opens the list behind the number.

    ``clickable``: whether it shows the pointing hand (False where the list isn't this role's).
    """

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.clickable = True
        self.warn = False
        self.setMinimumSize(180, 104)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.value_label = QLabel("—")
        self.value_label.setObjectName("cardValue")
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("cardCaption")
        self.caption_label.setWordWrap(True)
        self.note_label = QLabel("")
        self.note_label.setObjectName("cardNote")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def set_value(self, value: object, note: str = "", warn: bool = False) -> None:
        self.value_label.setText(str(value))
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        if warn != self.warn:
            self.warn = warn
            # The card's own sheet rather than a dynamic property and style().polish(): from
            # Python, QStyle.polish's overload check (its QPalette overload converts from
            # Qt.GlobalColor) creates PySide's whole Qt namespace, about a hundred enums
            # (14 ms at start-up). Setting a sheet restyles the card and its labels in C++.
            self.setStyleSheet(WARN_QSS if warn else "")

    def enterEvent(self, event) -> None:  # noqa: N802
        # The hand is set when the pointer first comes over the card, not when it is built:
        # Qt.CursorShape lives in PySide's Qt namespace, whose first use creates about a hundred
        # enums (14 ms), and nothing in the first paint needs it.
        from PySide6.QtCore import Qt

        if self.clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().enterEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def error_label() -> QLabel:
    """The red line under a form that says, in the user's language, why it was refused."""
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading" if level == 1 else "subheading")
    return label


# A card that needs attention (Card.set_value(warn=True)): the card's own style sheet.
WARN_QSS = "QFrame#card { border: 2px solid #e65100; } QLabel#cardValue { color: #e65100; }"

# Page-level styles that sit on top of the theme.
EXTRA_QSS = """
QLabel#heading { font-size: 22px; font-weight: bold; }
QLabel#subheading { font-size: 16px; font-weight: bold; }
QLabel#muted { color: #757575; }
QFrame#card { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; }
QLabel#cardValue { font-size: 28px; font-weight: bold; color: #00695c; }
QLabel#cardCaption { font-size: 14px; color: #424242; }
QLabel#cardNote { font-size: 12px; color: #757575; }
QListWidget#sidebar { font-size: 15px; }
QHeaderView::section { text-transform: none; }
QPushButton { text-transform: none; }
QToolButton, QDialog QToolButton { background: transparent; color: #00695c; border: 1px solid #80cbc4;
              border-radius: 4px; padding: 2px 10px; }
QToolButton:hover, QDialog QToolButton:hover { background: #e0f2f1; }
QToolButton:disabled, QDialog QToolButton:disabled { color: #9e9e9e; border-color: #e0e0e0; }
QListWidget#sidebar::item { padding: 10px 14px; }
"""
