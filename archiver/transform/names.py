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
    rf"(?<![\w'’-]){_WORD}(?:[ \t]+(?:(?:{_PARTICLES})[ \t]+){{0,2}}{_WORD}){{0,3}}(?![\w'’])"
)
_WORD_RE = re.compile(_WORD)
_SEPARATORS = ",:;–—-|/"
_CLOSERS = frozenset(",.!?;:)]}>\"'”’\n\r")
_LINE_TAIL = re.compile(r"[ \t]*(?:[,;|/–—:-][ \t]*)?(?:[<(\[][ \t]*)?$")
_LABEL = re.compile(
    r"(?i)[ \t]*(?:tel|phone|mob|mobile|cell|gsm|fax|telefon|tél|téléphone|teléfono|telefone|"
    r"telefono|tlf|email|e-mail|mail|whatsapp)\.?[ \t]*:?[ \t]*$"
)


@dataclass(frozen=True)
class NameCues:
    """The policy's ``detectors.names`` section, normalised (case-folded, spaces collapsed)."""

    cues: tuple[str, ...] = ()  # the name follows; anything may come after it
    closing_cues: tuple[str, ...] = ()  # the name follows and closes the phrase
    titles_after: tuple[str, ...] = ()  # "Bey", "Hanım": the name precedes them
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
            connectors=frozenset(norm(connectors)),
            not_names=frozenset(norm(not_names)),
            signature=signature,
        )


def fold(text: str) -> str:
    """Lower case as ``re.IGNORECASE`` compares (İ → i, final sigma → sigma)."""
    return text.lower().replace("\u0307", "").replace("ς", "σ")


class NameFinder:
    """Names by position; thread safe (no state after construction)."""

    def __init__(self, cues: NameCues) -> None:
        self.cues = cues
        self._open = frozenset(cues.cues)
        self._closing = cues.closing_cues
        self._all = tuple(sorted({*cues.cues, *cues.closing_cues}, key=lambda c: (-len(c), c)))
        self._titles = frozenset(cues.titles_after)
        self._longest = max((len(c) for c in self._all), default=0) + 2

    def find(
        self, text: str, anchors: Iterable[tuple[int, int]] = ()
    ) -> list[tuple[int, int, str]]:
        """``(start, end, case-folded name)`` of every name found; ``anchors`` are the spans of
        phones and addresses, which make a name opening their line a signature."""
        out: list[tuple[int, int, str]] = []
        for m in _RUN.finditer(text):
            found = self._cued(text, m.start(), m.end())
            if found is not None:
                out.append(found)
        if self.cues.signature:
            for a, _ in anchors:
                found = self._signature(text, a)
                if found is not None and all(found[1] <= s or e <= found[0] for s, e, _ in out):
                    out.append(found)
        return out

    # -- cues ------------------------------------------------------------------------------------

    def _words(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        return [(start + w.start(), start + w.end()) for w in _WORD_RE.finditer(text[start:end])]

    def _cue_before(self, text: str, at: int) -> str | None:
        """The cue that ends right before ``at`` (spaces and one separator between), if any."""
        if not self._all:
            return None
        reach = self._longest + 4
        cut = at > reach  # the window does not start at the text's start
        pre = fold(text[max(0, at - reach) : at]).rstrip()
        stripped = pre.rstrip(_SEPARATORS).rstrip()
        for candidate in (pre, stripped) if stripped != pre else (pre,):
            if not candidate.endswith(self._all):
                continue
            for cue in self._all:
                if candidate.endswith(cue):
                    i = len(candidate) - len(cue)
                    if i > 0 and (candidate[i - 1].isalnum() or candidate[i - 1] == "_"):
                        continue  # the end of a longer word
                    if i == 0 and cut:
                        continue
                    return cue
        return None

    def _cued(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        words = self._words(text, start, end)
        # A title that follows the name ("Ayşe Hanım") ends the name and cues its last word.
        titled = False
        while len(words) > 1 and fold(text[words[-1][0] : words[-1][1]]) in self._titles:
            words.pop()
            titled = True
        if not titled:
            after = _next_word(text, words[-1][1])
            titled = after is not None and after in self._titles
        for k in range(len(words)):
            # A cue may be inside the run ("Hi Ayşe", "Herr Müller" at a sentence start).
            cue = self._cue_before(text, words[k][0])
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
        """A name that opens the line (or follows a colon) of a phone or address."""
        line_start = text.rfind("\n", 0, anchor) + 1
        prefix = text[line_start:anchor]
        label = _LABEL.search(prefix)
        if label is not None:
            prefix = prefix[: label.start()]
        tail = _LINE_TAIL.search(prefix)
        if tail is None:
            return None
        head = prefix[: tail.start()]
        runs = list(_RUN.finditer(head))
        if not runs or runs[-1].end() != len(head):
            return None
        run = runs[-1]
        before = head[: run.start()].rstrip(" \t-–—>*•")
        if before and before[-1] not in ":;|":
            return None
        words = self._words(text, line_start + run.start(), line_start + run.end())
        name = self._trim(text, words)
        if name is None or len(words) > self.cues.max_words:
            return None
        a, b = name
        if b != line_start + run.end():
            return None
        return a, b, " ".join(fold(text[a:b]).split())


def _next_word(text: str, end: int) -> str | None:
    m = _NEXT.match(text, end)
    return fold(m.group(1)) if m else None


_NEXT = re.compile(r"[ \t]+([^\W\d_]+)")
