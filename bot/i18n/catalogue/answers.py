"""answers"""

from __future__ import annotations

from bot.i18n.model import T

MESSAGES: dict[str, T] = {}
