"""The toekomstagenda: agenda items, who they were sent to, who answered, and what came of them.

- :mod:`.ledger`: the domain logic (response rows, per-organisation summaries, reverse links),
  computed once per build; no MkDocs, no HTML.
- :mod:`.timeline`: one item's story as dated events.
- :mod:`.checks`: content warnings (run by the loader).
- :mod:`.sections`: entity page sections (listed in ``features.PROVIDERS``).
- :mod:`.pages`: the site-wide pages ``/verantwoording/`` and ``/toekomstagendas/`` (an emitter).
"""
