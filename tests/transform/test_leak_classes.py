"""One test per class of personal value that leaked from masked rows on text the detectors were
not tuned on: names with no English cue, phones in international form that libphonenumber's
metadata does not list as valid, and (with the pipeline) a platform's own profile fields and
the free-text fields of ``raw`` records."""

from __future__ import annotations

import dataclasses
import functools
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archiver.crawl.engine import run_archive
from archiver.demo import source_entry
from archiver.ops.restore import restore
from archiver.simulators.peki import PekiSimulator
from archiver.sources.base import Record
from archiver.transform.mask import Masker, SubjectValues
from archiver.transform.policy import Policy, load_policy
from archiver.transform.pseudonym import Pseudonymizer
from tests.conftest import examples, open_ctx
from tests.contract.platforms import KorePlatform, SelisePlatform
from tests.transform.test_pipeline import _config, _masked_cells, keyed_dir

__all__ = ["keyed_dir"]  # the fixture, shared with the pipeline tests

MASKER = Masker(load_policy(), Pseudonymizer(b"k" * 32))


def _clear(text: str, value: str) -> bool:
    """``value`` still readable in ``text`` as a whole word."""
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text) is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A signature line: the name opens the line of a phone number or an address.
        ("Obrigada pela ajuda!\nFernanda Oliveira, +55 11 91234-5678", ["Fernanda", "Oliveira"]),
        ("Dziękuję\nJan Kowalski | jan.kowalski@example.pl", ["Jan", "Kowalski"]),
        # Cues in other languages.
        ("Merhaba, ben Zeynep Arıkan. Siparişim gelmedi.", ["Zeynep", "Arıkan"]),
        ("Adım Oğuzhan, kargom nerede?", ["Oğuzhan"]),
        ("Bonjour, je m'appelle Amélie Durand et ma commande est en retard.", ["Amélie", "Durand"]),
        ("Hola, me llamo Joaquín Fernández, tengo un problema.", ["Joaquín", "Fernández"]),
        ("Buongiorno, mi chiamo Giulia Esposito.", ["Giulia", "Esposito"]),
        ("Olá, meu nome é João Pereira e preciso de ajuda.", ["João", "Pereira"]),
        ("Hallo, ich heiße Jürgen Bäcker.", ["Jürgen", "Bäcker"]),
        ("Goedemiddag, ik ben Sanne de Graaf, klant sinds 2019.", ["Sanne", "Graaf"]),
        ("Dzień dobry, nazywam się Łukasz Wiśniewski.", ["Łukasz", "Wiśniewski"]),
        ("Teşekkürler Ayşe Hanım, iyi günler.", ["Ayşe"]),
        ("Saludos,\nValentina Restrepo", ["Valentina", "Restrepo"]),
    ],
)
def test_names_without_an_english_cue_are_masked(text: str, names: list[str]) -> None:
    out = MASKER.mask_text(text)
    assert not [n for n in names if _clear(out, n)], out
    assert "<NAME:" in out


@pytest.mark.parametrize(
    "text",
    [
        "I'm Sorry to hear that.",
        "Ich bin Kunde seit 2019 und warte noch.",
        "This is Urgent, please help.",
        "Merhaba, siparişim ne zaman gelir?",
        "Thanks, that worked!",
        "Tel: +90 532 123 45 67",
    ],
)
def test_cues_before_ordinary_words_leave_them(text: str) -> None:
    assert "<NAME" not in MASKER.mask_text(text), MASKER.mask_text(text)


@pytest.mark.parametrize(
    "number",
    [
        "+1 555 010 9999",  # 555-01xx: reserved, not valid in the metadata
        "+49 1234 5678901",  # a German range the metadata does not list
        "0049 1234 5678901",
        "+90 599 123 45 67",  # an unassigned Turkish range (a new one would look the same)
        "+33 7 00 00 00 00",
    ],
)
def test_international_phone_numbers_that_are_possible_but_not_valid_are_masked(
    number: str,
) -> None:
    parsed = phonenumbers.parse("+" + number[2:] if number.startswith("00") else number)
    assert phonenumbers.is_possible_number(parsed)
    assert not phonenumbers.is_valid_number(parsed)  # the class this test is about
    out = MASKER.mask_text(f"Reach me on {number} after six.")
    assert number not in out and "<PHONE:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Order 00123456789 shipped.",
        "Tracking 0090123456789012 is late.",  # 00 + 14 digits: no personal number that long
        "Version +1.2.3 released on 2024-05-06.",
        "Total +1,234.56 EUR",
    ],
)
def test_recall_first_phones_leave_numeric_decoys(text: str) -> None:
    assert MASKER.mask_text(text) == text


def test_national_forms_keep_the_validity_check() -> None:
    # Ten digits that fit no region's valid ranges stay (an order or customer number).
    text = "Customer number 1234567890."
    assert MASKER.mask_text(text) == text


# --- through the pipeline: simulator → run → restore ------------------------------------------


def _archive(template: Path, tmp_path: Path, entry: dict[str, Any]) -> str:
    """Run once into a fresh archive and restore it: every masked cell, as one string."""
    cfg = _config(template, tmp_path / "cfg", entry)
    ctx = open_ctx(cfg)
    report = run_archive(ctx)
    assert report.exit_code == 0, report
    restore(ctx, tmp_path / "restored")
    cells = _masked_cells(tmp_path / "restored")
    assert cells
    return "\n".join(cells)


def test_kore_bot_addressing_the_user_by_the_full_name_in_user_tags(
    keyed_dir: Path, tmp_path: Path
) -> None:
    p = KorePlatform(seed=21, users=2)
    p.start()
    try:
        bot = p.tenants[0]
        uid = p.sim.add_user(bot)  # a conversation open now, whatever the seed left open
        sid = next(s for s, r in p.sim.truth(bot)["sessions"].items() if r["userId"] == uid)
        tags = [
            {"name": "fullName", "value": "Xavier Quinteros"},
            {"name": "Mobile", "value": "+90 599 123 45 67"},
            {"name": "plan", "value": "gold"},
        ]
        p.sim.update_session(bot, sid, tags={"userTags": tags, "sessionTags": []})
        p.sim.add_message(
            bot,
            sid,
            "Your booking for Xavier Quinteros is confirmed; we will text 0599 123 45 67.",
            incoming=False,
        )
        blob = _archive(keyed_dir, tmp_path, p.source_entry())
    finally:
        p.stop()
    assert "Your booking for <NAME:" in blob  # the message was archived, masked
    for value in ("Xavier", "Quinteros", "599 123 45 67"):
        assert not _clear(blob, value), value
    assert "gold" not in blob  # tag values stay pseudonymised, as before


def test_a_name_revealed_late_is_masked_in_the_messages_before(
    keyed_dir: Path, tmp_path: Path
) -> None:
    sim = PekiSimulator(
        seed=5, chatbot_ids=("bot1",), users_per_bot=2, rate_limit_per_minute=1_000_000
    )
    sim.start()
    try:
        truth = sim.truth("bot1")
        sid = sorted(truth["sessions"])[0]
        uid = truth["sessions"][sid]["chatUserId"]
        other = sorted(s for s, v in truth["sessions"].items() if v["chatUserId"] == uid)[-1]
        # Messages are listed newest first: the message naming the user without a cue reaches
        # the archiver before the one that reveals the name.
        sim.add_message("bot1", sid, text="Meu nome é Ximena Quintanilha, preciso de ajuda.")
        sim.add_message("bot1", sid, text="quintanilha again: any news about the refund?")
        sim.add_message("bot1", other, text="Ximena: and the other order?")
        blob = _archive(keyed_dir, tmp_path, source_entry("peki-main", sim))
    finally:
        sim.stop()
    assert "again: any news about the refund?" in blob
    for value in ("Ximena", "Quintanilha", "quintanilha"):
        assert not _clear(blob, value), value


def test_selise_phone_in_a_session_free_text_field(keyed_dir: Path, tmp_path: Path) -> None:
    p = SelisePlatform(seed=13, users=2)
    p.start()
    try:
        agent = p.tenants[0]
        sid = p.sim.session_ids(agent)[0]
        p.sim.annotate_session(
            agent,
            sid,
            feedback="Call me back on +90 599 123 45 67 please",
            tags=["callback", "Bruno Carvalho, +55 11 5123-4567"],
        )
        blob = _archive(keyed_dir, tmp_path, p.source_entry())
    finally:
        p.stop()
    assert "Call me back on <PHONE:" in blob
    for value in ("599 123 45 67", "5123-4567", "Bruno", "Carvalho"):
        assert not _clear(blob, value), value


def _message(mid: str, session: str, user: str, text: str) -> Record:
    t = datetime(2025, 1, 1, tzinfo=UTC)
    data = {"id": mid, "chatUserId": user, "chatSessionId": session, "text": text}
    return Record("messages", mid, data, t, t, user, session)


def _holding(hold: int) -> SubjectValues[str]:
    return _holding_masker(hold).subject_values()


@functools.cache
def _holding_masker(hold: int) -> Masker:
    """A masker of the default policy holding ``hold`` records (one per value: building a
    masker takes longer than an example). The setting replaced in the parsed policy, as
    ``detectors.learn.hold_records`` would set it: parsing the policy again for each value
    cost seconds of the suite."""
    policy = _default_policy()
    learn = dataclasses.replace(policy.detectors, learn_hold_records=hold)
    return Masker(dataclasses.replace(policy, detectors=learn), Pseudonymizer(b"k" * 32))


@functools.cache
def _default_policy() -> Policy:
    return load_policy(None)


@settings(max_examples=examples(60), deadline=None)
@given(
    order=st.permutations(range(4)),
    hold=st.integers(0, 6),
)
def test_held_records_leave_with_everything_their_conversation_taught(
    order: list[int], hold: int
) -> None:
    """Whatever order a conversation's messages arrive in: with the whole conversation held,
    each leaves knowing the name; without holding, only those after the reveal do; and every
    record leaves exactly once."""
    texts = [
        "ok, any news?",
        "Hi, my name is Ximena Quintanilha.",
        "quintanilha again",
        "Ximena here, still waiting",
    ]
    sv = _holding(hold)
    out: list[tuple[Record, str, Any]] = []
    for i in order:
        rec = _message(f"m{i}", "s1", "u1", texts[i])
        sv.learn("peki", rec)
        out.extend(sv.hold(rec, f"m{i}"))
    out.extend(sv.drain())
    assert sorted(p for _, p, _ in out) == ["m0", "m1", "m2", "m3"]
    for rec, _, known in out:
        revealed_before = order.index(1) <= order.index(int(rec.id[1:]))
        if hold >= 4 or revealed_before:
            assert known is not None and ("name", "ximena quintanilha") in known.values
        masked = MASKER.mask_text(rec.data["text"], known)
        if hold >= 4:
            assert "Ximena" not in masked and "uintanilha" not in masked, masked


def test_a_cue_written_with_a_turkish_capital_i() -> None:
    """'İsmim' lower-cases to 'i̇smim' (with a combining dot): the cue must still be found."""
    out = MASKER.mask_text("İsmim Kıvanç Dönmez, yardımcı olur musunuz?")
    assert out.startswith("İsmim <NAME:") and "Dönmez" not in out, out
