"""--jobs: worker processes give the same findings as one process, cross-file rules included."""
from tests.conftest import activity, run_cli, update


def test_jobs_two_equals_jobs_one_with_cross_file_findings(tmp_path):
    for index in range(12):
        start = f"2026-11-24T{8 + index % 3:02d}:00:00Z"
        (tmp_path / f"p{index:02d}.json").write_text(update({"userId": f"agent-{index % 4}", "metadata": {"version": index},
                                                             "shifts": [{"activities": [activity(start, 90)]}]}))
    (tmp_path / "broken.json").write_text("{")
    one = run_cli(".", "--jobs", "1", "--format", "json", cwd=tmp_path)
    two = run_cli(".", "--jobs", "2", "--format", "json", cwd=tmp_path)
    assert one.code == two.code == 1
    assert one.out == two.out
    assert '"WFM301"' in one.out and '"WFM001"' in one.out


def test_no_progress_bar_when_not_on_a_terminal(tmp_path):
    for index in range(30):
        (tmp_path / f"p{index}.json").write_text(update({"userId": f"a{index}"}))
    result = run_cli(".", cwd=tmp_path)
    assert result.err == "" and result.out == "No problems in 30 files.\n"
