"""Write a category's figures as a report writes them: sentences with a subject and an effect.

Figures travel as markers (see compose): V a figure's value, C its year-on-year phrase, T a
figure to fill. Here they are arranged: a 要点 that already names an indicator's subject takes
that figure into its own sentence; the unit's own learned sentence for an indicator is used
where the skeleton has one; the rest go by sub-topic (templates/paragraphs.yaml) into
paragraphs of a few sentences, each at most three figure clauses long.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from drafter.catalogue import Indicator, Level, change_phrase, load_subtopics
from drafter.datafile import FigureValue, YearData, match_sentence
from drafter.drafting.suggestions import fill_suggestion, reusable
from drafter.text import split_clauses

MAX_CLAUSES = 3  # figure clauses in one sentence: more reads like a statistics list
MAX_ABSORBED = 2  # figures one 要点 takes into its own sentence
_SLOT = re.compile(r"\{([^{}]+)\}")
_SAID_CHARS = 6  # a clause whose first six characters were written is said already
_SAMPLE = "8"  # what a slot is filled with to match the exemplar as extract matches a figure


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of figures: its opening clause, its sentences (markers in), its effect."""

    lead: str
    sentences: tuple[str, ...]
    effect: str


def markers(indicator: Indicator, value: FigureValue) -> tuple[str, str]:
    """Return the markers of INDICATOR's figure and of its year-on-year phrase ("" for none).

    The phrase marker carries its leading "，". A figure still to come whose 上年 is known gets
    a pending phrase, for `refresh` to compute once 本年 comes.
    """
    key = indicator.key
    if value.current is None:
        return f"\ue000T:{key}\ue001", (
            f"，\ue000C:{key}\ue001" if value.previous is not None else ""
        )
    change = ""
    if value.previous is not None and change_phrase(
        value.current, value.previous, indicator.kind, indicator.unit
    ):
        change = f"，\ue000C:{key}\ue001"
    return f"\ue000V:{key}\ue001", change


def clause(indicator: Indicator, value: FigureValue, level: Level, sentence: str = "") -> str:
    """Return the indicator's catalogue sentence (or SENTENCE) with its markers and level words.

    The phrase goes where the sentence says {同比}, else at its end, so it is never dropped.
    """
    text = sentence or indicator.sentence
    for name, word in level.words.items():
        text = text.replace(f"{{{name}}}", word)
    figure, change = markers(indicator, value)
    if "{同比}" not in text:
        text += "{同比}"
    return text.replace("{值}", figure).replace("{同比}", change)


def absorb_points(
    points: Iterable[str], listed: list[Indicator], data: YearData, level: Level
) -> tuple[list[str], list[Indicator]]:
    """Return the 要点 with the figures whose subject they name written in, and the rest.

    A 要点 clause containing every word of one of an indicator's 匹配 groups names its subject:
    the figure's clause follows it (only its part from the figure's own clause when the
    catalogue sentence repeats a lead-in, "…目录，列入重大行政决策事项{值}").
    """
    rest = list(listed)
    out = []
    for point in points:
        clauses = split_clauses(point)
        taken = 0
        for at, part in enumerate(clauses):
            core = part.rstrip("，。；、,;")
            stop = part[len(core) :]
            if stop.startswith("、"):
                continue  # inside an enumeration: a figure here would split it
            for ind in list(rest):
                if taken >= MAX_ABSORBED or not any(all(w in core for w in g) for g in ind.match):
                    continue
                own = ind.short or _figure_part(ind.sentence)
                core += "，" + clause(ind, data.figures[ind.key], level, own)
                rest.remove(ind)
                taken += 1
            clauses[at] = core + stop
        out.append("".join(clauses))
    return out, rest


def own_sentences(
    exemplars: Iterable[str], cid: str, listed: list[Indicator], data: YearData, level: Level
) -> list[tuple[tuple[str, ...], str]]:
    """Return the unit's learned sentences that can carry this year's figures, with their keys.

    An exemplar is used when each of its figures matches (as `extract` matches) an indicator
    with this year's value, each at most once; a 同比 after a figure becomes that figure's
    phrase under the policy. Exemplars that name a place, a person or another level are not.
    """
    usable = {i.key: i for i in listed if data.figures[i.key].current is not None}
    out: list[tuple[tuple[str, ...], str]] = []
    used: set[str] = set()
    for template in exemplars:
        sample = fill_suggestion(template, year=data.year, self_name=data.self_name)
        if not _SLOT.search(sample):
            continue  # no figure slot: not a figure sentence
        sample = _SLOT.sub(_SAMPLE, sample).strip()
        if not reusable(sample, level):
            continue
        written = _write(sample, cid, usable, used, data)
        if written is not None:
            keys, text = written
            used.update(keys)
            out.append((keys, text))
    return out


def paragraphs(
    cid: str,
    listed: list[Indicator],
    data: YearData,
    level: Level,
    own: list[tuple[tuple[str, ...], str]],
    points: Iterable[str] = (),
) -> list[Paragraph]:
    """Return LISTED's figures as paragraphs, one per sub-topic, own sentences first.

    A clause of a sub-topic's opening is left out where POINTS (the 要点) or the learned
    sentences say it already (the same first words count as saying it).
    """
    said = "".join(points)
    remaining = {i.key: i for i in listed}
    out = []
    for topic in load_subtopics().get(cid, ()):
        keys = [k for k in topic.keys if k in remaining]
        if not keys:
            continue
        sentences: list[str] = []
        for own_keys, text in own:
            if own_keys[0] in keys and all(k in remaining for k in own_keys):
                sentences.append(text)
                for k in own_keys:
                    remaining.pop(k)
        clauses = [clause(remaining.pop(k), data.figures[k], level) for k in keys if k in remaining]
        for start in range(0, len(clauses), MAX_CLAUSES):
            chunk = clauses[start : start + MAX_CLAUSES]
            joiner = "；" if any("，" in c for c in chunk) else "，"
            sentences.append(joiner.join(chunk))
        lead = _unsaid(_words(topic.lead, level), said + "".join(sentences))
        out.append(Paragraph(lead, tuple(sentences), topic.effect))
    return out


def _write(
    sample: str, cid: str, usable: dict[str, Indicator], used: set[str], data: YearData
) -> tuple[tuple[str, ...], str] | None:
    """Return SAMPLE with its figures replaced by markers, or None when one fits no figure."""
    found = match_sentence(sample, cid)
    if not found:
        return None
    keys: list[str] = []
    pieces: list[str] = []
    last = 0
    pending = ""  # the phrase of the previous figure, not yet written
    for item in found:
        fig = item.figure
        before = sample[last : fig.start]
        if fig.kind == "change" and keys:
            pieces.append(before.rstrip("，、,") + pending)
            pending = ""
        elif item.indicator in usable and item.indicator not in used and item.indicator not in keys:
            between = _after_clause(before, pending)
            if between is None:
                return None
            pieces.append(between)
            ind = usable[item.indicator]
            figure, pending = markers(ind, data.figures[ind.key])
            pieces.append(figure)
            keys.append(ind.key)
        else:
            return None
        last = fig.end
    pieces.append(_after_clause(sample[last:].rstrip("。；;，,"), pending, last=True) or "")
    return tuple(keys), "".join(pieces)


def _after_clause(text: str, phrase: str, *, last: bool = False) -> str | None:
    """Return TEXT with PHRASE at the end of its first clause (where a figure's clause ends).

    None when TEXT runs on to the next figure inside the clause ("5500余次、46万余人次"):
    a phrase there would split it. At the sentence's end (LAST) the clause ends with TEXT.
    """
    if not phrase:
        return text
    m = re.search(r"[，；。,;]", text)
    if m is None and not last:
        return None
    at = m.start() if m else len(text)
    return text[:at] + phrase + text[at:]


def _figure_part(sentence: str) -> str:
    """Return the clause of a catalogue SENTENCE holding {值} (with what follows it)."""
    parts = sentence.split("，")
    at = next(i for i, p in enumerate(parts) if "{值}" in p)
    return "，".join(parts[at:])


def _unsaid(lead: str, said: str) -> str:
    """Return the clauses of LEAD whose first words SAID does not contain already."""
    kept = [c for c in split_clauses(lead) if c[:_SAID_CHARS] not in said]
    return "".join(kept).rstrip("，、；")


def _words(text: str, level: Level) -> str:
    for name, word in level.words.items():
        text = text.replace(f"{{{name}}}", word)
    return text
