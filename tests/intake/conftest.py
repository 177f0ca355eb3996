"""The intake tests' address policy and name table; the local news site is tests/site.py."""

from __future__ import annotations

import socket

from aiohttp.abc import AbstractResolver, ResolveResult

from bot.intake.addresses import AddressPolicy

#: The test site is reachable; every other loopback, private or special address stays blocked.
SITE_ONLY = AddressPolicy.permitting(["127.0.0.1/32"])


class NameTable(AbstractResolver):
    """DNS for the tests: fixed names -> addresses (a name that resolves to a metadata address,
    a name that resolves to the test site); anything else is unknown."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.asked: list[str] = []

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.asked.append(host)
        if host not in self.names:
            raise OSError(f"unknown host {host}")
        address = self.names[host]
        kind = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": kind,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
        ]

    async def close(self) -> None:
        return None
