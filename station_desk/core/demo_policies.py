"""The demo station's policy cards: 低保's card revised once (version 1 printed and retired,
version 2 in force), print runs per village over the past year, cards handed out per village
(2,900 + 3,500 across the villages, as the seed station counted) and a personal card for some
of the 低保 households. Written through the services: a few hundred rows."""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass

from .clock import today
from .models import Household, HouseholdCategory, Policy, PolicyCategory, Village
from .roles import Actor
from .services import policies

TABLES = ("policy_version", "print_run", "distribution")


@dataclass
class PolicyFigures:
    print_runs: int = 0
    handed: int = 0
    personal: int = 0


def add_policy_cards(head: Actor, rng: random.Random) -> PolicyFigures:
    figures = PolicyFigures()
    villages = list(Village.select().where(Village.kind == "village", Village.active == True)  # noqa: E712
                    .order_by(Village.sort_order, Village.code))
    if not villages:
        return figures
    on = today()
    dibao = Policy.get_or_none(Policy.short_name == "低保")
    if dibao is None:
        return figures
    first = policies.find_version(head, "低保")
    start = on - _dt.timedelta(days=300)
    # the first round: version 1 of 低保 and 临时救助 to every village (2,900 cards in all)
    for short, share in (("低保", 0.6), ("临时救助", 0.4)):
        version = policies.find_version(head, short)
        run = policies.record_print_run(head, version.id, "wallet", int(2900 * share),
                                        printed_on=start, note="第一轮政策找人")
        figures.print_runs += 1
        _hand_out(head, rng, version.id, run.id, villages, int(2900 * share), start, figures)
    # the 低保 standard rose: version 2, published, printed for the second round (3,500)
    text = policies.VersionText(
        eligibility=first.eligibility, standard=first.standard.replace("1,000", "1,080"),
        materials=first.materials, steps=first.steps, hotline=first.hotline,
        effective_on=on - _dt.timedelta(days=120), change_note="低保标准提高（示例）")
    second = policies.save_version(head, dibao.id, text, first.id)
    policies.publish_version(head, second.id)
    when = on - _dt.timedelta(days=100)
    run = policies.record_print_run(head, second.id, "wallet", 3500, printed_on=when,
                                    note="第二轮政策找人")
    figures.print_runs += 1
    _hand_out(head, rng, second.id, run.id, villages, 3500, when, figures)
    # personal cards for some of the 低保 households
    served = [c for (c,) in PolicyCategory.select(PolicyCategory.category)
              .where(PolicyCategory.policy == dibao.id).tuples()]
    households = [h for (h,) in Household.select(Household.id).join(
        HouseholdCategory, on=(HouseholdCategory.household == Household.id))
        .where(HouseholdCategory.category.in_(served), Household.status == "active")
        .distinct().order_by(Household.id).tuples()]
    chosen = rng.sample(households, min(len(households), 60))
    for household_id in chosen:
        policies.record_distribution(head, second.id, 1, household_id=household_id,
                                     handed_on=on - _dt.timedelta(days=rng.randint(1, 90)))
        figures.personal += 1
    return figures


def _hand_out(head: Actor, rng: random.Random, version_id: int, run_id: int,
              villages: list, total: int, start: _dt.date, figures: PolicyFigures) -> None:
    weights = [rng.uniform(0.5, 1.5) for _ in villages]
    scale = total / sum(weights)
    for village, weight in zip(villages, weights, strict=True):
        count = max(1, round(weight * scale))
        handed_on = min(start + _dt.timedelta(days=rng.randint(1, 60)), today())
        policies.record_distribution(head, version_id, count, village_id=village.id,
                                     handed_on=handed_on, print_run_id=run_id,
                                     handed_by="")
        figures.handed += count
