"""Property: on generated payloads with planted fixable defects, in random formatting
(indented or minified, CRLF, ASCII escapes or not), the safe fixes leave valid JSON, leave no
safely fixable finding, add no finding, and a second run changes nothing."""
import json
from collections import Counter

from hypothesis import given, strategies as st

from wfmlint import lint_text
from wfmlint.fixer import FixedFile, fix_text
from tests.conftest import settings

SETTINGS = settings()


@st.composite
def payloads(draw):
    agents = []
    for number in range(draw(st.integers(1, 3))):
        activities = []
        for slot in range(draw(st.integers(1, 3))):
            hour = 2 + slot * 8  # far apart: no offset of an hour makes two of them overlap
            start = f"2026-11-{24 + number:02d}T{hour:02d}:00:00"
            offset = draw(st.sampled_from(["Z", "+01:00", "-00:30"]))  # planted: an offset (WFM202)
            length = draw(st.sampled_from([60, "60", 90, "90"]))  # planted: an integer as a string (WFM102)
            activities.append({"startDate": start + offset, "lengthMinutes": length, "description": "d\u00e9",
                               "activityCodeId": "w"})
        agent = {"userId": f"agent-{number}", "shifts": [{"activities": activities}]}
        if number == 0 or draw(st.booleans()):
            agent["workPlanId"] = "wp-1"  # planted: a bare string for a wrapper (WFM102)
        if draw(st.booleans()):
            agent["metadata"] = {"version": 2, "dateModified": "2026-11-20T10:00:00Z"}  # planted: WFM109
        agents.append(agent)
    body = {"metadata": {"version": 3}, "agentSchedules": agents}
    indent = draw(st.sampled_from([None, 2, 4]))
    separators = (",", ":") if indent is None and draw(st.booleans()) else None
    text = json.dumps(body, indent=indent, separators=separators, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):  # planted: a repeated key with the same value (WFM003)
        text = "{" + '"metadata": {"version": 3}, ' + text[1:]
    if indent is not None and draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text


def _subjects(findings) -> Counter:
    return Counter((f.code, f.identity[2], f.identity[3]) for f in findings)


@given(payloads())
def test_safe_fixes_leave_valid_json_add_nothing_and_are_idempotent(text):
    before = lint_text(text, "p.json", SETTINGS)
    assert any(f.fix is not None and f.fix.safe for f in before)
    fixed = FixedFile("p.json", b"", text, text)
    fix_text(fixed, SETTINGS, None, unsafe=False)
    json.loads(fixed.after)  # valid JSON
    after = lint_text(fixed.after, "p.json", SETTINGS)
    assert not [f for f in after if f.fix is not None and f.fix.safe], after
    assert not _subjects(after) - _subjects(before)  # nothing added
    again = FixedFile("p.json", b"", fixed.after, fixed.after)
    fix_text(again, SETTINGS, None, unsafe=False)
    assert again.after == fixed.after and not again.applied
    # the line breaks of the file are kept
    assert ("\r\n" in text) == ("\r\n" in fixed.after)
