"""The adviser console: pages, their queries, templates and the login wall in front of them.

The handoff lifecycle (cases, the callback flow, the adviser's actions) lives in
``assistant.gateway.handoff``; this package only shows it and turns clicks into its calls.
``routes.setup`` wires everything; ``security`` is the deny-by-default middleware.
"""
