"""`make serve` (demo/serve.py): a busy port gives a Dutch message and another port, never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ..adapters.test_mkdocs_build import BIN, ENV, copy_demo

REPO = Path(__file__).resolve().parents[2]
SERVE = REPO / "demo" / "serve.py"
sys.path.insert(0, str(REPO / "demo"))
import serve  # noqa: E402


@pytest.fixture
def busy_port():
    """A port some other program listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        yield other.getsockname()[1]


def test_next_free_port_is_chosen_when_the_first_is_busy(busy_port):
    port = serve.choose_port(None, first=busy_port)
    assert port != busy_port and serve.is_free(port)
    with pytest.raises(serve.PortBusy):
        serve.choose_port(busy_port)


def test_busy_port_asked_for_gives_a_dutch_message_not_a_traceback(busy_port):
    env = {**ENV, "PORT": str(busy_port)}
    result = subprocess.run([sys.executable, str(SERVE), "--mkdocs", str(BIN / "mkdocs")], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"Poort {busy_port} is al in gebruik" in result.stderr
    assert "make serve PORT=" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_not_a_port_number_gives_a_dutch_message():
    result = subprocess.run([sys.executable, str(SERVE), "--port", "acht"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "PORT=acht is geen poortnummer" in result.stderr and "Traceback" not in result.stderr


def test_serves_the_site_on_the_next_port_when_the_first_is_busy(busy_port, tmp_path):
    root = copy_demo(tmp_path)
    command = [sys.executable, str(SERVE), "--port", "", "--first", str(busy_port), "--mkdocs", str(BIN / "mkdocs"),
               "--", "--config-file", str(root / "mkdocs.yml")]
    process = subprocess.Popen(command, cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first_line = process.stdout.readline()
        assert f"(poort {busy_port} was bezet)" in first_line, first_line
        url = first_line.split("op ", 1)[1].split()[0]
        assert url != f"http://127.0.0.1:{busy_port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200
                    assert "Buurtwiki" in response.read().decode("utf-8")
                    break
            except OSError:
                assert process.poll() is None, "mkdocs serve stopped"
                assert time.monotonic() < deadline, "the site was not served in time"
                time.sleep(0.5)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, 9)
            process.wait()
