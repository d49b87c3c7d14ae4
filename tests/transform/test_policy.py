"""The masking policy: schema, the shipped default's coverage of every documented personal
field, path rules inside ``raw``, and how the config selects and overrides it."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from archiver.config import load_config
from archiver.context import Context
from archiver.errors import ConfigError
from archiver.sources.base import Record
from archiver.timeutil import parse_ts
from archiver.transform import policy as policy_module
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy, parse_policy
from archiver.transform.pseudonym import Pseudonymizer
from archiver.transform.rows import build_rows
from tests.conftest import write_config

PSEUDO = Pseudonymizer(b"p" * 32)
MASKER = Masker(load_policy(), PSEUDO)
DEFAULT_FILE = resources.files("archiver").joinpath("policies", "default.yaml")

# Records shaped as in specs/source-apis.md, every personal value planted (PII_*), next to
# values that are not personal and must survive (KEEP_*).
PEKI_USER = {
    "id": "6612a1b2c3d4e5f6a7b8c9d0",
    "chatbotId": "KEEP_bot",
    "firstName": "PIIJohn",
    "lastName": "PIIDoe",
    "email": "pii.john@example.com",
    "phoneNumber": "+905321234567",
    "username": "PII_johndoe",
    "source": "KEEP_Dev",
    "dataDictionary": {"city": "PII_Istanbul"},
    "messageTimestamp": "2025-04-08T12:00:00Z",
    "lastReceivedText": "PII hello from PIIJohn",
    "createdAt": "2025-04-01T10:00:00Z",
    "updatedAt": "2025-04-08T12:00:00Z",
}
PEKI_SESSION = {
    "id": "KEEP_s1",
    "chatbotId": "KEEP_bot",
    "chatUserId": "6612a1b2c3d4e5f6a7b8c9d0",
    "threadId": "KEEP_thread",
    "status": "Closed",
    "subject": "Refund",
    "summary": "PIIJohn asked for a refund to DE89370400440532013000",
    "behaviour": "Calm",
    "tags": ["refund", "pii.john@example.com"],
    "chatUserName": "PIIJohn PIIDoe",
    "createdAt": "2025-04-01T10:00:00Z",
    "updatedAt": "2025-04-08T12:00:00Z",
}
PEKI_MESSAGE = {
    "id": "KEEP_m1",
    "chatbotId": "KEEP_bot",
    "chatSessionId": "KEEP_s1",
    "chatUserId": "6612a1b2c3d4e5f6a7b8c9d0",
    "senderType": "User",
    "text": "I'm PIIJohn, call 0532 123 45 67, card 4111 1111 1111 1111",
    "url": "https://cdn.example.com/u/x.jpg?token=PIIsecret",
    "createdAt": "2025-04-01T10:00:00Z",
}
KORE_SESSION = {
    "sessionId": "KEEP_ks1",
    "botId": "st-KEEP",
    "channel": "rtm",
    "userId": "pii.alan@abc.com",
    "start_time": "2023-05-18T07:10:38.695Z",
    "sessionStatus": "closed",
    "tags": {
        "userTags": [{"name": "KEEP_tagname", "value": "pii.alan@abc.com"}],
        "sessionTags": [{"name": "KEEP_topic", "value": "mail pii.alan@abc.com"}],
    },
    "noOfMessagesExchanged": 3,
}
KORE_MESSAGE = {
    "_id": "ms-KEEP",
    "type": "incoming",
    "createdBy": "pii.alan@abc.com",
    "createdOn": "2023-07-18T09:46:46.925Z",
    "botId": "st-KEEP",
    "sessionId": "KEEP_ks1",
    "channels": [{"type": "rtm", "channelUId": "pii.alan@abc.com"}],
    "components": [
        {
            "_id": "cp-KEEP",
            "cT": "text",
            "data": {"text": '{"text": "reach me at pii.alan@abc.com"}'},
            "thumbnails": [{"url": "https://u:PIIpw@files.example.com/a.png"}],
        }
    ],
    "tags": {
        "messageTags": [],
        "userTags": [{"name": "KEEP_tag", "value": "PII_vip_alan"}],
        "sessionTags": [],
    },
}
SELISE_SESSION = {
    "session_id": "KEEP_ss1",
    "agent_id": "KEEP_a1",
    "widget_id": "KEEP_w1",
    "user_id": "PII_u9",
    "status": "closed",
    "user_info": {
        "name": "PIIJane PIIRoe",
        "email": "pii.jane@example.com",
        "phone": "+44 7824 123456",
        "location": "PII_New York",
    },
    "user_agent": "PII Mozilla/5.0 (X11; Linux x86_64)",
    "ip_address": "85.12.34.56",
    "metadata": {
        "source": "KEEP_widget",
        "page_url": "https://example.com/s?session=PIIsess",
        "device": "KEEP_desktop",
        "browser": "KEEP_Chrome",
    },
    "feedback": "Thanks! - pii.jane@example.com",
    "rating": 5,
}
SELISE_MESSAGE = {
    "message_id": "KEEP_sm1",
    "role": "user",
    "content": "I am PIIJane, +44 7824 123456",
    "created_at": "2025-01-01T10:00:00Z",
    "metadata": {},
}
SAMPLES = [
    ("peki", "users", PEKI_USER),
    ("peki", "sessions", PEKI_SESSION),
    ("peki", "messages", PEKI_MESSAGE),
    ("kore", "sessions", KORE_SESSION),
    ("kore", "messages", KORE_MESSAGE),
    ("selise", "sessions", SELISE_SESSION),
    ("selise", "messages", SELISE_MESSAGE),
]
PERSONAL = [
    "6612a1b2c3d4e5f6a7b8c9d0",
    "PIIJohn",
    "PIIDoe",
    "pii.john@example.com",
    "5321234567",
    "PII_johndoe",
    "PII_Istanbul",
    "PII hello",
    "DE89370400440532013000",
    "0532 123 45 67",
    "4111 1111 1111 1111",
    "PIIsecret",
    "pii.alan@abc.com",
    "PIIpw",
    "PII_vip_alan",
    "PII_u9",
    "PIIJane",
    "PIIRoe",
    "pii.jane@example.com",
    "7824 123456",
    "PII_New York",
    "PII Mozilla",
    "85.12.34.56",
    "PIIsess",
]


def _known(platform: str) -> Any:
    sv = MASKER.subject_values()
    for p, table, data in SAMPLES:
        if p == platform:
            sv.learn(
                p,
                Record(
                    table,
                    "r",
                    data,
                    parse_ts("2025-01-01T00:00:00Z"),
                    parse_ts("2025-01-01T00:00:00Z"),
                    user_id="u",
                ),
            )
    return sv.of("u")


@pytest.mark.parametrize(("platform", "table", "data"), SAMPLES)
def test_default_policy_masks_every_documented_personal_field(
    platform: str, table: str, data: dict[str, Any]
) -> None:
    out = json.dumps(MASKER.mask_record(platform, table, data, _known(platform)))
    leaked = [v for v in PERSONAL if v in out]
    assert not leaked, f"{platform} {table}: {leaked} in {out}"
    kept = {
        v
        for v in json.dumps(data).split('"')
        if v.startswith(("KEEP_", "st-KEEP", "ms-KEEP", "cp-KEEP"))
    }
    assert kept and all(v in out for v in kept), f"{platform} {table} lost {kept} in {out}"


def test_raw_paths_pseudonymise_consistently_and_join_subjects() -> None:
    a = MASKER.mask_record("kore", "messages", KORE_MESSAGE)
    b = MASKER.mask_record("kore", "messages", {**KORE_MESSAGE, "_id": "ms-2"})
    assert a["channels"] == b["channels"] and a["channels"][0]["type"] == "rtm"
    assert a["channels"][0]["channelUId"].startswith("<CHANNEL_USER:")
    assert a["tags"]["userTags"][0]["name"] == "KEEP_tag"
    assert a["createdBy"] == PSEUDO.subject_id("kore", "pii.alan@abc.com")
    s = MASKER.mask_record("selise", "sessions", SELISE_SESSION)
    assert s["user_info"] == {} and s["user_agent"] == "<USER_AGENT>"
    assert s["ip_address"] == MASKER.mask_text("from 85.12.34.56").removeprefix("from ")
    assert s["metadata"]["page_url"].startswith("<URL:") and s["rating"] == 5


def test_masked_row_subject_matches_pseudonymised_raw_ids() -> None:
    rec = Record(
        "messages",
        "KEEP_m1",
        PEKI_MESSAGE,
        parse_ts(PEKI_MESSAGE["createdAt"]),
        parse_ts(PEKI_MESSAGE["createdAt"]),
        user_id=PEKI_MESSAGE["chatUserId"],
        session_id="KEEP_s1",
    )
    masked, sealed = build_rows(
        source="p",
        source_type="peki",
        tenant="bot",
        record=rec,
        record_hash="h",
        pseudo=PSEUDO,
        masker=MASKER,
        known=None,
    )
    raw = json.loads(masked["raw"])
    assert raw["chatUserId"] == masked["subject_id"]
    assert masked["text"] == raw["text"] and "4111" not in masked["text"]
    assert json.loads(sealed["raw"]) == PEKI_MESSAGE and sealed["user_id"] == rec.user_id


def _policy(doc: str) -> Masker:
    return Masker(parse_policy(doc.encode(), name="t.yaml"), PSEUDO)


def test_path_rules_inherit_and_apply_to_list_elements() -> None:
    m = _policy("""
version: t
platforms:
  x:
    default: keep
    tables:
      users:
        fields:
          a: mask
          a.b: keep
          l[]: drop
          n[].v: redact
          d: {action: pseudonymise, kind: D}
""")
    data = {
        "a": {"b": "x@y.co", "c": "x@y.co"},
        "l": [1, 2],
        "n": [{"v": 1, "w": 2}],
        "d": {"z": 1},
        "k": "x@y.co",
    }
    out = m.mask_record("x", "users", data)
    assert out["a"]["b"] == "x@y.co" and out["a"]["c"].startswith("<EMAIL")
    assert out["l"] == [] and out["n"] == [{"v": "<REDACTED>", "w": 2}]
    assert out["d"].startswith("<D:") and out["k"] == "x@y.co"
    # A documented object that arrives as a list is handled element by element.
    assert m.mask_record("x", "users", {"a": [{"c": "x@y.co"}]})["a"][0]["c"].startswith("<EMAIL")
    strict = _policy("version: t\nplatforms: {x: {default: drop}}")
    assert strict.mask_record("x", "users", data) == {}


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        ("platforms: {x: {}}", "version"),
        ("version: t\nplatforms: {x: {tables: {users: {fields: {a: shred}}}}}", "fields.a"),
        (
            "version: t\ncustom: [{name: c, kind: C, pattern: '('}]\nplatforms: {x: {}}",
            "custom[0].pattern",
        ),
        (
            "version: t\ncustom: [{name: c, kind: C, pattern: 'a', group: g}]\nplatforms: {x: {}}",
            "custom[0].group",
        ),
        (
            "version: t\nplatforms: {x: {tables: {users: {fields: {a: drop, a.b: keep}}}}}",
            "fields.a.b",
        ),
        ("version: t\ndetectors: {phone: {default_region: XX}}\nplatforms: {x: {}}", "region"),
        (
            "version: t\ncolumns: {messages: {message_id: drop}}\nplatforms: {x: {}}",
            "columns.messages.message_id",
        ),
        ("version: t\nplatforms: {x: {tables: {users: {fields: {'a..b': keep}}}}}", "fields"),
        (
            "version: t\ndetectors: {phone: {international: maybe}}\nplatforms: {x: {}}",
            "detectors.phone.international",
        ),
        ("version: t\ndetectors: {names: {cues: hi}}\nplatforms: {x: {}}", "names.cues"),
        ("version: t\ndetectors: {learn: {hold_records: -1}}\nplatforms: {x: {}}", "learn"),
        (
            "version: t\nplatforms: {x: {tables: {users: {fields: {a: {action: mask, "
            "known: guess}}}}}}",
            "fields.a",
        ),
    ],
)
def test_policy_errors_name_the_key(doc: str, where: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_policy(doc.encode(), name="bad.yaml")
    assert "bad.yaml" in str(err.value) and where in str(err.value)
    assert err.value.exit_code == 2


def test_ref_is_the_file_hash_and_settings() -> None:
    data = DEFAULT_FILE.read_bytes()
    ref = load_policy(default_region="US", token_hash=False).ref
    assert ref["sha256"] == hashlib.sha256(data).hexdigest()
    assert ref["version"] == yaml.safe_load(data)["version"]
    assert ref["settings"] == {"default_region": "US", "token_hash": False}


def test_config_selects_policy_and_overrides(peki: Any, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, peki)
    own = tmp_path / "policy.yaml"
    own.write_bytes(DEFAULT_FILE.read_bytes().replace(b'version: "2026.3"', b"version: mine-2"))
    doc = yaml.safe_load(cfg.read_text())
    doc["masking"] = {"policy": "policy.yaml", "default_region": "DE", "token_hash": False}
    cfg.write_text(yaml.safe_dump(doc))
    ctx = Context.open(load_config(cfg))
    assert ctx.policy_ref["version"] == "mine-2"
    assert ctx.policy_ref["sha256"] == hashlib.sha256(own.read_bytes()).hexdigest()
    assert ctx.masker.mask_text("ruf 030 12345678 an") == "ruf <PHONE> an"

    doc["masking"] = {"default_region": "Germany"}
    cfg.write_text(yaml.safe_dump(doc))
    with pytest.raises(ConfigError, match=r"masking\.default_region"):
        load_config(cfg)
    own.write_text("version: t\nplatforms: {kore: {}}\n")
    doc["masking"] = {"policy": "policy.yaml"}
    cfg.write_text(yaml.safe_dump(doc))
    with pytest.raises(ConfigError, match="no rules for platform 'peki'"):
        Context.open(load_config(cfg), commits=True)
    lazy = Context.open(load_config(cfg))  # a command that neither masks nor commits
    with pytest.raises(ConfigError, match="no rules for platform 'peki'"):
        lazy.masker  # noqa: B018 (the policy is read when first used)


def test_the_fast_yaml_loader_reads_the_default_policy_as_the_python_one_does() -> None:
    """Policies are parsed with libyaml's loader where PyYAML has it: the document must be
    the one the pure-Python safe loader gives, and a broken policy must still say where."""

    text = resources.files("archiver.policies").joinpath("default.yaml").read_bytes()
    loader = policy_module._SAFE_LOADER
    assert yaml.load(text, Loader=loader) == yaml.safe_load(text)
    with pytest.raises(ConfigError, match=r"not valid YAML at line 2, column"):
        parse_policy(b"version: 1\n  bad: [\n", name="broken.yaml")
