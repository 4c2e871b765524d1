"""A synthetic corpus of diplomatic statements at any size, for the benchmark.

    python bench/generate.py --docs N --out DIR [--seed S]

Writes N plain-text documents (``DIR/000/000000.txt`` ..., 1,000 per folder), ~2 kB each on average
(100,000 documents ~ 200 MB), in the styles of ``data/statements/``: UN speeches with a heading naming a
titled speaker, the state, the forum, the place and the date; statements by a state; ministry comment
pages with a site header; embassy-style listing pages of dated items ("05.06.2019 - Article by ...");
press statements. Bodies name states, bodies, persons, resolutions (``resolution 75/240``,
``A/C.1/76/L.13``) and treaties, drawn from ``data/gazetteer/*.yaml``.

Document ``i`` depends only on ``(seed, i)``, so a corpus is repeatable, grows by appending, and is
written one file at a time (memory does not grow with N). Run on demand; not part of the unit tests.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.gazetteer import load_yaml
from kg.paths import GAZETTEER_DIR

__all__ = ["PER_FOLDER", "Pools", "corpus_path", "document", "generate", "pools"]

PER_FOLDER = 1000
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_ORD = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_HUBS = ["New York", "New York", "New York", "Geneva", "Geneva", "Vienna", "The Hague", "Brussels"]


@dataclass(frozen=True)
class Pools:
    """Names drawn from the gazetteers: everything a template can name."""
    states: tuple[tuple[str, str, str, str], ...]     # code, label, adjective, capital
    bodies: tuple[str, ...]                            # names of UN bodies and intergovernmental organizations
    acronyms: tuple[str, ...]                          # their abbreviations
    persons: tuple[tuple[str, str], ...]               # label, state code (or "")
    given: tuple[str, ...]
    surnames: tuple[str, ...]
    places: tuple[str, ...]
    treaties: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def pools(folder: Path = GAZETTEER_DIR) -> Pools:
    states = []
    for code, e in load_yaml(folder / "states.yaml")["states"].items():
        if e.get("status") not in ("member", "observer"):
            continue
        adj = next(iter(e.get("adjectives") or []), "") or e["label"]
        cap = next(iter(e.get("capitals") or []), "")
        states.append((code, e["label"], adj, cap))
    bodies, acronyms = [], []
    for e in load_yaml(folder / "organizations.yaml")["organizations"].values():
        if e.get("type") in ("UNBody", "IntergovernmentalOrganization") and not e.get("requires"):
            bodies.extend(n for n in (e.get("names") or [])[:2] if len(n) < 90)
            acronyms.extend(a for a in (e.get("abbreviations") or [])[:1] if a.isupper())
    codes = {s[0] for s in states}
    persons, surnames = [], set()
    for e in load_yaml(folder / "persons.yaml")["persons"].values():
        aff = e.get("affiliation") or ""
        persons.append((e["label"], aff if aff in codes else ""))
        if e.get("surname") and " " not in e["surname"]:
            surnames.add(e["surname"])
    given = load_yaml(folder / "given_names.yaml")["given_names"]
    places = [e["label"] for e in load_yaml(folder / "places.yaml")["places"].values()]
    treaties = []
    for e in load_yaml(folder / "treaties.yaml")["treaties"].values():
        treaties.append(e["label"])
        treaties.extend((e.get("abbreviations") or [])[:1])
    return Pools(tuple(states), tuple(bodies), tuple(acronyms), tuple(persons), tuple(given),
                 tuple(sorted(surnames)), tuple(places), tuple(treaties))


# ---------------------------------------------------------------- small pieces
class _Doc:
    """Draws for one document: its home state, speaker, date and forum, and the names its body uses."""

    def __init__(self, rng: random.Random, p: Pools) -> None:
        self.r = rng
        self.p = p
        # a few states speak most (as in the real collections); the rest now and then
        self.home = p.states[rng.randrange(12)] if rng.random() < 0.5 else rng.choice(p.states)
        y = rng.randint(1998, 2025)
        self.date = dt.date(y, 1, 1) + dt.timedelta(days=rng.randrange(365))

    def date_text(self, style: int | None = None) -> str:
        d = self.date
        style = self.r.randrange(3) if style is None else style
        if style == 0:
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        if style == 1:
            return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
        return f"{d.day:02d}.{d.month:02d}.{d.year}"

    def person(self) -> str:
        r = self.r
        if r.random() < 0.4:
            return r.choice(self.p.persons)[0]
        return f"{r.choice(self.p.given)} {r.choice(self.p.surnames)}"

    def state(self) -> str:
        return self.r.choice(self.p.states)[1]

    def body(self) -> str:
        if self.r.random() < 0.3:  # the few forums most statements are made at
            return self.r.choice(_HOT_BODIES)
        return self.r.choice(self.p.bodies) if self.r.random() < 0.75 else self.r.choice(self.p.acronyms)

    def resolution(self) -> str:
        r = self.r
        if r.random() < 0.3:  # the few resolutions everyone cites
            return r.choice(_HOT_RESOLUTIONS)
        s, n = r.randint(50, 79), r.randint(1, 300)
        k = r.randrange(6)
        if k == 0:
            return f"resolution {s}/{n}"
        if k == 1:
            return f"General Assembly resolution A/RES/{s}/{n}"
        if k == 2:
            return f"draft resolution A/C.1/{s}/L.{r.randint(1, 70)}"
        if k == 3:
            return f"resolutions {s}/{n} and {s}/{r.randint(1, 300)}"
        if k == 4:
            return f"Security Council resolution {r.randint(1000, 2700)} ({r.randint(1995, 2024)})"
        return f"decision {s}/{r.randint(500, 599)}"

    def treaty(self) -> str:
        return self.r.choice(self.p.treaties)

    def place(self) -> str:
        return self.r.choice(_HUBS) if self.r.random() < 0.7 else self.r.choice(self.p.places)


_SENTENCES = [
    "{State} welcomes the adoption of {res} and calls on all States to implement it in good faith.",
    "We recall {res}, which was supported by {State}, {State2} and many other delegations.",
    "My delegation aligns itself with the statement delivered by {State} on behalf of the {Body}.",
    "The {Body} remains the central forum for these discussions, and its work must be inclusive.",
    "{State} and {State2} have repeatedly stressed the importance of the {Treaty} for international security.",
    "Full compliance with the {Treaty} is an obligation of every State Party, including {State}.",
    "As {Person} rightly noted last week, confidence-building measures need practical follow-up.",
    "We thank the Chair, {Person}, for the able guidance of our work and for the revised draft.",
    "The delegation of {State} proposes that the {Body} consider the matter at its next session.",
    "The situation in {State} shows what happens when the principles of the {Treaty} are ignored.",
    "{Adj} diplomats met their counterparts from {State2} in {Capital} to discuss {res}.",
    "The report of the {Body} (document A/{sess}/{num}) offers a sound basis for consensus.",
    "We cannot accept attempts by {State} to rewrite the mandate agreed in {res}.",
    "We are grateful to {State} and {State2} for co-sponsoring {res}.",
    "The Secretary-General's report, requested by {res}, confirms these trends.",
    "Capacity-building remains a priority for developing countries, notably in Africa and Asia.",
    "We support the Programme of Action proposed by {State} and {State2} within the {Body}.",
    "In {Capital}, officials reiterated their commitment to the {Treaty} and to the {Body}.",
    "International law, including the Charter of the United Nations, applies to the use of ICTs.",
    "Attempts to politicise the work of the {Body} undermine trust among States.",
    "{Person} briefed the {Body} on the implementation of {res}.",
    "We take note of the views expressed by {State}, but cannot agree with them.",
    "The norms of responsible State behaviour endorsed in {res} must guide all States.",
    "{State} stands ready to work constructively with all delegations, including {State2}.",
    "The {Adj} side has once again ignored the proposals put forward by {State2}.",
]
# sentences that name nothing: real statements are mostly such prose
_FILLER = [
    "We are convinced that only a collective and inclusive approach can bring lasting results.",
    "This is a matter of principle for us, and we will not compromise on it.",
    "Our delegation has listened carefully to the views expressed during this debate.",
    "It is important to avoid duplication of efforts and to make the best use of available resources.",
    "We believe that dialogue and cooperation are the only way to address these common challenges.",
    "The threats we face today are transborder by nature, and no country can counter them alone.",
    "We stand ready to continue our constructive engagement on all items of the agenda.",
    "Let me now turn to the specific proposals contained in the draft report.",
    "We regret that some delegations continue to politicise what should be a technical discussion.",
    "Trust cannot be built by unilateral measures, sanctions or pressure.",
    "We call on all partners to refrain from steps that could further escalate tensions.",
    "The pandemic has shown how interdependent and interconnected the world has become.",
    "We look forward to substantive and result-oriented discussions at the next meeting.",
    "Capacity-building efforts should be demand-driven, politically neutral and free of conditions.",
]
_OPENERS = ["Mr. Chair,", "Mr. President,", "Madam Chair,", "Distinguished colleagues,", "Excellencies,",
            "Ladies and gentlemen,", "Dear colleagues,"]
_CLOSERS = ["Thank you, Mr. Chair.", "I thank you.", "Thank you for your attention.", "Thank you."]
_TITLES = [("H.E. Mr.", "Permanent Representative of {state} to the United Nations"),
           ("H.E. Ms.", "Permanent Representative of {state} to the United Nations"),
           ("Ambassador", "Deputy Permanent Representative of {state} to the United Nations"),
           ("Mr.", "Representative of {state}"),
           ("Dr.", "Head of the Delegation of {state}"),
           ("H.E. Mr.", "Minister for Foreign Affairs of {state}")]
_MEETINGS = ["the {ord} substantive session of the {body}", "the general debate of the {body}",
             "the plenary meeting of the {body}", "the {ord} session of the {body}",
             "the open debate of the {body}", "the high-level segment of the {body}"]
_LISTING_KINDS = ["Article by Ambassador {person} published in the newspaper {paper}",
                  "Comment by the Embassy on the statement by {state}",
                  "Ambassador {person}'s interview with {paper}",
                  "Statement of the Embassy regarding {res}",
                  "Remarks by {person} at the reception on the occasion of National Day",
                  "Press release on the telephone conversation between {person} and {person2}",
                  "Answer of the Press Secretary of the Embassy to a media question about the {treaty}"]
_HOT_RESOLUTIONS = ["resolution 75/240", "resolution 73/27", "A/RES/70/237", "resolution 76/19",
                    "resolution 77/37", "A/C.1/76/L.13", "resolutions 73/27 and 73/266"]
_HOT_BODIES = ["Open-ended Working Group on security of and in the use of ICTs 2021-2025", "First Committee",
               "Security Council", "General Assembly", "Open-ended Working Group", "Conference on Disarmament",
               "Human Rights Council"]
_PAPERS = ["Izvestia", "The Guardian", "Le Monde", "Rossiyskaya Gazeta", "The Washington Post", "Kommersant",
           "Der Spiegel", "The Times", "El País", "Asahi Shimbun"]


def _fill(d: _Doc, template: str) -> str:
    r = d.r
    out = template
    for key, make in (("{State2}", d.state), ("{State}", d.state), ("{Body}", d.body), ("{Treaty}", d.treaty),
                      ("{Person}", d.person), ("{res}", d.resolution)):
        while key in out:
            out = out.replace(key, make(), 1)
    if "{Adj}" in out or "{Capital}" in out:
        s = r.choice(d.p.states)
        out = out.replace("{Adj}", s[2]).replace("{Capital}", s[3] or s[1])
    if "{sess}" in out:
        out = out.replace("{sess}", str(r.randint(55, 79))).replace("{num}", str(r.randint(100, 400)))
    return out[0].upper() + out[1:]


def _paragraphs(d: _Doc, budget: int) -> list[str]:
    paras: list[str] = []
    size = 0
    while size < budget:
        para = " ".join(_fill(d, d.r.choice(_SENTENCES)) if d.r.random() < 0.35 else d.r.choice(_FILLER)
                        for _ in range(d.r.randint(2, 6)))
        paras.append(para)
        size += len(para) + 2
    return paras


def _speech(d: _Doc, budget: int) -> str:
    r = d.r
    honor, office = r.choice(_TITLES)
    label = d.home[1]
    meeting = r.choice(_MEETINGS).format(ord=r.choice(_ORD[:5]), body=d.body())
    heading = f"Statement by {honor} {d.person()}, {office.format(state=label)}, at {meeting}, {d.place()}, " \
              f"{d.date_text(r.choice((0, 1)))}"
    lines = [heading, "", r.choice(_OPENERS), "", ""]
    if r.random() < 0.3:
        lines = [f"Permanent Mission of {label} to the United Nations", ""] + lines
    body = _paragraphs(d, budget - len(heading))
    return "\n".join(lines) + "\n\n".join(body) + "\n\n" + r.choice(_CLOSERS) + "\n"


def _state_statement(d: _Doc, budget: int) -> str:
    r = d.r
    body = d.body()
    head = f"Statement by {d.home[1]}\n{body}\n{_ORD[r.randrange(6)].capitalize()} Substantive Session, " \
           f"{d.place()}, {d.date_text(0)}"
    return head + "\n\n" + r.choice(_OPENERS) + "\n\n" + "\n\n".join(_paragraphs(d, budget - len(head))) + "\n"


def _ministry(d: _Doc, budget: int) -> str:
    r = d.r
    cap = d.home[3]
    city = cap or "Moscow"
    h, m = r.randrange(24), r.randrange(60)
    chrome = f"{d.date_text(0)}\n{city}: {h:02d}:{m:02d}\nLondon: {(h + 21) % 24:02d}:{m:02d}\n\nConsular queries:\n" \
             f"+44 (0) 20 {r.randint(1000, 9999)} {r.randint(1000, 9999)}\n\n"
    who = d.person()
    heading = f"Foreign Ministry Spokeswoman {who}’s comment on {d.resolution()} and the position of " \
              f"{d.state()}, {d.date_text(1)}"
    parts = [chrome + heading, f"Question: How would you comment on the latest statement by {d.state()}?"]
    first = True
    for para in _paragraphs(d, budget - len(heading) - 200):
        parts.append(f"{who}: {para}" if first else para)
        first = False
    return "\n\n".join(parts) + "\n\nall messages\n"


def _listing(d: _Doc, budget: int) -> str:
    r = d.r
    items = []
    date = d.date
    size = 0
    while size < budget:
        date -= dt.timedelta(days=r.randint(1, 9))
        kind = r.choice(_LISTING_KINDS).format(person=d.person(), person2=d.person(), paper=r.choice(_PAPERS),
                                               state=d.state(), res=d.resolution(), treaty=d.treaty())
        head = f"{date.day:02d}.{date.month:02d}.{date.year} - {kind}"
        body = "\n\n".join(_paragraphs(d, r.randint(250, 700)))
        items.append(head + "\n\n" + body)
        size += len(items[-1])
    top = f"Embassy of {d.home[1]}\n\nNews\n\n"
    return top + "\n\n".join(items) + "\n\nall news\n"


def _press(d: _Doc, budget: int) -> str:
    r = d.r
    head = f"Press Statement\n{d.person()}, {r.choice(['Secretary of State', 'Foreign Secretary', 'Spokesperson'])}" \
           f"\n{d.date_text(1)}"
    return head + "\n\n" + "\n\n".join(_paragraphs(d, budget - len(head))) + "\n"


_STYLES = [(_speech, 40), (_state_statement, 15), (_ministry, 15), (_listing, 20), (_press, 10)]


def document(i: int, seed: int = 0) -> str:
    """The text of document ``i`` of the corpus of ``seed``: the same text every time."""
    rng = random.Random(f"diplokg-bench:{seed}:{i}")
    d = _Doc(rng, pools())
    budget = int(min(8000, max(500, rng.lognormvariate(7.45, 0.5))))  # median ~1.7 kB, mean ~2 kB
    make = rng.choices([s for s, _ in _STYLES], weights=[w for _, w in _STYLES])[0]
    return make(d, budget)


def corpus_path(out: Path, i: int) -> Path:
    return out / f"{i // PER_FOLDER:03d}" / f"{i:06d}.txt"


def generate(out: Path, docs: int, seed: int = 0, start: int = 0) -> Iterator[tuple[Path, int]]:
    """Write documents ``start`` .. ``docs - 1`` under ``out``, one at a time; yields (path, bytes)."""
    for i in range(start, docs):
        path = corpus_path(out, i)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = document(i, seed).encode("utf-8")
        path.write_bytes(data)
        yield path, len(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, required=True, help="number of documents (100 .. 100000)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write into (sharded, 1,000 per folder)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if args.docs < 1:
        ap.error("--docs must be at least 1")
    total = 0
    for _, n in generate(args.out, args.docs, args.seed):
        total += n
    print(f"{args.docs} documents, {total / 1e6:.1f} MB in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
