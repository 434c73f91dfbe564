import socket
from pathlib import Path

import pytest

from assistant.runner import Stack, StackError, StackPorts, free_port, port_in_use


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
