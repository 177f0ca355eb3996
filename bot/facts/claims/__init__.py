"""Claims: a quantity in a sentence -> a claim (metric, subject, claimant), or nothing.

The rules read the words around each number: the noun it counts (``nouns``), the verbs near it
(``metrics``), the forces named beside it (``subjects``) and who the sentence says is speaking
(``attribution``). Anything they cannot place with confidence is dropped: a missing figure is
better than a wrong one.

- ``reader``: :class:`ClaimReader`, one sentence at a time, with the document's context;
- ``sentence``: :class:`SentenceFacts`, what the rules need from the whole sentence, read once;
- ``filters``: numbers that are no counts and sentences that state no figure;
- ``reading``: :class:`Reading`, one number with its counted noun and clause, as rules see it;
- ``rules``: the rule tables a number goes through (drops, metric, continuation, claimant);
- ``nouns``, ``metrics``, ``subjects``: the counted noun, the metric and the force;
- ``forces``: the roles the forces of a sentence play (owners of a count, senders);
- ``loss_list``: the lines of a side's daily list of the enemy's losses.
"""

from bot.facts.claim import Claim
from bot.facts.claims.reader import ClaimReader

__all__ = ["Claim", "ClaimReader"]
