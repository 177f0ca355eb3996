"""Finding things in the fact base for the commands: what users type resolved to names
(``names``), fuzzy word search (``text_index``), what a search asks (``question``), the
closest ids to an unknown one (``nearest``), figure keys indexed for filters (``figure_keys``),
and the per-guild caches of all of them kept until the store's version moves (``cache``,
``fact_lookup``).

Only ``fact_lookup`` knows the store and the listings; the rest is pure and needs no discord.
"""
