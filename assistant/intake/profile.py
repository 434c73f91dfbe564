"""Validate an intake profile against ``profile.schema.json`` and return its canonical form.

The canonical form has every schema field, ``null`` when unknown (``[]`` for sector_interests),
so the CLI, the advice API and stored advice all show the same shape.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA_FILE = Path(__file__).with_name("profile.schema.json")

FIELD_LABELS = {
    "age": "leeftijd",
    "education_level": "opleidingsniveau",
    "work_status": "werksituatie",
    "at_risk_of_job_loss": "baan in gevaar",
    "hours_per_week": "uren per week",
    "employer_size": "grootte werkgever",
    "current_sector": "huidige sector",
    "sector_interests": "gewenste sectoren",
    "goal": "doel",
    "literacy_need": "hulp bij taal/rekenen/digitaal",
    "receives_studiefinanciering": "studiefinanciering",
    "municipality": "gemeente",
    "region_code": "arbeidsmarktregio",
    "connected_to_dutch_labour_market": "band met de Nederlandse arbeidsmarkt",
    "max_hours_study_per_week": "uren studie per week",
    "preferred_form": "voorkeur leervorm",
    "current_function": "huidige functie",
}


class ProfileError(ValueError):
    """An invalid profile; ``field`` names the offending field, ``message`` is Dutch."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@functools.lru_cache(maxsize=1)
def profile_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def profile_fields() -> tuple[str, ...]:
    return tuple(profile_schema()["properties"])


@functools.lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    # The schema's relative $id ("koers/profile.schema.json") makes jsonschema 4.17 resolve the
    # local "#/$defs/..." refs as remote URLs; without $id they resolve inside the document.
    schema = {k: v for k, v in profile_schema().items() if k != "$id"}
    return jsonschema.Draft202012Validator(schema)


def _allowed(schema: dict[str, Any], field: str) -> list[str]:
    prop = schema["properties"].get(field, {})
    if "enum" in prop:
        return [v for v in prop["enum"] if v is not None]
    if field in ("current_sector", "sector_interests"):
        return list(schema["$defs"]["sector_value"]["enum"])
    return []


def _to_error(error: jsonschema.ValidationError) -> ProfileError:
    schema = profile_schema()
    path = [str(p) for p in error.absolute_path]
    if error.validator == "additionalProperties":
        known = set(schema["properties"])
        unknown = sorted(k for k in (error.instance or {}) if k not in known)
        field = unknown[0] if unknown else "(profiel)"
        return ProfileError(field, f"Onbekend veld '{field}'. Dit veld hoort niet in het profiel.")
    if not path:
        return ProfileError("(profiel)", 'Het profiel moet een JSON-object zijn, zoals {"age": 30}.')
    field = path[0]
    label = FIELD_LABELS.get(field, field)
    value = json.dumps(error.instance, ensure_ascii=False)
    if error.validator in ("enum", "oneOf") or (
        field == "sector_interests" and len(path) > 1 and error.validator != "uniqueItems"
    ):
        allowed = ", ".join(_allowed(schema, field))
        return ProfileError(
            field,
            f"De waarde {value} is niet toegestaan voor '{field}' ({label}). "
            f"Toegestaan: {allowed}{'' if field == 'sector_interests' else ', of null'}.",
        )
    if error.validator in ("minimum", "maximum"):
        prop = schema["properties"][field]
        return ProfileError(
            field,
            f"'{field}' ({label}) moet tussen {prop['minimum']} en {prop['maximum']} liggen. Je gaf {value}.",
        )
    if error.validator == "pattern":
        return ProfileError(
            field,
            f"'{field}' ({label}) heeft de vorm AM gevolgd door twee cijfers, "
            f"bijvoorbeeld AM12. Je gaf {value}.",
        )
    if error.validator == "uniqueItems":
        return ProfileError(field, f"'{field}' ({label}) bevat dezelfde sector twee keer.")
    if error.validator == "type":
        expected = error.validator_value
        kinds = expected if isinstance(expected, list) else [expected]
        names = {
            "integer": "een heel getal",
            "string": "tekst",
            "boolean": "true of false",
            "array": "een lijst",
            "null": "null",
            "object": "een object",
        }
        wanted = " of ".join(names.get(str(k), str(k)) for k in kinds)
        return ProfileError(field, f"'{field}' ({label}) moet {wanted} zijn. Je gaf {value}.")
    return ProfileError(field, f"'{field}' ({label}) is ongeldig: {error.message}")


def validate_profile(data: object) -> dict[str, Any]:
    """Return the canonical profile, or raise ProfileError naming the first invalid field."""
    if not isinstance(data, dict):
        raise ProfileError("(profiel)", 'Het profiel moet een JSON-object zijn, zoals {"age": 30}.')
    errors = list(_validator().iter_errors(data))
    if errors:
        # Deterministic: unknown fields first, then by field order of the schema.
        order = {name: i for i, name in enumerate(profile_fields())}

        def key(e: jsonschema.ValidationError) -> tuple[int, int, str]:
            first = str(e.absolute_path[0]) if e.absolute_path else ""
            return (0 if e.validator == "additionalProperties" else 1, order.get(first, -1), e.message)

        raise _to_error(min(errors, key=key))
    canonical: dict[str, Any] = {}
    for name in profile_fields():
        value = data.get(name)
        if name == "sector_interests":
            canonical[name] = list(value) if value else []
        elif isinstance(value, float):
            canonical[name] = int(value)  # JSON 30.0 is an integer for the schema
        else:
            canonical[name] = value
    return canonical
