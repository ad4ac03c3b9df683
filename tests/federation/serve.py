"""`serve`: one Django runserver per role, in the foreground, until SIGTERM/SIGINT.

Each server logs to DIR/<role>.log. When one of them dies the other is stopped
too and `serve` exits non-zero, so that a test never talks to half a federation.
"""
import signal
import subprocess
import sys
import time
import urllib.request

from tests.federation.entity_statement import configuration_url
from tests.federation.layout import Layout

READY_TIMEOUT = 60


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def _stop(children: dict):
    for child in children.values():
        if child.poll() is None:
            child.terminate()
    for child in children.values():
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def serve(layout: Layout, envs: dict, cwd) -> int:
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))

    children = {}
    for role, env in envs.items():
        log = open(layout.log(role), "a")
        children[role] = subprocess.Popen(
            # --noreload: one process per server, which SIGTERM really stops.
            [sys.executable, "-m", "django", "runserver", "--noreload", "--skip-checks",
             f"127.0.0.1:{layout.role_port(role)}"],
            cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        log.close()

    urls = [configuration_url(layout.trust_anchor)] + [configuration_url(layout.provider(r)) for r in envs]
    deadline = time.monotonic() + READY_TIMEOUT
    ready = False
    while not stopping:
        dead = [role for role, child in children.items() if child.poll() is not None]
        if dead:
            print(f"federation: the {', '.join(dead)} server exited; see {layout.state_dir}/*.log",
                  file=sys.stderr, flush=True)
            _stop(children)
            return 1
        if not ready:
            if all(_answers(u) for u in urls):
                ready = True
                print("federation: ready", *urls, sep="\n  ", flush=True)
            elif time.monotonic() > deadline:
                print(f"federation: not ready after {READY_TIMEOUT}s; see {layout.state_dir}/*.log",
                      file=sys.stderr, flush=True)
                _stop(children)
                return 1
        time.sleep(0.3)
    _stop(children)
    return 0
