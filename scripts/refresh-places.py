#!/usr/bin/env python3
"""Regenerate backend/data/places.csv: Italian comuni and foreign states with
their Belfiore (cadastral) codes, as encoded in the codice fiscale.

Source: the data files shipped inside the PyPI package `python-codicefiscale`
(MIT licence for the package; the data itself comes from ANPR's archive of
Italian comuni and from ISTAT's list of foreign states, see
backend/data/README.md for attribution and licences).

The package version is pinned below together with the SHA-256 of its wheel, so
a refresh is reproducible: to move to a newer release, change PACKAGE_VERSION
and WHEEL_SHA256 (take the hash from `pip download` or from the registry page),
run the script, and review the diff of places.csv.

Usage (Python 3.11+, standard library plus pip):

    python3 scripts/refresh-places.py                 # download, write CSV
    python3 scripts/refresh-places.py --wheel FILE    # use a wheel on disk
    python3 scripts/refresh-places.py --check         # fail if CSV is stale

What the script does to the source data (all of it deterministic):
  * drops rows without a real Belfiore code (a few ceased comuni whose code
    is "ND", i.e. none, in the source);
  * restores Italian capitalisation of names: the source title-cases every
    word ("Città Di Castello"); prepositions, articles and conjunctions inside
    a name are lower-cased as ISTAT writes them ("Città di Castello",
    "Cassano d'Adda", "Sotto il Monte Giovanni XXIII");
  * turns the apostrophe-as-accent of the states list into real accents
    ("Peru'" -> "Perù") and repairs one mis-decoded character (Š);
  * keeps one row per (code, validity period), merging consecutive periods
    whose name and province are the same (the source has a new period for
    every territorial change, even when name and province stay the same);
  * writes ISO dates; a state's "1900-01-01" is a placeholder for "unknown"
    in the source and becomes empty.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE_NAME = "python-codicefiscale"
PACKAGE_VERSION = "0.12.1"
WHEEL_FILENAME = "python_codicefiscale-0.12.1-py3-none-any.whl"
WHEEL_SHA256 = "403f029ce8a184650d969ef0eb604b3457128dff4b057de1ee40a56f0674733d"

DATA_PREFIX = "codicefiscale/data/"
MUNICIPALITIES = "municipalities.json"
MUNICIPALITIES_PATCH = "municipalities-patch.json"
COUNTRIES = ("deleted-countries.json", "countries.json")
COUNTRIES_PATCH = "countries-patch.json"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "backend" / "data" / "places.csv"

HEADER = ("code", "name", "province", "kind", "valid_from", "valid_to")
CODE_RE = re.compile(r"^[A-Z][0-9]{3}$")
PROVINCE_RE = re.compile(r"^[A-Z]{2}$")
# The states list has no creation date for most states and uses this instead.
UNKNOWN_STATE_START = dt.date(1900, 1, 1)

# Words written in lower case when they are not the first word of a name.
LOWER_WORDS = frozenset(
    """
    a ad agli ai al alla alle allo con da dagli dai dal dalla dalle dallo
    de de' dei degli del della delle dello di e ed fra gli il in la li
    ne' negli nei nel nella nelle nello ob per presso su sugli sui sul sulla
    sulle sullo tra
    """.split()
)
# Elided prefixes written in lower case inside a name: "d'Adda", "dell'Emilia".
LOWER_ELISIONS = (
    "d'",
    "l'",
    "all'",
    "coll'",
    "dall'",
    "dell'",
    "nell'",
    "sull'",
)
# "sopra"/"sotto" are prepositions ("Castelletto sopra Ticino") unless they end
# the name or follow "di" ("Bonate Sopra", "Forni di Sotto").
POSITIONAL_WORDS = frozenset({"sopra", "sotto"})
# Official names that keep their capitals against the rules above: an article
# that is part of the name, a surname ("De Sanctis").
KEEP_CAPITALS = frozenset(
    {
        "Morra De Sanctis",
        "San Giorgio La Molara",
        "San Vincenzo La Costa",
        "San Vito Lo Capo",
        "Sant'Angelo Le Fratte",
        "Torre Le Nocelle",
    }
)
# Phrases that the official names write in lower case as a whole.
LOWER_PHRASES = (
    ("Sulla Strada Del Vino", "sulla strada del vino"),
    ("Nel Parco Naturale", "nel parco naturale"),
    ("-En-", "-en-"),  # French: "Saint-Rhémy-en-Bosses"
)
ROMAN_RE = re.compile(r"^[IVX]{2,}$", re.IGNORECASE)
# The states list writes accents as a trailing apostrophe: "Peru'".
ACCENT_APOSTROPHE_RE = re.compile(r"([AEIOUaeiou])'(?=$|[\s-])")
ACCENTED = {"a": "à", "e": "é", "i": "ì", "o": "ò", "u": "ù"}
# UTF-8 "Š" read as Latin-1 and then title-cased: "Å Teverjan" for "Števerjan".
MOJIBAKE_S_CARON_RE = re.compile(r"Å[\s\u00a0](\w)")


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    province: str
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None


def fail(message: str) -> None:
    print(f"refresh-places: error: {message}", file=sys.stderr)
    sys.exit(1)


def download_wheel(dest: Path) -> Path:
    """Fetch the pinned wheel with pip, checking its hash."""
    requirements = dest / "requirements.txt"
    requirements.write_text(
        f"{PACKAGE_NAME}=={PACKAGE_VERSION} --hash=sha256:{WHEEL_SHA256}\n",
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--require-hashes",
        "--disable-pip-version-check",
        "--quiet",
        "--dest",
        str(dest),
        "--requirement",
        str(requirements),
    ]
    subprocess.run(command, check=True)
    wheel = dest / WHEEL_FILENAME
    if not wheel.is_file():
        fail(f"pip did not produce {WHEEL_FILENAME} in {dest}")
    return wheel


def read_json(wheel: zipfile.ZipFile, name: str) -> list[dict]:
    try:
        raw = wheel.read(DATA_PREFIX + name)
    except KeyError:
        fail(f"{DATA_PREFIX}{name} is missing from the wheel")
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, list):
        fail(f"{name}: expected a JSON list")
    return data


def check_patch_applied(base: list[dict], patch: list[dict], name: str) -> None:
    """The package merges its patch files into the main lists at build time.

    Make sure this is still so: if a future version stops doing it, the
    refresh must be reviewed rather than silently miss the corrections.
    """
    missing = [record for record in patch if record not in base]
    if missing:
        codes = ", ".join(sorted({str(r.get("code")) for r in missing}))
        fail(f"{name} has records not merged in the main list: {codes}")


def parse_date(value: str, what: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    # Source dates look like "1924-11-14T00:00:00" (one is "1934-01-01:T00:00:00").
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
    if not match:
        fail(f"{what}: unreadable date {value!r}")
    return dt.date.fromisoformat(match.group(1))


def fix_mojibake(name: str) -> str:
    name = MOJIBAKE_S_CARON_RE.sub(lambda m: "Š" + m.group(1).lower(), name)
    return name.replace("Å¡", "š")


def fix_accent_apostrophes(name: str) -> str:
    def accent(match: re.Match[str]) -> str:
        vowel = match.group(1)
        accented = ACCENTED[vowel.lower()]
        return accented.upper() if vowel.isupper() else accented

    return ACCENT_APOSTROPHE_RE.sub(accent, name)


def fix_case_word(word: str, previous: str | None, following: str | None) -> str:
    lower = word.lower()
    if ROMAN_RE.match(word) and lower not in LOWER_WORDS:
        return word.upper()
    if lower in LOWER_WORDS:
        return lower
    if lower in POSITIONAL_WORDS:
        if following is not None and (previous or "").lower() != "di":
            return lower
        return word
    for prefix in LOWER_ELISIONS:
        if lower.startswith(prefix) and len(word) > len(prefix):
            return prefix + word[len(prefix) :]
    return word


def fix_case(name: str) -> str:
    """Italian capitalisation of a name that the source title-cased."""
    if name in KEEP_CAPITALS:
        return name
    for phrase, replacement in LOWER_PHRASES:
        name = name.replace(phrase, replacement)
    words = name.split(" ")
    out = [words[0]]
    for index in range(1, len(words)):
        following = words[index + 1] if index + 1 < len(words) else None
        out.append(fix_case_word(words[index], words[index - 1], following))
    return " ".join(out)


def normalize_name(raw: str, kind: str) -> str:
    name = unicodedata.normalize("NFC", raw or "")
    name = fix_mojibake(name)
    name = name.replace("\u2019", "'")
    name = " ".join(name.split())
    if kind == "state":
        name = fix_accent_apostrophes(name)
    return fix_case(name)


def load_rows(wheel_path: Path) -> tuple[list[Row], dict[str, int]]:
    stats = {"source_comuni": 0, "source_states": 0, "dropped_no_code": 0}
    rows: list[Row] = []
    with zipfile.ZipFile(wheel_path) as wheel:
        municipalities = read_json(wheel, MUNICIPALITIES)
        check_patch_applied(
            municipalities, read_json(wheel, MUNICIPALITIES_PATCH), MUNICIPALITIES_PATCH
        )
        countries: list[dict] = []
        for name in COUNTRIES:
            countries.extend(read_json(wheel, name))
        check_patch_applied(countries, read_json(wheel, COUNTRIES_PATCH), COUNTRIES_PATCH)

    for kind, records in (("comune", municipalities), ("state", countries)):
        stats[f"source_{'comuni' if kind == 'comune' else 'states'}"] = len(records)
        for record in records:
            code = str(record.get("code", "")).strip().upper()
            if not CODE_RE.match(code):
                stats["dropped_no_code"] += 1
                continue
            what = f"{kind} {code}"
            name = normalize_name(str(record.get("name", "")), kind)
            if not name:
                fail(f"{what}: empty name")
            province = ""
            if kind == "comune":
                province = str(record.get("province", "")).strip().upper()
                if not PROVINCE_RE.match(province):
                    fail(f"{what}: bad province {province!r}")
            elif not code.startswith("Z"):
                fail(f"{what}: a state code must start with Z")
            valid_from = parse_date(str(record.get("date_created", "")), what)
            valid_to = parse_date(str(record.get("date_deleted", "")), what)
            if kind == "state" and valid_from == UNKNOWN_STATE_START:
                valid_from = None
            if valid_from and valid_to and valid_to < valid_from:
                fail(f"{what}: valid_to {valid_to} before valid_from {valid_from}")
            rows.append(Row(code, name, province, kind, valid_from, valid_to))
    return rows, stats


def period_key(row: Row) -> tuple:
    return (
        row.code,
        row.valid_from or dt.date.min,
        row.valid_to or dt.date.max,
        row.name,
        row.province,
    )


def merge_periods(rows: list[Row]) -> list[Row]:
    """Join consecutive periods of a code that have the same name and province."""
    merged: list[Row] = []
    for row in sorted(set(rows), key=period_key):
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.code == row.code
            and last.kind == row.kind
            and last.name == row.name
            and last.province == row.province
            and last.valid_to is not None
            and (row.valid_from is None or row.valid_from <= last.valid_to + dt.timedelta(days=1))
        ):
            end = None if row.valid_to is None else max(row.valid_to, last.valid_to)
            merged[-1] = Row(last.code, last.name, last.province, last.kind, last.valid_from, end)
            continue
        merged.append(row)
    return merged


def report_overlaps(rows: list[Row]) -> int:
    """Count (and list) periods of one code that overlap another period."""
    overlaps = 0
    for previous, row in zip(rows, rows[1:]):
        if previous.code != row.code:
            continue
        end = previous.valid_to or dt.date.max
        start = row.valid_from or dt.date.min
        if start <= end:
            overlaps += 1
            print(
                f"refresh-places: note: overlapping periods for {row.code}: "
                f"{previous.name} {previous.valid_from}..{previous.valid_to} and "
                f"{row.name} {row.valid_from}..{row.valid_to}",
                file=sys.stderr,
            )
    return overlaps


def render_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow(
            (
                row.code,
                row.name,
                row.province,
                row.kind,
                row.valid_from.isoformat() if row.valid_from else "",
                row.valid_to.isoformat() if row.valid_to else "",
            )
        )
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of downloading it")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="CSV to write")
    parser.add_argument(
        "--check", action="store_true", help="do not write: exit 1 if the CSV would change"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="refresh-places-") as tmp:
        wheel = args.wheel or download_wheel(Path(tmp))
        rows, stats = load_rows(wheel)

    rows = merge_periods(rows)
    overlaps = report_overlaps(rows)
    content = render_csv(rows)

    current = [r for r in rows if r.valid_to is None]
    summary = {
        "rows": len(rows),
        "comune_rows": sum(r.kind == "comune" for r in rows),
        "state_rows": sum(r.kind == "state" for r in rows),
        "current_comuni": sum(r.kind == "comune" for r in current),
        "current_states": sum(r.kind == "state" for r in current),
        "distinct_codes": len({r.code for r in rows}),
        "overlapping_periods": overlaps,
        **stats,
    }
    print(f"refresh-places: {PACKAGE_NAME}=={PACKAGE_VERSION}: " + json.dumps(summary))

    if args.check:
        existing = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if existing != content:
            print(f"refresh-places: {args.output} is out of date", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(content, encoding="utf-8", newline="\n")
    print(f"refresh-places: wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
