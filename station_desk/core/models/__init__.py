"""peewee models, one module per feature area. ``ALL_MODELS`` is in dependency order."""

from .accounts import ROLES, Staff
from .audit import AuditLog, SchemaVersion
from .station import VILLAGE_KINDS, Category, Setting, Station, Tier, Village

ALL_MODELS = [Staff, Station, Village, Category, Tier, Setting, AuditLog, SchemaVersion]

__all__ = [
    "ALL_MODELS", "ROLES", "VILLAGE_KINDS", "AuditLog", "Category", "SchemaVersion",
    "Setting", "Staff", "Station", "Tier", "Village",
]
