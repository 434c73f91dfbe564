"""NLU pipeline selection and training (wraps the Rasa CLI; never imported by domain code)."""
