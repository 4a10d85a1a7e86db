"""`make serve`: pick a free port and start `mkdocs serve` there, with a Dutch message instead of a traceback.

Without a port, 8000 is tried first, then the next ports up. With a port (``make serve PORT=8123``) only that
port is used; when it is busy the script says so and what to do, and exits with status 1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys

HOST = "127.0.0.1"
FIRST_PORT = 8000
TRIES = 100


class PortBusy(Exception):
    """The port the user asked for is in use."""


def is_free(port: int, host: str = HOST) -> bool:
    """True when a server could listen on ``host:port`` now (same socket options as MkDocs' server)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
            probe.listen(1)
        except OSError:
            return False
    return True


def choose_port(requested: int | None, host: str = HOST, first: int = FIRST_PORT) -> int:
    """The requested port if free (else PortBusy); without a request the first free port from ``first`` up."""
    if requested is not None:
        if not is_free(requested, host):
            raise PortBusy(requested)
        return requested
    for port in range(first, min(first + TRIES, 65536)):
        if is_free(port, host):
            return port
    raise PortBusy(first)


def parse_port(text: str) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ValueError(text)
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", default=os.environ.get("PORT", ""), help="vaste poort (leeg: kies zelf)")
    parser.add_argument("--first", type=int, default=FIRST_PORT, help="eerste poort om te proberen")
    parser.add_argument("--mkdocs", default=shutil.which("mkdocs") or "mkdocs", help="het mkdocs-programma")
    parser.add_argument("mkdocs_args", nargs="*", help="extra argumenten voor mkdocs serve (na --)")
    args = parser.parse_args(argv)
    try:
        requested = parse_port(args.port)
    except ValueError:
        print(f"PORT={args.port} is geen poortnummer. Gebruik een getal van 1 tot 65535, bijvoorbeeld: make serve PORT=8123",
              file=sys.stderr)
        return 1
    try:
        port = choose_port(requested, first=args.first)
    except PortBusy:
        if requested is None:
            print(f"Geen vrije poort gevonden tussen {args.first} en {args.first + TRIES - 1}. "
                  "Kies er zelf een, bijvoorbeeld: make serve PORT=18000", file=sys.stderr)
        else:
            try:
                suggestion = choose_port(None, first=requested + 1 if requested < 65535 else FIRST_PORT)
            except PortBusy:
                suggestion = FIRST_PORT
            print(f"Poort {requested} is al in gebruik door een ander programma. Kies een andere poort, "
                  f"bijvoorbeeld: make serve PORT={suggestion}. Of laat PORT weg: dan kiest make serve "
                  "zelf een vrije poort.", file=sys.stderr)
        return 1
    note = "" if requested is not None or port == args.first else f" (poort {args.first} was bezet)"
    print(f"De demo wordt gebouwd. Straks staat hij op http://{HOST}:{port}/{note}\n"
          f"Stoppen: Ctrl+C. Een andere poort: make serve PORT=8123", flush=True)
    command = [args.mkdocs, "serve", "--dev-addr", f"{HOST}:{port}", *args.mkdocs_args]
    os.execv(command[0], command) if os.path.isabs(command[0]) else os.execvp(command[0], command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
