"""Printouts: reportlab PDFs built from plain data (no Qt), shared by the GUI preview and the CLI."""

# Named here, not in fonts.py, so the window can read it without importing the PDF font code.
FALLBACK_ENV = "STATION_DESK_FALLBACK_FONT"  # one path, or several joined by os.pathsep
