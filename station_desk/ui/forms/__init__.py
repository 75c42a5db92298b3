"""Compiled Designer forms: generated from ../../../forms/*.ui by installer/build_assets.py forms; never edit."""
