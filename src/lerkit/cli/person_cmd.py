"""``ler person``: add, list, show and delete people."""

from __future__ import annotations

from typing import Annotated

import typer

from lerkit.cli.options import PERSON_FLAGS, PERSON_HELP, JsonOption
from lerkit.cli.output import interactive, note, print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import N_, _

app = typer.Typer(help=_("People: the worker, or a coach's clients."), no_args_is_help=True)

# --person, like every other command; the id alone (the older form) is still understood
MaybePerson = Annotated[str | None, typer.Option(*PERSON_FLAGS, help=PERSON_HELP)]
OLD_FORM = {"allow_extra_args": True}
STATUS_WORDS = {"suggested": N_("suggested"), "accepted": N_("accepted"),
                "rejected": N_("rejected")}


def _person_id(ctx: typer.Context, person: str | None) -> str:
    """The id given with --person, or alone as in older versions."""
    given = ([person] if person is not None else []) + list(ctx.args)
    if len(set(given)) > 1:
        raise BadInputError(_("give one person's id, not {count}: {ids}").format(
            count=len(given), ids=" ".join(given)))
    if not given:
        raise BadInputError(_("give the person's id: --person ID (see: ler person list)"))
    return given[0]


@app.command("add", help=_("Add a person; prints only the new id."))
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("The person's name, as they want it shown."))],
) -> None:
    """Add a person; prints only the new id."""
    from lerkit.services import people

    person = people.add_person(lerkit_from(ctx), name)
    typer.echo(person.id)


@app.command("list", help=_(
    "List people with their counts of experiences, skills, evidence, endorsements."))
def list_(
    ctx: typer.Context,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help=_("Only names containing this."))
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
        note(_("No people yet. Add one with: ler person add NAME"))
        return
    for p in found:
        c = p.counts
        typer.echo(_(
            "{id}  {name}  ({experiences} experiences, {skills} skills, {evidence} evidence, "
            "{endorsements} endorsements)").format(
            id=p.id, name=p.name, experiences=c.experiences, skills=c.accepted_skills,
            evidence=c.evidence, endorsements=c.endorsements))


@app.command("show", context_settings=OLD_FORM, help=_("Show one person's record."))
def show(
    ctx: typer.Context,
    person: MaybePerson = None,
    as_json: JsonOption = False,
) -> None:
    """Show one person's record."""
    from lerkit.services import people
    from lerkit.services.skill_names import SkillNames

    ler = lerkit_from(ctx)
    detail = people.show_person(ler, _person_id(ctx, person))
    if as_json:
        print_json(detail.to_dict())
        return
    names = SkillNames(ler)  # in the language spoken where the taxonomy has it
    s = detail.summary
    typer.echo(_("{name} ({id}), added {added}").format(
        name=s.name, id=s.id, added=detail.created_at))
    typer.echo(_(
        "{experiences} experiences, {skills} accepted skills, {evidence} evidence, "
        "{endorsements} endorsements").format(
        experiences=s.counts.experiences, skills=s.counts.accepted_skills,
        evidence=s.counts.evidence, endorsements=s.counts.endorsements))
    for exp in detail.experiences:
        when = _("ongoing") if exp["ongoing"] else (exp["ended"] or "")
        typer.echo(f"- [{exp['life_area']}] {exp['title']} {exp['started'] or ''}–{when}")
    for claim in detail.claims:
        status = str(claim["status"])
        label = names(str(claim["taxonomy"]), str(claim["competency_id"]), str(claim["label"]))
        typer.echo(f"  * {label} ({_(STATUS_WORDS.get(status, status))})")


@app.command("delete", context_settings=OLD_FORM, help=_(
    "Delete a person and everything that is theirs (asks first)."))
def delete(
    ctx: typer.Context,
    person_opt: MaybePerson = None,
    yes: Annotated[bool, typer.Option(
        "--yes", "-y", help=_("Do not ask for confirmation."))] = False,
) -> None:
    """Delete a person and everything that is theirs (asks first)."""
    from lerkit.services import people

    ler = lerkit_from(ctx)
    person_id = _person_id(ctx, person_opt)
    person = people.require_person(ler, person_id)
    if not yes:
        if not interactive():
            raise BadInputError(_("not deleting without confirmation: add --yes"))
        if not typer.confirm(_("Delete {name} ({id}) and all their records?").format(
                name=person.name, id=person.id)):
            note(_("Nothing deleted."))
            raise typer.Exit(1)
    people.delete_person(ler, person_id)
    note(_("Deleted {name} ({id}).").format(name=person.name, id=person.id))


@app.command("assign", context_settings=OLD_FORM, help=_(
    "Move a person to a coach's caseload, or share them (a center's supervisor)."))
def assign(
    ctx: typer.Context,
    person_opt: MaybePerson = None,
    coach: Annotated[str, typer.Option("--coach", help=_("The coach's sign-in name."))] = "",
    share: Annotated[bool, typer.Option(
        "--share", help=_("Add the coach, keeping the person's other coaches."))] = False,
) -> None:
    """Move a person to a coach's caseload, or share them (a center's supervisor)."""
    from lerkit.services import center

    if not coach:
        raise BadInputError(_("name the coach: --coach NAME"))
    person_id = _person_id(ctx, person_opt)
    coaches = center.assign(lerkit_from(ctx), person_id, coach, share=share)
    note(_("{id} is now in the caseload of: {coaches}.").format(
        id=person_id, coaches=", ".join(coaches)))
