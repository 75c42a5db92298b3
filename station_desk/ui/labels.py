"""Words shown for stored codes (statuses, kinds, roles, yes/no), in the user's language.

``WORDS`` holds every such word as English source text under one translation context,
``Labels``; ``label(kind, code)`` translates one when it is shown, so a language switched at
run time shows at once. The source texts are marked with literal
``QT_TRANSLATE_NOOP("Labels", ...)`` calls because lupdate finds only those (not a name for
the context, nor a wrapper).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

# kind -> {stored code: English source text}
WORDS: dict[str, dict[str, str]] = {
    "household_status": {
        "active": QT_TRANSLATE_NOOP("Labels", "On file"),
        "moved": QT_TRANSLATE_NOOP("Labels", "Moved away"),
        "deceased": QT_TRANSLATE_NOOP("Labels", "Deceased"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    },
    "member_status": {
        "active": QT_TRANSLATE_NOOP("Labels", "Living here"),
        "moved_out": QT_TRANSLATE_NOOP("Labels", "Moved out"),
        "deceased": QT_TRANSLATE_NOOP("Labels", "Deceased"),
    },
    "gender": {
        "male": QT_TRANSLATE_NOOP("Labels", "Male"),
        "female": QT_TRANSLATE_NOOP("Labels", "Female"),
    },
    "visit_kind": {
        "routine": QT_TRANSLATE_NOOP("Labels", "Routine visit"),
        "holiday": QT_TRANSLATE_NOOP("Labels", "Holiday visit"),
        "visit_day": QT_TRANSLATE_NOOP("Labels", "Home-visit day"),
        "hotline": QT_TRANSLATE_NOOP("Labels", "Hotline follow-up"),
        "pairing": QT_TRANSLATE_NOOP("Labels", "Pairing contact"),
    },
    "visit_outcome": {
        "visited": QT_TRANSLATE_NOOP("Labels", "Visited"),
        "nobody_home": QT_TRANSLATE_NOOP("Labels", "Nobody home"),
        "declined": QT_TRANSLATE_NOOP("Labels", "Declined"),
        "moved": QT_TRANSLATE_NOOP("Labels", "Has moved away"),
        "deceased": QT_TRANSLATE_NOOP("Labels", "Died"),
    },
    "need_source": {
        "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
        "hotline": QT_TRANSLATE_NOOP("Labels", "Hotline"),
        "walk_in": QT_TRANSLATE_NOOP("Labels", "Walk-in"),
        "village": QT_TRANSLATE_NOOP("Labels", "Village report"),
        "referral": QT_TRANSLATE_NOOP("Labels", "Referral"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "need_urgency": {
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
        "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
        "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent"),
    },
    "need_status": {
        "new": QT_TRANSLATE_NOOP("Labels", "New"),
        "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
        "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
        "referred": QT_TRANSLATE_NOOP("Labels", "Referred"),
        "resource": QT_TRANSLATE_NOOP("Labels", "Linked to a resource"),
        "case": QT_TRANSLATE_NOOP("Labels", "Made a case"),
    },
    "role": {
        "head": QT_TRANSLATE_NOOP("Labels", "Station head"),
        "social_worker": QT_TRANSLATE_NOOP("Labels", "Social worker"),
        "front_desk": QT_TRANSLATE_NOOP("Labels", "Front desk"),
        "kiosk": QT_TRANSLATE_NOOP("Labels", "Kiosk"),
    },
    "village_kind": {
        "town": QT_TRANSLATE_NOOP("Labels", "Town"),
        "village": QT_TRANSLATE_NOOP("Labels", "Village / community"),
        "group": QT_TRANSLATE_NOOP("Labels", "Villagers' group"),
    },
    "yes_no": {
        "yes": QT_TRANSLATE_NOOP("Labels", "Yes"),
        "no": QT_TRANSLATE_NOOP("Labels", "No"),
    },
    "voucher_kind": {
        "donation": QT_TRANSLATE_NOOP("Labels", "Donation in"),
        "purchase": QT_TRANSLATE_NOOP("Labels", "Purchase in"),
        "transfer_in": QT_TRANSLATE_NOOP("Labels", "Transfer in"),
        "opening": QT_TRANSLATE_NOOP("Labels", "Opening stock"),
        "household": QT_TRANSLATE_NOOP("Labels", "Given to household"),
        "campaign": QT_TRANSLATE_NOOP("Labels", "Holiday visit gifts"),
        "activity": QT_TRANSLATE_NOOP("Labels", "Used for activity"),
        "wish": QT_TRANSLATE_NOOP("Labels", "Micro-wish"),
        "other_out": QT_TRANSLATE_NOOP("Labels", "Other issue"),
        "scrapped": QT_TRANSLATE_NOOP("Labels", "Damaged / lost"),
        "expired": QT_TRANSLATE_NOOP("Labels", "Expired, written off"),
        "move": QT_TRANSLATE_NOOP("Labels", "Storeroom transfer"),
        "adjustment": QT_TRANSLATE_NOOP("Labels", "Count adjustment"),
        "reversal": QT_TRANSLATE_NOOP("Labels", "Reversal"),
    },
    "cash_kind": {
        "donation": QT_TRANSLATE_NOOP("Labels", "Cash donation"),
        "other_in": QT_TRANSLATE_NOOP("Labels", "Other income"),
        "spend": QT_TRANSLATE_NOOP("Labels", "Payment"),
        "reversal": QT_TRANSLATE_NOOP("Labels", "Reversal"),
    },
    "donor_kind": {
        "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise"),
        "party_branch": QT_TRANSLATE_NOOP("Labels", "Party branch / public body"),
        "charity": QT_TRANSLATE_NOOP("Labels", "Charity"),
        "community_fund": QT_TRANSLATE_NOOP("Labels", "Community charity fund"),
        "individual": QT_TRANSLATE_NOOP("Labels", "Individual"),
        "anonymous": QT_TRANSLATE_NOOP("Labels", "Anonymous"),
    },
    "target_status": {
        "open": QT_TRANSLATE_NOOP("Labels", "To visit"),
        "visited": QT_TRANSLATE_NOOP("Labels", "Visited"),
        "declined": QT_TRANSLATE_NOOP("Labels", "Declined"),
        "moved": QT_TRANSLATE_NOOP("Labels", "Has moved out"),
        "deceased": QT_TRANSLATE_NOOP("Labels", "Has died"),
        "removed": QT_TRANSLATE_NOOP("Labels", "Taken off the list"),
    },
    "campaign_kind": {
        "holiday": QT_TRANSLATE_NOOP("Labels", "Holiday visit"),
        "visit_day": QT_TRANSLATE_NOOP("Labels", "Home-visit day"),
    },
    "campaign_status": {
        "open": QT_TRANSLATE_NOOP("Labels", "Under way"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Ended"),
    },
    "festival": {
        "new_year": QT_TRANSLATE_NOOP("Labels", "New Year's Day"),
        "spring": QT_TRANSLATE_NOOP("Labels", "Spring Festival"),
        "lantern": QT_TRANSLATE_NOOP("Labels", "Lantern Festival"),
        "children": QT_TRANSLATE_NOOP("Labels", "Children's Day"),
        "dragon_boat": QT_TRANSLATE_NOOP("Labels", "Dragon Boat Festival"),
        "mid_autumn": QT_TRANSLATE_NOOP("Labels", "Mid-Autumn Festival"),
        "national": QT_TRANSLATE_NOOP("Labels", "National Day"),
        "double_ninth": QT_TRANSLATE_NOOP("Labels", "Double Ninth Festival"),
    },
    "case_status": {
        "intake": QT_TRANSLATE_NOOP("Labels", "Intake"),
        "assessment": QT_TRANSLATE_NOOP("Labels", "Assessment"),
        "plan": QT_TRANSLATE_NOOP("Labels", "Planning"),
        "intervention": QT_TRANSLATE_NOOP("Labels", "Intervention"),
        "evaluation": QT_TRANSLATE_NOOP("Labels", "Evaluation"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Case closed"),
    },
    "case_source": {
        "visit": QT_TRANSLATE_NOOP("Labels", "Found on a home visit"),
        "hotline": QT_TRANSLATE_NOOP("Labels", "Hotline"),
        "walk_in": QT_TRANSLATE_NOOP("Labels", "Asked for help"),
        "village": QT_TRANSLATE_NOOP("Labels", "Reported by the village"),
        "referral": QT_TRANSLATE_NOOP("Labels", "Referral"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "risk": {
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    },
    "case_need": {
        "care": QT_TRANSLATE_NOOP("Labels", "Daily care"),
        "counselling": QT_TRANSLATE_NOOP("Labels", "Counselling"),
        "medical": QT_TRANSLATE_NOOP("Labels", "Medical help"),
        "resources": QT_TRANSLATE_NOOP("Labels", "Linking resources"),
        "integration": QT_TRANSLATE_NOOP("Labels", "Social integration"),
        "skills": QT_TRANSLATE_NOOP("Labels", "Building skills"),
        "policy": QT_TRANSLATE_NOOP("Labels", "Policy applications"),
        "schooling": QT_TRANSLATE_NOOP("Labels", "Schooling"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "record_kind": {
        "interview": QT_TRANSLATE_NOOP("Labels", "Interview"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
        "home_visit": QT_TRANSLATE_NOOP("Labels", "Home visit"),
        "accompany": QT_TRANSLATE_NOOP("Labels", "Accompanied"),
        "resource": QT_TRANSLATE_NOOP("Labels", "Linked resources"),
        "group": QT_TRANSLATE_NOOP("Labels", "Group work"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "referral_status": {
        "referred": QT_TRANSLATE_NOOP("Labels", "Referred"),
        "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
        "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
        "unresolved": QT_TRANSLATE_NOOP("Labels", "Not resolved"),
    },
    "goals_met": {
        "met": QT_TRANSLATE_NOOP("Labels", "Goals met"),
        "partly": QT_TRANSLATE_NOOP("Labels", "Partly met"),
        "not_met": QT_TRANSLATE_NOOP("Labels", "Not met"),
    },
    "activity_kind": {
        "group": QT_TRANSLATE_NOOP("Labels", "Group activity"),
        "community": QT_TRANSLATE_NOOP("Labels", "Community activity"),
        "policy": QT_TRANSLATE_NOOP("Labels", "Policy outreach"),
        "volunteer": QT_TRANSLATE_NOOP("Labels", "Volunteer activity"),
        "festival": QT_TRANSLATE_NOOP("Labels", "Festival activity"),
        "training": QT_TRANSLATE_NOOP("Labels", "Training"),
    },
    "activity_status": {
        "planned": QT_TRANSLATE_NOOP("Labels", "Planned"),
        "held": QT_TRANSLATE_NOOP("Labels", "Held"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "project_status": {
        "active": QT_TRANSLATE_NOOP("Labels", "Running"),
        "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    },
    "pairing_helper": {
        "volunteer": QT_TRANSLATE_NOOP("Labels", "Volunteer"),
        "team": QT_TRANSLATE_NOOP("Labels", "Volunteer team"),
        "unit": QT_TRANSLATE_NOOP("Labels", "Partner unit"),
    },
    "contact_way": {
        "home_visit": QT_TRANSLATE_NOOP("Labels", "Home visit"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
        "activity": QT_TRANSLATE_NOOP("Labels", "At an activity"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "wish_status": {
        "placed": QT_TRANSLATE_NOOP("Labels", "Placed"),
        "taken": QT_TRANSLATE_NOOP("Labels", "Taken on"),
        "adopted": QT_TRANSLATE_NOOP("Labels", "Adopted"),
        "delivered": QT_TRANSLATE_NOOP("Labels", "Delivered"),
        "rated": QT_TRANSLATE_NOOP("Labels", "Rated"),
        "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    },
    "wish_payment": {
        "goods": QT_TRANSLATE_NOOP("Labels", "Goods"),
        "cash": QT_TRANSLATE_NOOP("Labels", "Money"),
    },
}


def label(kind: str, code: str) -> str:
    """The word for a stored ``code`` of ``kind`` (a key of ``WORDS``), e.g.
    ``label("visit_kind", "holiday")``; a code with no word is shown as stored."""
    text = WORDS[kind].get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code


# The settings page and the main window call these by name.

def yes_no(value: bool) -> str:
    return label("yes_no", "yes" if value else "no")


def role_name(role: str) -> str:
    return label("role", role)


def kind_name(kind: str) -> str:
    return label("village_kind", kind)
