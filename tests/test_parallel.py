"""A build process ends without Python's last garbage collection (5 s at 10,000 pages), and work
in a forked process comes back, or is done here when that process fails."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from buurtwiki.parallel import can_fork, in_background

PROGRAM = """
import os, sys
from buurtwiki.parallel import skip_collection_at_exit

class Node:
    def __del__(self, write=os.write):
        write(1, b"collected\\n")

def build():
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the garbage collector frees it
    global kept
    kept = a

build()
if sys.argv[1] == "skip":
    skip_collection_at_exit()
    skip_collection_at_exit()  # a second build in the same process
print("done", flush=True)
"""


def _run(mode: str) -> str:
    result = subprocess.run([sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, check=True, timeout=60)
    return result.stdout


def test_the_process_ends_without_collecting_what_is_left() -> None:
    assert _run("collect").count("collected") == 2  # Python's own exit: the cycle is collected
    out = _run("skip")
    assert out.startswith("done") and "collected" not in out


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_work_in_the_background_comes_back_and_a_failed_process_means_it_is_done_here():
    parent = os.getpid()
    assert in_background(lambda: b"gelezen")() == b"gelezen"

    def fails_in_the_forked_process() -> bytes:
        if os.getpid() != parent:
            raise RuntimeError("kapot")
        return b"hier gedaan"

    assert in_background(fails_in_the_forked_process)() == b"hier gedaan"
