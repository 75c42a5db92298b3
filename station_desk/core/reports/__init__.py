"""Printouts: reportlab PDFs built from plain data (no Qt), shared by the GUI preview and the CLI."""
