"""A build process ends without Python's last garbage collection (5 s at 10,000 pages)."""

from __future__ import annotations

import subprocess
import sys

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
