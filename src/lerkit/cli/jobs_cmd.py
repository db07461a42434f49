"""``ler jobs``: occupations a person's skills fit, with the reasons in their own skills."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from lerkit.cli.options import JsonOption, PersonOption, command_help
from lerkit.cli.output import print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _, ngettext

if TYPE_CHECKING:  # the services are loaded only when the command runs
    from lerkit.core.occupations.explain import Reason
    from lerkit.core.occupations.fit import Fit
    from lerkit.core.occupations.profile import Profile, Skill
    from lerkit.services.jobs import Standing

REASONS_SHOWN = 3


def evidence_words(count: int) -> str:
    """ "1 piece of evidence", "3 pieces of evidence"."""
    return ngettext("{n} piece of evidence", "{n} pieces of evidence", count).format(n=count)


def skill_words(skill: Skill) -> str:
    """A skill as the person reads it: with its evidence, or the military job behind it."""
    if skill.via:
        return _("{skill}, from your {job}").format(skill=skill.label, job=skill.via)
    return f"{skill.label} ({evidence_words(skill.evidence)})"


def activity_list(titles: tuple[str, ...] | list[str]) -> str:
    """Activity titles in one line: "Record shipping information; Verify ..."."""
    return "; ".join(t.rstrip(".") for t in titles) + "."


def skill_json(skill: Skill) -> dict[str, Any]:
    """A skill of the profile as JSON."""
    return {"skill": skill.key, "label": skill.label, "evidence": skill.evidence,
            "source": skill.source, **({"via": skill.via} if skill.via else {})}


def reason_json(reason: Reason) -> dict[str, Any]:
    """A reason as JSON: the skill and the occupation's activities it covers."""
    return {**skill_json(reason.skill), "activities": list(reason.activities),
            "weight": round(reason.weight, 3)}


def unplaced_line(profile: Profile) -> str:
    """The skills that name no O*NET work activity, in one line (empty if none)."""
    if not profile.unplaced:
        return ""
    names = ", ".join(s.label for s in profile.unplaced)
    return _("Not placed on O*NET work activities (no crosswalk): {skills}.").format(skills=names)


def _row(found: Standing, rank: int, fit: Fit, why: list[Reason]) -> dict[str, Any]:
    occ = fit.occupation
    return {"rank": rank, "code": occ.code, "title": occ.title, "job_zone": occ.job_zone,
            "fit": round(fit.fit, 3), "activities_shown": fit.shown,
            "activities": len(occ.dwas), "reasons": [reason_json(r) for r in why],
            "military_lead": found.profile.leads.get(occ.code, [])}


@command_help(_(
    "Occupations the person's skills fit, by the share of their work activities shown."))
def jobs(
    ctx: typer.Context,
    person: PersonOption,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=200,
                                     help=_("How many occupations to show."))] = 10,
    zone: Annotated[int | None, typer.Option(
        "--zone", min=1, max=5, help=_("Only occupations of this O*NET job zone (1-5)."))
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Occupations the person's skills fit, by the share of their work activities shown."""
    from lerkit.core.occupations.explain import reasons
    from lerkit.services import jobs as service

    found = service.standing(lerkit_from(ctx), person, zone)
    shown = found.ranked[:top] if found.profile.skills else []
    listed = [(fit, reasons(found.index, found.profile, fit.occupation)) for fit in shown]
    if as_json:
        print_json({"person": found.person_id,
                    "occupations": [_row(found, rank, fit, why)
                                    for rank, (fit, why) in enumerate(listed, start=1)],
                    "unplaced": [skill_json(s) for s in found.profile.unplaced],
                    "attribution": found.attribution})
        return
    if not found.profile.skills:
        typer.echo(_("{name} has no accepted skills placed on O*NET work activities yet: "
                     "accept some suggestions first.").format(name=found.name))
    else:
        typer.echo(_("Occupations that fit {name}, by the share of their work activities "
                     "these skills cover:").format(name=found.name))
    for rank, (fit, why) in enumerate(listed, start=1):
        occ = fit.occupation
        zone_words = _(", job zone {zone}").format(zone=occ.job_zone) if occ.job_zone else ""
        typer.echo(f"\n{rank:>2}. " + _(
            "{title} ({code}{zone}): fit {percent}%, {shown} of {total} activities shown").format(
            title=occ.title, code=occ.code, zone=zone_words, percent=fit.percent,
            shown=fit.shown, total=len(occ.dwas)))
        for reason in why[:REASONS_SHOWN]:
            typer.echo(f"    {skill_words(reason.skill)}: {activity_list(reason.activities)}")
        for job in found.profile.leads.get(occ.code, []):
            typer.echo(_("    Your {job} commonly leads here.").format(job=job))
    if line := unplaced_line(found.profile):
        typer.echo(f"\n{line}")
    typer.echo(f"\n{found.attribution}")
