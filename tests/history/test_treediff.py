"""The fast tree comparison gives the same files as libgit2's diff."""

from __future__ import annotations

import random
from pathlib import Path

import pygit2
import pytest

from buurtwiki.history.treediff import TreeReader

BLOB = pygit2.enums.FileMode.BLOB
TREE = pygit2.enums.FileMode.TREE
COMMIT = pygit2.enums.FileMode.COMMIT
NAMES = ["a", "a-b.md", "a.md", "a0.md", "b", "index.md", "z.md", "\u00e9t\u00e9.md"] + [f"initiatief-{n}.md" for n in range(120)]


def write(repo: pygit2.Repository, files: dict[str, object], blobs: dict[object, pygit2.Oid]) -> pygit2.Oid:
    builder = repo.TreeBuilder()
    for name, value in files.items():
        if isinstance(value, dict):
            builder.insert(name, write(repo, value, blobs), TREE)
        elif isinstance(value, tuple):  # a submodule
            builder.insert(name, value[0], COMMIT)
        else:
            if value not in blobs:
                blobs[value] = repo.create_blob(str(value).encode())
            builder.insert(name, blobs[value], BLOB)
    return builder.write()


def mutate(rng: random.Random, files: dict[str, object], depth: int = 0) -> dict[str, object]:
    files = dict(files)
    for _ in range(rng.choice([1, 1, 1, 2, 3, 8])):
        name = rng.choice(NAMES)
        roll = rng.random()
        current = files.get(name)
        if isinstance(current, dict) and roll < 0.6:
            files[name] = mutate(rng, current, depth + 1)
        elif roll < 0.45 and current is not None:
            del files[name]
        elif roll < 0.55 and depth < 2:
            files[name] = {rng.choice(NAMES): rng.random(), rng.choice(NAMES): rng.random()}
        elif roll < 0.58:
            files[name] = (pygit2.Oid(hex=f"{rng.getrandbits(160):040x}"),)
        else:
            files[name] = rng.random()
    return files


def libgit2_files(repo: pygit2.Repository, old: pygit2.Oid, new: pygit2.Oid) -> set[tuple]:
    out = set()
    for d in repo[old].diff_to_tree(repo[new]).deltas:
        if COMMIT in (d.old_file.mode, d.new_file.mode):
            continue
        code = d.status_char()
        out.add((code, d.new_file.path, None if code == "A" else d.old_file.id.raw, None if code == "D" else d.new_file.id.raw))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_same_files_as_libgit2(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    repo = pygit2.init_repository(str(tmp_path / "repo"), bare=True)
    files: dict[str, object] = {"wijken": {"ohg": {"initiatieven": {f"initiatief-{n}.md": n for n in range(100)}}}}
    blobs: dict[object, pygit2.Oid] = {}
    versions = [write(repo, files, blobs)]
    for _ in range(60):
        inner = files["wijken"]["ohg"]  # type: ignore[index]
        inner = dict(inner)  # type: ignore[arg-type]
        inner["initiatieven"] = mutate(rng, inner.get("initiatieven", {}))  # type: ignore[arg-type]
        files = mutate(rng, {**files, "wijken": {**files["wijken"], "ohg": inner}})  # type: ignore[dict-item]
        if not isinstance(files.get("wijken"), dict):
            files["wijken"] = {"ohg": inner}
        versions.append(write(repo, files, blobs))
    reader = TreeReader(repo, generation=rng.choice([4, 64, 2048]))
    pairs = [(versions[i - 1], versions[i]) for i in range(len(versions) - 1, 0, -1)]  # like the walk
    pairs += [(versions[rng.randrange(len(versions))], versions[rng.randrange(len(versions))]) for _ in range(30)]
    for old, new in pairs:
        ours = reader.diff(old.raw, new.raw, lambda path: True)
        assert len(ours) == len(set(ours))
        assert set(ours) == libgit2_files(repo, old, new)
    added = reader.diff(None, versions[-1].raw, lambda path: True)
    assert {d[1] for d in added} == {d.new_file.path for d in repo[versions[-1]].diff_to_tree(swap=True).deltas if d.new_file.mode != COMMIT}
