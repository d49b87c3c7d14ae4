"""Phone reader: what reading digit runs for phones costs, this tree against a base tree's
``detectors.py`` (``--base``, a path), in one process.

Texts: the distinct texts the masker of ``bench/masking_throughput.py`` scans (its seeded
Peki records, decoded as the masker decodes them). Both trees' ``Detectors`` (names off:
``bench/scan_gates.py`` and the name finder's benches measure that) are timed interleaved,
fastest of ``--repeat`` passes, warm caches (libphonenumber's answers, which the masking keeps,
are left out): ``Detectors._numbers`` (with ``_national_again``) on the digit runs the scan
hands it, and the whole scan; each with phones on and off, so "phone part" is what phones add.
``--only-phones`` turns every other detector off (as the 2026-12-07 split of the scan did):
IBANs and addresses then no longer claim digit runs, and more of them reach the phone reader.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import re
import sys
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

from archiver.transform import detectors as this
from archiver.transform.mask import Masker
from archiver.transform.policy import load_policy
from archiver.transform.pseudonym import Pseudonymizer
from bench.masking_throughput import records

Calls = list[tuple[list[re.Match[str]], list[tuple[int, int]], list[tuple[int, int]]]]


def load(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("base_detectors", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["base_detectors"] = module
    spec.loader.exec_module(module)
    return module


def texts(users: int) -> list[str]:
    """The distinct texts the masker hands the detectors over the bench's records."""
    seen: dict[str, None] = {}
    masker = Masker(load_policy(), Pseudonymizer(b"\0" * 32))
    scan = masker.detectors.scan_prepared

    def record(text: str) -> Any:
        seen.setdefault(text, None)
        return scan(text)

    masker.detectors.scan_prepared = record  # type: ignore[method-assign]
    for rec in records(users):
        masker.mask_record("peki", rec.table, rec.data)
    return list(seen)


def digit_runs(settings: Any, corpus: list[str]) -> Calls:
    """The arguments the scan hands ``_numbers``, text by text."""
    det = this.Detectors(settings)
    calls: Calls = []
    numbers = det._numbers

    def record(nums: Any, claimed: Any, pending: Any, accounts: Any = ()) -> Any:
        calls.append((nums, list(claimed), list(accounts)))
        return numbers(nums, claimed, pending, accounts)

    det._numbers = record  # type: ignore[method-assign]
    for t in corpus:
        det.scan_prepared(t)
    return calls


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="the base tree's archiver/transform/detectors.py")
    ap.add_argument("--users", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=11)
    ap.add_argument("--only-phones", action="store_true")
    args = ap.parse_args(argv)
    base_module = load(args.base)
    settings = dataclasses.replace(load_policy().detectors, names=None)
    if args.only_phones:
        settings = dataclasses.replace(
            settings, email=False, card=False, iban=False, ip=False, url=False,
            phone_spelled=False, custom=(),
        )  # fmt: skip
    no_phone = dataclasses.replace(settings, phone=False)
    corpus = texts(args.users)
    calls = digit_runs(settings, corpus)
    runs = sum(1 for nums, _, _ in calls for _ in this._pieces(nums))

    def numbers(det: Any) -> None:
        for nums, claimed, accounts in calls:
            pending: list[tuple[int, int, str, str]] = []
            found = list(det._numbers(nums, list(claimed), pending, accounts))
            if pending:
                det._national_again(nums[0].string, pending, found)

    def scan(det: Any) -> None:
        for t in corpus:
            det.scan_prepared(t)

    dets = {
        "base": base_module.Detectors(settings),
        "this": this.Detectors(settings),
        "base, phones off": base_module.Detectors(no_phone),
        "this, phones off": this.Detectors(no_phone),
    }
    pieces: dict[str, Callable[[Any], None]] = {"numbers": numbers, "scan": scan}
    best = {(p, k): float("inf") for p in pieces for k in dets}
    for det in dets.values():  # warm: every cache filled once
        numbers(det)
        scan(det)
    for i in range(args.repeat):
        order = list(dets.items())
        for k, det in order if i % 2 else reversed(order):
            for p, fn in pieces.items():
                t0 = time.process_time()
                fn(det)
                best[p, k] = min(best[p, k], time.process_time() - t0)
    print(
        f"{len(corpus)} distinct texts, {len(calls)} with digit runs, {runs} runs; CPU ms, "
        f"fastest of {args.repeat}, warm{' (phones alone)' if args.only_phones else ''}"
    )
    for p in pieces:
        b, t = best[p, "base"], best[p, "this"]
        pb, pt = b - best[p, "base, phones off"], t - best[p, "this, phones off"]
        print(
            f"{p:8s} base {b * 1e3:7.2f}  this {t * 1e3:7.2f}  ratio {t / b:.3f}   phone part: "
            f"base {pb * 1e3:6.2f} ({pb / runs * 1e6:.2f} µs a run)  this {pt * 1e3:6.2f} "
            f"({pt / runs * 1e6:.2f} µs a run)  ratio {pt / pb:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
