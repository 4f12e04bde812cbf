"""Named files are compared with the rest of their project (the hook's case): conflicts with
committed files are found, findings stay on the named files, and facts come from a cache."""
import json
import os

import pytest

from tests.conftest import ROOT, activity, run_cli, update


def _payload(user: str, version: int, start: str) -> str:
    return update({"userId": user, "metadata": {"version": version},
                   "shifts": [{"activities": [activity(start, 60)]}]})


@pytest.fixture
def project(tmp_path):
    (tmp_path / "wfmlint.toml").write_text('include = ["payloads/**/*.json"]\n')
    payloads = tmp_path / "payloads"
    payloads.mkdir()
    (payloads / "committed.json").write_text(_payload("a", 5, "2026-11-24T08:00:00Z"))
    (payloads / "other.json").write_text(_payload("b", 1, "2026-11-24T08:00:00Z"))
    (payloads / "also-b.json").write_text(_payload("b", 1, "2026-11-24T08:30:00Z"))  # committed vs committed
    (payloads / "staged.json").write_text(_payload("a", 5, "2026-11-24T08:30:00Z"))
    return tmp_path


def test_a_named_file_is_compared_with_the_committed_ones(project):
    result = run_cli("payloads/staged.json", cwd=project)
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("payloads/staged.json:9:20: WFM405 agent \"a\" at version 5 is also "
                               "written by payloads/committed.json")
    assert lines[1] == "  payloads/committed.json:9:20: note: the other write"
    assert lines[2].startswith("payloads/staged.json:12:9: WFM301")
    assert lines[3].startswith("  payloads/committed.json:12:9: note: the earlier shift")
    # the conflict between two committed files is theirs, not this run's
    assert "also-b.json" not in result.out and "other.json" not in result.out
    assert lines[-1] == "Found 2 errors in 1 of 1 file."


def test_without_the_project_only_the_named_files_count(project):
    assert run_cli("payloads/staged.json", "--no-project", cwd=project).out == "No problems in 1 file.\n"


def test_a_finding_placed_in_a_committed_file_is_kept_when_it_names_a_named_one(project):
    """WFM301 is reported by the later-starting entry, here the committed one."""
    (project / "payloads" / "staged.json").write_text(_payload("a", 6, "2026-11-24T07:30:00Z"))
    result = run_cli("payloads/staged.json", cwd=project)
    assert result.out.splitlines()[0].startswith("payloads/committed.json:12:9: WFM301")
    assert result.out.splitlines()[1].startswith("  payloads/staged.json:12:9: note:")
    assert result.out.splitlines()[-1] == "Found 1 error in 1 of 2 files."


def test_stdin_under_a_file_name_is_compared_with_the_project_as_that_file(project):
    """An editor shelling out (`check - --stdin-filename`) gets the hook's verdict: the buffer
    takes the place of the file on disk, and is compared with the other files."""
    staged = project / "payloads" / "staged.json"
    as_file = run_cli("payloads/staged.json", cwd=project)
    as_stdin = run_cli("-", "--stdin-filename", "payloads/staged.json", cwd=project, stdin=staged.read_bytes())
    assert (as_stdin.code, as_stdin.out) == (as_file.code, as_file.out)
    assert "WFM405" in as_stdin.out
    # the buffer, not the file on disk: an edit that removes the conflict removes the findings
    edited = _payload("a", 6, "2026-11-24T12:00:00Z").encode()
    assert run_cli("-", "--stdin-filename", "payloads/staged.json", cwd=project,
                   stdin=edited).out == "No problems in 1 file.\n"
    # a new file, not yet on disk, is compared with every file there
    new = run_cli("--stdin-filename", "payloads/new.json", cwd=project, stdin=staged.read_bytes())
    assert [line.split()[1] for line in new.out.splitlines() if line.startswith("payloads/new.json:")] == [
        "WFM405", "WFM301", "WFM304"]
    assert run_cli("-", "--stdin-filename", "payloads/staged.json", "--no-project", cwd=project,
                   stdin=staged.read_bytes()).out == "No problems in 1 file.\n"


def test_batches_agree(project):
    """pre-commit splits a long list of files into batches: each sees the whole project."""
    together = run_cli("payloads/staged.json", "payloads/other.json", "--format", "json", cwd=project)
    apart = [run_cli(name, "--format", "json", cwd=project)
             for name in ("payloads/staged.json", "payloads/other.json")]
    findings = sorted(json.loads(together.out), key=lambda f: (f["path"], f["line"]))
    split = sorted([f for run in apart for f in json.loads(run.out)], key=lambda f: (f["path"], f["line"]))
    assert [(f["path"], f["code"]) for f in findings] == [(f["path"], f["code"]) for f in split]


def test_facts_come_from_the_cache_and_a_change_is_seen(project, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    env = {"WFMLINT_CACHE_DIR": str(cache)}
    first = run_cli("payloads/staged.json", cwd=project, env=env)
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert [p.name for p in entries] == ["facts.msgpack"]  # one file for the project
    assert run_cli("payloads/staged.json", cwd=project, env=env).out == first.out
    (project / "payloads" / "committed.json").write_text(_payload("a", 4, "2026-11-24T12:00:00Z"))
    assert run_cli("payloads/staged.json", cwd=project, env=env).out == "No problems in 1 file.\n"


def test_a_corrupt_or_planted_cache_entry_is_never_trusted_as_code(project, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    env = {"WFMLINT_CACHE_DIR": str(cache)}
    first = run_cli("payloads/staged.json", cwd=project, env=env)
    for entry in (p for p in cache.rglob("*") if p.is_file()):
        entry.write_bytes(b"\x80\x04cos\nsystem\n(S'touch pwned'\ntR.")  # a pickle that runs a command
    again = run_cli("payloads/staged.json", cwd=project, env=env)
    assert again.out == first.out and again.code == 1
    assert not (project / "pwned").exists()


def test_without_a_config_the_project_is_asked_for(tmp_path):
    """By default only a config declares a project (a file named in a large tree must not make
    wfmlint walk it); the hook asks with --project, and then the git work tree is the project."""
    (tmp_path / "a.json").write_text(_payload("a", 5, "2026-11-24T08:00:00Z"))
    (tmp_path / "b.json").write_text(_payload("a", 5, "2026-11-24T08:30:00Z"))
    assert run_cli("b.json", cwd=tmp_path).out == "No problems in 1 file.\n"
    assert run_cli("b.json", "--project", cwd=tmp_path).out == "No problems in 1 file.\n"  # no git
    os.mkdir(tmp_path / ".git")
    assert "WFM405" in run_cli("b.json", "--project", cwd=tmp_path).out


def test_grouped_and_numeric_resources_come_back_from_the_cache_as_keys(tmp_path, tmp_path_factory):
    """msgpack has no tuples: a committed file's numeric resource (`#number`, 7) or a vendor's
    grouped one (a Graph shared shift) came back as a list, and every hook run on a warm cache
    crashed WFM301 and WFM304."""
    (tmp_path / "pyproject.toml").write_text("[tool.wfmlint]\n")
    shift = '{"resourceId": 7, "start": "2026-11-24T0%d:00:00Z", "end": "2026-11-24T0%d:30:00Z"}'
    (tmp_path / "a.json").write_text('{"shifts": [%s]}' % (shift % (8, 9)))
    (tmp_path / "b.json").write_text('{"shifts": [%s]}' % (shift % (9, 9)))
    graph = (ROOT / "tests" / "fixtures" / "realworld" / "msgraph-shifts-list-response-v1.json").read_text()
    (tmp_path / "graph.json").write_text(graph)
    (tmp_path / "graph-copy.json").write_text(graph)
    env = {"WFMLINT_CACHE_DIR": str(tmp_path_factory.mktemp("cache"))}
    cold = run_cli("b.json", "graph-copy.json", "--format", "json", cwd=tmp_path, env=env)
    warm = run_cli("b.json", "graph-copy.json", "--format", "json", cwd=tmp_path, env=env)
    assert cold.code == warm.code == 1 and warm.out == cold.out and not warm.err
    codes = {(f["path"], f["code"]) for f in json.loads(warm.out)}
    assert {("b.json", "WFM301"), ("graph-copy.json", "WFM304")} <= codes


def test_a_cache_larger_than_a_reference_file_is_still_read(tmp_path):
    """A project of a few large payloads makes a cache over 64 MiB (the bound on reference
    files): it was dropped at every run, so every hook run linted the whole project again."""
    from wfmlint.cache import FactsCache
    from wfmlint.files import AUXILIARY_LIMIT
    from wfmlint.payload import FileFacts

    big = FileFacts("big.json", "generic", time_zone="x" * (AUXILIARY_LIMIT + 1))
    cache = FactsCache(tmp_path, "settings")
    cache.put("key", big)
    cache.save()
    assert (tmp_path / "facts.msgpack").stat().st_size > AUXILIARY_LIMIT
    assert FactsCache(tmp_path, "settings").get("key", "big.json") == big


def test_numeric_entry_ids_and_huge_schedule_ids_do_not_spoil_the_cache(tmp_path, tmp_path_factory):
    """A generic entry's numeric id made the cache undecodable (dropped at every run), and a
    schedule id beyond 64 bits made writing it an internal error."""
    (tmp_path / "pyproject.toml").write_text("[tool.wfmlint]\n")
    shift = '{"id": %d, "resourceId": "r", "start": "2026-11-24T0%d:00:00Z", "end": "2026-11-24T0%d:30:00Z"}'
    (tmp_path / "a.json").write_text('{"scheduleId": 100000000000000000000000, "shifts": [%s]}' % (shift % (5, 8, 9)))
    (tmp_path / "b.json").write_text('{"shifts": [%s]}' % (shift % (6, 9, 9)))
    cache = tmp_path_factory.mktemp("cache")
    env = {"WFMLINT_CACHE_DIR": str(cache)}
    first = run_cli("b.json", "--format", "json", cwd=tmp_path, env=env)
    assert first.code == 1 and not first.err, first.err
    (tmp_path / "a.json").write_text('{"shifts": [%s]}' % (shift % (5, 8, 9)))  # a cache can be written now
    cold = run_cli("b.json", "--format", "json", cwd=tmp_path, env=env)
    warm = run_cli("b.json", "--format", "json", cwd=tmp_path, env=env)
    assert warm.out == cold.out and cold.code == 1 and not warm.err
    from wfmlint.cache import FactsCache

    stored = FactsCache(next(p.parent for p in cache.rglob("facts.msgpack")), "")._load()
    assert any(entry.shift_id == 5 for facts in stored.values() for entry in facts.entries)


MANIFEST = '{"permissions": ["wfm:schedule:view"]}'


def test_configs_manifest_in_the_walk_is_one_manifest_named_as_walked(tmp_path):
    """Config `permissions` naming a file the walk finds too: one WFM501, at the file as the
    walk names it (it was reported twice, once under its absolute path)."""
    (tmp_path / "wfmlint.toml").write_text('permissions = "app/permissions.json"\n')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "permissions.json").write_text(MANIFEST)
    (tmp_path / "u.json").write_text(_payload("a", 5, "2026-11-24T08:00:00Z"))
    result = run_cli("--select", "WFM5", cwd=tmp_path)
    assert result.out.splitlines() == [
        "app/permissions.json:1:17: WFM501 the manifest does not grant wfm:schedule:edit, which u.json needs; "
        "add it to the app's permissions", "  u.json:1:1: note: needs wfm:schedule:edit",
        "Found 1 error in 1 of 2 files."]
    alone = run_cli("--select", "WFM5", "u.json", "--no-project", cwd=tmp_path)  # not walked: named alike
    assert alone.out.splitlines()[0].startswith("app/permissions.json:1:17: WFM501")


def test_configs_manifest_in_a_hook_names_the_staged_payload(tmp_path):
    """What the manifest lacks for a staged payload names that payload (it named a committed
    one first); what it lacks for committed payloads alone is not the commit's business."""
    (tmp_path / "wfmlint.toml").write_text('include = ["payloads/**/*.json"]\npermissions = "app/permissions.json"\n')
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "permissions.json").write_text(MANIFEST)
    (tmp_path / "payloads").mkdir()
    (tmp_path / "payloads" / "committed.json").write_text(_payload("a", 5, "2026-11-24T08:00:00Z"))
    (tmp_path / "payloads" / "staged.json").write_text(_payload("b", 5, "2026-11-24T08:00:00Z"))
    result = run_cli("--select", "WFM5", "payloads/staged.json", cwd=tmp_path)
    assert "which payloads/staged.json needs" in result.out and "committed.json" not in result.out
    (tmp_path / "payloads" / "generic.json").write_text(json.dumps(
        {"shifts": [{"resourceId": "r", "startTime": "2026-11-24T08:00:00Z", "endTime": "2026-11-24T09:00:00Z"}]}))
    needs_nothing = run_cli("--select", "WFM5", "payloads/generic.json", cwd=tmp_path)
    assert (needs_nothing.code, needs_nothing.out) == (0, "No problems in 1 file.\n")


def _generic_slot(worker: str, start: str, end: str) -> str:
    return json.dumps({"roster": [{"worker": worker, "from": start, "to": end}]}) + "\n"


def test_a_committed_file_is_read_with_its_own_nearest_config(tmp_path):
    """A subproject's wfmlint.toml maps its vendor's files; its committed files were read with
    the working directory's config (no mapping: no entries), so the hook missed the overlap
    that `--all-files` reported."""
    acme = tmp_path / "acme"
    acme.mkdir()
    (acme / "wfmlint.toml").write_text('[generic]\nentries = "/roster/*"\nresource = "worker"\n'
                                       'start = "from"\nend = "to"\n')
    (acme / "a.json").write_text(_generic_slot("w1", "2026-11-24T08:00:00Z", "2026-11-24T12:00:00Z"))
    (acme / "b.json").write_text(_generic_slot("w1", "2026-11-24T11:00:00Z", "2026-11-24T13:00:00Z"))
    (tmp_path / ".git").mkdir()  # the project: the git work tree around the working directory
    env = {"WFMLINT_CACHE_DIR": str(tmp_path / "cache")}
    named = run_cli("check", "--project", "acme/b.json", cwd=tmp_path, env=env)
    walked = run_cli("check", ".", cwd=tmp_path, env=env)
    assert named.code == walked.code == 1, named.out + named.err
    assert "acme/b.json:1:13: WFM301" in named.out and "acme/b.json:1:13: WFM301" in walked.out


def test_the_cache_key_holds_the_business_units_zone(tmp_path):
    """Local times are read in the business unit's zone; a new zone in its reference file
    (the config unchanged) served the facts cached under the old one."""
    unit = json.loads((ROOT / "tests/fixtures/business_unit/la/bu.json").read_text())
    unit["settings"]["timeZone"] = "UTC"
    (tmp_path / "bu.json").write_text(json.dumps(unit))
    (tmp_path / "wfmlint.toml").write_text(
        '[genesys]\nbusiness-unit = "bu.json"\n[vendor-profiles.acme]\ndetect = [["/roster"]]\n'
        '[[vendor-profiles.acme.entries]]\nitems = ["/roster/*"]\nresource = "worker"\nstart = "from"\n'
        'end = "to"\ntime-format = "local"\ntime-zone = "zone"\n')
    (tmp_path / "a.json").write_text(_generic_slot("w1", "2026-11-24T08:00:00", "2026-11-24T12:00:00"))
    (tmp_path / "b.json").write_text(json.dumps({"roster": [{"worker": "w1", "zone": "UTC", "from": "2026-11-24T14:00:00",
                                                              "to": "2026-11-24T18:00:00"}]}))
    env = {"WFMLINT_CACHE_DIR": str(tmp_path / "cache")}
    assert run_cli("check", "b.json", cwd=tmp_path, env=env).code == 0  # 08:00-12:00 UTC: apart
    unit["settings"]["timeZone"] = "America/New_York"  # a.json is now 13:00-17:00 UTC
    (tmp_path / "bu.json").write_text(json.dumps(unit))
    warm = run_cli("check", "b.json", cwd=tmp_path, env=env)
    assert warm.code == 1 and "WFM301" in warm.out, warm.out + warm.err


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_leaves_the_cache_working(tmp_path):
    """A committed `caf\\xe9.json` (a Latin-1 name) crashed every hook run with exit 2 as its
    facts were cached; it is linted each time instead, and the other files are cached."""
    (tmp_path / ".git").mkdir()
    latin = os.path.join(os.fsencode(tmp_path), b"caf\xe9.json")
    with open(latin, "w") as handle:
        handle.write(_generic_slot("w1", "2026-11-24T08:00:00Z", "2026-11-24T12:00:00Z"))
    (tmp_path / "wfmlint.toml").write_text('[generic]\nentries = "/roster/*"\nresource = "worker"\n'
                                           'start = "from"\nend = "to"\n')
    (tmp_path / "c.json").write_text(_generic_slot("w2", "2026-11-24T08:00:00Z", "2026-11-24T12:00:00Z"))
    (tmp_path / "d.json").write_text(_generic_slot("w1", "2026-11-24T11:00:00Z", "2026-11-24T13:00:00Z"))
    cache = tmp_path / "cache"
    result = run_cli("check", "d.json", cwd=tmp_path, env={"WFMLINT_CACHE_DIR": str(cache)})
    assert result.code == 1 and "d.json:1:13: WFM301" in result.out, result.out + result.err
    assert list(cache.rglob("facts.msgpack"))  # c.json's facts were kept


def test_a_named_payload_is_checked_against_a_committed_manifest(project):
    """Staging the manifest checked it against the committed payloads, but staging a payload
    never checked it against the committed manifest: the commit that brought the need in
    passed, and CI failed."""
    (project / "payloads" / "app.json").write_text('{"permissions": ["wfm:schedule:view"]}')
    result = run_cli("payloads/staged.json", cwd=project)
    assert "payloads/app.json:1:17: WFM501 the manifest does not grant wfm:schedule:edit, which " \
        "payloads/staged.json needs" in result.out, result.out
    (project / "payloads" / "app.json").write_text('{"permissions": ["wfm:schedule:edit"]}')
    assert "WFM501" not in run_cli("payloads/staged.json", cwd=project).out


def test_another_build_of_the_same_version_reads_a_cache_of_its_own(tmp_path):
    """The facts of committed files depend on the code that read them: a development build
    keeps its version number, so the files of the package are part of the key (a new rule or
    profile in an upgrade would otherwise be judged with facts the old code found)."""
    from wfmlint.cache import code_stamp

    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "rules.py").write_text("x = 1\n")
    (package / "data" / "profiles.toml").write_text("")
    first = code_stamp([str(package)])
    (package / "__pycache__" / "rules.pyc").write_bytes(b"compiled")  # byte code is not the code
    assert code_stamp([str(package)]) == first
    (package / "data" / "profiles.toml").write_text("[acme]\n")
    changed = code_stamp([str(package)])
    assert changed != first
    os.utime(package / "rules.py", ns=(0, 0))  # the same bytes, installed again
    assert code_stamp([str(package)]) not in (first, changed)
    assert len(code_stamp()) == 16 and code_stamp() == code_stamp()


def test_a_committed_file_with_an_entry_still_running_is_cached_and_compared(tmp_path, tmp_path_factory):
    """An OPEN Square timecard (the usual state of a live export) had an end past 64 bits: the
    cache could not hold its facts, so every hook run linted the file again."""
    import msgspec

    cache = tmp_path_factory.mktemp("cache")
    (tmp_path / "wfmlint.toml").write_text("")
    open_card = {"id": "A", "team_member_id": "tm1", "start_at": "2026-03-02T09:00:00Z", "status": "OPEN"}
    (tmp_path / "committed.json").write_text(json.dumps({"timecards": [open_card]}, indent=1))
    later = {"id": "B", "team_member_id": "tm1", "start_at": "2026-03-03T09:00:00Z", "end_at": "2026-03-03T17:00:00Z"}
    (tmp_path / "staged.json").write_text(json.dumps({"timecards": [later]}, indent=1))
    env = {"WFMLINT_CACHE_DIR": str(cache)}
    for _ in range(2):  # linted, then read from the cache: the same finding
        result = run_cli("staged.json", cwd=tmp_path, env=env)
        assert result.code == 1 and "WFM301" in result.out and "committed.json:3:3: note" in result.out, result.out
    [stored] = [p for p in cache.rglob("facts.msgpack")]
    assert len(msgspec.msgpack.decode(stored.read_bytes())) == 1  # the committed file's facts


def _generic(user: str, start: str, end: str) -> list:
    return [{"userId": user, "startTime": start, "endTime": end}]


def test_a_committed_file_is_read_under_its_own_configs_size_limit(tmp_path):
    """The root config's max-file-size dropped a committed file that its subproject's config
    allows: the hook passed what `wfmlint check .` failed."""
    (tmp_path / "wfmlint.toml").write_text("max-file-size = 1000\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "wfmlint.toml").write_text("max-file-size = 10000000\n")
    committed = _generic("u1", "2026-11-24T08:00:00Z", "2026-11-24T16:00:00Z") + \
        [_generic(f"u{n}", "2026-11-24T08:00:00Z", "2026-11-24T16:00:00Z")[0] for n in range(2, 30)]
    (tmp_path / "sub" / "c.json").write_text(json.dumps(committed, indent=1))
    assert (tmp_path / "sub" / "c.json").stat().st_size > 1000
    (tmp_path / "sub" / "n.json").write_text(json.dumps(_generic("u1", "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z")))
    env = {"WFMLINT_CACHE_DIR": str(tmp_path / "cache")}
    for cwd, name in ((tmp_path, "sub/n.json"), (tmp_path / "sub", "n.json")):
        result = run_cli("check", "--project", name, cwd=cwd, env=env)
        assert result.code == 1 and "WFM301" in result.out, (cwd, result.out)


def test_the_profile_given_on_the_command_line_is_part_of_the_cached_facts(tmp_path):
    """Facts cached by a run without --profile served a run with it (and the other way
    round): the same command passed or failed by the cache's history."""
    (tmp_path / "wfmlint.toml").write_text("")
    schema_like = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                   "shifts": _generic("u1", "2026-11-24T08:00:00Z", "2026-11-24T16:00:00Z")}
    (tmp_path / "c.json").write_text(json.dumps(schema_like))  # skipped unless claimed
    (tmp_path / "n.json").write_text(json.dumps(_generic("u1", "2026-11-24T10:00:00Z", "2026-11-24T12:00:00Z")))
    env = {"WFMLINT_CACHE_DIR": str(tmp_path / "cache")}
    assert run_cli("check", "--project", "n.json", cwd=tmp_path, env=env).code == 0
    claimed = run_cli("check", "--project", "--profile", "generic", "n.json", cwd=tmp_path, env=env)
    assert claimed.code == 1 and "c.json" in claimed.out, claimed.out
    assert run_cli("check", "--project", "n.json", cwd=tmp_path, env=env).code == 0
