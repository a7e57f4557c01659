from tests.conftest import PLANS, RunCli


def test_bundled_plans_validate_clean(run_cli: RunCli) -> None:
    result = run_cli("validate", str(PLANS))
    assert result.exit_code == 0, result.output
    assert "all valid" in result.stdout


def test_version(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("hbg-plan ")
