"""The check of an action server's response, with its schema compiled once instead of per call.

Rasa 3.6 checks every response of the action server with ``jsonschema.validate``
(``RemoteAction._validate_action_result``). That function first checks the *schema itself*
against JSON Schema's 2020-12 meta-schema, on every call: about 20 ms of CPU per action call
on a 2-core machine, a constant that has nothing to do with the response (the schema never
changes). With one action call per turn it was the largest single cost of Rasa's dialogue turn.

``install()`` replaces that method with one that checks the schema once and then validates each
response with the same validator class (the one ``jsonschema.validate`` picks). A valid response
passes as before; an invalid one is handed to Rasa's own method, so it fails exactly as before
(same error, same message). Only for the Rasa 3.6 line this was measured on: with any other
version Rasa is left as it is. Rasa's installed files are not changed.

The Rasa server imports this through the tracker store (``endpoints.yml``), so ``rasa run``,
``rasa shell`` and ``koers run`` all get it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import rasa
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

MEASURED_ON = "3.6."
_MARK = "_koers_compiled_schema"


def compiled_check(original: Callable[[RemoteAction, dict[str, Any]], bool]
                   ) -> Callable[[RemoteAction, dict[str, Any]], bool]:
    spec = RemoteAction.action_response_format_spec()
    cls = validator_for(spec)
    cls.check_schema(spec)  # once, as jsonschema.validate does on every call
    validator = cls(spec)

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if self.action_response_format_spec() == spec and best_match(validator.iter_errors(result)) is None:
            return True
        return original(self, result)  # an invalid response (or another schema): Rasa's own check

    setattr(_validate_action_result, _MARK, True)
    _validate_action_result.__wrapped__ = original  # type: ignore[attr-defined]
    return _validate_action_result


def installed() -> bool:
    return bool(getattr(RemoteAction._validate_action_result, _MARK, False))


def install() -> bool:
    """Use the compiled check in this process; False (nothing changed) on another Rasa version."""
    if installed():
        return True
    if not rasa.__version__.startswith(MEASURED_ON):
        return False
    RemoteAction._validate_action_result = compiled_check(
        RemoteAction._validate_action_result)
    return True
