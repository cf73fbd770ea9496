"""`--jobs N`: extraction in N processes gives the same facts and report as in one, whatever the
scheduling (units come back in their order)."""

from __future__ import annotations

from pathlib import Path

from envlint.discover import discover
from envlint.extract.run import extract_all

from .conftest import run_cli

CASE = Path(__file__).parent / "fixtures" / "rules" / "ENV001" / "positive-go-names-from-packages-without-env"


def test_extraction_in_two_processes_gives_the_facts_of_one() -> None:
    files = discover(CASE, (CASE,), (), True).files
    assert extract_all(CASE, files, jobs=2) == extract_all(CASE, files, jobs=1)


def test_check_reports_the_same_with_any_number_of_jobs() -> None:
    one = run_cli("check", "--jobs", "1", str(CASE))
    two = run_cli("check", "--jobs", "2", str(CASE))
    assert (one.exit_code, one.stdout) == (two.exit_code, two.stdout) and one.exit_code == 1
    assert run_cli("check", "--jobs", "0", str(CASE)).exit_code == 2


def test_the_automatic_worker_count_is_the_cores_idle_now(tmp_path, monkeypatch) -> None:
    from envlint.extract import pool

    loadavg = tmp_path / "loadavg"
    loadavg.write_text("3.90 2.10 1.50 2/345 6789\n")  # a busy minute, but only this process runs now
    assert pool.busy(str(loadavg)) == 1.0
    loadavg.write_text("0.10 0.10 0.10 1/345 6789\n")
    assert pool.busy(str(loadavg)) == 0.0
    assert pool.busy(str(tmp_path / "absent")) >= 0.0  # no /proc: the load average
    # A process that runs for an instant is not a busy core: the least of a few readings counts.
    loadavg.write_text("3.90 2.10 1.50 3/345 6789\n")
    monkeypatch.setattr(pool.time, "sleep", lambda seconds: loadavg.write_text("3.90 2.10 1.50 1/345 6789\n"))
    assert pool.busy(str(loadavg)) == 0.0
    # An idle machine is read once: a reading of this process alone cannot go lower, so no pause.
    loadavg.write_text("0.10 0.10 0.10 1/345 6789\n")
    pauses: list[float] = []
    monkeypatch.setattr(pool.time, "sleep", pauses.append)
    assert (pool.busy(str(loadavg)), pauses) == (0.0, [])
    monkeypatch.undo()
    monkeypatch.setattr(pool.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(pool, "busy", lambda: 1.0)
    big = pool.PARALLEL_FROM_BYTES
    assert [pool.workers(None, big, 100), pool.workers(None, big - 1, 100), pool.workers(None, big, 2),
            pool.workers(3, 0, 100), pool.workers(5, 0, 2)] == [3, 1, 2, 3, 2]


def test_extraction_in_this_process_tunes_the_collector_and_gives_it_back() -> None:
    """A unit is extracted with the collector on at pool._THRESHOLDS, and the caller's setting (paused
    while results arrive, analyze.analyze_found) is what it finds afterwards."""
    import gc

    from envlint.extract import pool

    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    gc.disable()
    try:
        seen = pool._collecting(lambda unit: (gc.isenabled(), gc.get_threshold()), ("python", []))
        assert seen == (True, pool._THRESHOLDS)
        assert (gc.isenabled(), gc.get_threshold()) == (False, thresholds)
    finally:
        gc.set_threshold(*thresholds)
        if enabled:
            gc.enable()
