"""The command options the cogs share, as ``app_commands.Transformer``s.

Each one autocompletes from what the fact base holds and turns what the user typed into what the
command needs (a canonical subject or source, a metric, a figure, a date period, a document key).
A value that names nothing is refused with a :class:`~bot.errors.UserFacingError` saying what
exists instead; the tree's central error handler sends it as a private reply, so a command body
only ever sees resolved values. Use one in a command as::

    subject: app_commands.Transform[str, SubjectOption] | None = None
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

import discord
from discord import app_commands

from bot.checks import is_moderator, is_owner
from bot.client import FactBot
from bot.errors import UserFacingError
from bot.facts.model import Figure, Metric, Status
from bot.facts.store.intake import Feed, Feeds
from bot.i18n import language, t
from bot.lookup import names as name_match
from bot.lookup.fact_lookup import figure_search_text
from bot.lookup.text_index import vocabulary_completions
from bot.periods import parse_period
from bot.render import nothing_found
from bot.render import text as render_text
from bot.render.answers import metric_words
from bot.render.naming import document_label
from bot.render.naming import shorten as name_clip

#: Discord's limits: choices per autocomplete answer, characters per choice name and value.
CHOICE_LIMIT = 25
CHOICE_NAME_LIMIT = 100

Interaction = discord.Interaction[FactBot]
Choices = list[app_commands.Choice[Any]]


def choices(values: Sequence[str]) -> Choices:
    """Autocomplete choices whose name and value are the value itself (within 100 characters)."""
    return [
        app_commands.Choice(name=v[:CHOICE_NAME_LIMIT], value=v[:CHOICE_NAME_LIMIT])
        for v in values[:CHOICE_LIMIT]
    ]


def figure_label(figure: Figure, lang: str = "en") -> str:
    """A figure as an autocomplete choice: id, value, metric and the start of its quote."""
    value = render_text.figure_value(figure, lang)
    head = f"{figure.id} · {value} {metric_words(figure.metric, lang)} · "
    if figure.status is Status.HIDDEN:
        head = f"[{t(lang, 'status.mark.hidden')}] " + head
    room = CHOICE_NAME_LIMIT - len(head)
    quote = " ".join(figure.quote.split())
    return head + (quote if len(quote) <= room else quote[: room - 1] + "…")


class _Suggesting(app_commands.Transformer[FactBot]):
    """An option whose autocomplete suggests values: subclasses implement :meth:`suggest`."""

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        raise NotImplementedError

    async def autocomplete(self, interaction: Interaction, value: int | float | str, /) -> Choices:
        return await self.suggest(interaction, str(value))


def _refusal(interaction: Interaction, option: str, value: str, near: Sequence[str]) -> str:
    """Nothing is called ``value``: what was typed, in the option's words, and what exists."""
    lang = language(interaction.locale)
    searched = t(lang, f"searched.{option}", name=render_text.quoted(value))
    return nothing_found(searched, near, lang)


class SubjectOption(_Suggesting):
    """A force, e.g. "dprk" -> North Korea; shown and suggested in the reader's language."""

    async def transform(self, interaction: Interaction, value: str, /) -> str:
        names = await interaction.client.lookup.names(interaction.guild_id)
        resolved = names.subject(value)
        if resolved is None:
            lang = language(interaction.locale)
            near = [render_text.subject_name(s, lang) for s in names.near_subjects(value)]
            raise UserFacingError(_refusal(interaction, "subject", value, near))
        return resolved

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        names = await interaction.client.lookup.names(interaction.guild_id)
        lang = language(interaction.locale)
        found = name_match.autocomplete(value, names.subjects, aliases=names.subject_aliases)
        return [
            app_commands.Choice(
                name=render_text.subject_name(s, lang)[:CHOICE_NAME_LIMIT],
                value=s[:CHOICE_NAME_LIMIT],
            )
            for s in found[:CHOICE_LIMIT]
        ]


class SourceOption(_Suggesting):
    """Who claims a figure, e.g. "spy agency" -> NIS."""

    async def transform(self, interaction: Interaction, value: str, /) -> str:
        names = await interaction.client.lookup.names(interaction.guild_id)
        resolved = names.source(value)
        if resolved is None:
            near = names.near_sources(value)
            raise UserFacingError(_refusal(interaction, "source", value, near))
        return resolved

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        names = await interaction.client.lookup.names(interaction.guild_id)
        return choices(names.source_matcher.autocomplete(value))


class MetricOption(_Suggesting):
    """One of ``metrics``, from everyday words ("dead" -> killed)."""

    def __init__(self, metrics: Sequence[Metric]) -> None:
        self.metrics = tuple(metrics)

    async def transform(self, interaction: Interaction, value: str, /) -> Metric:
        found = name_match.resolve_metric(value, self.metrics)
        if found is None:
            lang = language(interaction.locale)
            listed = [metric_words(m, lang) for m in self.metrics]
            raise UserFacingError(_refusal(interaction, "metric", value, listed))
        return found

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        values = [m.value for m in self.metrics]
        aliases = {m.value: name_match.METRIC_ALIASES.get(m, ()) for m in self.metrics}
        lang = language(interaction.locale)
        return [
            app_commands.Choice(name=metric_words(Metric(v), lang), value=v)
            for v in name_match.autocomplete(value, values, aliases=aliases)[:CHOICE_LIMIT]
        ]


class PeriodOption(app_commands.Transformer[FactBot]):
    """A year, month or day as users write it -> its first and last day."""

    def __init__(self, option: str) -> None:
        self.option = option  # named in the refusal

    async def transform(self, interaction: Interaction, value: str, /) -> tuple[date, date]:
        period = parse_period(value)
        if period is None:
            lang = language(interaction.locale)
            raise UserFacingError(
                t(
                    lang,
                    "refusal.period",
                    option=render_text.option_name(self.option, lang),
                    value=render_text.quoted(value),
                    forms=t(lang, "period.forms"),
                )
            )
        return period


class FigureOption(_Suggesting):
    """A figure id the guild sees -> the figure; an unknown id is refused with the closest ids.

    Autocomplete offers ids by prefix and figures by the words of their sentence.
    """

    async def transform(self, interaction: Interaction, value: str, /) -> Figure:
        bot, guild = interaction.client, interaction.guild_id
        figure = await bot.store.figure(guild, value)
        if figure is not None:
            return figure
        index = await bot.lookup.figure_index(guild)
        near = index.by_id_prefix(value, 3) or index.near_ids.nearest(value.lower())
        lang = language(interaction.locale)
        message = t(lang, "refusal.no_figure", value=render_text.quoted(value))
        if near:
            message += " " + t(lang, "refusal.closest_ids", ids=", ".join(f"`{n}`" for n in near))
        raise UserFacingError(message)

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        bot, guild = interaction.client, interaction.guild_id
        lang = language(interaction.locale)
        index = await bot.lookup.ready_figure_index(guild)
        if index is None:  # first keystrokes after a start: ids by prefix until the index is built
            found = await bot.store.figures_by_id_prefix(guild, value, CHOICE_LIMIT)
            return [app_commands.Choice(name=figure_label(f, lang), value=f.id) for f in found]
        typed = value.strip()
        ids = index.by_id_prefix(value, CHOICE_LIMIT) if typed else list(index.ids[:CHOICE_LIMIT])
        if len(ids) < CHOICE_LIMIT and typed:
            for hit in index.words.search(value, CHOICE_LIMIT):
                if hit.key not in ids:
                    ids.append(hit.key)
        return [
            app_commands.Choice(name=figure_label(index.figures[i], lang), value=i)
            for i in ids[:CHOICE_LIMIT]
        ]


class ModeratedFigureOption(_Suggesting):
    """A figure id for /admin: passed on as typed (the moderation refuses an unknown one);
    autocomplete, for moderators only, includes the figures hidden in this server."""

    async def transform(self, interaction: Interaction, value: str, /) -> str:
        return value.strip()

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        if interaction.guild_id is None or not await is_moderator(interaction):
            return []
        figures = await interaction.client.store.figures(interaction.guild_id, include_hidden=True)
        wanted = value.strip().lower()
        by_id = [f for f in figures if f.id.startswith(wanted)]
        words = wanted.split()
        by_words = [
            f
            for f in figures
            if f not in by_id and all(w in figure_search_text(f).lower() for w in words)
        ]
        lang = language(interaction.locale)
        return [
            app_commands.Choice(name=figure_label(f, lang), value=f.id)
            for f in (by_id + by_words)[:CHOICE_LIMIT]
        ]


def document_token(key: str) -> str:
    """What a document autocomplete choice carries for ``key``: the key itself when it fits in a
    choice value, else a short token that stays the same for the same key."""
    if len(key) <= CHOICE_NAME_LIMIT:
        return key
    return "#" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


class DocumentOption(_Suggesting):
    """A document key of this server (operators: shared ones too); a long key travels as a
    :func:`document_token` and is resolved back to the whole key here."""

    async def _keys(self, interaction: Interaction) -> list[str]:
        guild = interaction.guild_id
        if guild is None:
            return []
        owner = is_owner(interaction)
        documents = await interaction.client.store.documents(guild)
        return [d.key for d in documents if d.guild_id == guild or owner]

    async def transform(self, interaction: Interaction, value: str, /) -> str:
        if not value.startswith("#"):
            return value
        keys = await self._keys(interaction)
        if value in keys:
            return value
        return next((k for k in keys if document_token(k) == value), value)

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        """Documents by name (title — publisher, date), matched on the name or the key; the
        value is the key (or its token), which the command receives."""
        guild = interaction.guild_id
        if guild is None or not await is_moderator(interaction):
            return []
        owner = is_owner(interaction)
        lang = language(interaction.locale)
        wanted = value.strip().lower()
        found = [
            (document_label(d, lang), d.key)
            for d in await interaction.client.store.documents(guild)
            if d.guild_id == guild or owner
        ]
        found = [(name, k) for name, k in found if wanted in name.lower() or wanted in k.lower()]
        return [
            app_commands.Choice(name=name_clip(name, CHOICE_NAME_LIMIT), value=document_token(k))
            for name, k in found[:CHOICE_LIMIT]
        ]


class FeedOption(_Suggesting):
    """One of the feeds this server follows: autocomplete offers them by title and address
    (the value is the feed's number); typed words must name exactly one."""

    async def _feeds(self, interaction: Interaction) -> list[Feed]:
        if interaction.guild_id is None:
            return []
        return await Feeds(interaction.client.store).of_guild(interaction.guild_id)

    async def transform(self, interaction: Interaction, value: str, /) -> Feed:
        feeds = await self._feeds(interaction)
        wanted = value.strip().lower()
        exact = [f for f in feeds if str(f.id) == wanted or f.url.lower() == wanted]
        found = exact or [f for f in feeds if wanted and wanted in feed_label(f).lower()]
        if len(found) == 1:
            return found[0]
        lang = language(interaction.locale)
        names = render_text.client_names(lang, "admin", "feeds", "add", "list")
        if not feeds:
            raise UserFacingError(t(lang, "refusal.no_feeds", **names))
        shown = ", ".join(render_text.clip(feed_label(f), 80) for f in (found or feeds)[:5])
        key = "refusal.feed_ambiguous" if found else "refusal.feed_unknown"
        raise UserFacingError(
            t(lang, key, value=render_text.quoted(value), choices=shown, **names)
        )

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        if interaction.guild_id is None or not await is_moderator(interaction):
            return []
        wanted = value.strip().lower()
        found = [f for f in await self._feeds(interaction) if wanted in feed_label(f).lower()]
        return [
            app_commands.Choice(name=render_text.middle_clip(feed_label(f), CHOICE_NAME_LIMIT),
                                value=str(f.id))
            for f in found[:CHOICE_LIMIT]
        ]


def feed_label(feed: Feed) -> str:
    """A feed as a choice: its title and address, one line."""
    title = " ".join((feed.title or "").split())
    return f"{title} · {feed.url}" if title else feed.url


class SearchWordsOption(_Suggesting):
    """Free words to look for; autocomplete finishes the word being typed with words the
    figures' (or the events') sentences hold."""

    def __init__(self, over: Literal["figures", "events"]) -> None:
        self.over = over

    async def transform(self, interaction: Interaction, value: str, /) -> str:
        return value

    async def suggest(self, interaction: Interaction, value: str) -> Choices:
        lookup, guild = interaction.client.lookup, interaction.guild_id
        # None: the first keystrokes after a start, while the index is built
        if self.over == "figures":
            index = await lookup.ready_figure_index(guild)
            if index is None:
                return []
            return choices(vocabulary_completions(index.words, value))
        events = await lookup.ready_event_index(guild)
        if events is None:
            return []
        return choices(vocabulary_completions(events, value))
