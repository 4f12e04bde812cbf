"""One large update or import file linted by several processes (`--jobs`).

Most of a large file's time on the typed fast path (`fastparse.py`) goes to its agents: the
typed decode, the repeated-key count and the normalisation (`GenesysNormaliser.typed_agent`),
each independent of the other agents. So with `--jobs` above 1 the parent forks helpers right
after the cheap scan that finds every agent's text, each taking a contiguous range of agents
(`agent_ranges`). Helpers read the text, not the file's bytes, so the bytes are freed before
the fork: a helper would otherwise keep them in memory for its whole life. A helper

1. decodes its agents and counts their colons, and sends the indexes of those the typed decode
   refused: the parent parses them the careful way, as it does its own;
2. normalises the others and sends the views (agents, shifts, days off, entries) of those it
   could take as columns; the others hold something a rule records, and the parent reads
   them again, as it does its own.

Meanwhile the parent does the same for the first range. Its normaliser then meets an
`AgentShare` where a helper's agents are and splices their views in at that place, so every
list comes out in the order one process gives. A helper that fails costs time, not findings:
the parent decodes and normalises its agents itself.
"""
from __future__ import annotations

from itertools import accumulate, chain, repeat
from typing import Any

from .forking import Helper, HelperFailed, can_fork

# One process per this much of a file: a helper costs its fork and sending its views back.
# Measured with one helper (whole process, `--jobs 1` against `--jobs 2`): 2.4 MB 0.098 s
# against 0.099 s, 4.8 MB 0.117 against 0.114, 9.6 MB 0.156 against 0.149, 24 MB 0.28
# against 0.24, 120 MB 1.07 against 0.90. So the second process starts at 8 MB.
SPLIT_WORTH = 4 * 1024 * 1024
# Decoding and normalising an agent costs a helper this many times what it costs the parent:
# the helper also packs and pickles its views, the parent only unpacks them. Tuned on the
# 120 MB update: with 1.2, 1.35, 1.5 and 1.6 the run took 0.99, 0.97, 0.96 and 0.98 s.
HELPER_COST = 1.5


def part_count(size: int, agents: int, jobs: int) -> int:
    """How many processes share one file's agents: at most `jobs`, one per `SPLIT_WORTH`."""
    if jobs < 2 or agents < 2 or not can_fork():
        return 1
    return max(1, min(jobs, agents, size // SPLIT_WORTH))


def agent_ranges(spans: list[tuple[int, int]], parts: int) -> list[range]:
    """`parts` contiguous, non-empty ranges of agent indexes, the first for the parent. A
    helper's agents cost it `HELPER_COST` times what the same bytes cost the parent (it also
    packs and sends their views), so the parent takes the larger range and all finish
    together."""
    weights = [HELPER_COST] + [1.0] * (parts - 1)
    total, low = spans[-1][1] - spans[0][0], spans[0][0]
    ranges, first, done = [], 0, 0.0
    for part in range(parts - 1):
        done += weights[part] / sum(weights)
        limit = low + total * done
        last = first + 1  # at least one agent each, and one left for each part after
        while last < len(spans) - (parts - 1 - part) and spans[last][1] <= limit:
            last += 1
        ranges.append(range(first, last))
        first = last
    ranges.append(range(first, len(spans)))
    return ranges


class AgentShare:
    """A helper's range of agents: stands in the parsed tree for each agent the helper took,
    until the normaliser splices in the helper's views (`splice`)."""

    stands_for_typed_agents = True  # what `document.is_typed` says of it (profile detection)

    def __init__(self, agents: range, decoder: Any, work, close_in_helper: list[int]) -> None:
        self.agents = agents
        self.decoder = decoder  # (not the agents' raw bytes: they hold the whole file's)
        self.refused: list[int] = []
        self.helper = Helper(work, close_in_helper)
        self.failed = False
        self._views: dict | None = None

    def receive_refused(self) -> bool:
        """The agents the helper's typed decode refused; False if the helper failed."""
        try:
            refused = self.helper.receive()
        except HelperFailed:
            refused = None
        if not isinstance(refused, list) or not all(type(index) is int and index in self.agents
                                                    for index in refused):
            self.failed = True  # dead, or a message that does not add up
            self.helper.stop()
            return False
        self.refused = refused
        return True

    def splice(self, payload: Any, index: int) -> int:
        """Append the helper's views of the agents from `index` on, as far as it took them in
        a row, to the payload; return how many agents that was (0: see `fallback`)."""
        views = self._received()
        if views is None:
            return 0
        position = views["position"].get(index)
        if position is None:
            return 0
        end = views["run_end"][position]
        from .payload import Entry

        facts = payload.facts
        facts.agents.extend(views["agents"][position:end])
        shift_bounds, marker_bounds, entry_bounds = views["bounds"]
        payload.shifts.extend(views["shifts"][shift_bounds[position]:shift_bounds[end]])
        payload.markers.extend(views["markers"][marker_bounds[position]:marker_bounds[end]])
        first, last = entry_bounds[position], entry_bounds[end]
        resource, label, start, finish, pointer, shift_id = (column[first:last] for column in views["entries"])
        order = len(facts.entries)
        facts.entries.extend(map(Entry, resource, label, start, finish, pointer, repeat(facts.path),
                                 range(order, order + last - first), shift_id))
        return end - position

    def fallback(self, parsed: Any, index: int) -> Any:
        """Agent `index` of the parsed document decoded here (its helper failed, or left it
        to the parent), or None to read it the careful way."""
        start, end = parsed.agent_spans[index]
        try:
            return self.decoder.decode(parsed.text[start:end])
        except Exception:  # noqa: BLE001 - not expected: the helper found it decodable
            return None

    def _received(self) -> dict | None:
        if self._views is None and not self.failed:
            try:
                self._views = _unpack(self.helper.receive())
            except Exception:  # noqa: BLE001 - dead, or a message that does not add up
                self.failed = True
            self.helper.stop()
        return self._views

    def stop(self) -> None:
        self.helper.stop()


def normalise_and_pack(agents: list, first: int, skip: set[int], profile: str) -> dict:
    """In a helper: normalise its typed agents (`agents[i]` is agent `first + i`), as the
    parent's normaliser would, and pack the views as columns."""
    from .document import ParsedDocument
    from .normalise_genesys import GenesysNormaliser
    from .payload import AgentView, FileFacts, MarkerView, Payload, ShiftView, columns

    payload = Payload("", ParsedDocument(""), profile, FileFacts("", profile), None)
    normaliser = GenesysNormaliser(payload, detailed=False)
    facts = payload.facts
    taken, counts = [], ([], [], [])
    for index, agent in enumerate(agents, first):
        if index in skip:
            continue
        before = len(payload.shifts), len(payload.markers), len(facts.entries)
        if not normaliser.typed_agent(agent, f"/agentSchedules/{index}"):
            continue  # the parent reads it again (`fallback`)
        taken.append(index)
        after = len(payload.shifts), len(payload.markers), len(facts.entries)
        for count, was, now in zip(counts, before, after):
            count.append(now - was)
    shifts = payload.shifts
    other = [name for name in ShiftView.__slots__ if name not in ("starts", "ends")]
    return {
        "taken": taken, "counts": counts,
        "agents": columns(facts.agents, AgentView.__slots__),
        "markers": columns(payload.markers, MarkerView.__slots__),
        # one flat list each: a list per shift would be pickled (and memoised) one by one
        "starts": list(chain.from_iterable(shift.starts for shift in shifts)),
        "ends": list(chain.from_iterable(shift.ends for shift in shifts)),
        "activity_counts": [len(shift.starts) for shift in shifts],
        "shift_columns": other,
        "shifts": columns(shifts, other),
        "entries": columns(facts.entries, ("resource", "label", "start", "end", "pointer", "shift_id")),
    }


def _unpack(packed: dict) -> dict:
    """The helper's views as objects, and where each taken agent's are."""
    from .payload import AgentView, MarkerView, ShiftView

    taken = packed["taken"]
    bounds = tuple(list(accumulate(count, initial=0)) for count in packed["counts"])
    activity_bounds = list(accumulate(packed["activity_counts"], initial=0))
    starts, ends = packed["starts"], packed["ends"]
    sizes = [len(packed["shifts"][0]), len(packed["markers"][0]), len(packed["entries"][0])]
    if len(bounds) != 3 or any(len(bound) != len(taken) + 1 for bound in bounds) \
            or [bound[-1] for bound in bounds] != sizes or len(packed["agents"][0]) != len(taken) \
            or not len(starts) == len(ends) == activity_bounds[-1] \
            or len(packed["activity_counts"]) != sizes[0]:
        raise ValueError("the helper's views do not add up")
    columns = dict(zip(packed["shift_columns"], packed["shifts"]))
    columns["starts"] = [starts[a:b] for a, b in zip(activity_bounds, activity_bounds[1:])]
    columns["ends"] = [ends[a:b] for a, b in zip(activity_bounds, activity_bounds[1:])]
    shifts = list(map(ShiftView, *(columns[name] for name in ShiftView.__slots__)))
    # where each run of consecutive agents ends: they are spliced in one go
    run_end = [0] * len(taken)
    end = len(taken)
    for position in range(len(taken) - 1, -1, -1):
        if position + 1 < len(taken) and taken[position + 1] != taken[position] + 1:
            end = position + 1
        run_end[position] = end
    return {
        "position": {index: position for position, index in enumerate(taken)},
        "run_end": run_end,
        "bounds": bounds,
        "agents": list(map(AgentView, *packed["agents"])),
        "markers": list(map(MarkerView, *packed["markers"])),
        "shifts": shifts,
        "entries": packed["entries"],
    }
