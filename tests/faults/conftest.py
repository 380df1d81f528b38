"""Fault injection against real parts: each test starts its own Redis server (and,
where it says so, a worker) on a port of its own, and kills them by pid."""

import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.db import connection
from kombu import pools

from config.celery import app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def database_url() -> str:
    """The test database, for another process (a worker) to open."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def pg_connect():
    """A connection of its own to the test database (PostgreSQL), outside the test's."""
    import psycopg  # PostgreSQL only; SQLite runs skip the tests that use it

    return psycopg.connect(database_url(), autocommit=True)


class RedisServer:
    """A throw-away redis-server: `kill()` is a crash (SIGKILL), `start()` comes back on
    the same port, empty, as a restarted Redis without persistence does."""

    def __init__(self):
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        assert wait_for(self.answers, 10), "redis-server did not start"

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        assert not self.answers()


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server (Debian's redis-server package; .ci/run installs it)")
    server = RedisServer()
    server.start()
    yield server
    server.kill()


def _forget_broker_connections() -> None:
    """Celery keeps its connection and producer pools for the life of the app: drop them
    so the next send connects to the broker now configured."""
    app._pool = None
    app.amqp._producer_pool = None
    # kombu keeps producer pools per broker address too; the next send starts afresh.
    pools.reset()


@pytest.fixture
def redis_everywhere(redis_server, settings):
    """Stet wired as in production to `redis_server`: the Celery broker on database 0
    (tasks really sent, not run inline) and the shared cache on database 1."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": f"{redis_server.url}/1",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    saved = app.conf.broker_url, app.conf.task_always_eager, app.conf.task_default_queue
    app.conf.broker_url = f"{redis_server.url}/0"
    app.conf.task_always_eager = False
    app.conf.task_default_queue = f"stet-test-{time.monotonic_ns()}"
    _forget_broker_connections()
    yield redis_server
    _forget_broker_connections()
    app.conf.broker_url, app.conf.task_always_eager, app.conf.task_default_queue = saved
    caches["default"].close()
