"""``ler match``: suggest competencies for free text, with the reason for each."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from lerkit.cli.options import JsonOption, command_help
from lerkit.cli.output import print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.i18n import N_, _
from lerkit.core.strict_json import parse_json

if TYPE_CHECKING:  # the matcher is loaded only when this command runs
    from lerkit.core.matching.types import Match

# How a military occupation was found ("code 0411", 'title "rifleman"'): the first word
# in the language spoken, what was found as it was written.
HOW_WORDS = {"code": N_("code {found}"), "title": N_("title {found}")}


def how_words(how: str) -> str:
    """``how`` in the language spoken: "code 0411" -> "código 0411" in Spanish."""
    kind, _space, found = how.partition(" ")
    return _(HOW_WORDS[kind]).format(found=found) if kind in HOW_WORDS else how


def _as_dict(m: Match) -> dict[str, Any]:
    return {
        "taxonomy": m.taxonomy,
        "id": m.competency_id,
        "label": m.label,
        "score": round(m.score, 2),
        "why": m.why,
        "matched": m.matched_text,
        "via": m.matched_via.value,
        "words": list(m.matched_words),
        **({"through": m.through} if m.through else {}),
    }


def _batch(path: Path) -> list[tuple[Any, str]]:
    from lerkit.core.files import read_text

    cases = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        item = parse_json(line, str(path), number)
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise FileFormatError(str(path), _("each line needs {example}").format(
                example='{"id": ..., "text": "..."}'), number)
        cases.append((item.get("id"), item["text"]))
    return cases


@command_help(_(
    "Suggest competencies for TEXT, each with its score and why it matched.\n\n"
    "Without --taxonomy, lerkit's own taxonomy, O*NET's work activities and any taxonomy\n"
    "added with `ler taxonomy default` are searched together."))
def match(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(
        help=_("What the person did, in their words."))] = None,
    taxonomy: Annotated[
        str | None,
        typer.Option("--taxonomy", "-t",
                     help=_("Search only this taxonomy (default: the default search).")),
    ] = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=200)] = 10,
    as_json: JsonOption = False,
    batch: Annotated[
        Path | None,
        typer.Option("--batch", help=_('JSONL file of {"id", "text"}; writes JSONL matches.')),
    ] = None,
    lexical: Annotated[
        bool, typer.Option("--lexical", help=_("Match by shared words only, not by meaning."))
    ] = False,
    military_text: Annotated[
        str | None,
        typer.Option(
            "--military", help=_('A military occupation code or title ("88N", "LS2", "2T0X1").')
        ),
    ] = None,
) -> None:
    """Suggest competencies for TEXT, each with its score and why it matched.

    Without --taxonomy, lerkit's own taxonomy, O*NET's work activities and any taxonomy
    added with `ler taxonomy default` are searched together.
    """
    from lerkit.services import matching
    from lerkit.services.skill_names import SkillNames

    if military_text is not None:
        _military(military_text, top, as_json, ctx)
        return
    ler = lerkit_from(ctx)
    search = (matching.default_search(ler, lexical=lexical) if taxonomy is None
              else matching.matcher_for(ler, taxonomy, lexical=lexical))
    if search.note:
        typer.echo(_("Note: {text}.").format(text=search.note), err=True)
    if batch is not None:
        for case_id, case_text in _batch(batch):
            found = search.match(case_text, top=top)
            sys.stdout.write(
                json.dumps(
                    {"id": case_id, "matches": [_as_dict(m) for m in found]}, ensure_ascii=False
                )
                + "\n"
            )
        return
    if text is None or not text.strip():
        raise BadInputError(_("give the TEXT to match (or --batch FILE)"))
    found = search.match(text, top=top)
    if notice := search.notice(text):
        typer.echo(_("Note: {text}.").format(text=notice), err=True)
    if as_json:
        print_json([_as_dict(m) for m in found])
        return
    if not found:
        typer.echo(_("No suggestions. Try describing what you did in more words."))
    names = SkillNames(ler)  # in the language spoken where the taxonomy has it
    for rank, m in enumerate(found, start=1):
        typer.echo(f"{rank:>2}. {names.match(m)}  [{m.taxonomy} {m.competency_id}]  " + _(
            "score {score}").format(score=f"{m.score:.0f}"))
        typer.echo(_("    why: {why}").format(why=m.why))


def _military(text: str, top: int, as_json: bool, ctx: typer.Context) -> None:
    from lerkit.services import military
    from lerkit.services.skill_names import SkillNames

    result = military.lookup(text, top)
    if as_json:
        print_json(
            {
                "occupations": [
                    {
                        "code": h.occupation.code,
                        "branch": h.occupation.branch,
                        "title": h.occupation.title,
                        "onet_soc": h.occupation.onet_soc,
                        "found_by": h.how,
                    }
                    for h in result.hits
                ],
                "matches": [_as_dict(m) for m in result.matches],
            }
        )
        return
    if not result.hits:
        typer.echo(_("No military occupation found for {text}. Try the code (88N, LS2) or the "
                     "full title.").format(text=repr(text)))
        return
    for hit in result.hits:
        occ = hit.occupation
        typer.echo(_("{branch} {code}: {title} (found by {how})").format(
            branch=_(military.BRANCH_NAMES.get(occ.branch, occ.branch)), code=occ.code,
            title=occ.title, how=how_words(hit.how)))
        if occ.onet_soc:
            typer.echo(_("  civilian occupations (O*NET-SOC): {codes}").format(
                codes=", ".join(occ.onet_soc)))
    names = SkillNames(lerkit_from(ctx))  # in the language spoken where the taxonomy has it
    for rank, m in enumerate(result.matches, start=1):
        typer.echo(f"{rank:>2}. {names.match(m)}  [{m.competency_id}]")
        typer.echo(_("    why: {why}").format(why=m.why))
