"""Scanning speed of the detector on ≥300 MB of mixed-language text, beside ripgrep.

Generates a deterministic file (seeded) of sentences in twelve languages with sparse mentions
of the Convention and sparse hard negatives (other Hague conventions, Ljubljana news), scans
it in one process with the detector, then runs `rg -c -i -F -f <literal names>` on the same
file and prints MB/s for both and their ratio.

    PYTHONPATH=src python benchmarks/scan.py [--megabytes 300] [--seed 2026] [--keep]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
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
MENTION_EVERY = 100_000  # bytes between mentions, on average
NEGATIVE_EVERY = 50_000


def generate(path: Path, megabytes: int, seed: int) -> int:
    """Write the test file; return how many mentions were planted."""
    rng = random.Random(seed)
    pool = [sentence for sentences in FILLER.values() for sentence in sentences]
    target = megabytes * 1_000_000
    planted = written = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            paragraph = " ".join(rng.choices(pool, k=40)) + "\n"
            if rng.random() < len(paragraph.encode()) / MENTION_EVERY:
                paragraph = rng.choice(MENTIONS) + " " + paragraph
                planted += 1
            if rng.random() < len(paragraph.encode()) / NEGATIVE_EVERY:
                paragraph = paragraph + rng.choice(HARD_NEGATIVES) + "\n"
            handle.write(paragraph)
            written += len(paragraph.encode("utf-8"))
    return planted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument("--backend", choices=["hyperscan", "ahocorasick"], default=None)
    args = parser.parse_args(argv)
    ripgrep = shutil.which("rg")
    folder = Path(tempfile.mkdtemp(prefix="treatywatch-scan-"))
    try:
        corpus = folder / "mixed.txt"
        planted = generate(corpus, args.megabytes, args.seed)
        size_mb = corpus.stat().st_size / 1_000_000
        detector = Detector(backend=args.backend)
        started = time.perf_counter()
        data = corpus.read_bytes()
        mentions = detector.detect_bytes(data)
        ours = time.perf_counter() - started
        del data
        print(f"file: {size_mb:.0f} MB, {planted} mentions planted, seed {args.seed}")
        print(
            f"detector ({detector.prefilter.backend}): {ours:.2f} s, {size_mb / ours:.0f} MB/s, "
            f"{len(mentions)} mentions found"
        )
        if ripgrep is None:
            print("ripgrep: not installed (apt-get install -y ripgrep); no comparison")
            return 0
        literals = folder / "literals.txt"
        names = sorted({name.text for lexicon in load_lexicon() for name in lexicon.names})
        literals.write_text("\n".join(names) + "\n", encoding="utf-8")
        command = [ripgrep, "-c", "-i", "-F", "-f", str(literals), str(corpus)]
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        theirs = time.perf_counter() - started
        print(
            f"ripgrep -c -i -F ({len(names)} literals): {theirs:.2f} s, {size_mb / theirs:.0f} MB/s, "
            f"{result.stdout.strip() or 0} matching lines"
        )
        print(f"ratio detector/ripgrep speed: {theirs / ours:.2f}")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
