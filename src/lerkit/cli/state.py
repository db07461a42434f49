"""What the root command passes to sub-commands: how to open lerkit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:  # the database layer is imported only by commands that use it
    from lerkit.services.context import Lerkit


@dataclass
class CliState:
    """Options given before the sub-command (``--db``)."""

    db_url: str | None = None
    _ler: Lerkit | None = field(default=None, repr=False)

    def open(self) -> Lerkit:
        """Open the database once for this command."""
        if self._ler is None:
            from lerkit.services.context import Lerkit

            self._ler = Lerkit.open(self.db_url)
        return self._ler

    def close(self) -> None:
        """Release the database, if it was opened."""
        if self._ler is not None:
            self._ler.close()
            self._ler = None


def lerkit_from(ctx: typer.Context) -> Lerkit:
    """The open lerkit for this command invocation."""
    state = ctx.find_object(CliState)
    if state is None:  # a sub-app invoked on its own, as in some tests
        state = CliState()
        ctx.obj = state
    ler = state.open()
    ctx.call_on_close(state.close)
    return ler
