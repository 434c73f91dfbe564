"""Human adviser handoff and the adviser console (issue 5).

Everything personal that the callback flow collects (name, phone, e-mail) lives only in
``handoff_tickets``; transcripts and Rasa's tracker never see it.
"""
