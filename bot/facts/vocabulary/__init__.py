"""The engine's vocabulary, as data: one module per kind of word, each list named once.

- ``approximators``: qualifier phrases ("at least", "about", "up to") and hedges;
- ``attribution_verbs``: "said", "estimates", "according to", "denied" and their kin;
- ``claimants``: canonical claimants and their patterns, the words a claimant's name is made of;
- ``forces``: every force's aliases (the figure's subject), other wars;
- ``personnel``: what counts military people, what counts others, force sizes, additions;
- ``metrics``: casualty nouns and the cue words of each metric; release and sending verbs;
- ``not_counts``: units, labels, prices, ages, rates, negations, denials, corrections, modals;
- ``calendar``: months, weekdays, parts of a period, the words that make a year a date;
- ``connectives``: clause breaks, destinations, words that leave a number without a noun;
- ``numbers``: number words, scales, vague amounts;
- ``speakers``: transcript labels;
- ``build``: how lists become sets and patterns.

The rule modules compile their patterns from these lists. To teach the engine a word, add it to
the list of its kind (a new attribution verb to ``ATTRIBUTION_VERBS``, a new alias of a force to
``SUBJECT_ALIASES``): every pattern built from the list takes it. ``tests/facts/test_vocabulary.py``
checks that no list repeats a word, that no word sits in two lists that contradict each other,
that every pattern compiles and that every list is used.
"""
