"""Soak: eight coaches' desks working one center's PostgreSQL server at once, for 3 minutes.

A fresh database is set up the way docs/center.md says: an administrator role that owns
it, ``ler center init``, coaches and a supervisor added with ``ler center add-coach``
(``LER_NEW_PASSWORD``). Then each desk, a process of its own signed in as a coach's role
(by default one coach per desk), works through a coach's day with the real ``ler``
command, over and over until the time is up:

* ``person add``, then ``interview --answers`` (the demo answers files, in English and in
  Spanish, each with a note and a file of evidence of its own), which stores the
  experiences, accepts skills and adds the evidence;
* ``person show --json`` and ``evidence list --json`` (what was stored: every claim and
  piece of evidence is noted by id), ``keys init`` (``LER_PASSPHRASE``), ``export`` of a
  signed bundle and ``verify`` of it, ``person list --json``;
* now and then a read of another coach's client (``person show`` or ``export``), which
  must be refused (exit 2), and a second ``keys init`` for a person who has a key (also
  exit 2).

Every command's exit code and time is logged. Afterwards, as the administrator: every
person, experience, accepted skill, claim, piece of evidence, key and audit event that a
desk was told was written is in the database (else it is a lost row); no stderr holds a
traceback; no exit code was other than expected; no refused read succeeded; each person
has at most one active key, the one their desk made; the supervisor lists everyone.

Needs a server: ``--url`` or ``LER_TEST_PG_URL`` (``.ci/pg-start`` starts one); the
database and roles made are dropped after. Figures go to the "Center" section of
docs/benchmarks.md.

Run: python bench/center_soak.py [--seconds 180] [--desks 8] [--coaches 8] [--no-write]
     [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import yaml
from sqlalchemy.engine import make_url

from _setup import REPO
from docs_section import write_block

ANSWERS = [REPO / "prompts" / "demo" / "veteran-caregiver.yaml",
           REPO / "prompts" / "demo" / "cleaner-caregiver-es.yaml"]
PASSPHRASE = "a soak passphrase for every key"
COMMAND_TIMEOUT = 300.0
# the exit codes each operation may end with; anything else is unexpected
EXPECTED = {"add": {0}, "interview": {0}, "show": {0}, "evidence": {0}, "keys": {0},
            "export": {0}, "verify": {0}, "list": {0},
            "cross-show": {2}, "cross-export": {2}, "keys-again": {2}}
ORDER = list(EXPECTED)
STORED = re.compile(r"Stored (\d+) experiences and (\d+) accepted skills")


# --------------------------------------------------------------------------- set-up


@dataclass(frozen=True)
class Center:
    """A center's database on the server: the administrator's URL and each role's."""

    server: str
    database: str
    admin: str
    admin_url: str
    coaches: dict[str, str]  # role -> URL with its password
    supervisor: str
    supervisor_url: str

    def roles(self) -> list[str]:
        """Every login role made for this center, the administrator last."""
        return [*self.coaches, self.supervisor, self.admin]


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _url(server: str, database: str, role: str, password: str) -> str:
    return make_url(server).set(drivername="postgresql", database=database, username=role,
                                password=password).render_as_string(hide_password=False)


def ler(url: str | None, *args: str, home: Path, env: dict[str, str] | None = None,
        timeout: float = COMMAND_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """The real ``ler`` in a process of its own, ``--db`` first."""
    full = {k: v for k, v in os.environ.items()
            if k not in ("LER_DB", "LER_PASSPHRASE", "LER_NEW_PASSWORD")}
    full.update({"LER_HOME": str(home), "LER_LANG": "en", **(env or {})})
    root = ["--db", url] if url else []
    return subprocess.run([sys.executable, "-m", "lerkit", *root, *args], capture_output=True,
                          text=True, env=full, timeout=timeout, stdin=subprocess.DEVNULL)


def _must(proc: subprocess.CompletedProcess[str], what: str) -> str:
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def set_up(server: str, coaches: int, home: Path) -> Center:
    """A new database owned by a new administrator role (as docs/center.md step 1 makes
    it), set up by ``ler center init``, with coaches and a supervisor."""
    suffix = secrets.token_hex(3)
    database, admin = f"lerkit_soak_{suffix}", f"soak_admin_{suffix}"
    admin_password = secrets.token_urlsafe(12)
    with psycopg.connect(_conninfo(server), autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{admin}\" LOGIN CREATEROLE PASSWORD '{admin_password}'")
        conn.execute(f'CREATE DATABASE "{database}" OWNER "{admin}"')
    admin_url = _url(server, database, admin, admin_password)
    names = [f"soak_coach{n + 1}_{suffix}" for n in range(coaches)]
    supervisor = f"soak_sup_{suffix}"
    passwords = {name: secrets.token_urlsafe(12) for name in [*names, supervisor]}
    center = Center(server, database, admin, admin_url,
                    {name: _url(server, database, name, passwords[name]) for name in names},
                    supervisor, _url(server, database, supervisor, passwords[supervisor]))
    _must(ler(admin_url, "center", "init", home=home), "ler center init")
    for name in [*names, supervisor]:
        extra = ["--supervisor"] if name == supervisor else []
        _must(ler(admin_url, "center", "add-coach", name, *extra, home=home,
                  env={"LER_NEW_PASSWORD": passwords[name]}), f"ler center add-coach {name}")
    return center


def tear_down(center: Center) -> None:
    """Drop the database and the roles made for it."""
    with psycopg.connect(_conninfo(center.server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{center.database}" WITH (FORCE)')
        for role in center.roles():
            try:
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')
            except psycopg.Error as exc:
                print(f"could not drop role {role}: {exc}", file=sys.stderr)


# --------------------------------------------------------------------------- a desk


def _day_answers(base: Path, folder: Path, tag: str) -> tuple[Path, str]:
    """An answers file for one client: a demo file with a note and a file of evidence of
    this client's own (the note's text is unique, to be found again)."""
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    certificate = folder / f"{tag}-certificate.txt"
    certificate.write_text(f"Certificate of completion, {tag}\n", encoding="utf-8")
    note = f"Signed timesheet {tag}"
    first = next(iter(data["modules"].values()))[0]
    first.setdefault("evidence", []).extend([
        {"note": note, "name": "Timesheet"},
        {"file": str(certificate), "name": "Course certificate"},
    ])
    path = folder / f"{tag}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path, note


def _peers_clients(logs: list[str]) -> list[str]:
    """People other coaches' desks have added so far (read from their logs)."""
    found: list[str] = []
    for log in logs:
        try:
            lines = Path(log).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line being written
            if entry.get("op") == "added":
                found.append(entry["person"])
    return found


def desk(spec: dict[str, Any]) -> None:
    """One coach's desk: days of work until the deadline; every command logged."""
    home, work = Path(spec["home"]), Path(spec["work"])
    url, deadline = spec["url"], float(spec["deadline"])
    rng = random.Random(spec["seed"])
    env = {"LER_PASSPHRASE": PASSPHRASE}
    mine: list[str] = []
    with open(spec["log"], "a", encoding="utf-8") as log, \
            open(spec["stderr"], "a", encoding="utf-8") as errors:

        def run(op: str, *args: str, db: bool = True, **facts: Any) -> \
                subprocess.CompletedProcess[str] | None:
            if time.time() >= deadline:
                return None
            start = time.perf_counter()
            try:
                proc = ler(url if db else None, *args, home=home, env=env)
            except subprocess.TimeoutExpired:
                proc = subprocess.CompletedProcess(list(args), -9, "", "timed out\n")
            seconds = time.perf_counter() - start
            if proc.stderr:
                errors.write(f"--- {op} {' '.join(args)}\n{proc.stderr}")
                errors.flush()
            entry = {"op": op, "rc": proc.returncode, "s": round(seconds, 4), **facts}
            if proc.returncode not in EXPECTED[op]:
                entry["stderr"] = proc.stderr.strip()[-400:]
            log.write(json.dumps(entry) + "\n")
            log.flush()
            return proc

        day = 0
        while time.time() < deadline:
            day += 1
            tag = f"d{spec['desk']}-{day}-{secrets.token_hex(3)}"
            added = run("add", "person", "add", f"Client {tag}")
            if added is None or added.returncode != 0:
                continue
            person = added.stdout.strip()
            mine.append(person)
            # the log line for "add" has no id yet: say it now, for the check and the peers
            log.write(json.dumps({"op": "added", "person": person}) + "\n")
            log.flush()
            answers, note = _day_answers(ANSWERS[day % len(ANSWERS)], work, tag)
            done = run("interview", "interview", "--person", person, "--answers", str(answers))
            if done is None:
                break
            if done.returncode != 0:
                continue  # logged as unexpected; the rest of this client's day needs it
            stored = STORED.search(done.stderr + done.stdout)
            if done.returncode == 0 and stored:
                log.write(json.dumps({"op": "stored", "person": person,
                                      "experiences": int(stored[1]),
                                      "accepted": int(stored[2])}) + "\n")
            shown = run("show", "person", "show", "--person", person, "--json")
            if shown is None:
                break
            if shown.returncode == 0:
                record = json.loads(shown.stdout)
                log.write(json.dumps({"op": "seen", "person": person,
                                      "claims": [c["id"] for c in record["claims"]]}) + "\n")
            listed = run("evidence", "evidence", "list", "--person", person, "--json")
            if listed is None:
                break
            if listed.returncode == 0:
                items = json.loads(listed.stdout)
                log.write(json.dumps({
                    "op": "seen", "person": person, "evidence": [e["id"] for e in items],
                    "note_found": any(e["narrative"] == note for e in items)}) + "\n")
            made = run("keys", "keys", "init", "--person", person)
            if made is None:
                break
            if made.returncode == 0:
                log.write(json.dumps({"op": "key", "person": person,
                                      "did": made.stdout.strip()}) + "\n")
            out = work / f"{tag}.bundle.json"
            exported = run("export", "export", "--person", person, "--out", str(out))
            if exported is None:
                break
            if exported.returncode == 0:
                bundle = json.loads(out.read_text(encoding="utf-8"))
                log.write(json.dumps({"op": "bundle", "person": person,
                                      "id": bundle["id"]}) + "\n")
                if run("verify", "verify", str(out), db=False) is None:
                    break
            listing = run("list", "person", "list", "--json")
            if listing is None:
                break
            if listing.returncode == 0:
                ids = {p["id"] for p in json.loads(listing.stdout)}
                log.write(json.dumps({"op": "listed", "missing": sorted(set(mine) - ids)})
                          + "\n")
            if made.returncode == 0 and rng.random() < 0.25 and run(
                    "keys-again", "keys", "init", "--person", person) is None:
                break
            others = _peers_clients(spec["peers"])
            if others and rng.random() < 0.6:
                other = rng.choice(others)
                if rng.random() < 0.5:
                    tried = run("cross-show", "person", "show", "--person", other,
                                person=other)
                else:
                    tried = run("cross-export", "export", "--person", other, "--out",
                                str(work / f"{tag}-other.json"), person=other)
                if tried is None:
                    break


# --------------------------------------------------------------------------- the check


def _entries(logs: list[Path]) -> list[dict[str, Any]]:
    found = []
    for path in logs:
        for line in path.read_text(encoding="utf-8").splitlines():
            found.append(json.loads(line))
    return found


def check(center: Center, role_of: dict[int, str], folder: Path, home: Path) -> dict[str, Any]:
    """Compare what the desks were told with what the database holds (as the
    administrator), and count what went wrong."""
    told: dict[str, dict[str, Any]] = {}  # person -> what was written for them
    ops: dict[str, list[float]] = {op: [] for op in ORDER}
    unexpected: list[dict[str, Any]] = []
    breaches = 0
    list_missing = 0
    notes_missing = 0
    for number, role in role_of.items():
        for entry in _entries([folder / f"desk{number}.log"]):
            op = entry["op"]
            person = entry.get("person")
            mine = told.setdefault(person, {"role": role, "experiences": 0, "accepted": 0,
                                            "claims": set(), "evidence": set(), "shows": 0,
                                            "did": None, "bundles": []}) \
                if person and op not in ("cross-show", "cross-export") else None
            if op in EXPECTED:
                ops[op].append(entry["s"])
                if entry["rc"] not in EXPECTED[op]:
                    unexpected.append({"desk": number, **entry})
                if op.startswith("cross-") and entry["rc"] == 0:
                    breaches += 1
            elif mine is not None and op == "stored":
                mine["experiences"] += entry["experiences"]
                mine["accepted"] += entry["accepted"]
            elif mine is not None and op == "seen":
                if "claims" in entry:
                    mine["claims"].update(entry["claims"])
                    mine["shows"] += 1
                else:
                    mine["evidence"].update(entry["evidence"])
                    notes_missing += 0 if entry["note_found"] else 1
            elif mine is not None and op == "key":
                mine["did"] = entry["did"]
            elif mine is not None and op == "bundle":
                mine["bundles"].append(entry["id"])
            elif op == "listed":
                list_missing += len(entry["missing"])
    lost: dict[str, int] = dict.fromkeys(
        ("person", "experience", "accepted skill", "claim", "evidence", "key", "audit"), 0)
    people = sorted(told)
    with psycopg.connect(_conninfo(center.admin_url)) as conn:
        def counts(sql: str) -> dict[tuple[Any, ...], int]:
            rows = conn.execute(sql.encode(), (people,)).fetchall()
            return {tuple(row[:-1]): int(row[-1]) for row in rows}

        present = {r[0] for r in conn.execute(
            b"SELECT id FROM person WHERE id = ANY(%s)", (people,)).fetchall()}
        experiences = counts("SELECT person_id, count(*) FROM experience "
                             "WHERE person_id = ANY(%s) GROUP BY 1")
        accepted = counts("SELECT person_id, count(*) FROM claim WHERE person_id = ANY(%s) "
                          "AND status = 'accepted' GROUP BY 1")
        claims = {r[0] for r in conn.execute(
            b"SELECT id FROM claim WHERE person_id = ANY(%s)", (people,)).fetchall()}
        evidence = {r[0] for r in conn.execute(
            b"SELECT id FROM evidence WHERE person_id = ANY(%s)", (people,)).fetchall()}
        keys = counts("SELECT person_id, did, count(*) FROM signingkey "
                      "WHERE person_id = ANY(%s) AND active GROUP BY 1, 2")
        audit = counts("SELECT person_id, actor, action, entity, count(*) FROM auditevent "
                       "WHERE person_id = ANY(%s) GROUP BY 1, 2, 3, 4")
        audited = {(r[0], r[1]) for r in conn.execute(
            b"SELECT action, entity_id FROM auditevent WHERE person_id = ANY(%s) "
            b"AND action IN ('export', 'create')", (people,)).fetchall()}
    active: dict[str, list[str]] = {}
    for (person, did), n in keys.items():
        active.setdefault(person, []).extend([did] * n)
    for person, mine in told.items():
        role = mine["role"]
        lost["person"] += person not in present
        lost["experience"] += max(0, mine["experiences"] - experiences.get((person,), 0))
        lost["accepted skill"] += max(0, mine["accepted"] - accepted.get((person,), 0))
        lost["claim"] += len(mine["claims"] - claims)
        lost["evidence"] += len(mine["evidence"] - evidence)
        if mine["did"] is not None and mine["did"] not in active.get(person, []):
            lost["key"] += 1
        wanted = {("create", "person"): 1, ("create", "experience"): mine["experiences"],
                  ("create", "claim"): len(mine["claims"]),
                  ("create", "evidence"): len(mine["evidence"]),
                  ("read", "person"): mine["shows"],
                  ("create", "signing-key"): int(mine["did"] is not None),
                  ("export", "bundle"): len(mine["bundles"])}
        for (action, entity), n in wanted.items():
            lost["audit"] += max(0, n - audit.get((person, role, action, entity), 0))
        lost["audit"] += sum(("export", b) not in audited for b in mine["bundles"])
        lost["audit"] += mine["did"] is not None and ("create", mine["did"]) not in audited
    tracebacks = sum(path.read_text(encoding="utf-8").count("Traceback")
                     for path in folder.glob("*.err"))
    seen = ler(center.supervisor_url, "person", "list", "--json", home=home)
    supervisor_sees = {p["id"] for p in json.loads(seen.stdout)} if seen.returncode == 0 \
        else set()
    return {
        "people": len(told), "ops": ops,
        "lost": lost, "tracebacks": tracebacks, "unexpected": unexpected,
        "refused_reads_that_succeeded": breaches,
        "more_than_one_active_key": sum(len(d) > 1 for d in active.values()),
        "missing_from_own_list": list_missing, "evidence_notes_missing": notes_missing,
        "supervisor_missing": len(set(told) - supervisor_sees),
        "claims": sum(len(m["claims"]) for m in told.values()),
        "accepted": sum(m["accepted"] for m in told.values()),
        "evidence": sum(len(m["evidence"]) for m in told.values()),
        "keys": sum(m["did"] is not None for m in told.values()),
        "bundles": sum(len(m["bundles"]) for m in told.values()),
    }


# --------------------------------------------------------------------------- the run


def run(server: str, seconds: float, desks: int, coaches: int,
        keep: Path | None = None) -> dict[str, Any]:
    """Set up a center, run the desks until the time is up, check; drop it all after."""
    folder = Path(tempfile.mkdtemp(prefix="lerkit-soak-")) if keep is None else keep
    folder.mkdir(parents=True, exist_ok=True)
    home = folder / "admin-home"
    home.mkdir(exist_ok=True)
    # the matching indexes, built once (as on a desk that has been used before)
    _must(ler(f"sqlite:///{home / 'warm.db'}", "demo", home=home), "warm-up")
    center = set_up(server, coaches, home)
    try:
        roles = list(center.coaches)
        role_of = {n: roles[n % len(roles)] for n in range(desks)}
        procs = []
        start = time.time()
        deadline = start + seconds
        for number, role in role_of.items():
            desk_home, work = folder / f"desk{number}-home", folder / f"desk{number}-work"
            work.mkdir(exist_ok=True)
            shutil.copytree(home / "cache", desk_home / "cache", dirs_exist_ok=True)
            spec = {
                "desk": number, "url": center.coaches[role], "deadline": deadline,
                "home": str(desk_home), "work": str(work), "seed": number,
                "log": str(folder / f"desk{number}.log"),
                "stderr": str(folder / f"desk{number}-commands.err"),
                "peers": [str(folder / f"desk{n}.log") for n, r in role_of.items()
                          if r != role],
            }
            (folder / f"desk{number}.log").touch()
            spec_file = folder / f"desk{number}.json"
            spec_file.write_text(json.dumps(spec), encoding="utf-8")
            with open(folder / f"desk{number}-process.err", "w", encoding="utf-8") as err:
                procs.append(subprocess.Popen(
                    [sys.executable, str(Path(__file__).resolve()), "--desk", str(spec_file)],
                    stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL))
        codes = [p.wait(timeout=seconds + 2 * COMMAND_TIMEOUT) for p in procs]
        elapsed = time.time() - start
        found = check(center, role_of, folder, home)
        found.update({"seconds": round(elapsed, 1), "limit": seconds, "desks": desks,
                      "coaches": len(set(role_of.values())), "desk_exits": codes,
                      "folder": str(folder)})
        return found
    finally:
        tear_down(center)
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def _pct(times: list[float], q: float) -> float:
    if len(times) == 1:
        return times[0]
    return statistics.quantiles(times, n=100, method="inclusive")[int(q) - 1]


def _s(value: float) -> str:
    return f"{value:.2f} s"


WHAT = {
    "add": "`person add`", "interview": "`interview --answers` (a demo answers "
    "file: experiences, accepted skills, evidence)", "show": "`person show --json`",
    "evidence": "`evidence list --json`", "keys": "`keys init`",
    "export": "`export` (signed bundle)", "verify": "`verify` (offline)",
    "list": "`person list --json`",
    "cross-show": "`person show` of another coach's client (refused)",
    "cross-export": "`export` of another coach's client (refused)",
    "keys-again": "`keys init` again (refused)",
}


def report(found: dict[str, Any]) -> str:
    """The Markdown block for docs/benchmarks.md."""
    ops: dict[str, list[float]] = found["ops"]
    total = sum(len(t) for t in ops.values())
    minutes = found["seconds"] / 60
    lost = found["lost"]
    lines = [
        f"{found['desks']} desks, each a process signed in as a coach of its own "
        f"({found['coaches']} coaches and a supervisor, added by `ler center add-coach` "
        "to a database set up by `ler center init`), each running the real `ler` through "
        f"a coach's day over and over for {found['limit']:.0f} s; PostgreSQL on loopback; "
        "2-core shared machine; one run of `python bench/center_soak.py`.",
        "",
        f"{total} commands in {found['seconds']:.0f} s ({total / minutes:.0f} a minute): "
        f"{found['people']} people added, {found['accepted']} skills accepted "
        f"({found['claims']} claims stored in all), {found['evidence']} pieces of "
        f"evidence, {found['keys']} keys, {found['bundles']} signed bundles exported and "
        "verified.",
        "",
        "| command | runs | p50 | p95 |",
        "|---|---:|---:|---:|",
    ]
    for op in ORDER:
        times = ops[op]
        if times:
            lines.append(f"| {WHAT[op]} | {len(times)} | {_s(_pct(times, 50))} | "
                         f"{_s(_pct(times, 95))} |")
    lines += [
        "",
        "Times are whole commands (a process started, signed in, worked, exited), with "
        f"{found['desks']} desks sharing 2 cores. Afterwards, checked as the administrator:",
        "",
        "| check | found |",
        "|---|---:|",
        f"| rows a desk was told were written and are not in the database "
        f"(people, experiences, accepted skills, claims, evidence, keys, audit events) | "
        f"{sum(lost.values())} |",
        f"| tracebacks in any stderr | {found['tracebacks']} |",
        f"| commands with an exit code other than expected | {len(found['unexpected'])} |",
        f"| reads of another coach's client that were not refused | "
        f"{found['refused_reads_that_succeeded']} |",
        f"| people with more than one active key | {found['more_than_one_active_key']} |",
        f"| a desk's own people missing from its `person list` | "
        f"{found['missing_from_own_list']} |",
        f"| people the supervisor's `person list` does not show | "
        f"{found['supervisor_missing']} |",
        "",
        "Target: 0 lost rows, 0 tracebacks.",
    ]
    return "\n".join(lines)


def failures(found: dict[str, Any]) -> list[str]:
    """What went wrong, in words (empty: the soak passed)."""
    wrong = [f"lost {n} {kind} row(s)" for kind, n in found["lost"].items() if n]
    for key in ("tracebacks", "refused_reads_that_succeeded", "more_than_one_active_key",
                "missing_from_own_list", "evidence_notes_missing", "supervisor_missing"):
        if found[key]:
            wrong.append(f"{key.replace('_', ' ')}: {found[key]}")
    wrong += [f"unexpected exit {u['rc']} from {u['op']} (desk {u['desk']}): "
              f"{u.get('stderr', '')}" for u in found["unexpected"]]
    if any(found["desk_exits"]):
        wrong.append(f"a desk process failed: exits {found['desk_exits']}")
    return wrong


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("LER_TEST_PG_URL"))
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--desks", type=int, default=8)
    parser.add_argument("--coaches", type=int, default=0,
                        help="coaches' roles the desks sign in as (default: one per desk)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--keep", type=Path, help="keep the desks' logs in this folder")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--desk", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.desk:
        desk(json.loads(args.desk.read_text(encoding="utf-8")))
        return
    if not args.url:
        parser.error("name a PostgreSQL server: --url or LER_TEST_PG_URL (.ci/pg-start)")
    coaches = args.coaches or args.desks
    if not 2 <= coaches <= args.desks:
        parser.error("--coaches: from 2 to the number of desks")
    found = run(args.url, args.seconds, args.desks, coaches, args.keep)
    if args.json:
        args.json.write_text(json.dumps(found, indent=1), encoding="utf-8")
    text = report(found)
    print(text)
    wrong = failures(found)
    for line in wrong:
        print(f"FAILED: {line}", file=sys.stderr)
    if not args.no_write and not wrong:
        write_block("center-soak", text, heading="## Center")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
