"""Personnel nouns: what a count of military people is a count of, and what it is not.

A number is a figure only when it counts people of a force: "300 soldiers", "2,700 North
Koreans", "a 12,000-strong force". Civilians, workers and officials are counted too, but they are
no figures here.
"""

from __future__ import annotations

from bot.facts.vocabulary.build import words

# Nouns that count military people.
PERSONNEL_NOUNS = frozenset(
    words(
        """troops troop soldiers soldier servicemen serviceman servicemembers personnel fighters
        fighter men combatants infantry infantrymen conscripts recruits reservists mercenaries
        commandos paratroopers marines sailors airmen troopers gunners snipers operators
        forces force contingent regulars draftees cadets others defenders nationals sappers
        deminers engineers replacements officers"""
    )
)
# Two-word personnel nouns whose first word alone means something else.
PERSONNEL_PAIRS = frozenset(
    {("service", "members"), ("service", "personnel"), ("military", "personnel"),
     ("special", "forces"), ("army", "personnel"), ("army", "soldiers")}
)  # fmt: skip
# Non-combatants whose naming changes what a conversation's bare counts are about ("a glide
# bomb fell on the market while it was full of civilians. Fourteen were killed").
CIVILIAN_TOPIC_NOUNS = frozenset(
    words(
        """civilians civilian residents children kids women villagers refugees evacuees
        hostages patients pensioners passengers inhabitants families shoppers"""
    )
)
# People who are not combatants: a count of these is no figure.
NON_COMBATANT_NOUNS = frozenset(
    words(
        """civilians civilian people persons residents children kids women villagers workers
        laborers labourers citizens refugees evacuees journalists reporters students doctors
        medics nurses hostages patients pensioners passengers inhabitants families households
        migrants police policemen policeman officials diplomats lawmakers voters
        tourists inmates convicts defectors athletes delegates guests visitors employees staff
        teenagers boys girls babies infants elderly"""
    )
)
# "Military construction workers" are personnel all the same.
MILITARY_WORKER_LEADS = ("military construction", "military")

# Words that say the count adds to an earlier one ("an additional 1,000", "1,000 more").
ADDITIONS = words("additional further extra fresh more")
ADDITION_LEADS = (*ADDITIONS, "another", "new batch of")
# "a fresh contingent of 1,000", "a new wave of 3,000": a group added to earlier ones.
ADDED_GROUPS = words("contingent batch wave group rotation deployment detachment echelon")
# A group sent somewhere, whose size "numbered" gives (not a whole national force).
DEPLOYED_GROUPS = words("contingent deployment detachment troops soldiers units expeditionary")
ADDITION_TAILS = (*ADDITIONS, "new", "reinforcements")

# Words that may stand between a number and the noun it counts, besides the additions and
# the hedges ("300 more battle-hardened North Korean soldiers").
NOUN_MODIFIERS = frozenset(
    words(
        """other elite regular professional active active-duty frontline front-line combat young
        experienced trained well-trained strong of the its their his her our them these those
        such battle-hardened hardened highly heavily armed veteran previous earlier former
        initial original total estimated reported confirmed so-called mostly all own military
        battlefield irrecoverable construction new named identified engineering support
        logistics assault enemy enemy's"""
    )
)
# A personnel noun followed by one of these names equipment ("troop transports").
EQUIPMENT_AFTER_PERSONNEL = ("fighting", "vehicle", "vehicles", "carrier", "carriers",
                             "transport", "transports", "truck", "trucks")
# "a 12,000-strong force", "a 500-man unit": the number is the size of a force.
FORCE_SIZE_SUFFIXES = words("strong man member soldier troop")
# "a 1.2 million-strong army": a whole national army, not a deployment.
NATIONAL_ARMY_WORDS = ("army", "military", "armed forces", "standing")
# "a force of 12,000", "out of 11,000": the number is the size of a force.
FORCE_SIZE_LEADS = (
    "among", "out of", "of the", "force of", "contingent of", "total of", "deployment of",
    "group of", "corps of", "body of", "echelon of", "wave of", "rotation of", "batch of",
)  # fmt: skip
# What a force owns when it is counted ("Russia's army", "the Russian side", "the toll").
OWNED_HEADS = frozenset(words("army military side units unit toll contingent"))
# After the people counted: they are refugees, displaced or in need, not soldiers ("6.9 million
# Ukrainians are still living as refugees", "14.6 million Ukrainians in need of assistance").
CIVILIAN_STATES = (
    "in need", "refugees", "refugee", "displaced", "homeless", "evacuated", "evacuees",
    "forced to leave", "forced to flee", "fled", "have fled", "had fled", "abroad", "asylum",
)  # fmt: skip

# The label of a loss list's line that counts people ("personnel - about 891,540 (+1,230 over
# the past day)"); the other lines count equipment.
LOSS_LIST_PEOPLE_LABELS = (
    "personnel", "troops", "soldiers", "servicemen", "manpower", "liquidated personnel",
    "military personnel",
)  # fmt: skip
