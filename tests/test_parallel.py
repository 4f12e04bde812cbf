"""--jobs: worker processes give the same findings as one process, cross-file rules included."""
from tests.conftest import activity, benchmark_update, run_cli, update


def test_jobs_two_equals_jobs_one_with_cross_file_findings(tmp_path):
    for index in range(12):
        start = f"2026-11-24T{8 + index % 3:02d}:00:00Z"
        # 200 more agents a file: enough work (600 kB) for the run to take a second process
        padding = [{"userId": f"pad-{index}-{k}", "shifts": [{"activities": [activity(start, 60)]}]}
                   for k in range(200)]
        (tmp_path / f"p{index:02d}.json").write_text(update({"userId": f"agent-{index % 4}", "metadata": {"version": index},
                                                             "shifts": [{"activities": [activity(start, 90)]}]},
                                                            *padding))
    (tmp_path / "broken.json").write_text("{")
    out = _same_with_one_and_two_jobs(tmp_path)
    assert '"WFM301"' in out and '"WFM001"' in out


def test_jobs_two_equals_jobs_one_on_large_files_read_by_the_fast_path(tmp_path):
    text = benchmark_update(0.4, seed=11)
    for name in ("a", "b", "c", "d"):  # the same agents in each: findings across files too
        (tmp_path / f"{name}.json").write_text(text)
    out = _same_with_one_and_two_jobs(tmp_path)
    assert '"WFM106"' in out and '"WFM003"' in out


def _same_with_one_and_two_jobs(directory) -> str:
    """The JSON report of a run with one worker, after checking two give the same (and that
    the files are work enough for two)."""
    from wfmlint.parallel import file_costs, worker_count

    assert worker_count(file_costs([str(path) for path in directory.iterdir()]), 2) == 2
    one = run_cli(".", "--jobs", "1", "--format", "json", cwd=directory)
    two = run_cli(".", "--jobs", "2", "--format", "json", cwd=directory)
    assert one.code == two.code == 1
    assert one.out == two.out
    return one.out


def test_no_progress_bar_when_not_on_a_terminal(tmp_path):
    for index in range(30):
        (tmp_path / f"p{index}.json").write_text(update({"userId": f"a{index}"}))
    result = run_cli(".", cwd=tmp_path)
    assert result.err == "" and result.out == "No problems in 30 files.\n"


def test_progress_bar_on_a_terminal_and_off_with_no_progress(tmp_path):
    """stderr on a real pseudo-terminal: the bar is drawn there, and --no-progress removes it."""
    import os
    import pty
    import subprocess
    import sys

    for index in range(30):
        (tmp_path / f"p{index}.json").write_text(update({"userId": f"a{index}"}))

    def stderr_on_a_tty(*extra):
        leader, follower = pty.openpty()
        proc = subprocess.run([sys.executable, "-m", "wfmlint", ".", *extra], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=follower, timeout=60)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        return proc, b"".join(chunks).decode(errors="replace")

    proc, err = stderr_on_a_tty()
    assert proc.stdout.decode() == "No problems in 30 files.\n"
    assert "Linting" in err
    proc, err = stderr_on_a_tty("--no-progress")
    assert "Linting" not in err


def _findings(results) -> list:
    return [(r.path, r.error, [(i.code, i.message, i.pointer, i.offset) for i in r.issues]) for r in results]


def _payloads(directory, count: int, padding: int = 0) -> list[str]:
    """`count` files of varied sizes, half of them with findings (`padding` shifts more each,
    without findings)."""
    paths = []
    for index in range(count):
        shifts = [{"activities": [activity(f"2026-11-24T{8 + (k % 10):02d}:00:00Z", 90 + 30 * (index % 2))]}
                  for k in range(1 + index % 7)]
        shifts += [{"activities": [activity(f"2026-12-{1 + k % 28:02d}T{k // 28:02d}:00:00Z", 60)]}
                   for k in range(padding)]
        path = directory / f"p{index:02d}.json"
        path.write_text(update({"userId": f"agent-{index}", "metadata": {"version": 1}, "shifts": shifts}))
        paths.append(str(path))
    (directory / "broken.json").write_text("{")
    return paths + [str(directory / "broken.json"), str(directory / "missing.json")]


def test_the_pool_gives_the_results_of_one_process(tmp_path):
    from wfmlint.config import Settings
    from wfmlint.engine import analyse_path
    from wfmlint.parallel import analyse_in_parallel

    paths = _payloads(tmp_path, 23)
    alone = _findings([analyse_path(path, Settings()) for path in paths])
    assert any(issues for _, _, issues in alone) and any(error for _, error, _ in alone)
    for jobs in (2, 3):
        ticks = []
        results = analyse_in_parallel(paths, Settings(), jobs, ticks.append, always=True)
        assert _findings(results) == alone
        assert sum(ticks) == len(paths)  # the progress bar reaches its end


_IN_A_FRESH_PROCESS = """
import os, sys, threading
from wfmlint import parallel
from wfmlint.config import Settings
from wfmlint.engine import analyse_path, analyse_released

paths, mode = sys.argv[2:], sys.argv[1]
parent = os.getpid()
alone = [(r.path, r.error, r.issues) for r in (analyse_path(p, Settings()) for p in paths)]
if mode == "dies":
    def dies_in_a_worker(path, settings):
        if os.getpid() != parent and path.endswith("p05.json"):
            os._exit(9)
        return analyse_released(path, settings)
    assert parallel.analyse_released is analyse_released  # (what the workers call)
    parallel.analyse_released = dies_in_a_worker
else:  # a program with a thread of its own: no fork
    threading.Thread(target=threading.Event().wait, daemon=True).start()
method = parallel._start_method().get_start_method()  # as the pool is about to choose it
pooled = [(r.path, r.error, r.issues) for r in parallel.analyse_in_parallel(paths, Settings(), 2, always=True)]
print(method, pooled == alone)  # (asked after the pool, a thread of the pool may still be ending)
"""


def _pool_in_a_fresh_process(mode: str, paths: list[str]) -> str:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", "-c", _IN_A_FRESH_PROCESS, mode,
                           *paths], capture_output=True, text=True, timeout=120)
    assert done.stderr == ""
    return done.stdout.strip()


def test_a_worker_that_dies_leaves_its_files_to_the_parent(tmp_path):
    """A real worker process killed half-way (as by the out-of-memory killer): no file is lost.
    In a fresh process, which runs no thread of its own, so workers are forked."""
    assert _pool_in_a_fresh_process("dies", _payloads(tmp_path, 12)) == "fork True"


def test_a_program_with_threads_gets_workers_that_are_not_forked(tmp_path):
    """Forking a process that runs threads can deadlock the child (Python 3.12 warns of it):
    the Python API in such a program starts its workers through a fork server."""
    assert _pool_in_a_fresh_process("threads", _payloads(tmp_path, 8)) == "forkserver True"


_DIES_PLACING = """
import os
from wfmlint import locating

PARENT = os.getpid()
place_in_file = locating.place_in_file


def dies_in_a_worker(source, asks):
    if os.getpid() != PARENT and source.path.endswith("p05.json"):
        os._exit(9)
    return place_in_file(source, asks)
"""

_PLACING_IN_A_FRESH_PROCESS = """
import sys
from wfmlint import locating, run
from wfmlint.config import Settings
import dies_placing  # (a module, so that workers started by any method find it)

paths = sys.argv[1:]
alone = run.lint_run(paths, Settings(), jobs=1).findings
locating.place_in_file = dies_placing.dies_in_a_worker
pooled = run.lint_run(paths, Settings(), jobs=2)
print(pooled.findings == alone, pooled.errors)
"""


def test_a_worker_that_dies_placing_findings_leaves_them_to_the_parent(tmp_path):
    """A worker killed while it places findings: the parent places what it left, and the
    report is the one of one process."""
    import os
    import subprocess
    import sys

    from wfmlint.parallel import file_costs, worker_count

    paths = _payloads(tmp_path, 12, padding=200)
    assert worker_count(file_costs(paths), 2) == 2
    (tmp_path / "dies_placing.py").write_text(_DIES_PLACING)
    done = subprocess.run([sys.executable, "-c", _PLACING_IN_A_FRESH_PROCESS, *paths], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert done.stdout.strip() == f"True ['{paths[-1]}: no such file or directory']"
    assert "Traceback" not in done.stderr


_TWO_POOLS = """
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from wfmlint.parallel import _single_threaded

forked = []
for _ in range(5):
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(abs, range(100)))
    forked.append(_single_threaded())
print(forked)
"""


def test_a_second_pool_is_forked_once_the_first_has_ended():
    """A run's placing pool comes right after its linting pool, whose threads end a moment
    after it is shut down: the second is still forked (a fork server would start slower). In
    a fresh process, which runs no other thread."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _TWO_POOLS], capture_output=True, text=True, timeout=60)
    assert (done.stdout.strip(), done.stderr) == ("[True, True, True, True, True]", "")


def test_default_jobs_are_the_cpus_this_process_may_use():
    import os

    from wfmlint.parallel import default_jobs

    assert default_jobs() == len(os.sched_getaffinity(0))


def test_a_process_per_quarter_megabyte_of_work(tmp_path):
    """File sizes plus a fixed cost per file decide how many processes pay for themselves:
    a pre-commit's few small files stay in one, a thousand of them take two."""
    from wfmlint.parallel import FILE_COST, PROCESS_WORTH, file_costs, worker_count

    (tmp_path / "a.json").write_bytes(b" " * 1000)
    assert file_costs([str(tmp_path / "a.json"), str(tmp_path / "missing.json")]) == [1000 + FILE_COST, FILE_COST]
    small = 1500 + FILE_COST
    assert worker_count([small] * 4, 8) == 1
    assert worker_count([small] * 100, 2) == 1  # about where a second process breaks even
    assert worker_count([small] * 1000, 2) == 2
    assert worker_count([small] * 1000, 64) == 1000 * small // PROCESS_WORTH
    assert worker_count([100 * 2**20, 2000], 8) == 2  # never more processes than files
    assert worker_count([], 4) == 1


def test_facts_survive_the_way_back_from_a_worker(tmp_path):
    """A file's facts are pickled as columns (`FileFacts.__reduce__`): every entry and agent
    comes back equal, in order, for both kinds of payload."""
    import pickle

    from wfmlint.config import Settings
    from wfmlint.engine import analyse_path

    (tmp_path / "update.json").write_text(benchmark_update(0.2, seed=3))
    (tmp_path / "generic.json").write_text(
        '{"shifts": [{"resourceId": "r1", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z", '
        '"id": 7}, {"resourceId": 5, "startTime": "2026-11-24T08:30:00Z", "endTime": "2026-11-24T09:00:00Z"}]}')
    for name in ("update.json", "generic.json"):
        facts = analyse_path(str(tmp_path / name), Settings()).facts
        assert facts.entries
        back = pickle.loads(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == facts and type(back.entries[0]) is type(facts.entries[0])
    assert facts.agents == [] and back.agents == []
    update_facts = analyse_path(str(tmp_path / "update.json"), Settings()).facts
    assert update_facts.agents and pickle.loads(pickle.dumps(update_facts)).agents == update_facts.agents
