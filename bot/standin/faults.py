"""Error responses the Discord stand-in gives instead of handling a request (rate limits, 5xx)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import web

Json = dict[str, Any]
FaultRoute = Literal["callback", "followup", "any"]


@dataclass(frozen=True)
class Fault:
    """An error response the stand-in gives instead of handling one request.

    ``status`` 429 carries Discord's rate-limit body and headers (``retry_after`` seconds; the
    ``Via`` header marks it as Discord's own limit rather than a Cloudflare ban, which is what
    discord.py checks before it waits and retries). 5xx statuses answer with a bare error.
    """

    status: int
    route: FaultRoute = "callback"
    retry_after: float = 0.2

    def matches(self, method: str, parts: list[str]) -> bool:
        if method != "POST":
            return False
        callback = parts[:1] == ["interactions"] and parts[-1:] == ["callback"]
        followup = parts[:1] == ["webhooks"] and len(parts) == 3
        if self.route == "callback":
            return callback
        if self.route == "followup":
            return followup
        return callback or followup

    def response(self) -> web.Response:
        headers = {"Content-Type": "application/json"}
        body: Json
        if self.status == 429:
            body = {
                "message": "You are being rate limited.",
                "retry_after": self.retry_after,
                "global": False,
            }
            headers |= {
                "Retry-After": str(max(1, round(self.retry_after))),
                "X-RateLimit-Scope": "user",
                "X-RateLimit-Global": "false",
                "Via": "1.1 google",
            }
        else:
            body = {"message": f"{self.status}: Internal Server Error", "code": 0}
        return web.Response(body=json.dumps(body).encode(), status=self.status, headers=headers)
