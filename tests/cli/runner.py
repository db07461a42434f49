"""Run the real ``ler`` command in-process and capture stdout, stderr and exit code."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from lerkit.cli import app


@dataclass
class Result:
    """What a command printed and how it exited."""

    code: int
    stdout: str
    stderr: str


def ler(*args: str, input: str | None = None) -> Result:
    """Invoke ``ler ARGS`` as a person would, with separate stdout and stderr."""
    result = CliRunner().invoke(app, list(args), input=input, prog_name="ler")
    return Result(result.exit_code, result.stdout, result.stderr)
