# Installed as the package ``station_desk.resources`` (see setup.py): fonts, theme, translations.
