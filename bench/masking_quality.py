"""Masking quality: precision and recall per kind of personal value, on a seeded corpus.

    .venv/bin/python bench/masking_quality.py [--messages 20000] [--seed 1] [--show 5]

The corpus comes from ``archiver.simulators.synth``: user messages (``generate_text`` and the
harder ``generate_eval_text``: more formats of emails, phones, cards, IBANs, IPs and URLs with
credentials) and bot replies that echo values, with decoys that are not personal (order
numbers, dates, times, prices, versions, UUIDs, 16-digit numbers failing Luhn, IBAN-shaped
strings failing mod-97, plain URLs, coordinates, tracking codes). Every planted value is known.

Scored with the shipped default policy, twice: detectors alone (a stranger's values), and with
the author's own profile values known (as the crawler has them).

- recall: planted occurrences whose every character is covered by a detection of the same kind
  ("any" column: by a detection of any kind, i.e. not leaked);
- precision: detections that overlap a planted value of their kind, over all detections.

Targets (issue 5): recall ≥ 0.99 and precision ≥ 0.97 for each structured kind.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from archiver.simulators import synth
from archiver.transform.detectors import Detectors, KnownValues, Span, known_values
from archiver.transform.policy import load_policy

STRUCTURED = ("email", "phone", "card", "iban", "ip", "url")
KINDS = (*STRUCTURED, "name")


@dataclass
class Sample:
    text: str
    planted: list[tuple[str, str]]
    own: list[tuple[str, str]]  # the author's profile values


def corpus(n: int, seed: int) -> list[Sample]:
    rng = random.Random(seed)
    out: list[Sample] = []
    while len(out) < n:
        person = synth.make_person(rng)
        own = [("name", person.first_name), ("name", person.last_name)]
        own += [("email", person.email), ("phone", person.phone)]
        last: list[tuple[str, str]] = []
        for _ in range(rng.randint(1, 4)):
            text, planted = synth.generate_eval_text(rng, person)
            out.append(Sample(text, planted, own))
            last = planted or last
            reply, echoed = synth.generate_reply(rng, person, last)
            out.append(Sample(reply, echoed, own))
    return out[:n]


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + 1)
    return out


@dataclass
class Score:
    planted: Counter[str]
    found: Counter[str]
    found_any: Counter[str]
    detections: Counter[str]
    true_pos: Counter[str]
    misses: dict[str, list[str]]
    false_pos: dict[str, list[str]]


def score(samples: list[Sample], detectors: Detectors, *, with_known: bool) -> Score:
    s = Score(
        Counter(), Counter(), Counter(), Counter(), Counter(), defaultdict(list), defaultdict(list)
    )
    regions = detectors.settings.phone_regions
    for sm in samples:
        known: KnownValues | None = None
        if with_known:
            known = known_values(
                sm.own, min_length=detectors.settings.known_min_length, regions=regions
            )
        spans: list[Span] = detectors.find(sm.text, known)
        truth = sorted({(k, a, b) for k, v in sm.planted for a, b in _occurrences(sm.text, v)})
        for kind, a, b in truth:
            s.planted[kind] += 1
            same = _covered(spans, a, b, kind)
            s.found[kind] += same
            s.found_any[kind] += _covered(spans, a, b, None)
            if not same:
                s.misses[kind].append(sm.text)
        for sp in spans:
            kind = sp.kind.lower()
            s.detections[kind] += 1
            hit = any(k == kind and sp.start < b and a < sp.end for k, a, b in truth)
            s.true_pos[kind] += hit
            if not hit:
                s.false_pos[kind].append(f"{sm.text[sp.start : sp.end]!r} in {sm.text!r}")
    return s


def _covered(spans: list[Span], a: int, b: int, kind: str | None) -> bool:
    chars = set(range(a, b))
    for sp in spans:
        if kind is None or sp.kind.lower() == kind:
            chars -= set(range(sp.start, sp.end))
    return not chars


def report(title: str, s: Score, show: int) -> bool:
    print(f"\n{title}")
    print("| kind | planted | recall | recall (any token) | detections | precision | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    ok = True
    for kind in KINDS:
        n, det = s.planted[kind], s.detections[kind]
        recall = s.found[kind] / n if n else float("nan")
        any_ = s.found_any[kind] / n if n else float("nan")
        precision = s.true_pos[kind] / det if det else float("nan")
        target = ""
        if kind in STRUCTURED:
            met = recall >= 0.99 and precision >= 0.97
            ok &= met
            target = "met" if met else "MISSED"
        print(f"| {kind} | {n} | {recall:.4f} | {any_:.4f} | {det} | {precision:.4f} | {target} |")
    for kind in sorted(set(s.misses) | set(s.false_pos)):
        for label, items in (("missed", s.misses[kind]), ("false positive", s.false_pos[kind])):
            for item in items[:show]:
                print(f"  {kind} {label}: {item}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=0, help="print up to N misses/false positives")
    args = ap.parse_args()
    policy = load_policy()
    detectors = Detectors(policy.detectors)
    samples = corpus(args.messages, args.seed)
    decoys = sum(1 for sm in samples if not sm.planted)
    print(
        f"corpus: {len(samples)} messages (seed {args.seed}), {decoys} without personal values;"
        f" policy {policy.name} version {policy.version}"
    )
    ok = report("detectors alone", score(samples, detectors, with_known=False), args.show)
    ok &= report(
        "with the author's profile values", score(samples, detectors, with_known=True), args.show
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
