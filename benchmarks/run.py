"""Benchmarks of SPEC §7, each figure a ratio against a baseline taken in the same run (the
machine is shared and noisy, so absolute times mean little), with min, median and max.

    python benchmarks/run.py [--quick] [--runs N] [--out benchmarks/out]

--quick skips the 100 MB files and check-jsonschema on them (minutes otherwise).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
WFMLINT = [PYTHON, "-m", "wfmlint"]


def timed(command: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one run of `command`, in a fresh wrapper process."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True, check=True).stdout
    seconds, rss = out.split()
    return float(seconds), int(rss)


def ratio(label: str, command: list[str], baseline: list[str], runs: int, target: str) -> dict:
    """Interleaved runs; the ratio of each pair, so drift of the machine cancels out."""
    ratios, times, rss = [], [], []
    for _ in range(runs):
        ours, our_rss = timed(command)
        base, _ = timed(baseline)
        ratios.append(ours / base)
        times.append((ours, base))
        rss.append(our_rss)
    row = {"figure": label, "target": target, "min": min(ratios), "median": statistics.median(ratios),
           "max": max(ratios), "seconds": statistics.median(t for t, _ in times),
           "baseline_seconds": statistics.median(b for _, b in times), "peak_rss_mib": max(rss) / 1024}
    print(f"{label:<58} {row['min']:6.2f} {row['median']:6.2f} {row['max']:6.2f}   "
          f"({row['seconds']:.2f} s vs {row['baseline_seconds']:.2f} s; target {target})", flush=True)
    return row


def json_load(path: Path) -> list[str]:
    return [PYTHON, "-c", f"import json; json.load(open({str(path)!r}))"]


def lsp_relint_ms(path: Path, runs: int) -> list[float]:
    """What the language server does on each change: lint the whole document text."""
    from wfmlint import lint_text

    text = path.read_text()
    times = []
    for index in range(runs + 1):
        edited = text.replace('"benchmark week"', f'"benchmark week {index}"', 1)
        start = time.perf_counter()
        lint_text(edited, str(path))
        times.append((time.perf_counter() - start) * 1000)
    return times[1:]


def in_process_jobs_ratios(directory: Path, runs: int) -> list[float]:
    """`lint_run` with two workers against one, without the interpreter's start-up, which is
    the same for both and dominates a run of a thousand 1.5 kB files."""
    import gc

    from wfmlint.config import Settings
    from wfmlint.run import lint_run

    gc.disable()  # as the command line runs
    lint_run([str(directory)], Settings(), jobs=2)  # warm up: the rules, their settings, caches
    ratios = []
    for _ in range(runs):
        start = time.perf_counter()
        lint_run([str(directory)], Settings(), jobs=2)
        two = time.perf_counter() - start
        start = time.perf_counter()
        lint_run([str(directory)], Settings(), jobs=1)
        ratios.append(two / (time.perf_counter() - start))
    gc.enable()
    return ratios


def compile_package() -> None:
    """Byte-compile wfmlint, as pip does when it installs a wheel. In an editable install under
    PYTHONDONTWRITEBYTECODE=1 (set on the machines here) every process would otherwise compile
    the package from source, about 50 ms that no installed copy pays."""
    import compileall

    import wfmlint
    import wfmlint.rules

    for package in (wfmlint, wfmlint.rules):
        compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)


def hostile(data: Path, runs: int) -> list[dict]:
    """Inputs built to exhaust a linter: n generic entries of one resource that all overlap
    (n(n-1)/2 pairs), and repeated keys. Time and peak memory should grow linearly with n:
    each figure is also given per entry and against the file size."""
    data.mkdir(parents=True, exist_ok=True)
    config = data / "hostile.toml"
    config.write_text('[generic]\nentries = "/shifts/*"\nresource = "resourceId"\nstart = "start"\nend = "end"\n')
    rows, first = [], None
    for n in (1000, 4000, 10000):
        path = data / f"overlapping-{n}.json"
        path.write_text(json.dumps({"shifts": [{"resourceId": "r", "start": "2026-11-24T08:00:00Z",
                                                "end": f"2026-11-24T{9 + i % 10:02d}:00:00Z"} for i in range(n)]}))
        # --no-project: the config makes `out/` a project, whose 100 MB files are no part of this
        samples = [timed(WFMLINT + ["--config", str(config), "--no-project", str(path), "--format", "json",
                                    "-o", str(data / "hostile-report.json")]) for _ in range(runs)]
        seconds = statistics.median(s for s, _ in samples)
        rss_mib = max(r for _, r in samples) / 1024
        report_mb = (data / "hostile-report.json").stat().st_size / 1e6
        first = first or (n, seconds)
        growth = (seconds / first[1]) / (n / first[0])
        print(f"{f'{n} overlapping entries (all pairs overlap)':<58} {seconds:6.2f} s  {rss_mib:6.0f} MiB  "
              f"report {report_mb:5.1f} MB  time per entry vs n=1000: {growth:4.2f}")
        rows.append({"figure": f"hostile: {n} overlapping entries", "seconds": seconds, "peak_rss_mib": rss_mib,
                     "file_mb": path.stat().st_size / 1e6, "report_mb": report_mb,
                     "time_per_entry_vs_1000": growth})
    keys = data / "repeated-keys.json"
    keys.write_text('{"metadata": {"version": 1}, "agentSchedules": [{"userId": "u", '
                    + ",".join('"a":1' for _ in range(500_000)) + "}]}")
    seconds, rss = timed(WFMLINT + [str(keys), "--format", "json", "-o", str(data / "hostile-report.json")])
    print(f"{'500 000 repeated keys (3 MB)':<58} {seconds:6.2f} s  {rss / 1024:6.0f} MiB")
    rows.append({"figure": "hostile: 500 000 repeated keys", "seconds": seconds, "peak_rss_mib": rss / 1024,
                 "file_mb": keys.stat().st_size / 1e6})
    return rows


def project_hook(data: Path, runs: int) -> dict:
    """The pre-commit case: one staged file in a project of 3 000 committed payloads, whose
    facts the run-wide rules need (from the cache, warmed by a first run), against linting
    the staged file alone (`--no-project`)."""
    root = data / "project-3000"
    payloads = root / "payloads"
    if not payloads.is_dir():
        payloads.mkdir(parents=True)
        (root / "wfmlint.toml").write_text('include = ["payloads/**/*.json"]\n')
        for number in range(3000):
            body = {"metadata": {"version": 1}, "agentSchedules": [{
                "userId": f"agent-{number}", "metadata": {"version": 3}, "shifts": [{"activities": [
                    {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 240, "description": "",
                     "activityCodeId": "work"},
                    {"startDate": "2026-11-24T12:00:00Z", "lengthMinutes": 60, "description": "",
                     "activityCodeId": "break"}]}]}]}
            (payloads / f"week48-{number:04d}.json").write_text(json.dumps(body, indent=2))
        (root / "staged.json").write_text(json.dumps({"metadata": {"version": 1}, "agentSchedules": [{
            "userId": "agent-new", "metadata": {"version": 1}, "shifts": [{"activities": [
                {"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "description": "",
                 "activityCodeId": "work"}]}]}]}, indent=2))
    os.environ["WFMLINT_CACHE_DIR"] = str(data / "project-cache")
    staged = str(root / "staged.json")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        subprocess.run(WFMLINT + [staged], capture_output=True)  # warms the cache
        return ratio("hook: 1 staged in 3 000 committed, cached, vs the file alone", WFMLINT + [staged],
                     WFMLINT + [staged, "--no-project"], runs, "<= 2 (plus reading the cache)")
    finally:
        os.chdir(cwd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--hostile", action="store_true", help="only the exhaustion cases")
    args = parser.parse_args()
    compile_package()
    if args.hostile:
        hostile(args.out, args.runs)
        project_hook(args.out, args.runs)
        return
    sizes = "1,20" if args.quick else "1,20,100"
    data = args.out
    if not (data / "small.json").exists() or not (data / f"update-{sizes.split(',')[-1]}mb.json").exists():
        print(f"generating payloads in {data} ...", flush=True)
        subprocess.run([PYTHON, str(HERE / "generate.py"), str(data), "--sizes", sizes], check=True)
    top = sizes.split(",")[-1]
    big = data / f"update-{top}mb.json"
    if not (data / "medium").is_dir():
        subprocess.run([PYTHON, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import generate; "
                        "from pathlib import Path; generate.write_medium_files(Path(sys.argv[2]), 200, 7)",
                        str(HERE), str(data / "medium")], check=True)
    rows = []
    print(f"{'figure (ratio: ours / baseline)':<58} {'min':>6} {'median':>6} {'max':>6}")
    for shape in ("update", "generic"):
        for size in sizes.split(","):
            path = data / f"{shape}-{size}mb.json"
            target = "<= 1.5" if shape == "update" else "<= 2"
            rows.append(ratio(f"{shape} {path.stat().st_size / 1e6:.0f} MB vs json.load", WFMLINT + [str(path)],
                              json_load(path), args.runs, target if size == top else "(no target)"))
    by = {row["figure"]: row for row in rows}
    for shape in ("update", "generic"):
        small = next(r for f, r in by.items() if f.startswith(shape) and "20 MB" in f or f.startswith(f"{shape} 2"))
        large = next(r for f, r in by.items() if f.startswith(shape) and f == max(
            (k for k in by if k.startswith(shape)), key=lambda k: float(k.split()[1])))
        growth = large["seconds"] / small["seconds"]
        print(f"{shape + ' growth, largest vs 20 MB (time ratio)':<58} {growth:6.2f}   (target <= 6 for 100 vs 20 MB)")
        rows.append({"figure": f"{shape} growth", "median": growth, "target": "<= 6"})
        memory = large["peak_rss_mib"] * 1024 * 1024 / (data / f"{shape}-{top}mb.json").stat().st_size
        print(f"{shape + ' peak memory / file size':<58} {memory:6.2f}   (target <= 4)")
        rows.append({"figure": f"{shape} peak memory / file size", "median": memory, "target": "<= 4"})
    one = data / "one-resource-100k.json"
    rows.append(ratio("one resource, 100 000 entries, vs json.load", WFMLINT + [str(one)], json_load(one),
                      args.runs, "<= 5"))
    found = json.loads(subprocess.run(WFMLINT + [str(one), "--format", "json"], capture_output=True,
                                      text=True).stdout)
    overlapping = sum(1 for f in found if f["code"] == "WFM301")
    pointers = {f["pointer"] for f in found if f["code"] == "WFM301"}
    print(f"{'  WFM301 findings (each overlapping entry once)':<58} {overlapping} findings, {len(pointers)} entries")
    rows.append({"figure": "one resource: WFM301 findings / distinct entries", "median": overlapping,
                 "entries": len(pointers)})
    schema = data / "update.schema.json"
    schema.write_text(subprocess.run(WFMLINT + ["schema", "genesys-update"], capture_output=True, text=True).stdout)
    check_jsonschema = shutil.which("check-jsonschema")
    if check_jsonschema:
        small = data / "small.json"
        rows.append(ratio("small file vs check-jsonschema", WFMLINT + [str(small)],
                          [check_jsonschema, "--schemafile", str(schema), str(small)], max(args.runs, 10), "<= 0.5"))
        if not args.quick:
            rows.append(ratio(f"update {big.stat().st_size / 1e6:.0f} MB vs check-jsonschema", WFMLINT + [str(big)],
                              [check_jsonschema, "--schemafile", str(schema), str(big)], 1, "<= 0.1"))
    else:
        print("check-jsonschema not installed: pip install check-jsonschema for those two figures")
    medium = data / "medium"
    rows.append(ratio("200 files of 1 MB, --jobs 2 vs --jobs 1", WFMLINT + [str(medium), "--jobs", "2"],
                      WFMLINT + [str(medium), "--jobs", "1"], args.runs, "<= 0.625 (1.6x faster)"))
    total = sum(path.stat().st_size for path in medium.iterdir())
    for jobs in ("1", "2"):  # texts are held up to 256 MiB, and never come back from workers
        _, rss = timed(WFMLINT + [str(medium), "--jobs", jobs])
        label = f"  peak memory / their size, --jobs {jobs} (largest process)"
        print(f"{label:<58} {rss * 1024 / total:6.2f}   ({rss / 1024:.0f} MiB for {total / 2**20:.0f} MiB)")
        rows.append({"figure": f"200 files of 1 MB: peak memory / size, jobs {jobs}", "median": rss * 1024 / total})
    many = data / "many"
    rows.append(ratio("1 000 small files, --jobs 2 vs --jobs 1", WFMLINT + [str(many), "--jobs", "2"],
                      WFMLINT + [str(many), "--jobs", "1"], args.runs, "<= 1 (not slower)"))
    parallel = in_process_jobs_ratios(many, max(args.runs, 3))
    print(f"{'  the same, the lint alone (in one process, no start-up)':<58} {min(parallel):6.2f} "
          f"{statistics.median(parallel):6.2f} {max(parallel):6.2f}")
    rows.append({"figure": "1 000 small files, jobs 2 vs 1, in process", "min": min(parallel),
                 "median": statistics.median(parallel), "max": max(parallel), "target": "<= 0.625"})
    rows.append(project_hook(data, args.runs))
    rows += hostile(data, args.runs)
    relint = lsp_relint_ms(data / "update-1mb.json", 5)
    print(f"{'language server re-lint of a 1 MB document (ms)':<58} {min(relint):6.1f} "
          f"{statistics.median(relint):6.1f} {max(relint):6.1f}   (target < 100 ms)")
    rows.append({"figure": "lsp re-lint 1 MB (ms)", "min": min(relint), "median": statistics.median(relint),
                 "max": max(relint), "target": "< 100"})
    (data / "results.json").write_text(json.dumps({"python": sys.version, "cpus": os.cpu_count(),
                                                   "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
