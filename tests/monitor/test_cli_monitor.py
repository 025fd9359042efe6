"""`treatywatch monitor run` from the command line: its exit codes and report."""

import pytest
from typer.testing import CliRunner

from treatywatch.cli import app
from treatywatch.references.models import Reference

pytestmark = pytest.mark.django_db
runner = CliRunner()


@pytest.fixture
def use_detector(monkeypatch, detector):
    monkeypatch.setattr("treatywatch.monitor.pipeline.default_detector", lambda: detector)


def test_a_run_reports_each_source_and_its_problems(config_path, loaded, use_detector):
    result = runner.invoke(
        app,
        [
            "monitor",
            "run",
            "--config",
            str(config_path),
            "--source",
            "news-feed",
            "--source",
            "crawl",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "news-feed" in result.stdout and "crawl" in result.stdout
    assert "disallowed by robots.txt (given up)" in result.output
    assert Reference.objects.filter(source_name="crawl").count() == 2


def test_a_failed_source_makes_the_exit_code_1(config_path, loaded, use_detector, site):
    from tests.monitor.server import Route

    site.routes["/feed.xml"] = Route(status=404, body=b"gone")
    result = runner.invoke(
        app, ["monitor", "run", "--config", str(config_path), "--source", "news-feed"]
    )
    assert result.exit_code == 1
    assert "HTTP 404" in result.output


def test_configuration_problems_and_unknown_sources_are_usage_errors(tmp_path, config_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[monitor]\ncontact = "nobody"\n[[source]]\nname = "x"\nkind = "feed"\n')
    result = runner.invoke(app, ["monitor", "run", "--config", str(bad)])
    assert result.exit_code == 2
    assert (
        f"{bad}:2: monitor contact: expected an http(s) URL or a mailto: address" in result.output
    )
    assert f"{bad}:3: [source x] url: required" in result.output
    unknown = runner.invoke(
        app, ["monitor", "run", "--config", str(config_path), "--source", "nope"]
    )
    assert unknown.exit_code == 2 and "Unknown source nope" in unknown.output


def test_without_a_configuration_the_example_is_pointed_to(monkeypatch, tmp_path):
    monkeypatch.setenv("TREATYWATCH_HOME", str(tmp_path))
    result = runner.invoke(app, ["monitor", "run"])
    assert result.exit_code == 2
    assert "monitor.example.toml" in result.output and "monitor.toml" in result.output
