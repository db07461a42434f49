"""``ler gap``: where a person stands against one occupation, and what to learn next."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from lerkit.cli.jobs_cmd import activity_list, skill_json, unplaced_line
from lerkit.cli.options import JsonOption, PersonOption, command_help
from lerkit.cli.output import print_json
from lerkit.cli.state import lerkit_from
from lerkit.core.i18n import _

if TYPE_CHECKING:  # the services are loaded only when the command runs
    from lerkit.core.occupations.explain import Activity
    from lerkit.services.gap import GapReport

MISSING_SHOWN = 10


def _activity(a: Activity) -> dict[str, Any]:
    return {"dwa": a.dwa, "title": a.title, "weight": round(a.weight, 3), "by": list(a.by)}


def _json(report: GapReport) -> dict[str, Any]:
    gap = report.gap
    occ = gap.occupation
    return {
        "person": report.standing.person_id,
        "occupation": {"code": occ.code, "title": occ.title, "job_zone": occ.job_zone},
        "fit": round(gap.fit, 3),
        "shown": [_activity(a) for a in gap.shown],
        "related": [_activity(a) for a in gap.related],
        "missing": [_activity(a) for a in gap.missing],
        "skill_gaps": [{"skill": g.skill, "name": g.name, "importance": g.importance,
                        "level": g.level, "reference_level": g.reference_level}
                       for g in gap.skill_gaps],
        "skill_reference": ({"code": gap.reference.code, "title": gap.reference.title}
                            if gap.reference else None),
        "technology": list(occ.technology),
        "learn_next": [{"dwa": s.dwa, "title": s.title, "gain": round(s.gain, 3),
                        "occupations": list(s.occupations)} for s in report.next_steps],
        "programs": [{"id": p.program.id, "program": p.program.program,
                      "provider": p.program.provider, "place": p.program.place,
                      "cost": p.program.cost, "length": p.program.length,
                      "gain": round(p.gain, 3), "adds": list(p.adds),
                      "target_fit": round(p.target_fit, 3) if p.target_fit is not None
                      else None}
                     for p in report.programs],
        "unplaced": [skill_json(s) for s in report.standing.profile.unplaced],
        "attribution": report.standing.attribution,
    }


def _text(report: GapReport) -> None:
    gap = report.gap
    occ = gap.occupation
    say = typer.echo
    zone = _(", job zone {zone}").format(zone=occ.job_zone) if occ.job_zone else ""
    say(_("{name} and {title} ({code}{zone}): fit {percent}%").format(
        name=report.standing.name, title=occ.title, code=occ.code, zone=zone,
        percent=round(gap.fit * 100)))
    if gap.shown:
        say("\n" + _("Work activities already shown:"))
        for a in gap.shown:
            say(_("  {activity}: by {skills}").format(activity=a.title.rstrip("."),
                                                       skills=", ".join(a.by)))
    if gap.related:
        say("\n" + _("Related to what was shown (part credit):"))
        for a in gap.related:
            say(_("  {activity}: close to {shown}").format(activity=a.title.rstrip("."),
                                                           shown=activity_list(a.by[:2])))
    if gap.missing:
        say("\n" + _("Missing, the most central first:"))
        for a in gap.missing[:MISSING_SHOWN]:
            say(_("  {activity} ({percent}% of the work)").format(
                activity=a.title.rstrip("."), percent=round(a.weight * 100)))
        if len(gap.missing) > MISSING_SHOWN:
            say(_("  ... and {count} more (see --json)").format(
                count=len(gap.missing) - MISSING_SHOWN))
    if gap.skill_gaps:
        ref = gap.reference
        say("\n" + (_("Skills it needs at a higher level than {title} (your closest fit):")
                    .format(title=ref.title)
                    if ref else _("Skills it rates important (importance of 5, level of 7):")))
        for g in gap.skill_gaps[:6]:
            step = f", {ref.title if ref else ''} {g.reference_level:.1f}" if ref else ""
            say(_("  {skill}: level {level}{reference} (importance {importance})").format(
                skill=g.name, level=f"{g.level:.1f}", reference=step,
                importance=f"{g.importance:.1f}"))
    if occ.technology:
        say("\n" + _("Technology O*NET lists for it: {tools}").format(
            tools=", ".join(occ.technology)))
    if report.next_steps or report.programs:
        say("\n" + _("What to learn next: points of fit gained, added up over {title} "
                     "(counted twice) and the closest occupations.").format(title=occ.title))
    for s in report.next_steps:
        say(_("  {activity}: +{points}, for {occupations}").format(
            activity=s.title.rstrip("."), points=round(s.gain * 100),
            occupations=", ".join(s.occupations)))
    if report.programs:
        say("\n" + _("Programs that would close the most of the gap:"))
    for p in report.programs:
        facts = ", ".join(x for x in (p.program.provider, p.program.place, p.program.cost,
                                      p.program.length) if x)
        target = (f"; {occ.title} {round(gap.fit * 100)}% -> {round(p.target_fit * 100)}%"
                  if p.target_fit is not None else "")
        say(f"  {p.program.program} ({facts}): +{round(p.gain * 100)}{target}")
        say(_("    adds: {activities}").format(activities=activity_list(p.adds[:4])))
    if line := unplaced_line(report.standing.profile):
        say(f"\n{line}")
    say(f"\n{report.standing.attribution}")


@command_help(_(
    "What a person has shown of an occupation's work, what is missing, what to learn."))
def gap(
    ctx: typer.Context,
    person: PersonOption,
    occupation: Annotated[str, typer.Option(
        "--occupation", "-o", help=_("The target: an O*NET-SOC code or words of its title."))],
    as_json: JsonOption = False,
) -> None:
    """What a person has shown of an occupation's work, what is missing, what to learn."""
    from lerkit.services.gap import gap_report

    report = gap_report(lerkit_from(ctx), person, occupation)
    if as_json:
        print_json(_json(report))
    else:
        _text(report)
