import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.runner import (
    RestartPolicy,
    Stack,
    StackError,
    StackPorts,
    Supervisor,
    free_port,
    port_in_use,
)


def test_port_in_use_gives_a_clear_dutch_message(tmp_path: Path):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        taken = busy.getsockname()[1]
        assert port_in_use("127.0.0.1", taken)
        stack = Stack(home=tmp_path, ports=StackPorts(rasa=free_port(), actions=free_port(), koers=taken))
        with pytest.raises(StackError, match=f"Poort {taken} \\(Koers-service\\) is al in gebruik"):
            stack.check_ports()


def test_start_without_a_model_says_what_to_do(tmp_path: Path):
    stack = Stack(home=tmp_path, ports=StackPorts(free_port(), free_port(), free_port()))
    with pytest.raises(StackError, match="koers train"):
        stack.start()
    assert stack.procs == {}


def test_one_rasa_token_for_the_lifetime_of_the_stack(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("RASA_TOKEN", raising=False)
    stack = Stack(home=tmp_path)
    assert stack.env()["RASA_TOKEN"] == stack.env()["RASA_TOKEN"] == stack.rasa_token
    assert len(stack.rasa_token) >= 24


# -- supervision (issue 12, item 3) with small fake children; no Rasa needed -----------------

SLEEPER = [sys.executable, "-c", "import time; time.sleep(600)"]
CRASHER = [sys.executable, "-c", "raise SystemExit(3)"]


class FakeClock:
    """The supervisor's clock, moved by the test: decisions depend on it, never on real time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake_stack(tmp_path: Path) -> Iterator[Stack]:
    stack = Stack(home=tmp_path, ports=StackPorts(free_port(), free_port(), free_port()), log_dir=tmp_path / "log")
    try:
        yield stack
    finally:
        stack.stop()


def _poll_until(supervisor: Supervisor, done: Callable[[], bool], rounds: int = 200) -> None:
    """Poll (bounded) until ``done``: a real child needs a moment to exit or start."""
    for _ in range(rounds):
        supervisor.poll()
        if done():
            return
        time.sleep(0.05)
    raise AssertionError("supervisor did not get there")


def test_a_killed_component_comes_back_and_the_others_are_untouched(fake_stack: Stack, caplog) -> None:
    caplog.set_level(logging.INFO, logger="assistant.runner")
    fake_stack.add("actions", SLEEPER)
    fake_stack.add("koers", SLEEPER)
    clock = FakeClock()
    supervisor = Supervisor(fake_stack, RestartPolicy(first_delay_s=1.0), clock=clock)
    supervisor.poll()
    victim, bystander = fake_stack.procs["actions"].pid, fake_stack.procs["koers"].pid
    os.kill(victim, signal.SIGKILL)
    _poll_until(supervisor, lambda: bool(supervisor.delays.get("actions")))
    assert fake_stack.procs["actions"].pid == victim  # not yet: the backoff wait comes first
    clock.now += 1.0
    supervisor.poll()
    restarted = fake_stack.procs["actions"]
    assert restarted.pid != victim and restarted.poll() is None
    assert fake_stack.procs["koers"].pid == bystander
    assert supervisor.restarts == {"actions": 1} and not supervisor.failed
    messages = [r.getMessage() for r in caplog.records]
    assert any("actions stopped" in m and "-9" in m for m in messages)
    assert any("actions restarted" in m for m in messages)


def test_backoff_grows_and_a_component_that_keeps_crashing_is_reported_not_spun(fake_stack: Stack, caplog) -> None:
    policy = RestartPolicy(first_delay_s=1.0, factor=2.0, max_delay_s=8.0, stable_after_s=60.0, max_restarts=5)
    fake_stack.add("rasa", CRASHER)
    fake_stack.add("koers", SLEEPER)
    clock = FakeClock()
    supervisor = Supervisor(fake_stack, policy, clock=clock)
    for _ in range(policy.max_restarts):
        _poll_until(supervisor, lambda: fake_stack.procs["rasa"].poll() is not None and supervisor._watch["rasa"]
                    .restart_at is not None)
        clock.now += supervisor.delays["rasa"][-1]
        supervisor.poll()  # restarts it; it crashes again at once
    _poll_until(supervisor, lambda: "rasa" in supervisor.failed)
    assert supervisor.delays["rasa"] == [1.0, 2.0, 4.0, 8.0, 8.0]  # grows, then capped
    assert supervisor.restarts["rasa"] == policy.max_restarts
    assert "rasa" in supervisor.failed["rasa"] and "niet meer herstart" in supervisor.failed["rasa"]
    assert any(r.levelno == logging.ERROR and "rasa keeps failing" in r.getMessage() for r in caplog.records)
    # Reported, then left alone: no more restarts however long we wait; the rest keeps running.
    dead_pid = fake_stack.procs["rasa"].pid
    for _ in range(5):
        clock.now += 3600
        supervisor.poll()
    assert fake_stack.procs["rasa"].pid == dead_pid and supervisor.restarts["rasa"] == policy.max_restarts
    assert fake_stack.procs["koers"].poll() is None
    assert supervisor.watch(interval_s=0.01) == supervisor.failed  # koers run stops and reports


def test_a_run_that_lasted_resets_the_backoff(fake_stack: Stack) -> None:
    policy = RestartPolicy(first_delay_s=1.0, stable_after_s=60.0)
    fake_stack.add("actions", SLEEPER)
    clock = FakeClock()
    supervisor = Supervisor(fake_stack, policy, clock=clock)
    supervisor.poll()
    for gap in (1.0, 1.0, 120.0):  # two quick crashes, then one after a long healthy run
        clock.now += gap
        os.kill(fake_stack.procs["actions"].pid, signal.SIGKILL)
        _poll_until(supervisor, lambda: supervisor._watch["actions"].restart_at is not None)
        clock.now += supervisor.delays["actions"][-1]
        supervisor.poll()
        assert fake_stack.procs["actions"].poll() is None
    assert supervisor.delays["actions"] == [1.0, 2.0, 1.0]


def test_a_restart_that_cannot_start_counts_as_a_crash(fake_stack: Stack, tmp_path: Path) -> None:
    script = tmp_path / "component.py"
    script.write_text("raise SystemExit(1)\n")
    fake_stack.add("actions", [sys.executable, str(script)])
    clock = FakeClock()
    supervisor = Supervisor(fake_stack, RestartPolicy(max_restarts=2), clock=clock)
    fake_stack._cmds["actions"] = (["/nonexistent/koers-component"], fake_stack.env())
    for _ in range(10):
        _poll_until(supervisor, lambda: "actions" in supervisor.failed or supervisor._watch["actions"]
                    .restart_at is not None)
        if "actions" in supervisor.failed:
            break
        clock.now += 60
        supervisor.poll()
    assert "actions" in supervisor.failed and "actions" not in supervisor.restarts


def test_telemetry_is_off_unless_the_operator_turns_it_on(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("RASA_TELEMETRY_ENABLED", raising=False)
    assert Stack(home=tmp_path).env()["RASA_TELEMETRY_ENABLED"] == "false"
    monkeypatch.setenv("RASA_TELEMETRY_ENABLED", "true")
    assert Stack(home=tmp_path).env()["RASA_TELEMETRY_ENABLED"] == "true"


@pytest.mark.parametrize("token", ["-starts-with-a-dash-0123456789", "_underscore_first_0123456",
                                   "plainToken0123456789abcd"])
def test_rasa_reads_every_url_safe_token_as_the_token(tmp_path: Path, token: str) -> None:
    """A token from ``secrets.token_urlsafe`` starts with "-" once in 64 runs; Rasa's own argument
    parser must still read it as the token, not as an option (it exited with code 2 before)."""
    from rasa.__main__ import create_argument_parser

    from assistant.runner import RASA_TURN_LIMIT_S, rasa_server_command

    cmd = rasa_server_command(token, tmp_path / "m.tar.gz", tmp_path / "endpoints.yml", "127.0.0.1", 5005)
    args = create_argument_parser().parse_args(cmd[1:])
    assert args.auth_token == token and args.port == 5005 and args.enable_api
    assert args.response_timeout == RASA_TURN_LIMIT_S  # Rasa cuts a turn off (its lock ticket outlives it)
