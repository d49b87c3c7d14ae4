"""Names found by where they stand: after a cue ("my name is", "ich heiße", "ben", "Hi"), before
a title ("Ayşe Hanım"), after a sign-off ("Regards,\\nAna Souza"), or opening a signature line
that ends in a phone number or an address ("Ana Souza, +55 …").

A name is one to four capitalised words (diacritics, apostrophes, hyphens, lower-case particles
such as "van der" or "da"). The cue lists are data in the policy; this module only compiles
them. It finds candidates cheaply: one scan for capitalised runs, then a few string
comparisons on the text just before and after each run, never an alternation of every cue
tried at every character.

What it cannot know: a name nobody introduces, greets or signs (those need a model), and a
capitalised word after a cue that is not a name ("I'm Sorry"): the policy's ``not_names`` list
keeps the common ones out; the rest are masked needlessly (a precision loss, never a leak).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


def _letters(upper: bool) -> str:
    """Every upper- or lower-case letter of the Latin, Greek and Cyrillic blocks, as a class."""
    ranges = ((0x41, 0x24F), (0x370, 0x52F), (0x1E00, 0x1FFF))
    chars = [
        chr(c)
        for a, b in ranges
        for c in range(a, b + 1)
        if (chr(c).isupper() if upper else chr(c).islower())
    ]
    return "".join(re.escape(c) for c in chars)


_U = _letters(True)
_L = _letters(False) + "ß"
# One name word: "Ayşe", "O'Brien", "McDonald", "Jean-Luc", "Nguyễn".
_WORD = rf"[{_U}][{_L}]*(?:[{_U}][{_L}]+)?(?:['’][{_U}][{_L}]+)?(?:-[{_U}][{_L}]+)*"
_PARTICLES = "van|der|den|de|la|le|da|das|do|dos|du|del|della|di|von|zu|ten|ter|bin|ibn|al|el|y|e"
_RUN = re.compile(
    rf"(?<![\w'’-]){_WORD}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}{_WORD}){{0,5}}(?![\w'’])"
)
_WORD_RE = re.compile(_WORD)
_SEPARATORS = ",:;–—-|/"
# A run's verdict depends on at most this much text before it (the longest cue with its
# separators, and at least the 40 characters the word before is looked for in) and after it
# (the next word): runs are looked up in a memo by that window.
_BEFORE, _AFTER, _MEMO = 64, 48, 50_000
_MISS = object()
_CLOSERS = frozenset(",.!?;:)]}>\"'”’\n\r")
# Between a signature's name and its phone or address: a separator, or an opening bracket
# (a display name, "Ana Souza <ana@…>"). Not a colon: "Callback: +48 …" is a label.
_LINE_TAIL = re.compile(r"[ \t]*(?:[,;|/–—·-][ \t]*(?P<b1>[<(\[][ \t]*)?|(?P<b2>[<(\[])[ \t]*)$")
_LABEL = re.compile(
    r"(?i)[ \t]*(?:tel|phone|mob|mobile|cell|gsm|fax|telefon|tél|téléphone|teléfono|telefone|"
    r"telefono|tlf|email|e-mail|mail|whatsapp)\.?[ \t]*:?[ \t]*$"
)
_LABELS = frozenset(
    [
        "tel",
        "phone",
        "mob",
        "mobile",
        "cell",
        "gsm",
        "fax",
        "telefon",
        "tél",
        "téléphone",
        "teléfono",
        "telefone",
        "telefono",
        "tlf",
        "email",
        "e-mail",
        "mail",
        "whatsapp",
    ]
)


def _last_word(text: str) -> str:
    """The last word of ``text`` before trailing spaces, colons and dots, lower-cased."""
    j = len(text)
    while j > 0 and text[j - 1] in " \t:.":
        j -= 1
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-"):
        i -= 1
    return text[i:j].lower()


_TAIL_CHARS = frozenset(",;|/–—·-<([")
_SIGNATURE_LINE = re.compile(r"[ \t]*(?:[-–—>*•][ \t]*)?$")


@dataclass(frozen=True)
class NameCues:
    """The policy's ``detectors.names`` section, normalised (case-folded, spaces collapsed)."""

    cues: tuple[str, ...] = ()  # the name follows; anything may come after it
    closing_cues: tuple[str, ...] = ()  # the name follows and closes the phrase
    titles_after: tuple[str, ...] = ()  # "Bey", "Hanım": the name precedes them
    cues_after: tuple[str, ...] = ()  # "here", "hier": the whole name precedes them
    connectors: frozenset[str] = frozenset()  # words that may follow a closing name ("and")
    not_names: frozenset[str] = frozenset()
    signature: bool = True
    max_words: int = 4

    @staticmethod
    def build(
        *,
        cues: Iterable[str] = (),
        closing_cues: Iterable[str] = (),
        titles_after: Iterable[str] = (),
        cues_after: Iterable[str] = (),
        connectors: Iterable[str] = (),
        not_names: Iterable[str] = (),
        signature: bool = True,
    ) -> NameCues:
        def norm(items: Iterable[str]) -> tuple[str, ...]:
            return tuple(sorted({" ".join(fold(c).split()) for c in items if c.strip()}))

        return NameCues(
            cues=norm(cues),
            closing_cues=norm(closing_cues),
            titles_after=norm(titles_after),
            cues_after=norm(cues_after),
            connectors=frozenset(norm(connectors)),
            not_names=frozenset(norm(not_names)),
            signature=signature,
        )


_FOLD = str.maketrans({"\u0307": None, "ς": "σ", "ı": "i", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case for comparing names and cues: ``İ``/``I``/``ı`` → ``i`` (Turkish upper and
    lower case do not round-trip otherwise: YILMAZ / Yılmaz), ``ß`` → ``ss`` (STRAUSS /
    Strauß), final sigma → sigma."""
    low = text.lower()
    return low if low.isascii() else low.translate(_FOLD)


class NameFinder:
    """Names by position; thread safe (no state after construction)."""

    def __init__(self, cues: NameCues) -> None:
        self.cues = cues
        self._open = frozenset(cues.cues)
        self._all = tuple(sorted({*cues.cues, *cues.closing_cues}, key=lambda c: (-len(c), c)))
        self._titles = frozenset(cues.titles_after)
        self._after = frozenset(cues.cues_after)
        self._memo: dict[tuple[str, int, bool], Any] = {}
        self._longest = max((len(c) for c in self._all), default=0) + 2
        self._before = max(_BEFORE, self._longest + 48)
        # Cues by their last word: most capitalised words follow no cue word at all, and a
        # dictionary lookup tells so without comparing the window with every cue.
        self._by_last: dict[str, tuple[str, ...]] = {}
        for cue in self._all:
            last = _LETTERS.findall(cue)
            if last:
                self._by_last[last[-1]] = (*self._by_last.get(last[-1], ()), cue)

    def find(
        self, text: str, anchors: Iterable[tuple[int, int]] = ()
    ) -> list[tuple[int, int, str]]:
        """``(start, end, case-folded name)`` of every name found; ``anchors`` are the spans of
        phones and addresses, which make a name opening their line a signature."""
        out: list[tuple[int, int, str]] = []
        memo = self._memo
        for m in _RUN.finditer(text):
            start, end = m.span()
            # What decides a run is the text around it: chat repeats phrases ("Hi, I have a
            # question", "Thanks Ayşe!"), so the verdict is kept per surrounding window.
            ws, we = max(0, start - self._before), end + _AFTER
            while we < len(text) and text[we - 1].isalnum():
                we += 1  # never cut the word after the run
            key = (text[ws:we], start - ws, ws == 0)
            hit = memo.get(key, _MISS)
            if hit is _MISS:
                hit = self._cued(key[0], start - ws, end - ws)
                if len(memo) >= _MEMO:
                    memo.clear()
                memo[key] = hit
            if hit is not None:
                a, b, value = hit
                out.append((a + ws, b + ws, value))
        if self.cues.signature:
            for found in self.signatures(text, anchors):
                if all(found[1] <= s or e <= found[0] for s, e, _ in out):
                    out.append(found)
        return out

    def signatures(
        self, text: str, anchors: Iterable[tuple[int, int]]
    ) -> list[tuple[int, int, str]]:
        """Names of the signatures of these phones and addresses (see ``_signature``)."""
        out = []
        for a, _ in anchors:
            found = self._signature(text, a)
            if found is not None:
                out.append(found)
        return out

    # -- cues ------------------------------------------------------------------------------------

    def _words(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        return [(start + w.start(), start + w.end()) for w in _WORD_RE.finditer(text[start:end])]

    def _cue_before(self, text: str, at: int) -> str | None:
        """The cue that ends right before ``at`` (spaces and one separator between), if any."""
        # The word before: most capitalised words follow no cue word at all.
        pre = text[max(0, at - 40) : at]
        stripped = pre.rstrip(_GAP_CHARS)
        if not stripped or len(pre) - len(stripped) > 6:
            return None
        word = stripped.rsplit(None, 1)[-1]
        if not word.isalpha():
            k = len(word)
            while k > 0 and word[k - 1].isalpha():
                k -= 1
            word = word[k:]
            if not word or not stripped.endswith(word):
                return None
        cues = self._by_last.get(word.lower() if word.isascii() else fold(word))
        if cues is None:
            return None
        lo = at - self._longest - 4
        cut = lo > 0  # the window does not start at the text's start
        pre = fold(text[max(0, lo) : at]).rstrip()
        stripped = pre.rstrip(_SEPARATORS).rstrip()
        for candidate in (pre, stripped) if stripped != pre else (pre,):
            for cue in cues:
                if candidate.endswith(cue):
                    k = len(candidate) - len(cue)
                    if k > 0 and (candidate[k - 1].isalnum() or candidate[k - 1] == "_"):
                        continue  # the end of a longer word
                    if k == 0 and cut:
                        continue
                    return cue
        return None

    def _cued(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        run = text[start:end]
        words = self._words(text, start, end) if " " in run or "\t" in run else [(start, end)]
        # A title that follows the name ("Ayşe Hanım") ends the name and cues its last word.
        titled = False
        while len(words) > 1 and fold(text[words[-1][0] : words[-1][1]]) in self._titles:
            words.pop()
            titled = True
        after = None if titled else _next_word(text, words[-1][1])
        titled = titled or (after is not None and after in self._titles)
        for k in range(len(words)):
            # A cue may be inside the run ("Hi Ayşe", "Herr Müller" at a sentence start).
            cue = self._cue_before(text, words[k][0])
            if cue is None and k == 0 and _DASHES.intersection(text[max(0, start - 4) : start]):
                # "Obrigado! — Yevgeniya": a dash signing off, closing like a cue.
                cue = "—" if _dash_before(text, start) else None
            if cue is None:
                continue
            name = self._trim(text, words[k:])
            if name is None:
                continue
            a, b = name
            if cue not in self._open and not titled and not self._closes(text, b):
                return None
            return a, b, " ".join(fold(text[a:b]).split())
        if titled:
            name = self._trim(text, words[-1:])
            if name is not None:
                a, b = name
                return a, b, fold(text[a:b])
        if after is not None and after in self._after:
            name = self._trim(text, words)
            if name is not None:
                a, b = name
                return a, b, " ".join(fold(text[a:b]).split())
        return None

    def _trim(self, text: str, words: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The name in ``words``: at most ``max_words``, not opening with a known non-name
        (later words may be anything capitalised: "Nguyễn Văn An")."""
        words = words[: self.cues.max_words]
        if not words:
            return None
        a, b = words[0]
        if b - a < 2 or fold(text[a:b]) in self.cues.not_names:
            return None
        return a, words[-1][1]

    def _closes(self, text: str, end: int) -> bool:
        rest = text[end : end + 1]
        if not rest or rest in _CLOSERS:
            return True
        nxt = _next_word(text, end)
        return nxt is not None and nxt in self.cues.connectors

    # -- signatures ------------------------------------------------------------------------------

    def _signature(self, text: str, anchor: int) -> tuple[int, int, str] | None:
        """The name of a phone number's or address's signature: opening its line (or after a
        colon) with a separator between ("Ana Souza, +55 …", "Jan Kowalski | jan@…"), as a
        display name right before it ("… Ana Souza <ana@…>"), or alone on the line above
        ("--\\nAna Souza\\n+55 …")."""
        line_start = text.rfind("\n", 0, anchor) + 1
        prefix = text[line_start:anchor]
        if _last_word(prefix) in _LABELS:
            label = _LABEL.search(prefix, max(0, len(prefix) - 24))
            if label is not None:
                prefix = prefix[: label.start()]
        if not prefix.strip(" \t-–—>*•"):
            return self._line_above(text, line_start)
        if prefix.rstrip(" \t")[-1:] not in _TAIL_CHARS:
            return None  # most phones and addresses: no separator right before them
        # A name and its separator fit in this much: the line before them does not matter.
        cut = max(0, len(prefix) - 120)
        tail = _LINE_TAIL.search(prefix, cut)
        if tail is None:
            return None
        head = prefix[: tail.start()]
        last = head.rsplit(None, 1)[-1] if head.strip() else ""
        if _WORD_RE.fullmatch(last) is None:
            return None  # no capitalised word right before the separator
        runs = list(_RUN.finditer(head, cut))
        if not runs or runs[-1].end() != len(head) or (cut and runs[-1].start() == cut):
            return None
        run = runs[-1]
        before = head[: run.start()].rstrip(" \t-–—>*•")
        bracket = tail.group("b1") or tail.group("b2")
        if before and before[-1] not in ":;|.!?" and not bracket:
            return None
        return self._whole(text, line_start + run.start(), line_start + run.end())

    def _line_above(self, text: str, line_start: int) -> tuple[int, int, str] | None:
        """A line holding nothing but a name of two to four words, right above."""
        if line_start == 0:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        m = _RUN.search(line)
        if m is None or line[: m.start()].strip() or not _SIGNATURE_LINE.match(line, m.end()):
            return None
        if len(self._words(text, above + m.start(), above + m.end())) < 2:
            return None
        return self._whole(text, above + m.start(), above + m.end())

    def _whole(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        words = self._words(text, start, end)
        name = self._trim(text, words)
        if name is None or len(words) > self.cues.max_words or name[1] != end:
            return None
        a, b = name
        return a, b, " ".join(fold(text[a:b]).split())


def _dash_before(text: str, at: int) -> bool:
    """A dash right before ``at`` that opens its line or follows a sentence's end."""
    i = at
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 1 and text[i - 2 : i] == "--":
        i -= 2
    elif i > 0 and text[i - 1] in "—–":
        i -= 1
    else:
        return False
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?"


def _next_word(text: str, end: int) -> str | None:
    if end >= len(text) or text[end] not in " \t":
        return None
    m = _NEXT.match(text, end)
    if m is None:
        return None
    word = m.group(1)
    return word.lower() if word.isascii() else fold(word)


_NEXT = re.compile(r"[ \t]+([^\W\d_]+)")
_LETTERS = re.compile(r"[^\W\d_]+")
_GAP_CHARS = " \t\r\n,:;.–—-|/"
_DASHES = frozenset("—–-")
