"""Leaving figures out and fixing one in an ingest preview, end to end through discord.py and
the stand-in: the forms, a refused form that loses nothing, Confirm storing the decisions, the
answers and the audit log."""

from __future__ import annotations

import pytest

from tests.commands.test_admin import MOD, OWNER, answer, button_id

DOC = (
    b"---\ntitle: Kursk losses\npublisher: Harbour Street Chronicle\npublished: 2025-03-14\n---\n"
    b"South Korea's NIS said on Thursday that at least 600 North Korean soldiers had been"
    b" killed in Kursk.\n\n"
    b"Ukraine's military intelligence said 90 North Korean soldiers were captured in Kursk.\n"
)


@pytest.fixture
def e2e_settings(seeded_base, tmp_path):
    return seeded_base.settings(tmp_path, owner_ids=frozenset({OWNER.id}))


async def _preview(e2e):
    attachment = e2e.standin.attachment("losses.txt", DOC)
    return answer(await e2e.ask("admin ingest", {"file": attachment}, member_permissions=MOD))


async def _form(e2e, preview, label, values):
    """Press ``label`` under the preview, fill in the form it opens, return the answer."""
    opened = await e2e.standin.click(preview, button_id(preview, label), member_permissions=MOD)
    await opened.responses()
    return answer(await e2e.submit(opened, values, member_permissions=MOD))


def _number_of(preview_text: str, value: str) -> str:
    line = next(line for line in preview_text.splitlines() if value in line)
    return line.split("`")[1]


async def test_a_figure_left_out_and_one_fixed_are_stored_as_decisions(e2e):
    preview = await _preview(e2e)
    shown = preview.text()
    # every figure with its metric, subject, claimant and as-of date, numbered
    assert "**at least 600** · killed · North Korea · NIS · as of 13 Mar 2025" in shown
    assert "**90** · captured · North Korea ·" in shown
    assert "Kursk losses — Harbour Street Chronicle, 14 Mar 2025" in shown
    assert "guild-" not in shown
    killed, captured = _number_of(shown, "at least 600"), _number_of(shown, "**90**")

    left = await _form(e2e, preview, "Leave out…", {"Figures to leave out": captured})
    assert "~~" in left.text() and "left out" in left.text()
    fixed = await _form(e2e, preview, "Fix a figure…", {
        "Figure": killed, "Value": "650", "Subject": "north korea", "Claimant": "HUR",
    })
    text = fixed.text()
    assert "**at least 650** · killed · North Korea · HUR" in text and "fixed" in text
    assert "left out" in text  # the earlier decision is still there

    handle = await e2e.standin.click(preview, button_id(preview, "Confirm"),
                                     member_permissions=MOD)
    assert "Stored **Kursk losses" in answer(await handle.responses()).text()

    killed_answer = answer(await e2e.ask("casualties", {"metric": "killed"})).text()
    assert "**at least 650**" in killed_answer and "**at least 600**" not in killed_answer
    captured_answer = answer(await e2e.ask("casualties", {"metric": "captured"})).text()
    assert "**90**" not in captured_answer
    stored = await e2e.bot.store.figures(e2e.standin.guild.id, metrics=["killed"])
    ours = [f for f in stored if f.low == 650]
    assert ours and ours[0].subject == "North Korea" and ours[0].source == "HUR"

    audit = answer(await e2e.ask("admin audit", member_permissions=MOD)).text()
    assert "**hide**" in audit and "left out in the preview" in audit
    assert "**correct value**" in audit and "low: 600 → 650" in audit
    assert "**correct source**" in audit and "source: NIS → HUR" in audit
    assert "**ingest** “Kursk losses — Harbour Street Chronicle, 14 Mar 2025”" in audit


async def test_bad_input_in_a_form_is_explained_and_the_preview_stays_usable(e2e):
    preview = await _preview(e2e)
    before = preview.text()
    refused = await _form(e2e, preview, "Fix a figure…", {"Figure": "7", "Value": "650"})
    assert "Not changed" in refused.text() and "from 1 to 2" in refused.text()
    for values, why in (
        ({"Figure": "1", "Value": "3,000-1,000"}, "the first number is above the second"),
        ({"Figure": "1", "Value": "many"}, "whole number"),
        ({"Figure": "1", "Metric": "sunk"}, "metric must be one of"),
        ({"Figure": "1"}, "fill in at least one field"),
    ):
        assert why in (await _form(e2e, preview, "Fix a figure…", values)).text()
    assert "from 1 to 2" in (
        await _form(e2e, preview, "Leave out…", {"Figures to leave out": "1, x"})
    ).text()
    # nothing of that changed the preview: Confirm stores the document as extracted
    assert e2e.standin.messages[preview.message_id]["embeds"][0]["description"] in before
    handle = await e2e.standin.click(preview, button_id(preview, "Confirm"),
                                     member_permissions=MOD)
    assert "Stored" in answer(await handle.responses()).text()
    assert "at least 600" in answer(await e2e.ask("casualties", {"metric": "killed"})).text()
    audit = answer(await e2e.ask("admin audit", member_permissions=MOD)).text()
    assert "**hide**" not in audit and "correct" not in audit
