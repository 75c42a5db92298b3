"""The core: data, rules and printouts. Never imports PySide6 (a test enforces it)."""
