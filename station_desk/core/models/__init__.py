"""peewee models, one module per feature area. ``ALL_MODELS`` is in dependency order."""

from .accounts import ROLES, Staff
from .audit import AuditLog, SchemaVersion
from .certificates import Certificate, CertificateCounter
from .households import (
    GENDERS,
    HOUSEHOLD_STATUSES,
    MEMBER_STATUSES,
    NEED_SOURCES,
    NEED_STATUSES,
    NEED_URGENCIES,
    RELATIONS,
    VISIT_KINDS,
    VISIT_OUTCOMES,
    Household,
    HouseholdCategory,
    Member,
    MemberCategory,
    Need,
    Visit,
)
from .inventory import (
    CASH_KINDS,
    DONOR_KINDS,
    IN_KINDS,
    OUT_KINDS,
    TARGET_KINDS,
    UNITS,
    VOUCHER_KINDS,
    Acknowledgement,
    Batch,
    CashEntry,
    Donation,
    Donor,
    Item,
    ItemCategory,
    ItemValue,
    Location,
    NumberCounter,
    PackageKind,
    PackageLine,
    Reservation,
    StockCount,
    StockCountLine,
    StockMovement,
    Voucher,
)
from .policies import (
    CARD_LAYOUTS,
    VERSION_STATUSES,
    Distribution,
    Policy,
    PolicyCategory,
    PolicyVersion,
    PrintRun,
)
from .station import VILLAGE_KINDS, Category, Setting, Station, Tier, Village
from .volunteers import (
    ASSIGNMENT_STATUSES,
    ATTENDANCE_KINDS,
    ATTENDANCE_SOURCES,
    SHIFT_KINDS,
    VOLUNTEER_STATUSES,
    Assignment,
    AttendanceEvent,
    CardToken,
    Shift,
    ShiftTemplate,
    Skill,
    Team,
    Volunteer,
    VolunteerSkill,
)

ALL_MODELS = [Staff, Station, Village, Category, Tier, Setting, AuditLog, SchemaVersion,
              Household, HouseholdCategory, Member, MemberCategory, Visit, Need,
              Team, Skill, Volunteer, VolunteerSkill, CardToken, ShiftTemplate, Shift,
              Assignment, AttendanceEvent, CertificateCounter, Certificate,
              Donor, ItemCategory, Item, ItemValue, Location, Batch, Voucher, Reservation,
              StockMovement, NumberCounter, Donation, Acknowledgement, CashEntry, PackageKind,
              PackageLine, StockCount, StockCountLine, Policy, PolicyCategory, PolicyVersion,
              PrintRun, Distribution]

__all__ = [
    "ALL_MODELS", "GENDERS", "HOUSEHOLD_STATUSES", "MEMBER_STATUSES", "NEED_SOURCES",
    "NEED_STATUSES", "NEED_URGENCIES", "RELATIONS", "ROLES", "VILLAGE_KINDS", "VISIT_KINDS",
    "VISIT_OUTCOMES", "AuditLog", "Category", "Household", "HouseholdCategory", "Member",
    "MemberCategory", "Need", "SchemaVersion", "Setting", "Staff", "Station", "Tier", "Village",
    "Visit", "ASSIGNMENT_STATUSES", "ATTENDANCE_KINDS", "ATTENDANCE_SOURCES", "SHIFT_KINDS",
    "VOLUNTEER_STATUSES", "Assignment", "AttendanceEvent", "CardToken", "Shift", "ShiftTemplate",
    "Skill", "Team", "Volunteer", "VolunteerSkill", "Certificate", "CertificateCounter",
    "CASH_KINDS", "DONOR_KINDS", "IN_KINDS", "OUT_KINDS", "TARGET_KINDS", "UNITS",
    "VOUCHER_KINDS", "Acknowledgement", "Batch", "CashEntry", "Donation", "Donor", "Item",
    "ItemCategory", "ItemValue", "Location", "NumberCounter", "PackageKind", "PackageLine",
    "Reservation", "StockCount", "StockCountLine", "StockMovement", "Voucher",
    "CARD_LAYOUTS", "VERSION_STATUSES", "Distribution", "Policy", "PolicyCategory",
    "PolicyVersion", "PrintRun",
]
