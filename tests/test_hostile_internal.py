"""The last line of defence: a bug still ends in one line and exit 2, never a traceback.

Tests elsewhere run the Typer app directly, where an uncaught exception fails the test; this
checks the console entry point that users run, which turns such a bug into a message.
"""

from __future__ import annotations

import sys

import pytest

from hbg_plan.cli import root as cli


def _crash() -> None:
    raise RuntimeError("unexpected\nstate")


def test_an_internal_error_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("HBG_DEBUG", raising=False)
    monkeypatch.setattr(cli, "app", _crash)
    monkeypatch.setattr(sys, "argv", ["hbg-plan", "validate", "plans"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "hbg-plan: internal error (RuntimeError: unexpected state); please report it"
        " (HBG_DEBUG=1 shows the details)\n"
    )


def test_an_internal_error_in_swedish(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("HBG_DEBUG", raising=False)
    monkeypatch.setattr(cli, "app", _crash)
    monkeypatch.setattr(sys, "argv", ["hbg-plan", "validate", "--lang", "sv", "plans"])
    with pytest.raises(SystemExit):
        cli.main()
    assert capsys.readouterr().err.startswith("hbg-plan: internt fel (RuntimeError: unexpected state)")


def test_hbg_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HBG_DEBUG", "1")
    monkeypatch.setattr(cli, "app", _crash)
    with pytest.raises(RuntimeError, match="unexpected"):
        cli.main()


def test_memory_error_is_caught_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def exhausted() -> None:
        raise MemoryError

    monkeypatch.delenv("HBG_DEBUG", raising=False)
    monkeypatch.setattr(cli, "app", exhausted)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    assert "internal error (MemoryError); please report it" in capsys.readouterr().err
