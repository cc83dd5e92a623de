"""A real Debian varnishd running newsroom/delivery/varnish.vcl, for tests.

`start_varnish(host, port)` writes a copy of the VCL pointed at that backend (varnishd refuses
`-b` together with `-f`, so the backend lives in the VCL), starts `varnishd -F` in a throwaway
working directory on a free loopback port, waits until it answers, and stops it by its PID.
Without varnishd the tests skip with the reason under `make test`; CI (NEWSROOM_REQUIRE_SERVICES=1)
installs it and turns the skip into a failure.
"""

import contextlib
import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..conftest import require_service

VCL = Path(__file__).resolve().parent.parent.parent / "newsroom" / "delivery" / "varnish.vcl"
# /usr/sbin is not on every user's PATH, and that is where Debian puts varnishd.
VARNISHD = os.environ.get("NEWSROOM_VARNISHD") or shutil.which("varnishd") or "/usr/sbin/varnishd"
STARTUP_SECONDS = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def vcl_for_backend(host, port, vcl=VCL):
    """The VCL text with its `backend default` pointed at host:port."""
    text = vcl.read_text()
    backend = re.search(r"backend default \{.*?\n\}", text, re.S)
    assert backend, f"no `backend default {{...}}` in {vcl}"
    block = re.sub(r'\.host = "[^"]*";', f'.host = "{host}";', backend.group())
    block = re.sub(r'\.port = "[^"]*";', f'.port = "{port}";', block)
    return text[: backend.start()] + block + text[backend.end() :]


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def cache(self):
        return self.headers.get("X-Cache")


@dataclass
class Varnish:
    url: str
    host: str
    port: int
    workdir: Path
    process: subprocess.Popen

    def request(self, method, path="/", headers=None, source="127.0.0.1", timeout=5):
        """One request on a fresh connection; `source` picks the client address (any 127.x is local)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout,
                                                source_address=(source, 0))  # fmt: skip
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            return Response(response.status, response.headers, response.read().decode("utf-8", "replace"))
        finally:
            connection.close()

    def get(self, path, headers=None, **kwargs):
        return self.request("GET", path, headers={"X-Debug-Tags": "1", **(headers or {})}, **kwargs)

    def ban(self, tags, **kwargs):
        return self.request("BAN", "/", headers={"Surrogate-Key": tags}, **kwargs)

    def log_text(self):
        return (self.workdir.parent / "varnishd.log").read_text(errors="replace")


def _answers(host, port):
    try:
        connection = http.client.HTTPConnection(host, port, timeout=1)
        # Any answer (a 503 from a backend not yet up included) means varnishd is serving.
        connection.request("HEAD", "/__varnish_ready")
        connection.getresponse().read()
        connection.close()
        return True
    except OSError:
        return False


@contextlib.contextmanager
def start_varnish(backend_host, backend_port, vcl=VCL):
    """Yield a running Varnish in front of backend_host:backend_port; stopped on exit."""
    require_service(Path(VARNISHD).exists() or shutil.which(VARNISHD),
                    f"no varnishd at {VARNISHD}; install Debian's: apt-get install varnish")  # fmt: skip
    # The live server binds IPv4 only; "localhost" could make Varnish try ::1 first.
    if backend_host == "localhost":
        backend_host = "127.0.0.1"
    root = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
    try:
        vcl_path = root / "test.vcl"
        vcl_path.write_text(vcl_for_backend(backend_host, backend_port, vcl))
        port = free_port()
        log_path = root / "varnishd.log"
        command = [
            VARNISHD, "-F",
            "-n", str(root / "work"),
            "-a", f"127.0.0.1:{port}",
            "-f", str(vcl_path),
            "-s", "malloc,32m",
            # No privilege separation: as root the default jail would switch to the varnish user,
            # who cannot read a temporary directory; as anyone else there is nothing to drop.
            "-j", "none",
            # The management CLI on a port of its own choosing, loopback only.
            "-T", "127.0.0.1:0",
        ]  # fmt: skip
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        varnish = Varnish(f"http://127.0.0.1:{port}/", "127.0.0.1", port, root / "work", process)
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while not _answers("127.0.0.1", port):
                if process.poll() is not None:
                    raise AssertionError(f"varnishd exited ({process.returncode}):\n{log_path.read_text()}")
                if time.monotonic() > deadline:
                    raise AssertionError(f"varnishd silent after {STARTUP_SECONDS}s:\n{log_path.read_text()}")
                time.sleep(0.1)
            yield varnish
        finally:
            # Our own process only, by its PID: SIGTERM lets the manager stop its child cleanly.
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def poll(fetch, until, seconds=2.0, interval=0.05):
    """Call fetch() until until(result) holds or `seconds` pass; the last result either way."""
    deadline = time.monotonic() + seconds
    while True:
        result = fetch()
        if until(result) or time.monotonic() >= deadline:
            return result
        time.sleep(interval)
