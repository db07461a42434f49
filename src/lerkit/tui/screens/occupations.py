"""Where a person's skills lead: occupations by fit, why, and the gap to the one picked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _, ngettext
from lerkit.core.occupations.explain import reasons
from lerkit.services import gap, jobs
from lerkit.services.context import Lerkit
from lerkit.tui.language import speak_bindings

SHOWN = 20


def _short(title: str) -> str:
    return title.rstrip(".")


def fit_words(found: jobs.Standing, index: int) -> str:
    """One occupation of the ranking, its fit and the person's skills behind it."""
    fit = found.ranked[index]
    occ = fit.occupation
    zone = str(occ.job_zone) if occ.job_zone else _("not rated")
    lines = [_("{title} ({code}), job zone {zone}").format(title=occ.title, code=occ.code,
                                                           zone=zone),
             ngettext("Fit {percent}%: {shown} of {n} work activity shown.",
                      "Fit {percent}%: {shown} of {n} work activities shown.",
                      len(occ.dwas)).format(percent=fit.percent, shown=fit.shown,
                                            n=len(occ.dwas)), ""]
    for reason in reasons(found.index, found.profile, occ):
        skill = reason.skill
        source = (_("from your {what}").format(what=skill.via) if skill.via
                  else ngettext("{n} piece of evidence", "{n} pieces of evidence",
                                skill.evidence).format(n=skill.evidence))
        lines.append(f"{skill.label} ({source}):")
        lines += [f"  {_short(a)}" for a in reason.activities]
    lines += [_("Your {job} commonly leads here.").format(job=job)
              for job in found.profile.leads.get(occ.code, [])]
    lines += ["", _("Enter shows the gap: what is missing and what to learn next.")]
    return "\n".join(lines)


def gap_words(report: gap.GapReport) -> str:
    """The gap to one occupation, as the detail pane shows it."""
    result = report.gap
    occ = result.occupation
    lines = [_("{title} ({code}): fit {percent}%").format(
                 title=occ.title, code=occ.code, percent=round(result.fit * 100)), "",
             _("Missing, the most central first:")]
    lines += [f"  {_short(a.title)} ({round(a.weight * 100)}%)" for a in result.missing[:10]]
    if result.skill_gaps:
        ref = result.reference.title if result.reference else _("no reference")
        lines += ["", _("Skills needed at a higher level than {reference}:").format(
            reference=ref)]
        lines += ["  " + _("{skill}: level {level}").format(skill=g.name,
                                                            level=f"{g.level:.1f}")
                  for g in result.skill_gaps[:5]]
    if occ.technology:
        lines += ["", _("Technology: {names}").format(names=", ".join(occ.technology))]
    lines += ["", _("Learn next:")] + [f"  {_short(s.title)} (+{round(s.gain * 100)})"
                                       for s in report.next_steps]
    if report.programs:
        lines += ["", _("Programs:")] + [f"  {p.program.program} (+{round(p.gain * 100)})"
                                         for p in report.programs]
    return "\n".join(lines)


class OccupationsScreen(Screen[None]):
    """Occupations ranked by fit on the left; the highlighted one explained on the right."""

    CSS_PATH = "occupations.tcss"
    HELP = N_(
        "## Occupations\n\nO*NET occupations ranked by the share of their work activities "
        "this person's skills cover. The right side says which skills cover what. "
        "**Enter** shows the gap: the missing activities, the most central first, skill "
        "levels, technology, and what to learn next. **F8** shows the screens in English "
        "or in Spanish."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="close-occupations",
                tooltip=N_("Back to where the screen was opened from")),
    ]

    @dataclass
    class Loaded(Message):
        """The person's ranking."""

        standing: jobs.Standing

    @dataclass
    class GapLoaded(Message):
        """The gap to the occupation picked."""

        report: gap.GapReport

    @dataclass
    class Failed(Message):
        """Loading was refused."""

        text: str

    def __init__(self, ler: Lerkit, person_id: str) -> None:
        super().__init__()
        speak_bindings(self)
        self.ler = ler
        self.person_id = person_id
        self.standing: jobs.Standing | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield OptionList(id="ranking", markup=False)
            with VerticalScroll(id="detail-pane"):
                yield Static(_("Ranking occupations ..."), id="detail", markup=False)
        yield Static("", id="attribution", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ranking", OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="occupations-load")
    def _load(self) -> None:
        try:
            found = jobs.standing(self.ler, self.person_id)
        except LerError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Loaded(found))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        self.standing = found = message.standing
        self.sub_title = found.name
        self.query_one("#attribution", Static).update(found.attribution)
        ranking = self.query_one("#ranking", OptionList)
        ranking.clear_options()
        if not found.profile.skills:
            self.query_one("#detail", Static).update(
                _("No accepted skills placed on O*NET work activities yet."))
            return
        ranking.add_options([Option(f"{f.percent:>3}%  {f.occupation.title}", id=str(i))
                             for i, f in enumerate(found.ranked[:SHOWN])])
        ranking.highlighted = 0

    @on(OptionList.OptionHighlighted, "#ranking")
    def _explain(self, event: OptionList.OptionHighlighted) -> None:
        if self.standing is not None and event.option.id is not None:
            self.query_one("#detail", Static).update(
                fit_words(self.standing, int(event.option.id)))

    @on(OptionList.OptionSelected, "#ranking")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        if self.standing is not None and event.option.id is not None:
            code = self.standing.ranked[int(event.option.id)].occupation.code
            self.query_one("#detail", Static).update(_("Working out the gap ..."))
            self._gap(code)

    @work(thread=True, exclusive=True, exit_on_error=False, group="occupations-gap")
    def _gap(self, code: str) -> None:
        try:
            report = gap.gap_report(self.ler, self.person_id, code)
        except LerError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.GapLoaded(report))

    @on(GapLoaded)
    def _show_gap(self, message: GapLoaded) -> None:
        self.query_one("#detail", Static).update(gap_words(message.report))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one("#detail", Static).update(message.text)

    def action_close(self) -> None:
        """Back to where the screen was opened from."""
        self.app.pop_screen()
