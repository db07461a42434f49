"""``ler evidence``: list, edit, delete, and an experience's dates, with exit codes."""

from __future__ import annotations

import json

from lerkit.services import review
from lerkit.services.context import Lerkit
from tests.cli.runner import ler


def test_evidence_commands(db_url: str) -> None:
    person = ler("--db", db_url, "demo").stdout.strip()
    listed = ler("--db", db_url, "evidence", "list", "--person", person, "--json")
    assert listed.code == 0, listed.stderr
    items = json.loads(listed.stdout)
    assert items and {"id", "kind", "skill", "experience", "dated"} <= set(items[0])
    first = items[0]["id"]
    shown = ler("--db", db_url, "evidence", "list", "--person", person)
    assert first in shown.stdout
    bad = ler("--db", db_url, "evidence", "edit", first, "--date", "someday")
    assert bad.code == 2 and "as a date" in bad.stderr and "Traceback" not in bad.stderr
    good = ler("--db", db_url, "evidence", "edit", first, "--date", "spring 2019")
    assert good.code == 0 and "dated" in good.stderr
    missing = ler("--db", db_url, "evidence", "delete", "nosuchid")
    assert missing.code == 2 and "no evidence" in missing.stderr
    assert ler("--db", db_url, "evidence", "delete", first).code == 0
    after = json.loads(ler("--db", db_url, "evidence", "list", "--person", person,
                           "--json").stdout)
    assert first not in {i["id"] for i in after}
    opened = Lerkit.open(db_url)
    try:
        exp = review.record_view(opened, person).experiences[0].experience
    finally:
        opened.close()
    moved = ler("--db", db_url, "evidence", "dates", exp.id, "--from", "May 2009", "--to",
                "ongoing")
    assert moved.code == 0, moved.stderr
    unknown = ler("--db", db_url, "evidence", "list", "--person", "nobody")
    assert unknown.code == 2 and "no person" in unknown.stderr
