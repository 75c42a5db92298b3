"""The starter policy cards: unique names, the station's own categories, marked example
standards, the application steps from DOMAIN.md, and sections that fit a wallet card."""

from __future__ import annotations

import ast
import re
from dataclasses import fields
from pathlib import Path

import pytest

from station_desk.core import policy_starters as ps
from station_desk.core.policy_starters import AREAS, EXAMPLE_MARK, STARTERS, StarterPolicy
from station_desk.core.reports import fonts

MIGRATION = Path(ps.__file__).parent / "migrations" / "m0001_foundation.py"
LIMITS = {"eligibility": 70, "standard": 70, "materials": 60, "steps": 50, "hotline": 30}
SECTIONS = ("title", "eligibility", "standard", "materials", "steps", "hotline")


def seeded_categories() -> list[str]:
    """The 人员类别 names migration m0001 seeds, read from its ``categories = [...]`` list."""
    tree = ast.parse(MIGRATION.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "categories"):
            return ast.literal_eval(node.value)
    raise AssertionError("no categories list in m0001_foundation.py")


def all_text(policy: StarterPolicy) -> str:
    return "\n".join(getattr(policy, name) for name in SECTIONS)


def test_the_seeded_categories_are_the_seventeen_of_the_domain():
    names = seeded_categories()
    assert len(names) == 17 and names[0] == "低保" and "计划生育特殊家庭" in names


def test_the_required_policies_are_there_with_unique_short_names():
    short = [p.short_name for p in STARTERS]
    assert len(short) == len(set(short))
    assert {"低保", "特困供养", "临时救助", "残疾人两项补贴", "困境儿童"} <= set(short)
    assert len({p.title for p in STARTERS}) == len(STARTERS)
    assert {"低保", "特困供养", "临时救助", "残疾人两项补贴", "困境儿童"} <= {p.area for p in STARTERS}


@pytest.mark.parametrize("policy", STARTERS, ids=lambda p: p.short_name)
def test_each_card_is_complete_and_uses_known_names(policy):
    assert policy.area in AREAS
    assert policy.categories and len(set(policy.categories)) == len(policy.categories)
    assert set(policy.categories) <= set(seeded_categories())
    for f in fields(StarterPolicy):
        assert getattr(policy, f.name), f.name
    assert EXAMPLE_MARK in policy.standard
    assert "12345" in policy.hotline and "社工站：" in policy.hotline


@pytest.mark.parametrize("policy", STARTERS, ids=lambda p: p.short_name)
def test_each_section_fits_a_wallet_card(policy):
    too_long = {name: len(getattr(policy, name)) for name, limit in LIMITS.items()
                if len(getattr(policy, name)) > limit}
    assert too_long == {}
    # Chinese punctuation: no ASCII commas (but 1,000), semicolons, colons or brackets
    for name in SECTIONS:
        text = re.sub(r"(?<=\d),(?=\d{3})", "", getattr(policy, name))
        assert not set(text) & set(",;:()"), name


def test_dibao_and_tekun_follow_the_real_application_steps():
    steps = "申请受理 → 入户调查 → 初审 → 公示 → 民主评议 → 县级审核确认 → 发放"
    by_name = {p.short_name: p for p in STARTERS}
    assert by_name["低保"].steps == steps and by_name["特困供养"].steps == steps
    assert "先行救助" in by_name["临时救助"].steps
    assert by_name["残疾人两项补贴"].steps.startswith(
        "申请 → 乡镇（街道）初审 → 县级残联审核 → 民政部门审定 → 发放")
    assert by_name["困境儿童"].steps.startswith("发现报告 → 申请 → 评估认定 → 保障落实")


def test_every_character_prints_with_the_bundled_font():
    records = [(p.short_name, all_text(p)) for p in STARTERS]
    assert fonts.unprintable(records) == []
    assert [(label, fonts.missing_chars(text)) for label, text in records
            if fonts.missing_chars(text)] == []


def test_the_change_note_says_these_are_examples():
    assert "示例" in ps.CHANGE_NOTE and "修改" in ps.CHANGE_NOTE
