"""Seeded generator of benchmark payloads: Genesys updates and generic schedules of a target
size (pretty-printed, as teams keep them in git), one resource with 100 000 entries, and many
small files. Every payload carries planted defects of the per-file rules, so the benchmark
measures a linter that finds things, not one that skips a clean fast path only.

    python benchmarks/generate.py OUT_DIR [--sizes 1,20,100] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

BASE = datetime(2026, 11, 23, tzinfo=timezone.utc)


def iso(minutes: int) -> str:
    return (BASE + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def _shift(rng: random.Random, day: int, with_id: bool) -> dict:
    start = day * 1440 + rng.choice([360, 420, 480, 540, 600, 840])
    activities, cursor = [], start
    for length, code, description in ((120, "0", ""), (15, "1", "Break"), (105, "0", ""), (30, "2", "Lunch"),
                                      (120, "0", ""), (90, "0", "")):
        activities.append({"startDate": iso(cursor), "lengthMinutes": length, "description": description,
                           "activityCodeId": code, "paid": code != "2"})
        cursor += length
    shift = {"activities": activities}
    if with_id:
        shift = {"id": _uuid(rng), "manuallyEdited": False, **shift}
    return shift


def _agent(rng: random.Random, index: int) -> dict:
    edits = index % 3 == 0
    agent = {"userId": _uuid(rng), "shifts": [_shift(rng, day, edits) for day in range(5)]}
    if edits:
        agent["metadata"] = {"version": rng.randint(1, 40)}
    if index % 7 == 0:
        agent["fullDayTimeOffMarkers"] = [{"businessUnitDate": "2026-11-29", "lengthMinutes": 480,
                                           "payableMinutes": 480, "activityCodeId": "5", "description": "Vacation",
                                           "paid": True}]
    return agent


def _plant_genesys(agents: list[dict]) -> None:
    """One defect of each per-file rule, spread through the document."""
    step = max(1, len(agents) // 16)
    a = [agents[i * step % len(agents)] for i in range(16)]
    a[0]["shifts"].append(_shift(random.Random(1), 0, False))                    # WFM301 overlap
    a[0]["shifts"][0]["activities"][1]["startDate"] = a[0]["shifts"][0]["activities"][0]["startDate"]  # WFM302
    a[1]["shifts"][0]["activities"][0]["lenghtMinutes"] = 60                     # WFM104 (and no length)
    a[2]["shifts"][0]["activities"][0]["startDate"] = "2026-02-30T08:00:00Z"     # WFM201
    a[3]["shifts"][0]["activities"][0]["startDate"] = "2026-11-23T08:00:00"      # WFM202
    a[4]["shifts"][0]["activities"][0]["lengthMinutes"] = 0                       # WFM203
    a[5]["shifts"][0]["activities"][-1]["lengthMinutes"] = 2000                   # WFM204
    a[6]["shifts"][0].update(startDate=a[6]["shifts"][0]["activities"][0]["startDate"], lengthMinutes=1)  # WFM205
    a[7]["shifts"][0]["activities"][0]["payableMinutes"] = 999                    # WFM207
    a[8]["userId"] = " "                                                          # WFM103
    a[9]["shifts"][0]["activities"][0]["lengthMinutes"] = "120"                   # WFM102
    a[10]["workPlanId"] = {"value": "wp"}
    a[10]["workPlanIdsPerWeek"] = {"values": ["wp"]}                              # WFM105
    a[11]["userId"] = a[12]["userId"]                                             # WFM106
    del a[13]["shifts"][0]["activities"][0]["activityCodeId"]                     # WFM101
    a[14]["shifts"].append(dict(a[14]["shifts"][1]))                              # WFM304
    a[15]["fullDayTimeOffMarkers"] = [{"businessUnitDate": "2026-11-23", "lengthMinutes": 480}]  # WFM305
    a[15].pop("metadata", None)
    a[15]["delete"] = True                                                        # WFM402


def genesys_update(megabytes: float, seed: int) -> str:
    rng = random.Random(seed)
    agents, size = [], 0
    probe = len(json.dumps(_agent(random.Random(0), 1), indent=2))
    while size < megabytes * 1_000_000:
        agents.append(_agent(rng, len(agents)))
        size += probe
    _plant_genesys(agents)
    document = {"metadata": {"version": 42}, "description": "benchmark week", "agentSchedules": agents}
    text = json.dumps(document, indent=2)
    return text.replace('"description": "benchmark week"',  # WFM003: a duplicate key
                        '"description": "benchmark", "description": "benchmark week"', 1)


def generic(megabytes: float, seed: int) -> str:
    rng = random.Random(seed)
    entries, size, day = [], 0, 0
    while size < megabytes * 1_000_000:  # a day at a time: every agent one shift per day
        for agent in range(2000):
            start = day * 1440 + rng.choice([360, 420, 480, 540, 600, 840])
            entries.append({"resourceId": f"agent-{agent}", "startTime": iso(start), "endTime": iso(start + 480),
                            "note": "regular"})
            size += 150
        day += 1
    entries[2]["startTime"] = entries[2002]["startTime"]                          # WFM301 (same agent)
    entries[2]["endTime"] = entries[2002]["endTime"]                              # and WFM304
    entries[0]["endTime"] = entries[0]["startTime"]                               # WFM203
    entries[1]["startTime"] = "2026-11-24 08:00"                                  # WFM201
    return json.dumps({"scheduleId": "bench", "metadata": {"version": 3}, "shifts": entries}, indent=2)


def one_resource(count: int, seed: int) -> str:
    """One agent, `count` entries back to back; one in ten overlaps its predecessor."""
    rng = random.Random(seed)
    entries, previous_end = [], 0
    for index in range(count):
        start = previous_end - 15 if index % 10 == 9 else previous_end + rng.choice([0, 15, 30])
        entries.append({"resourceId": "agent-1", "startTime": iso(start), "endTime": iso(start + 60)})
        previous_end = start + 60
    return json.dumps({"shifts": entries}, indent=2)


def small_update(seed: int) -> str:
    rng = random.Random(seed)
    return json.dumps({"metadata": {"version": 1}, "agentSchedules": [
        {"userId": _uuid(rng), "shifts": [_shift(rng, 0, False)]}]}, indent=2)


def write_medium_files(directory: Path, count: int, seed: int) -> None:
    """`count` updates of about 1 MB, each of its own agents and shifts (ids prefixed per
    file), so that the run-wide rules find nothing across them: the many-files figure."""
    directory.mkdir(parents=True, exist_ok=True)
    text = genesys_update(1, seed)
    for index in range(count):
        (directory / f"update-{index:03}.json").write_text(
            text.replace('"userId": "', f'"userId": "f{index}-').replace('"id": "', f'"id": "f{index}-'))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="1,20,100")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--small-files", type=int, default=1000)
    parser.add_argument("--medium-files", type=int, default=200)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for size in (float(s) for s in args.sizes.split(",")):
        tag = f"{size:g}mb"
        (args.out / f"update-{tag}.json").write_text(genesys_update(size, args.seed))
        (args.out / f"generic-{tag}.json").write_text(generic(size, args.seed))
    (args.out / "one-resource-100k.json").write_text(one_resource(100_000, args.seed))
    (args.out / "small.json").write_text(small_update(args.seed))
    write_medium_files(args.out / "medium", args.medium_files, args.seed)
    many = args.out / "many"
    many.mkdir(exist_ok=True)
    for index in range(args.small_files):
        (many / f"p{index:04d}.json").write_text(small_update(args.seed + index))


if __name__ == "__main__":
    main()
