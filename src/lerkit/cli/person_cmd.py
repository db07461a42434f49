"""``ler person``: add, list, show and delete people."""

from __future__ import annotations

from typing import Annotated

import typer

from lerkit.cli.options import PERSON_FLAGS, PERSON_HELP, JsonOption
from lerkit.cli.output import interactive, note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError

app = typer.Typer(help="People: the worker, or a coach's clients.", no_args_is_help=True)

# --person, like every other command; the id alone (the older form) is still understood
MaybePerson = Annotated[str | None, typer.Option(*PERSON_FLAGS, help=PERSON_HELP)]
OLD_FORM = {"allow_extra_args": True}


def _person_id(ctx: typer.Context, person: str | None) -> str:
    """The id given with --person, or alone as in older versions."""
    given = ([person] if person is not None else []) + list(ctx.args)
    if len(set(given)) > 1:
        raise BadInputError(f"give one person's id, not {len(given)}: {' '.join(given)}")
    if not given:
        raise BadInputError("give the person's id: --person ID (see: ler person list)")
    return given[0]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person's name, as they want it shown.")],
) -> None:
    """Add a person; prints only the new id."""
    from lerkit.services import people

    person = people.add_person(lerkit_from(ctx), name)
    typer.echo(person.id)


@app.command("list")
def list_(
    ctx: typer.Context,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Only names containing this.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List people with their counts of experiences, skills, evidence, endorsements."""
    from lerkit.services import people

    found = people.list_people(lerkit_from(ctx), search)
    if as_json:
        print_json([p.to_dict() for p in found])
        return
    if not found:
        note("No people yet. Add one with: ler person add NAME")
        return
    for p in found:
        c = p.counts
        typer.echo(
            f"{p.id}  {p.name}  ({c.experiences} experiences, {c.accepted_skills} skills, "
            f"{c.evidence} evidence, {c.endorsements} endorsements)"
        )


@app.command("show", context_settings=OLD_FORM)
def show(
    ctx: typer.Context,
    person: MaybePerson = None,
    as_json: JsonOption = False,
) -> None:
    """Show one person's record."""
    from lerkit.services import people

    detail = people.show_person(lerkit_from(ctx), _person_id(ctx, person))
    if as_json:
        print_json(detail.to_dict())
        return
    s = detail.summary
    typer.echo(f"{s.name} ({s.id}), added {detail.created_at}")
    typer.echo(
        f"{s.counts.experiences} experiences, {s.counts.accepted_skills} accepted skills, "
        f"{s.counts.evidence} evidence, {s.counts.endorsements} endorsements"
    )
    for exp in detail.experiences:
        when = "ongoing" if exp["ongoing"] else (exp["ended"] or "")
        typer.echo(f"- [{exp['life_area']}] {exp['title']} {exp['started'] or ''}–{when}")
    for claim in detail.claims:
        typer.echo(f"  * {claim['label']} ({claim['status']})")


@app.command("delete", context_settings=OLD_FORM)
def delete(
    ctx: typer.Context,
    person_opt: MaybePerson = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a person and everything that is theirs (asks first)."""
    from lerkit.services import people

    ler = lerkit_from(ctx)
    person_id = _person_id(ctx, person_opt)
    person = people.require_person(ler, person_id)
    if not yes:
        if not interactive():
            raise BadInputError("not deleting without confirmation: add --yes")
        if not typer.confirm(f"Delete {person.name} ({person.id}) and all their records?"):
            note("Nothing deleted.")
            raise typer.Exit(1)
    people.delete_person(ler, person_id)
    note(f"Deleted {person.name} ({person.id}).")


@app.command("assign", context_settings=OLD_FORM)
def assign(
    ctx: typer.Context,
    person_opt: MaybePerson = None,
    coach: Annotated[str, typer.Option("--coach", help="The coach's sign-in name.")] = "",
    share: Annotated[bool, typer.Option(
        "--share", help="Add the coach, keeping the person's other coaches.")] = False,
) -> None:
    """Move a person to a coach's caseload, or share them (a center's supervisor)."""
    from lerkit.services import center

    if not coach:
        raise BadInputError("name the coach: --coach NAME")
    person_id = _person_id(ctx, person_opt)
    coaches = center.assign(lerkit_from(ctx), person_id, coach, share=share)
    note(f"{person_id} is now in the caseload of: {', '.join(coaches)}.")
