"""One active key per person, kept by the database: racing ``ler keys init`` leaves one."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.storage.db import open_database

ROUNDS = 20
RACERS = 8
PASSPHRASE = "racing passphrase"


def _racer(db_url: str, person_id: str) -> subprocess.Popen[str]:
    env = dict(os.environ, LER_PASSPHRASE=PASSPHRASE)
    return subprocess.Popen([sys.executable, "-m", "lerkit", "--db", db_url, "keys", "init",
                             "--person", person_id], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env,
                            stdin=subprocess.DEVNULL)


def _active_keys(db_url: str, person_id: str) -> int:
    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            return int(conn.execute(sa.text(
                "SELECT count(*) FROM signingkey WHERE person_id = :p AND active = :t"),
                {"p": person_id, "t": True}).scalar_one())
    finally:
        db.close()


@pytest.mark.slow
def test_racing_keys_init_leaves_exactly_one_active_key(db_url: str) -> None:
    ler = Lerkit.open(db_url)
    try:
        ids = [people.add_person(ler, f"Racer {n}").id for n in range(ROUNDS)]
    finally:
        ler.close()
    for person_id in ids:
        procs = [_racer(db_url, person_id) for _ in range(RACERS)]
        results = [(p, *p.communicate(timeout=300)) for p in procs]
        won = [out for p, out, _ in results if p.returncode == 0]
        lost = [err for p, _, err in results if p.returncode != 0]
        assert len(won) == 1, [err for _, _, err in results]
        assert won[0].startswith("did:key:")
        for (proc, _, err) in results:
            if proc.returncode != 0:
                assert proc.returncode == 2, err
                assert err.startswith("ler: error: ") and err.count("\n") == 1, err
                assert "already has a key" in err and "Traceback" not in err
        assert len(lost) == RACERS - 1
        assert _active_keys(db_url, person_id) == 1


def test_the_database_refuses_a_second_active_key(db_url: str) -> None:
    ler = Lerkit.open(db_url)
    try:
        person_id = people.add_person(ler, "Two Keys").id
    finally:
        ler.close()
    db = open_database(db_url)
    insert = sa.text(
        "INSERT INTO signingkey (id, person_id, did, public_key_multibase, sealed_secret, "
        "active, created_at) VALUES (:id, :p, 'did:key:z', 'z', :s, :a, :t)")
    values = {"p": person_id, "s": b"x", "t": datetime.now(UTC)}
    try:
        with db.engine.begin() as conn:
            conn.execute(insert, {**values, "id": "k1", "a": True})
            conn.execute(insert, {**values, "id": "k2", "a": False})  # retired ones may be many
            conn.execute(insert, {**values, "id": "k3", "a": False})
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(insert, {**values, "id": "k4", "a": True})
    finally:
        db.close()
