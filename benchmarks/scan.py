"""Scanning speed of the detector on ≥300 MB of mixed-language text, beside ripgrep.

Generates a deterministic file (seeded) of sentences in twelve languages with sparse mentions
of the Convention and sparse hard negatives (other Hague conventions, Ljubljana news), scans
it in one process with the detector, then runs `rg -c -i -F -f <literal names>` on the same
file and prints MB/s for both and their ratio.

    PYTHONPATH=src python benchmarks/scan.py [--megabytes 300] [--seed 2026] [--keep]
"""

from __future__ import annotations

import argparse
import mmap
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from treatywatch.core.detect import Detector, load_lexicon

# Ordinary sentences, written for this benchmark, with no mention and no candidate.
FILLER = {
    "en": [
        "The council approved the budget for the next fiscal year after a long debate.",
        "Heavy rain is expected across the northern regions later this week.",
        "The museum will extend its opening hours during the summer season.",
        "Local farmers reported a better harvest than in the previous two years.",
        "The committee postponed its decision on the new transport plan.",
    ],
    "fr": [
        "Le conseil municipal a adopté le budget après un long débat.",
        "De fortes pluies sont attendues dans le nord du pays cette semaine.",
        "Le musée prolongera ses horaires d'ouverture pendant l'été.",
    ],
    "es": [
        "El ayuntamiento aprobó el presupuesto tras un largo debate.",
        "Se esperan fuertes lluvias en el norte del país esta semana.",
        "El museo ampliará su horario durante la temporada de verano.",
    ],
    "de": [
        "Der Gemeinderat hat den Haushalt nach langer Debatte verabschiedet.",
        "Für den Norden werden in dieser Woche starke Regenfälle erwartet.",
        "Das Museum verlängert im Sommer seine Öffnungszeiten.",
    ],
    "nl": [
        "De gemeenteraad keurde de begroting goed na een lang debat.",
        "Later deze week wordt in het noorden veel regen verwacht.",
    ],
    "sl": [
        "Mestni svet je po dolgi razpravi sprejel proračun za prihodnje leto.",
        "V severnih krajih pričakujejo močno deževje konec tedna.",
        "Muzej bo poleti podaljšal odpiralni čas.",
    ],
    "it": [
        "Il consiglio comunale ha approvato il bilancio dopo un lungo dibattito.",
        "Sono attese forti piogge nelle regioni settentrionali questa settimana.",
    ],
    "pl": [
        "Rada miasta przyjęła budżet po długiej debacie.",
        "W tym tygodniu na północy kraju spodziewane są ulewne deszcze.",
    ],
    "ru": [
        "Городской совет утвердил бюджет после долгих обсуждений.",
        "На этой неделе на севере страны ожидаются сильные дожди.",
    ],
    "uk": [
        "Міська рада ухвалила бюджет після тривалого обговорення.",
        "Цього тижня на півночі країни очікуються сильні дощі.",
    ],
    "zh": ["市议会经过长时间辩论后通过了预算。", "本周北部地区预计将有大雨。"],
    "ar": [
        "وافق المجلس البلدي على الميزانية بعد نقاش طويل.",
        "من المتوقع هطول أمطار غزيرة في الشمال هذا الأسبوع.",
    ],
}
MENTIONS = [
    "Slovenia welcomed new signatures of the Ljubljana–The Hague Convention.",
    "La Suisse a consulté sur la Convention de Ljubljana-La Haye.",
    "La Argentina firmó la Convención de Liubliana-La Haya.",
    "Der Bundesrat eröffnete die Vernehmlassung zum Übereinkommen von Ljubljana und Den Haag.",
    "Podpis Ljubljansko-haaške konvencije je bil v Haagu.",
    "Україна підписала Любляно-Гаазьку конвенцію.",
]
HARD_NEGATIVES = [
    "The Hague Convention of 1961 abolished the legalisation of foreign public documents.",
    "V Ljubljani so odprli novo knjižnico.",
    "The 1959 MLA Convention of the Council of Europe still governs most requests.",
]
# Bytes between mentions and between hard negatives, on average. A web crawl holds far fewer
# (a handful per gigabyte at most); --mention-every 100000 shows the cost of dense mentions.
MENTION_EVERY = 1_000_000
NEGATIVE_EVERY = 200_000


def generate(path: Path, megabytes: int, seed: int, mention_every: int, negative_every: int) -> int:
    """Write the test file; return how many mentions were planted."""
    rng = random.Random(seed)
    pool = [sentence for sentences in FILLER.values() for sentence in sentences]
    target = megabytes * 1_000_000
    planted = written = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            paragraph = " ".join(rng.choices(pool, k=40)) + "\n"
            size = len(paragraph.encode("utf-8"))
            if rng.random() < size / mention_every:
                paragraph = rng.choice(MENTIONS) + " " + paragraph
                planted += 1
            if rng.random() < size / negative_every:
                paragraph = paragraph + rng.choice(HARD_NEGATIVES) + "\n"
            handle.write(paragraph)
            written += len(paragraph.encode("utf-8"))
    return planted


def scan_file(detector: Detector, path: Path, only_prefilter: bool = False) -> object:
    """Map the file into memory, as ripgrep does, and scan it in this process."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if only_prefilter:
            return detector.prefilter.scan_bytes(data)
        return detector.detect_bytes(data)


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (ripgrep), user and system."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs: int, action: Callable[[], object]) -> tuple[float, float, object]:
    """The fastest of several runs in wall time and in CPU time (the file is in the page
    cache after the first). CPU time is the fairer figure on a machine shared with others."""
    best_wall = best_cpu = float("inf")
    result: object = None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu_seconds()
        result = action()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, _cpu_seconds() - cpu)
    return best_wall, best_cpu, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--mention-every", type=int, default=MENTION_EVERY, help="bytes per mention"
    )
    parser.add_argument(
        "--negative-every", type=int, default=NEGATIVE_EVERY, help="bytes per hard negative"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each; the best counts")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument("--backend", choices=["hyperscan", "ahocorasick"], default=None)
    args = parser.parse_args(argv)
    ripgrep = shutil.which("rg")
    folder = Path(tempfile.mkdtemp(prefix="treatywatch-scan-"))
    try:
        corpus = folder / "mixed.txt"
        planted = generate(
            corpus, args.megabytes, args.seed, args.mention_every, args.negative_every
        )
        size_mb = corpus.stat().st_size / 1_000_000
        print(
            f"file: {size_mb:.0f} MB, seed {args.seed}, {planted} mentions planted "
            f"(one per {args.mention_every / 1000:.0f} kB), a hard negative per "
            f"{args.negative_every / 1000:.0f} kB"
        )
        detector = Detector(backend=args.backend)
        ours, ours_cpu, mentions = best_of(args.runs, lambda: scan_file(detector, corpus))
        prefilter_only, _, _ = best_of(
            args.runs, lambda: scan_file(detector, corpus, only_prefilter=True)
        )
        print(
            f"detector ({detector.prefilter.backend}), whole file mapped: {ours:.2f} s, "
            f"{size_mb / ours:.0f} MB/s wall, {size_mb / ours_cpu:.0f} MB/s CPU, "
            f"{len(mentions)} mentions found "  # type: ignore[arg-type]
            f"(prefilter alone: {size_mb / prefilter_only:.0f} MB/s)"
        )
        if ripgrep is None:
            print("ripgrep: not installed (apt-get install -y ripgrep); no comparison")
            return 0
        literals = folder / "literals.txt"
        names = sorted({name.text for lexicon in load_lexicon() for name in lexicon.names})
        literals.write_text("\n".join(names) + "\n", encoding="utf-8")
        command = [ripgrep, "-c", "-i", "-F", "-f", str(literals), str(corpus)]
        theirs, theirs_cpu, result = best_of(
            args.runs, lambda: subprocess.run(command, capture_output=True, text=True, check=False)
        )
        lines = result.stdout.strip() or "0"  # type: ignore[attr-defined]
        print(
            f"ripgrep -c -i -F -f ({len(names)} literals): {theirs:.2f} s, "
            f"{size_mb / theirs:.0f} MB/s wall, {size_mb / theirs_cpu:.0f} MB/s CPU, "
            f"{lines} matching lines"
        )
        print(
            f"speed ratio detector / ripgrep: {theirs / ours:.2f} wall, "
            f"{theirs_cpu / ours_cpu:.2f} CPU (≥ 1 means at least as fast)"
        )
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
