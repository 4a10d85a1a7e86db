"""Replay the demo story (demo/verhaal.yml) into a separate git repository, e.g. `.demo/`.

The demo site shows what Buurtwiki does with a page's history: several residents, field changes, word
diffs, a rename and a merged pull request. This repository's own git log has none of that (and its
authors are the developers), so `make serve` and `make site` build the demo from a repository made
here. Every commit in the story describes files as "the checked-in file, with these changes", and the
last state of every file is the checked-in one, so HEAD of the demo repository holds exactly the
current `content/` and `wijken/` of this repository. A last commit makes sure of that, even when the
story has fallen behind the content (the builder then warns).

    python demo/maak_demo.py --out .demo
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

REPO = Path(__file__).resolve().parents[1]
STORY = REPO / "demo" / "verhaal.yml"
FOLDERS = ("content", "wijken")
ZONE = ZoneInfo("Europe/Amsterdam")
FINAL = "definitief"


class StoryError(Exception):
    """The story file cannot be replayed (a broken story, not stale content)."""


@dataclass
class Replay:
    source: Path
    out: Path
    people: dict[str, tuple[str, str]]
    warnings: list[str] = field(default_factory=list)
    branches: set[str] = field(default_factory=set)

    # -- git ------------------------------------------------------------------------------------

    def git(self, *args: str, who: str | None = None, when: str | None = None) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", LC_ALL="C")
        if who:
            name, email = self.people[who]
            env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)
        if when:
            env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        result = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                                cwd=self.out, env=env, capture_output=True, text=True)
        if result.returncode:
            raise StoryError(f"git {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    # -- files ----------------------------------------------------------------------------------

    def final_text(self, rel: str) -> str | None:
        path = self.source / rel
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def write(self, rel: str, text: str) -> None:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def current_files(self) -> list[str]:
        return sorted(p.relative_to(self.source).as_posix() for folder in FOLDERS
                      for p in (self.source / folder).rglob("*") if p.is_file())

    def apply(self, pattern: str, spec, where: str) -> None:
        matches = [rel for rel in self.current_files() if fnmatch.fnmatchcase(rel, pattern)] if "*" in pattern else [pattern]
        if not matches:
            self.warnings.append(f"{where}: geen bestanden voor {pattern}")
        for rel in matches:
            self.apply_one(rel, spec, where)

    def apply_one(self, rel: str, spec, where: str) -> None:
        spec = {} if spec in (None, FINAL) else spec
        if not isinstance(spec, dict):
            raise StoryError(f"{where}: {rel}: verwacht '{FINAL}' of een lijst met wijzigingen")
        old = spec.get("hernoemd_van")
        if old:
            self.git("mv", old, rel)
        edits = {k: v for k, v in spec.items() if k not in ("hernoemd_van", "uit")}
        if old and not edits:
            return  # a pure rename keeps the text the file had
        source = spec.get("uit", rel)  # a page that has another name now starts from that file
        final = self.final_text(source)
        if final is None:
            self.warnings.append(f"{where}: {source} bestaat niet (meer) in deze repository; overgeslagen")
            return
        self.write(rel, edit(final, edits, lambda message: self.warnings.append(f"{where}: {rel}: {message}")))

    # -- commits --------------------------------------------------------------------------------

    def commit(self, step: dict, number: int) -> None:
        where = f"{STORY.name} stap {number} ({step.get('bericht', '?')})"
        who, when = step.get("door"), git_date(step.get("datum"), where)
        if who not in self.people:
            raise StoryError(f"{where}: onbekende bewoner {who!r}; kies uit {', '.join(self.people)}")
        branch = step.get("tak", "main")
        self.checkout(branch)
        if "samenvoegen" in step:
            self.git("merge", "--no-ff", "--no-edit", "-m", step["bericht"], step["samenvoegen"], who=who, when=when)
            return
        for pattern, spec in (step.get("bestanden") or {}).items():
            self.apply(pattern, spec, where)
        for rel in step.get("weg") or []:  # not there yet (after a pattern wrote it) or gone
            path = self.out / rel
            shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", step["bericht"], who=who, when=when)

    def checkout(self, branch: str) -> None:
        if self.git("symbolic-ref", "--short", "HEAD").strip() == branch:
            return
        if branch != "main" and branch not in self.branches:
            self.branches.add(branch)
            self.git("checkout", "-q", "main")
            self.git("checkout", "-q", "-b", branch)
        else:
            self.git("checkout", "-q", branch)

    def finish(self, closing: dict) -> None:
        """Make HEAD's content exactly the checked-in content; warn when the story needed help."""
        self.checkout("main")
        for folder in FOLDERS:
            shutil.rmtree(self.out / folder, ignore_errors=True)
            shutil.copytree(self.source / folder, self.out / folder)
        self.git("add", "-A")
        changed = self.git("status", "--porcelain").split("\n")
        changed = [line[3:] for line in changed if line.strip()]
        if changed:
            self.warnings.append("het verhaal eindigt niet bij de huidige inhoud; slotcommit voor: " + ", ".join(changed[:10]))
            self.git("commit", "-q", "-m", closing["bericht"], who=closing["door"], when=git_date(closing["datum"], "slot"))


def git_date(value, where: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError as error:
        raise StoryError(f"{where}: datum {value!r} is geen datum zoals 2019-04-13 10:00") from error
    return moment.replace(tzinfo=moment.tzinfo or ZONE).isoformat()


def edit(final: str, edits: dict, warn) -> str:
    """``final`` with the story's changes: ``afkappen`` (cut), ``tekst`` (replace), ``zonder``, ``velden``."""
    text = final
    marker = edits.get("afkappen")
    if marker:  # the text did not go further than this yet
        if marker in text:
            text = text[: text.index(marker)].rstrip("\n") + "\n"
        else:
            warn(f"afkappen: tekst niet gevonden: {marker[:60]!r}")
    pairs = []
    for item in edits.get("tekst") or []:  # a pair, or a list of pairs (a YAML alias to an earlier step's)
        pairs.extend(item if item and isinstance(item[0], list) else [item])
    for now, before in pairs:
        if now not in text:
            warn(f"tekst niet gevonden: {now[:60]!r}")
        text = text.replace(now, before, 1)
    for key in edits.get("zonder") or []:
        text = set_field(text, key, None, warn)
    for key, value in (edits.get("velden") or {}).items():
        text = set_field(text, key, value, warn)
    unknown = set(edits) - {"afkappen", "tekst", "zonder", "velden"}
    if unknown:
        warn(f"onbekende wijziging {sorted(unknown)}")
    return text


FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def set_field(text: str, key: str, value, warn) -> str:
    """Set (or with ``None`` remove) one top-level front matter field, leaving every other line alone."""
    match = FRONT.match(text)
    if not match:
        warn(f"geen voorwerk om {key} in te zetten")
        return text
    lines = match.group(1).splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    new = [] if value is None else [f"{key}: {flow(value)}\n"]
    if start is None:
        if value is None:
            warn(f"veld {key} staat er niet")
        lines += new
    else:
        end = start + 1
        while end < len(lines) and (lines[end][:1] in (" ", "\t", "\n") or lines[end].startswith("- ")):
            end += 1
        lines[start:end] = new
    return "---\n" + "".join(lines) + "---\n" + text[match.end():]


def flow(value) -> str:
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def build(out: Path, source: Path = REPO, story: Path = STORY) -> list[str]:
    """Make the demo repository at ``out`` (replacing it); returns the warnings."""
    data = yaml.safe_load(story.read_text(encoding="utf-8"))
    people = {key: (p["naam"], p["email"]) for key, p in data["bewoners"].items()}
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    replay = Replay(source=source, out=out, people=people)
    replay.git("init", "-q")
    shutil.copy(source / "mkdocs.yml", out / "mkdocs.yml")
    (out / ".gitignore").write_text("site/\n.gemaakt\n", encoding="utf-8")
    for number, step in enumerate(data["commits"], start=1):
        replay.commit(step, number)
    replay.finish(data["slot"])
    return replay.warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Maak de demo-repository uit demo/verhaal.yml.")
    parser.add_argument("--out", type=Path, default=REPO / ".demo", help="map voor de demo-repository")
    args = parser.parse_args(argv)
    try:
        warnings = build(args.out.resolve())
    except StoryError as error:
        print(f"{STORY.relative_to(REPO)}: fout: {error}", file=sys.stderr)
        return 1
    except yaml.YAMLError as error:
        print(f"{STORY.relative_to(REPO)}: fout: dit is geen geldige YAML: {error}", file=sys.stderr)
        return 1
    except (KeyError, TypeError, ValueError) as error:
        print(f"{STORY.relative_to(REPO)}: fout: een stap mist iets of heeft een verkeerde vorm ({error!r})", file=sys.stderr)
        return 1
    except FileNotFoundError as error:
        print(f"fout: {error.filename} ontbreekt; installeer git (sudo apt-get install git)", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"{STORY.relative_to(REPO)}: waarschuwing: {warning}", file=sys.stderr)
    print(f"Demo-repository gemaakt in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
