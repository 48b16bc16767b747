"""A bounded client of the Prometheus HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/).

Plain `http.client`, so nothing is followed that was not asked for: no redirect (a redirect
would carry the bearer token to another host), no proxy from the environment. Every request
has a timeout, every answer a size limit, and the whole collection a deadline. Errors name the
server (without credentials, query or fragment) and the endpoint, never the answer's content
or the token.
"""

from __future__ import annotations

import http.client
import json
import ssl
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from gonogo.collectors.base import CollectorError

MAX_ANSWER_BYTES = 32 * 1024 * 1024


class PrometheusApiError(CollectorError):
    """The server could not be asked or answered wrongly; names server and endpoint only."""


@dataclass(frozen=True)
class Server:
    scheme: str
    host: str
    port: int
    base_path: str

    @property
    def display(self) -> str:
        default = 443 if self.scheme == "https" else 80
        port = "" if self.port == default else f":{self.port}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}{port}{self.base_path}"

    @classmethod
    def parse(cls, url: str) -> Server:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PrometheusApiError("--prometheus-url must be http(s)://host[:port][/path]")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise PrometheusApiError("--prometheus-url has a port that is not a number") from None
        return cls(parts.scheme, parts.hostname, port, parts.path.rstrip("/"))


@dataclass
class Client:
    server: Server
    token: str | None
    timeout: float
    deadline: float
    ca_file: str | None = None

    def get(self, endpoint: str, params: dict[str, str] | list[tuple[str, str]] | None = None) -> Any:
        """The `data` of a successful answer of GET endpoint (e.g. "/api/v1/targets")."""
        where = f"{self.server.display}{endpoint}"
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise PrometheusApiError(f"prometheus {where}: the collection deadline passed")
        path = self.server.base_path + endpoint + (f"?{urlencode(params)}" if params else "")
        headers = {"Accept": "application/json", "User-Agent": "gonogo-prometheus"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        connection = self._connection(min(self.timeout, left))
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read(MAX_ANSWER_BYTES + 1)
        except TimeoutError:
            raise PrometheusApiError(f"prometheus {where}: timed out") from None
        except ssl.SSLError as exc:
            raise PrometheusApiError(f"prometheus {where}: TLS error ({exc.reason or 'handshake'})") from None
        except (OSError, http.client.HTTPException) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc.__class__.__name__
            raise PrometheusApiError(f"prometheus {where}: {reason}") from None
        finally:
            connection.close()
        if len(body) > MAX_ANSWER_BYTES:
            raise PrometheusApiError(f"prometheus {where}: answer larger than {MAX_ANSWER_BYTES >> 20} MiB")
        return decode_answer(body, where, response.status)

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        if self.server.scheme == "https":
            context = ssl.create_default_context(cafile=self.ca_file)
            return http.client.HTTPSConnection(
                self.server.host, self.server.port, timeout=timeout, context=context
            )
        return http.client.HTTPConnection(self.server.host, self.server.port, timeout=timeout)


def decode_answer(body: bytes, where: str, status: int = 200) -> Any:
    """The `data` of an API answer `{"status": "success", "data": ...}`; else PrometheusApiError
    naming the HTTP status and Prometheus's errorType (a fixed vocabulary), never its text."""
    try:
        answer = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        answer = None
    if not isinstance(answer, dict):
        raise PrometheusApiError(f"prometheus {where}: HTTP {status}, not a Prometheus API answer")
    if answer.get("status") != "success" or "data" not in answer:
        kind = answer.get("errorType")
        kind = kind if isinstance(kind, str) and kind.isidentifier() and len(kind) < 40 else "unknown"
        raise PrometheusApiError(f"prometheus {where}: HTTP {status}, errorType {kind}")
    return answer["data"]
