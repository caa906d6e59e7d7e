"""``uztranslit serve`` / ``python -m uztranslit.web``: options, help, settings."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import uvicorn

from uztranslit.web import Settings, cli

from ._docs import ROOT


def test_help_names_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    shown = capsys.readouterr().out
    for option in (
        "--host",
        "--port",
        "--workers",
        "--max-body",
        "--max-files",
        "--max-text-chars",
        "--time-cap",
        "--queue-size",
        "--cors-origin",
    ):
        assert option in shown
    assert "127.0.0.1" in shown


def test_it_binds_loopback_by_default_and_passes_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: dict[str, Any] = {}

    def run(app: Any, **options: Any) -> None:
        ran.update(options, settings=app.state.settings)

    monkeypatch.setattr(uvicorn, "run", run)
    assert cli.main([]) == 0
    assert (ran["host"], ran["port"]) == ("127.0.0.1", 8000)
    assert ran["settings"] == Settings()
    argv = ["--host", "0.0.0.0", "--port", "9000", "-w", "3", "--max-body", "2M",
            "--max-files", "5", "--time-cap", "2.5", "--queue-size", "0",
            "--cors-origin", "https://a.example", "--cors-origin", "https://b.example",
            "--no-access-log", "--keep-alive", "30"]  # fmt: skip
    assert cli.main(argv) == 0
    assert (ran["host"], ran["port"], ran["access_log"]) == ("0.0.0.0", 9000, False)
    assert ran["timeout_keep_alive"] == 30
    settings = ran["settings"]
    assert (settings.workers, settings.max_body_bytes, settings.max_files) == (3, 2 << 20, 5)
    assert (settings.time_cap, settings.queue_size) == (2.5, 0)
    assert settings.cors_origins == ("https://a.example", "https://b.example")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--workers", "0"], "workers must be at least 1; got 0"),
        (["--time-cap", "0"], "time_cap must be more than 0"),
        (["--read-timeout", "-1"], "read_timeout must be more than 0"),
        (["--max-body", "ten"], "not a size"),
        (["--port", "70000"], "port must be at most 65535"),
        (["--nonsense"], "unrecognized arguments"),
    ],
)
def test_bad_options_exit_2_with_a_message(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "size"),
    [("1048576", 1 << 20), ("512K", 512 << 10), ("10M", 10 << 20), ("1GiB", 1 << 30)],
)
def test_sizes_take_units(text: str, size: int) -> None:
    assert cli.size(text) == size


def test_python_m_uztranslit_web_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uztranslit.web", "--help"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0
    assert done.stdout.startswith("usage: uztranslit serve")


def test_every_option_is_in_the_docs_settings_table() -> None:
    documented = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    for action in cli.build_parser()._actions:
        long = [flag for flag in action.option_strings if flag.startswith("--")]
        if long and long[0] != "--help":
            assert f"`{long[0]}`" in documented, long[0]
    for name in Settings.__dataclass_fields__:
        assert f"`{name}`" in documented, name
