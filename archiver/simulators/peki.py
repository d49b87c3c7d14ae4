"""Simulator of the Peki Developer API (users, sessions, messages, send), faithful to its docs.

It serves a seeded synthetic history (``peki_data.PekiData``) over real HTTP: HMAC-signed
requests (method, path with ``/api`` and query, body, timestamp; a 5-minute window), 401 for bad
credentials and 403 for a chatbot the key may not read, the ``data``/``error``/paging envelope,
``page``/``pageSize`` over newest-first lists, ``X-RateLimit-*`` headers on every answer with a
per-key read limit and a per-chatbot daily send limit, and ASP.NET ProblemDetails for invalid
requests. Faults, drift between pages and live changes come from ``common.PlatformSimulator``
and the data model, so a crawl can be tested against known truth.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from archiver.simulators.common import DataKnob, Handler, PlatformSimulator, page
from archiver.simulators.peki_data import CHANGE_KINDS, CHANGE_WEIGHTS, Bot, PekiData, Record
from archiver.simulators.server import (
    FixedWindowLimiter,
    SimRequest,
    SimResponse,
    json_bytes,
    json_response,
)

__all__ = ["CHANGE_KINDS", "ENDPOINTS", "PekiSimulator"]

ENDPOINTS: tuple[str, ...] = (
    "users.list",
    "users.get",
    "sessions.list",
    "sessions.get",
    "messages.list",
    "messages.get",
    "message.send",
)
SESSION_GET_OMITS = frozenset({"behaviour", "result", "category", "tags", "chatUserName", "source"})
TIMESTAMP_WINDOW_SECONDS = 300
_JSON = "application/json; charset=utf-8"
_PROBLEM = "application/problem+json; charset=utf-8"
_NOT_FOUND = {
    "users": "User not found.",
    "sessions": "Session not found.",
    "messages": "Message not found.",
}
_UNREADABLE_SEND = "The JSON value could not be converted to SendMessageRequest."
Headers = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class _Route:
    counter: str
    chatbot_id: str
    item_id: str | None


class _Problem(Exception):
    """A request validation failure answered as an ASP.NET ProblemDetails 400."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class PekiSimulator(PlatformSimulator):
    """A seeded, controllable Peki Developer API served on 127.0.0.1."""

    platform = "peki"
    endpoints = ENDPOINTS
    server_name = "Kestrel"
    change_weights = CHANGE_WEIGHTS
    url_path = "/api"
    allowed_methods = "GET, POST"
    server_error_message = "An unexpected error occurred."
    json_type = _JSON
    empty_body = b'{"data":null}'
    maintenance_page = (
        "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>"
        "<h1>We'll be back soon</h1><p>Scheduled maintenance in progress.</p>"
        "</body></html>"
    )
    data: PekiData
    #: ``updatedAt`` moves when a record changes (off: changes leave it where it was).
    updated_at_moves = DataKnob[bool]()

    def __init__(
        self,
        *,
        seed: int = 0,
        chatbot_ids: Sequence[str] = ("bot1",),
        users_per_bot: int = 20,
        sessions_per_user: tuple[int, int] = (1, 3),
        messages_per_session: tuple[int, int] = (2, 8),
        history_days: int = 30,
        long_open_fraction: float = 0.05,
        rate_limit_per_minute: int = 60,
        page_size_cap: int = 100,
        send_limit_per_day: int = 10_000,
        clock_skew_seconds: float = 0.0,
    ) -> None:
        data = PekiData(
            seed=seed,
            chatbot_ids=chatbot_ids,
            users_per_bot=users_per_bot,
            sessions_per_user=sessions_per_user,
            messages_per_session=messages_per_session,
            history_days=history_days,
            long_open_fraction=long_open_fraction,
            clock_skew_seconds=clock_skew_seconds,
        )
        super().__init__(seed=seed, data=data)
        self.rate_limit_per_minute = rate_limit_per_minute
        self.page_size_cap = page_size_cap
        self.send_limit_per_day = send_limit_per_day
        self._read_limiter = FixedWindowLimiter()
        self._send_limiter = FixedWindowLimiter()
        self._key_rng = random.Random(f"peki:{seed}:keys")
        self._trace_rng = random.Random(f"peki:{seed}:trace")
        self._keys: dict[str, tuple[str, frozenset[str]]] = {}
        self.api_key, self.api_secret = self.add_api_key(chatbot_ids)
        #: ``GET …/users/{id}`` exists (the API pages document the users list only; the single
        #: user by id is inferred from sessions and messages): off, it is an unknown route.
        self.user_by_id = True

    # ----- knobs -----------------------------------------------------------------------------

    @property
    def chatbot_ids(self) -> tuple[str, ...]:
        return tuple(self.data.bots)

    def add_api_key(self, chatbot_ids: Sequence[str]) -> tuple[str, str]:
        """Another key pair, valid only for `chatbot_ids`; other existing bots answer 403."""
        with self._lock:
            alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            key = "pk_" + "".join(self._key_rng.choice(alphabet) for _ in range(32))
            secret = "sk_" + "".join(self._key_rng.choice(alphabet) for _ in range(48))
            self._keys[key] = (secret, frozenset(chatbot_ids))
            return key, secret

    # ----- records (the data model's, under the simulator's names) ----------------------------

    def truth(self, chatbot_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        return self.data.truth(chatbot_id)

    def long_open_session_ids(self, chatbot_id: str, *, days: float = 14.0) -> list[str]:
        """Sessions still Active that were created at least ``days`` ago."""
        return self.data.long_open_session_ids(chatbot_id, days=days)

    def add_user(self, chatbot_id: str) -> str:
        return self.data.add_user(chatbot_id)

    def add_session(self, chatbot_id: str, user_id: str) -> str:
        """A new Active session without messages; other sessions are left as they are."""
        return self.data.add_session(chatbot_id, user_id)

    def add_message(
        self, chatbot_id: str, session_id: str, text: str | None = None, sender: str = "User"
    ) -> str:
        """Append a message; with no text a synthetic one is generated and its values planted."""
        return self.data.add_message(chatbot_id, session_id, text, sender)

    def update_session(self, chatbot_id: str, session_id: str, **fields: Any) -> None:
        self.data.update_session(chatbot_id, session_id, **fields)

    def update_user(self, chatbot_id: str, user_id: str, **fields: Any) -> None:
        self.data.update_user(chatbot_id, user_id, **fields)

    def edit_message(self, chatbot_id: str, message_id: str, text: str) -> None:
        """A message whose text changes in place (messages have no update time)."""
        self.data.edit_message(chatbot_id, message_id, text)

    def delete_message(self, chatbot_id: str, message_id: str) -> None:
        self.data.delete(chatbot_id, "messages", message_id)

    def delete_session(self, chatbot_id: str, session_id: str) -> None:
        """Delete a session and its messages."""
        self.data.delete(chatbot_id, "sessions", session_id)

    def delete_user(self, chatbot_id: str, user_id: str) -> None:
        """Delete a user with all their sessions and messages."""
        self.data.delete(chatbot_id, "users", user_id)

    def _tenants(self) -> dict[str, Bot]:
        return self.data.bots

    def _random_change(self, bot: Bot, kind: str, rng: random.Random) -> str | None:
        return self.data.random_change(bot, kind, rng)

    # ----- HTTP ------------------------------------------------------------------------------

    def _route(self, req: SimRequest) -> tuple[str, Handler]:
        """``/api/Dev/{chatbotId}/{users|sessions|messages}[/{id}]`` (GET) and ``…/message``
        (POST); anything else is counted as "other" and answered 404 or 405."""
        parts = [unquote(p) for p in req.path.split("/")]
        if len(parts) > 1 and parts[-1] == "":
            parts = parts[:-1]
        if len(parts) < 5 or parts[1].lower() != "api" or parts[2].lower() != "dev":
            return "other", self._not_found
        bot_id, kind = parts[3], parts[4].lower()
        item = parts[5] if len(parts) == 6 else None
        if len(parts) > 6 or not bot_id:
            return "other", self._not_found
        if kind == "message" and item is None:
            counter, method = "message.send", "POST"
        elif kind in ("users", "sessions", "messages"):
            counter, method = f"{kind}.{'get' if item else 'list'}", "GET"
        else:
            return "other", self._not_found
        if counter == "users.get" and not self.user_by_id:
            return "other", self._not_found
        if req.method != method:
            return "other", self._method_not_allowed
        route = _Route(counter, bot_id, item)
        return counter, lambda r: self._serve(r, route)

    def _error(self, status: int, message: str, headers: Headers = ()) -> SimResponse:
        return json_response(status, {"data": None, "error": message}, headers)

    def _rate_limited(self, headers: Headers = ()) -> SimResponse:
        spent = [(n, "0" if n == "X-RateLimit-Remaining" else v) for n, v in headers]
        return self._error(429, "Rate limit exceeded.", spent)

    def _server_error(self, variant: float, headers: Headers = ()) -> SimResponse:
        if variant >= 5 / 6:
            return self._error(503, "Service is temporarily unavailable.", headers)
        return super()._server_error(variant, headers)

    def _problem(self, errors: dict[str, list[str]], headers: Headers) -> SimResponse:
        with self._lock:
            trace = (
                f"00-{self._trace_rng.getrandbits(128):032x}-"
                f"{self._trace_rng.getrandbits(64):016x}-00"
            )
        body = {
            "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "title": "One or more validation errors occurred.",
            "status": 400,
            "errors": errors,
            "traceId": trace,
        }
        return SimResponse(400, json_bytes(body), _PROBLEM, list(headers))

    def _authenticate(self, req: SimRequest, route: _Route) -> SimResponse | None:
        """None when the request is signed by a key that may read the chatbot."""
        key = req.header("X-API-Key")
        signature = req.header("X-Signature")
        stamp = req.header("X-Timestamp")
        if not key or not signature or not stamp:
            return self._error(401, "Missing authentication headers.")
        entry = self._keys.get(key)
        if entry is None:
            return self._error(401, "Invalid API key.")
        secret, allowed = entry
        if not stamp.isdigit():
            return self._error(401, "Invalid timestamp.")
        payload = b"\n".join(
            (
                req.method.encode("latin-1"),
                req.raw_path.encode("latin-1"),
                req.body,
                stamp.encode("latin-1"),
            )
        )
        expected = base64.b64encode(
            hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).digest()
        )
        if not hmac.compare_digest(expected, signature.encode("latin-1")):
            return self._error(401, "Invalid signature.")
        if abs(int(stamp) - self._clock.unix()) > TIMESTAMP_WINDOW_SECONDS:
            return self._error(401, "Request timestamp is outside the allowed window.")
        if route.chatbot_id not in self.data.bots:
            return self._error(404, "Chatbot not found.")
        if route.chatbot_id not in allowed:
            return self._error(403, "API key does not have access to this chatbot.")
        return None

    def _serve(self, req: SimRequest, route: _Route) -> SimResponse:
        failure = self._authenticate(req, route)
        if failure is not None:
            return failure
        now = self._clock.unix()
        if route.counter == "message.send":
            limit = int(self.send_limit_per_day)
            allowed, remaining, reset = self._send_limiter.hit(route.chatbot_id, limit, 86_400, now)
        else:
            limit = int(self.rate_limit_per_minute)
            key = req.header("X-API-Key") or ""
            allowed, remaining, reset = self._read_limiter.hit(key, limit, 60, now)
        headers = [
            ("X-RateLimit-Limit", str(limit)),
            ("X-RateLimit-Remaining", str(remaining)),
            ("X-RateLimit-Reset", str(reset)),
        ]
        if not allowed:
            return self._rate_limited(headers)
        return self._with_faults(lambda: self._endpoint(req, route, headers), headers)

    def _endpoint(self, req: SimRequest, route: _Route, headers: Headers) -> SimResponse:
        try:
            if route.counter == "message.send":
                return self._send(req, route.chatbot_id, headers)
            kind, action = route.counter.split(".")
            if action == "get":
                return self._get_one(route.chatbot_id, kind, route.item_id or "", headers)
            return self._list(req, route.chatbot_id, kind, headers)
        except _Problem as problem:
            return self._problem(problem.errors, headers)

    @staticmethod
    def _envelope(
        data: Any, total: int = 0, size: int = 0, page: int = 0, pages: int = 0
    ) -> dict[str, Any]:
        return {
            "data": data,
            "error": None,
            "totalItems": total,
            "pageSize": size,
            "currentPage": page,
            "totalPages": pages,
        }

    def _get_one(self, chatbot_id: str, kind: str, item_id: str, headers: Headers) -> SimResponse:
        with self._lock:
            rec = self.data.bots[chatbot_id].records(kind).get(item_id)
            if rec is None:
                return self._error(404, _NOT_FOUND[kind], headers)
            data: Record = rec
            if kind == "sessions":
                data = {k: v for k, v in rec.items() if k not in SESSION_GET_OMITS}
            elif kind == "messages":
                data = {
                    k: v for k, v in rec.items() if not (k in ("url", "responseTime") and v is None)
                }
            body = json_bytes(self._envelope(data))
        return SimResponse(200, body, _JSON, list(headers))

    @staticmethod
    def _int_param(req: SimRequest, name: str, default: int) -> int:
        raw = req.param(name)
        if raw is None:
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            raise _Problem({name: [f"The value '{raw}' is not valid."]}) from None
        if value < 1 or value > 2_147_483_647:
            raise _Problem({name: [f"The field {name} must be between 1 and 2147483647."]})
        return value

    def _list(self, req: SimRequest, chatbot_id: str, kind: str, headers: Headers) -> SimResponse:
        page_no = self._int_param(req, "page", 1)
        size = min(self._int_param(req, "pageSize", 20), max(1, int(self.page_size_cap)))
        offset = (page_no - 1) * size
        user_id = req.param("userId") or None
        session_id = req.param("sessionId") or None
        with self._lock:
            bot = self.data.bots[chatbot_id]
            if page_no > 1 and (self.drift_deletes > 0 or self.drift_inserts > 0):
                self._drift(bot, kind, req, offset)
            keys = bot.listing(kind, user_id, session_id)
            records = bot.records(kind)
            data = [records[i] for i in page(keys, offset, size)]
            total = len(keys)
            pages = math.ceil(total / size)
            body = json_bytes(self._envelope(data, total, size, page_no, pages))
        return SimResponse(200, body, _JSON, list(headers))

    def _drift(self, bot: Bot, kind: str, req: SimRequest, offset: int) -> None:
        """The list being paged changes under the crawl (callers hold the lock)."""
        self.data.drift(
            bot,
            kind,
            req.param("userId") or None,
            req.param("sessionId") or None,
            offset,
            inserts=self.drift_inserts,
            deletes=self.drift_deletes,
        )

    def _send(self, req: SimRequest, chatbot_id: str, headers: Headers) -> SimResponse:
        content_type = (req.header("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            body = {
                "type": "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                "title": "Unsupported Media Type",
                "status": 415,
            }
            return SimResponse(415, json_bytes(body), _PROBLEM, list(headers))
        user_id, name, content, file_url = self._parse_send(req.body)
        with self._lock:
            reply = self.data.send(self.data.bots[chatbot_id], user_id, name, content, file_url)
        return json_response(200, self._envelope(reply), headers)

    @staticmethod
    def _parse_send(body: bytes) -> tuple[str, str, str, str | None]:
        if not body.strip():
            raise _Problem({"": ["A non-empty request body is required."]})
        try:
            doc = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise _Problem({"$": [_UNREADABLE_SEND]}) from None
        if not isinstance(doc, dict):
            raise _Problem({"$": [_UNREADABLE_SEND]})
        raw_user, raw_message = doc.get("user"), doc.get("message")
        user: dict[str, Any] = raw_user if isinstance(raw_user, dict) else {}
        message: dict[str, Any] = raw_message if isinstance(raw_message, dict) else {}
        errors: dict[str, list[str]] = {}

        def required(obj: dict[str, Any], path: str, name: str) -> str:
            value = obj.get(name)
            if not isinstance(value, str) or not value.strip():
                errors[path] = [f"The {path} field is required."]
                return ""
            return value

        user_id = required(user, "user.id", "id")
        name = required(user, "user.name", "name")
        content = required(message, "message.content", "content")
        file_url = message.get("file")
        if file_url is not None and not (
            isinstance(file_url, str) and file_url.startswith(("http://", "https://"))
        ):
            errors["message.file"] = [
                "The message.file field is not a valid fully-qualified http or https URL."
            ]
            file_url = None
        if errors:
            raise _Problem(errors)
        return user_id, name, content, file_url
