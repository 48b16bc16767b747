"""A small client for OPA's REST API, bounded in time and size, that never shows what it sends
or receives.

Every request has one deadline from name resolution to the last byte of the body: a watchdog
shuts the socket down when it passes, so a server trickling one byte at a time cannot stretch
the call. There are no retries and no redirects. The body is read up to a size limit. Error
messages name the server (scheme, host and port, never credentials), the HTTP status and
OPA's error codes, never the body, the token or a value from the input.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import ssl
import threading
from dataclasses import dataclass, field
from typing import Any

from gonogo.evaluator.bounded_process import Deadline
from gonogo.evaluator.engine import describe_opa_errors, describe_opa_message

from gonogo.errors import OpaError
from gonogo.json_text import compact

_CHUNK = 65536
_MEDIA_TYPE = re.compile(r"^\s*([\w.+-]+/[\w.+-]+)")


@dataclass(frozen=True)
class Endpoint:
    """Where OPA listens: host and port (TCP, optionally TLS) or a Unix socket path."""

    where: str  # shown in messages: "OPA at https://host:port"
    host: str = "127.0.0.1"
    port: int = 0
    secure: bool = False
    unix_socket: str | None = None
    ca_bundle: str | None = None
    token: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    media_type: str


class OpaHttp:
    def __init__(self, endpoint: Endpoint, timeout: float, max_bytes: int) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.max_bytes = max_bytes

    def request(
        self, method: str, path: str, body: bytes | None = None, content_type: str = "application/json"
    ) -> Answer:
        """One request, connect to last byte within --timeout; transport failures are OpaErrors."""
        where = self.endpoint.where
        deadline = Deadline(self.timeout)
        sock = self._connect(deadline)
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

        watchdog = threading.Timer(max(deadline.remaining(), 0.0), expire)
        watchdog.daemon = True
        watchdog.start()
        connection = http.client.HTTPConnection(self.endpoint.host, self.endpoint.port or 80)
        connection.sock = sock
        try:
            connection.request(method, path, body=body, headers=self._headers(content_type))
            response = connection.getresponse()
            answer = Answer(response.status, self._read(response, where), _media_type(response))
            if not expired.is_set():
                return answer
            raise OpaError(f"{where} timed out after {self.timeout:g}s")  # a body cut off by the watchdog
        except (OSError, http.client.HTTPException, ValueError) as exc:
            # The socket's own timeout and the watchdog race for the same deadline; either is a timeout.
            if expired.is_set() or isinstance(exc, TimeoutError) or deadline.remaining() <= 0:
                raise OpaError(f"{where} timed out after {self.timeout:g}s") from None
            raise OpaError(f"{where} failed mid-request ({exc.__class__.__name__})") from None
        finally:
            watchdog.cancel()
            connection.close()

    def _headers(self, content_type: str) -> dict[str, str]:
        headers = {"Content-Type": content_type, "Accept": "application/json"}
        if self.endpoint.token:
            headers["Authorization"] = f"Bearer {self.endpoint.token}"
        return headers

    def _connect(self, deadline: Deadline) -> socket.socket:
        where = self.endpoint.where
        try:
            if self.endpoint.unix_socket:
                sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                sock.settimeout(deadline.left(where))
                sock.connect(self.endpoint.unix_socket)
                return sock
            address = _resolve(self.endpoint.host, self.endpoint.port, deadline, where)
            sock = socket.create_connection(address, timeout=deadline.left(where))
            if self.endpoint.secure:
                context = ssl.create_default_context(cafile=self.endpoint.ca_bundle)
                sock = context.wrap_socket(sock, server_hostname=self.endpoint.host)
            sock.settimeout(deadline.left(where))
            return sock
        except ssl.SSLCertVerificationError as exc:
            raise OpaError(f"{where}: its TLS certificate does not verify ({exc.verify_message})") from None
        except TimeoutError:
            raise OpaError(f"{where} timed out after {self.timeout:g}s while connecting") from None
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            raise OpaError(f"{where} unreachable: {reason}") from None

    def _read(self, response: http.client.HTTPResponse, where: str) -> bytes:
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise OpaError(self._too_big(where))
        body = bytearray()
        while chunk := response.read(_CHUNK):
            body += chunk
            if len(body) > self.max_bytes:
                raise OpaError(self._too_big(where))
        return bytes(body)

    def _too_big(self, where: str) -> str:
        return (
            f"{where} answered with more than {self.max_bytes // (1024 * 1024)} MiB, the answer size "
            "limit (--opa-max-answer-mib)"
        )


def _resolve(host: str, port: int, deadline: Deadline, where: str) -> tuple[str, int]:
    """The first address of host, looked up within the deadline (getaddrinfo has no timeout)."""
    found: list[Any] = []

    def lookup() -> None:
        with contextlib.suppress(OSError):
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))

    resolver = threading.Thread(target=lookup, daemon=True)
    resolver.start()
    resolver.join(deadline.left(where))
    if resolver.is_alive():
        raise OpaError(f"{where} timed out after {deadline.seconds:g}s resolving its host name")
    if not found:
        raise OpaError(f"{where} unreachable: its host name does not resolve")
    return found[0][4][0], port


def _media_type(response: http.client.HTTPResponse) -> str:
    match = _MEDIA_TYPE.match(response.getheader("Content-Type") or "")
    return match.group(1).lower() if match else "no content type"


def parse_body(answer: Answer, where: str) -> Any:
    try:
        return json.loads(answer.body)
    except RecursionError:
        raise OpaError(f"{where} answered with JSON nested too deeply to read") from None
    except ValueError:
        raise OpaError(
            f"{where} answered HTTP {answer.status} with a body that is not JSON ({answer.media_type})"
        ) from None


def refusal(status: int, body: Any, where: str, has_token: bool) -> OpaError:
    """The error for a non-2xx answer: the status and OPA's error codes, never the body."""
    if status == 401:
        hint = "refused the bearer token" if has_token else "requires a bearer token (--opa-token-file)"
        return OpaError(f"{where} {hint} (HTTP 401)")
    if status == 403:
        return OpaError(f"{where} denied the request (HTTP 403): the token is not allowed to do this")
    detail = ""
    if isinstance(body, dict):
        errors = body.get("errors")
        detail = describe_opa_errors(errors) if isinstance(errors, list) else ""
        message = body.get("message")
        if not detail and isinstance(message, str):
            detail = describe_opa_message(message)
        code = body.get("code")
        if not detail and isinstance(code, str) and re.fullmatch(r"\w+", code):
            detail = code
    return OpaError(f"{where} answered HTTP {status}" + (f": {detail}" if detail else ""))


@dataclass(frozen=True)
class RequestBody:
    """A request body already encoded as JSON text (the decision query's input)."""

    text: bytes = field(repr=False)


def answer_json(client: OpaHttp, method: str, path: str, payload: Any = None) -> Any:
    """The JSON body of a 2xx answer, or the OpaError for anything else. `payload` is encoded
    compactly, unless it is a RequestBody, whose text is sent as it is."""
    body = payload.text if isinstance(payload, RequestBody) else None if payload is None else compact(payload)
    answer = client.request(method, path, body)
    where = client.endpoint.where
    if not 200 <= answer.status < 300:
        try:
            body = json.loads(answer.body)
        except (ValueError, RecursionError):
            body = None
        raise refusal(answer.status, body, where, bool(client.endpoint.token))
    return parse_body(answer, where)
