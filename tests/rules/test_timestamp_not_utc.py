from tests.conftest import activity, at, lint, update


def _text(start: str) -> str:
    return update({"userId": "a", "shifts": [{"activities": [activity(start, 60)]}]})


def test_zone_less_time():
    text = _text("2026-11-24T08:00:00")
    assert lint(text) == [("WFM202", *at(text, '"2026'), '"2026-11-24T08:00:00" has no UTC offset, so its '
                           "instant is ambiguous; append Z if it is UTC")]


def test_genesys_offsets_other_than_z_with_the_utc_value():
    text = _text("2026-11-24T00:30:00.5+01:00")
    assert lint(text) == [("WFM202", *at(text, '"2026'), '"2026-11-24T00:30:00.5+01:00" has offset +01:00; the '
                           "Genesys API expects UTC: write 2026-11-23T23:30:00.5Z")]
    assert [c for c, *_ in lint(_text("2026-11-24T08:00:00+00:00"))] == ["WFM202"]


def test_generic_offsets_are_fine_but_zone_less_is_not():
    ok = '[{"userId": "u", "start": "2026-11-24T09:00:00+01:00", "end": "2026-11-24T17:00:00-05:00"}]'
    assert lint(ok) == []
    text = '[{"userId": "u", "start": "2026-11-24T09:00:00", "end": "2026-11-24T17:00:00Z"}]'
    assert lint(text) == [("WFM202", *at(text, '"2026-11-24T09'), '"2026-11-24T09:00:00" has no UTC offset, so '
                           "its instant is ambiguous; append Z if it is UTC")]


def test_offsets_compare_as_instants_in_generic():
    text = ('[{"userId": "u", "start": "2026-11-24T09:00:00+01:00", "end": "2026-11-24T12:00:00+01:00"},'
            ' {"userId": "u", "start": "2026-11-24T10:30:00Z", "end": "2026-11-24T12:00:00Z"}]')
    assert [c for c, *_ in lint(text)] == ["WFM301"]


def test_turned_off():
    assert lint(_text("2026-11-24T08:00:00"), ignore=("WFM202",)) == []
