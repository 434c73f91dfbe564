"""Policy engine: LLO schemes as data, evaluated purely against a profile on a peildatum.

No I/O beyond the package's own data files, and never a Rasa import: the CLI, the action server
and the adviser console all share this code.
"""

from assistant.policy.engine import SchemeResult, evaluate

__all__ = ["SchemeResult", "evaluate"]
