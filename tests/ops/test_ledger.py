"""The ledger lists what was done with personal data; every entry reads back as a receipt."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from archiver.errors import ConfigError, IntegrityError, UnknownTargetError
from archiver.ops.erase import erase
from archiver.ops.ledger import entries, entry, receipt
from archiver.ops.prune import prune
from archiver.ops.retrieve import retrieve
from archiver.simulators.peki import PekiSimulator
from tests.conftest import open_ctx, sealed_ctx

pytestmark = pytest.mark.usefixtures("parsed_once_in_module")


def test_prune_and_access_entries_read_back_as_receipts(
    peki: PekiSimulator,
    archived: Path,
    tmp_path: Path,
) -> None:
    ctx = sealed_ctx(archived)
    sid = sorted(peki.truth("bot2")["sessions"])[0]
    retrieve(ctx, sid, tmp_path / "t.txt", operator="amy", reason="case 4")
    pruned = prune(ctx, older_than=timedelta(days=3), operator="ops")
    assert pruned.pruned

    found = entries(ctx)
    assert [e.kind for e in found] == ["access", "prune"]  # oldest first
    access, retention = found
    text = receipt(access, signed_by=ctx.verifier.key_id)
    assert "ACCESS RECORD" in text and "Who:           amy" in text and "case 4" in text
    assert "retrieve" in text and sid not in text
    assert all(k in text for k in access.doc["objects"])
    text = receipt(retention, signed_by=ctx.verifier.key_id)
    assert "RETENTION RECEIPT" in text and f"last activity before {pruned.cutoff}" in text
    assert f"Messages:      {pruned.messages}" in text
    assert all(f"{k}: deleted" in text for k in pruned.pruned)
    assert [e.kind for e in entries(ctx, kind="access")] == ["access"]

    # By id, by key, by a unique start of the id.
    assert entry(ctx, retention.id).key == retention.key
    assert entry(ctx, retention.key).key == retention.key
    assert entry(ctx, retention.id[:-12]).key == retention.key
    with pytest.raises(UnknownTargetError):
        entry(ctx, "19990101")
    with pytest.raises(ConfigError, match="2 ledger entries"):
        entry(ctx, "2")
    with pytest.raises(ConfigError, match="--kind"):
        entries(ctx, kind="erasure")


def test_an_altered_entry_is_refused(
    peki: PekiSimulator,
    archived: Path,
) -> None:
    ctx = sealed_ctx(archived)
    report = erase(ctx, sorted(peki.truth("bot1")["users"])[0], reason="DSR", operator="dpo")
    path = archived.parent / "archive" / (report.ledger or "")
    doc = json.loads(path.read_bytes())
    doc["operator"] = "someone else"
    path.chmod(0o600)
    path.write_text(json.dumps(doc, sort_keys=True, separators=(",", ":")) + "\n")
    with pytest.raises(IntegrityError, match="signed"):
        entries(open_ctx(archived, write=False))
