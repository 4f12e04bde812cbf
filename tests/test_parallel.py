"""--jobs: worker processes give the same findings as one process, cross-file rules included."""
from tests.conftest import activity, benchmark_update, run_cli, update


def test_jobs_two_equals_jobs_one_with_cross_file_findings(tmp_path):
    for index in range(12):
        start = f"2026-11-24T{8 + index % 3:02d}:00:00Z"
        (tmp_path / f"p{index:02d}.json").write_text(update({"userId": f"agent-{index % 4}", "metadata": {"version": index},
                                                             "shifts": [{"activities": [activity(start, 90)]}]}))
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
    """The JSON report of a run with one worker, after checking two give the same."""
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
