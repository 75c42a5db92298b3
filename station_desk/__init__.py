"""Station Desk: the desktop program that runs a township social work station."""

__version__ = "0.1.0"
