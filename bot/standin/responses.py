"""Responses as Discord gives them: JSON bodies, error bodies, and refusals raised mid-request."""

from __future__ import annotations

import json
from collections.abc import Sequence

from aiohttp import web

from bot.standin.payloads import Json


def json_response(data: object, status: int = 200) -> web.Response:
    # discord.py reads JSON only when the content type is exactly application/json.
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"}
    )


def error_response(
    status: int, code: int, message: str, problems: Sequence[str] = ()
) -> web.Response:
    body: Json = {"code": code, "message": message}
    if problems:
        # Discord nests field errors as {"field": {"_errors": [{"code", "message"}]}}.
        body["errors"] = {
            "body": {"_errors": [{"code": "LIMIT_EXCEEDED", "message": p} for p in problems]}
        }
    return json_response(body, status)


class Refused(Exception):
    """Carries the error response Discord would give."""

    def __init__(self, response: web.Response) -> None:
        super().__init__(response.status)
        self.response = response
