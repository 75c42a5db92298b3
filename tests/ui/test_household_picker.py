"""The household picker finds households as the household list does and offers members."""

from __future__ import annotations

import datetime as dt

from station_desk.core.clock import today
from station_desk.core.models import Village
from station_desk.core.services import households as hh
from station_desk.ui.dialogs.household_picker import HouseholdPicker


def test_search_pick_member_and_clear(staff_actors, qtbot):
    head = staff_actors["head"]
    village = Village.get(Village.name == "麻车村").id
    wang = hh.create_household(head, hh.HouseholdInput("王秀英", village, registered_on=today()),
                               [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
                                hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    hh.create_household(head, hh.HouseholdInput("李桂兰", village, registered_on=today()),
                        [hh.MemberInput("李桂兰", birthdate=dt.date(1940, 1, 1))])
    picker = HouseholdPicker(head, with_member=True)
    qtbot.addWidget(picker)
    with qtbot.waitSignal(picker.picked) as got:
        picker.search.setText("王秀英")
        picker.find()
    assert got.args == [wang.id] and picker.household_id == wang.id
    assert "王秀英" in picker.chosen.text()
    assert picker.member.count() == 3 and picker.member_id() is None
    picker.member.setCurrentIndex(2)
    assert picker.member_id() is not None
    picker.clear()
    assert picker.household_id is None and picker.model.rowCount() == 0
    picker.search.setText("zzz-nobody")
    picker.find()
    assert picker.model.rowCount() == 0 and picker.household_id is None
