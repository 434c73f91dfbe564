"""Properties of redaction on generated messages built from realistic pieces (bounded)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.privacy.redact import redact, redact_callback_answer

PIECES = ["06-12345678", " ", ", ", "ik heet ", "Anna", "groetjes ", "bsn ", "111222333", "NL91ABNA0417164300",
          "1234 AB", " 12", "met ", "+32 475 12 34 56", "anna@example.nl", "\n", "de", "Vries", "32 uur",
          "€ 2.700", "Kerkstraat 5", "mijn naam is ", "geboren op ", "12-03-1985", "Met ", ".", "0", "9",
          "ik ben 52", "sinds 2019", "/restart", "mbo 4"]
SECRETS = ["12345678", "111222333", "ABNA0417164300", "anna@example.nl", "475 12 34 56"]
# Pieces as people type them: separated by a space, a comma or a line break. (A number glued to
# other digits, "11122233306-12345678", is one long number and is not split.)
messages = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", ", ", "\n", ". "])),
                    max_size=14).map(lambda parts: "".join(p + sep for p, sep in parts))


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(messages)
def test_redaction_is_idempotent_and_leaves_no_known_secret(text):
    for redactor in (redact, redact_callback_answer):
        once = redactor(text)
        assert redactor(once) == once
        for secret in SECRETS:
            assert secret not in once


def test_phone_numbers_glued_to_each_other_are_all_found():
    assert redact("06-1234567806-12345678 en 0612345678+31612345678") == "[TELEFOON][TELEFOON] en [TELEFOON][TELEFOON]"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_handled(text):
    assert isinstance(redact(text), str)
    assert isinstance(redact_callback_answer(text), str)
