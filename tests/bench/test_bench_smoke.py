"""The crawl and archive benchmarks run end to end in a tiny configuration and print
well-formed tables whose figures hold together."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import crawl_speed, discovery_speed, export_growth, source_requests


def tables(text: str) -> list[list[list[str]]]:
    """Markdown tables in ``text``: rows of cells, the separator row left out."""
    out: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r"-*:?-+:?", c) for c in cells):
                current.append(cells)
        elif current:
            out.append(current)
            current = []
    return out


def well_formed(table: list[list[str]]) -> None:
    header, *rows = table
    assert rows
    assert all(len(r) == len(header) for r in rows), table
    assert all(all(c != "" for c in r[:3]) for r in rows), table


def test_crawl_speed_against_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    results = crawl_speed.main(
        [
            "--users=peki=3,kore=2,selise=2",
            "--window=1",
            "--limit=peki=2,kore=6,selise=4",
            "--settings=limit,limit-clock",
        ]
    )
    main, details = tables(capsys.readouterr().out)
    for t in (main, details):
        well_formed(t)
    # limit-clock: Selise only (rate_limit_window: clock); no 429 there either.
    assert [(r.platform, r.setting) for r in results] == [
        ("peki", "limit binds"),
        ("kore", "limit binds"),
        ("selise", "limit binds"),
        ("selise", "limit binds, clock windows"),
    ]
    assert results[-1].refused == 0
    for r in results:
        assert r.status == "complete" and r.records > 0 and r.requests > 0
        # The limiter let through no more per window than its limit, and nothing beats the
        # limit's bound computed from what it let through. (The latency bound is that of one
        # request after another: requests in flight together may beat it.)
        assert max(r.per_window) <= r.limit
        assert 0 < r.limit_bound / r.crawl_seconds <= 1.05, r
        assert r.bound / r.crawl_seconds > 0
    assert main[1][-1] == f"{results[0].bound / results[0].crawl_seconds:.2f}"


def test_source_requests_against_the_minimum(capsys: pytest.CaptureFixture[str]) -> None:
    source_requests.main(["--users=2", "--new-messages=3", "--changed-sessions=2"])
    table, sizes = tables(capsys.readouterr().out)
    for t in (table, sizes):
        well_formed(t)
    assert [r[0] for r in sizes[1:]] == ["peki", "kore", "selise"]
    header, *rows = table
    assert [(r[0], r[1].split(",")[0]) for r in rows] == [
        (p, run)
        for p in ("peki", "kore", "selise")
        for run in ("full crawl", "incremental", "incremental", "incremental")
    ]
    ratio = header.index("ratio")
    for r in rows:
        used, least = int(r[2]), int(r[3])
        assert used >= least and r[ratio] == f"{used / least:.2f}"


def test_export_and_retrieve_growth(capsys: pytest.CaptureFixture[str]) -> None:
    people, runs = export_growth.main(
        [
            "--users=3",
            "--factors=1,2",
            "--runs=2",
            "--runs-users=3",
            "--new-per-run=2",
            "--repeat=1",
        ]
    )
    by_people, by_runs = tables(capsys.readouterr().out)
    for t in (by_people, by_runs):
        well_formed(t)
    # More people, same reads for one person and one conversation.
    assert people[0].users < people[1].users
    assert people[0].export.objects == people[1].export.objects > 0
    assert people[0].retrieve.objects == people[1].retrieve.objects > 0
    # Every manifest of the stream is read, so reads follow the number of runs.
    one, many = runs
    assert (one.manifests, many.manifests) == (1, 2)
    assert one.export.manifests == one.retrieve.manifests == 1
    assert many.export.manifests == many.retrieve.manifests == 2
    assert one.messages == many.messages


def test_discovery_speed_checks_every_search(capsys: pytest.CaptureFixture[str]) -> None:
    """The generated archive is searched by person, dates and words, and every result is
    checked against what the generator planted (the script asserts it)."""
    rows = discovery_speed.main(["--messages=1000", "--streams=3", "--days=10", "--repeat=1"])
    searches, engines = tables(capsys.readouterr().out)
    well_formed(searches)
    well_formed(engines)
    names = [r["search"] for r in rows]
    assert names[0].startswith("manifests only") and names[1].startswith("by person")
    assert "by date range, 7 days" in names
    assert all(r["conversations"] > 0 for r in rows[1:3])
    read, total = (int(x) for x in rows[1]["objects read"].split(" of "))
    assert 0 < read < total


def test_masking_quality_held_out_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    from bench import masking_quality

    masking_quality.main(["--held-out", "--messages=300", "--bank=1", "--seed=3"])
    side, classes = tables(capsys.readouterr().out)
    for t in (side, classes):
        well_formed(t)
    assert [r[0] for r in side[1:]] == list(masking_quality.KINDS)
    assert all(int(r[3]) > 0 for r in side[1:]), side  # every kind planted in the held-out set
    assert any(r[0].startswith("name/cue-") for r in classes[1:])


def test_checkpoint_reads_against_the_whole_chain(capsys: pytest.CaptureFixture[str]) -> None:
    from bench import checkpoints

    assert checkpoints.main(["--manifests=23", "--every=5", "--repeat=1", "--rewrite-every=7"]) == 0
    [table] = tables(capsys.readouterr().out)
    well_formed(table)
    whole, fast = table[1], table[2]
    assert whole[1] == "23"  # every manifest read
    assert fast[1] == "5"  # the checkpoint of 1-20, manifests 20-23


def test_longevity_reports_each_archive_and_the_targets(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from bench import longevity, longevity_kept

    keep = tmp_path / "kept"
    longevity.main(
        ["--runs=3", "--users=3", "--repeat=1", "--idle-repeat=1", "--clock=cpu", f"--keep={keep}"]
    )
    out = capsys.readouterr().out
    # Each state measured is an archive of its own, kept.
    assert sorted(p.name for p in keep.iterdir()) == ["at-1", "one", "runs", "runs-uncompacted"]
    assert "archives interleaved" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "archive" not in line]
    assert [r.split("|")[1].strip() for r in rows] == [
        "1 run (same data)",
        "R runs, at R = 1",
        "3 runs",
        "3 runs, compacted",
    ]
    # 3 runs leave more objects than one; compaction takes some away again.
    objects = [int(r.split("|")[2].split()[0]) for r in rows]
    assert objects[2] > objects[0] and objects[3] < objects[2]
    assert "objects:" in out and "idle run vs R = 1" in out and "cpu clock" in out

    # The chain read's steps on the kept archives: the compacted one from its checkpoint.
    assert longevity_kept.main([str(keep), "--users=3", "--steps", "--repeat=1"]) == 0
    steps = [r.split("|")[1:3] for r in capsys.readouterr().out.splitlines() if r.startswith("| ")]
    named = {(a.strip(), s.strip().split(" (")[0]) for a, s in steps}
    assert ("one", "manifest 1") in named and ("runs", "checkpoint") in named


def test_masking_throughput_reports_the_share_and_leaves_the_collector_as_it_was(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from bench import masking_throughput

    before = gc.get_threshold()
    monkeypatch.setattr("sys.argv", ["masking_throughput.py", "--users", "8", "--repeat", "1"])
    code = masking_throughput.main()
    assert gc.get_threshold() == before
    out = capsys.readouterr().out
    (table,) = tables(out)
    well_formed(table)
    assert {(r[0], r[1]) for r in table[1:]} == {
        (k, c) for k in ("masked", "no-op") for c in ("wall", "CPU")
    }
    share = re.search(r"masking share of the local pipeline: (-?[\d.]+)% wall-clock", out)
    assert share is not None and -100 < float(share.group(1)) < 100, out
    assert code == (0 if float(share.group(1)) < 30 else 1)  # the exit code says: target met


def test_masking_split_names_every_variant_and_adds_up(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench import masking_split

    monkeypatch.setattr("sys.argv", ["masking_split.py", "--users", "8", "--repeat", "1"])
    assert masking_split.main() == 0
    out = capsys.readouterr().out
    (table,) = tables(out)
    well_formed(table)
    variants = {r[0] for r in table[1:]}
    assert {"no-op", "masked", "masked, texts pre-scanned"} <= variants, variants
    assert any(v.startswith("scans alone: NameFinder.find") for v in variants), variants
    got = {r[0]: float(r[1]) for r in table[1:]}
    masking = re.search(r"masking \(masked - no-op\): ([\d.]+)", out)
    scans = re.search(r"scans of distinct texts \(masked - pre-scanned\): (-?[\d.]+)", out)
    rest = re.search(r"per-record work \(pre-scanned - no-op\): (-?[\d.]+)", out)
    assert masking and scans and rest, out
    # The split is the table's own differences: what it prints adds up to what it measured.
    assert float(masking.group(1)) == pytest.approx(got["masked"] - got["no-op"], abs=0.11)
    assert float(scans.group(1)) + float(rest.group(1)) == pytest.approx(
        float(masking.group(1)), abs=0.11
    )
