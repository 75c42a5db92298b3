"""The Qt shell: calls services, never peewee queries."""
