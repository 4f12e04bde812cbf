"""Plugins: rules from an installed distribution's `wfmlint.rules` entry points, found by the
real command (the quick scan for the group, then importlib.metadata)."""
from __future__ import annotations

import textwrap

import pytest

from .conftest import run_cli, update

PLUGIN = textwrap.dedent('''
    """Shift ids must start with "s-".

    ## What it does
    A house rule of the team that wrote it.
    """
    from wfmlint.findings import Issue

    CODE = "ACME001"
    NAME = "acme-shift-prefix"
    SEVERITY = "warning"
    OPTIONS = {}


    def check(payload, options):
        for agent in payload.facts.agents:
            for shift_id, pointer in agent.shift_ids:
                if not shift_id.startswith("s-"):
                    yield Issue(CODE, "shift id must start with s-", pointer)
''')

PAYLOAD = update({"userId": "agent-1", "metadata": {"version": 2}, "shifts": [
    {"id": "x-1", "startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60,
     "activities": [{"startDate": "2026-11-24T08:00:00Z", "lengthMinutes": 60, "activityCodeId": "0",
                     "description": ""}]}]})


def install_plugin(site, group: str = "wfmlint.rules", egg: bool = False):
    """What `pip install acme-wfm-rules` leaves on the path: a module and its dist-info (or an
    old-style egg directory, itself on the path); returns the path entry."""
    if egg:
        site = site / "acme_wfm_rules-1.0.egg"
        info = site / "EGG-INFO"
    else:
        info = site / "acme_wfm_rules-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "acme_wfm_rules.py").write_text(PLUGIN)
    (info / ("PKG-INFO" if egg else "METADATA")).write_text(
        "Metadata-Version: 2.1\nName: acme-wfm-rules\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{group}]\nacme = acme_wfm_rules\n")
    return site


@pytest.mark.parametrize("egg", [False, True], ids=["dist-info", "egg"])
def test_an_installed_plugin_rule_reports(tmp_path, egg):
    site = tmp_path / "site"
    site.mkdir()
    entry = install_plugin(site, egg=egg)
    (tmp_path / "payload.json").write_text(PAYLOAD)
    env = {"PYTHONPATH": str(entry)}
    result = run_cli("payload.json", "--extend-select", "ACME", "--color", "never", cwd=tmp_path, env=env)
    assert result.out.startswith("payload.json:13:17: ACME001 shift id must start with s-\n"), result.out + result.err
    # like any rule outside WFM's default set, it runs once selected
    assert "ACME001" not in run_cli("payload.json", cwd=tmp_path, env=env).out
    assert run_cli("explain", "ACME001", cwd=tmp_path, env=env).out.startswith("# ACME001 acme-shift-prefix")
    assert "ACME001  acme-shift-prefix" in run_cli("rules", cwd=tmp_path, env=env).out


def test_a_distribution_of_another_group_loads_nothing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, group="console_scripts")
    (tmp_path / "payload.json").write_text(PAYLOAD)
    result = run_cli("explain", "ACME001", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert result.code == 2 and "unknown rule 'ACME001'" in result.err
