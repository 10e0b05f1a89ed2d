"""Small loopback servers of our own that misbehave on purpose: stall, garbage, errors."""

from __future__ import annotations

import json
import socket
import socketserver
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class FakeServer:
    """A loopback TCP server; `scenario(handler, request)` writes whatever it likes."""

    scenario: Callable[[Any, Request], None]
    requests: list[Request] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    gone: threading.Event = field(default_factory=threading.Event)  # the client hung up
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class _Handler(socketserver.StreamRequestHandler):
    timeout = 30  # bounded: a stuck test ends

    def handle(self) -> None:
        fake: FakeServer = self.server.fake  # type: ignore[attr-defined]
        line = self.rfile.readline(65536).decode("latin-1").strip()
        if not line:
            return
        method, path, _ = line.split(" ", 2)
        headers: dict[str, str] = {}
        while True:
            header = self.rfile.readline(65536).decode("latin-1").strip()
            if not header:
                break
            name, _, value = header.partition(":")
            headers[name.strip().lower()] = value.strip()
        body = self.rfile.read(int(headers.get("content-length", "0") or 0))
        request = Request(method, path, headers, body)
        fake.requests.append(request)
        try:
            fake.scenario(self, request)
        except (BrokenPipeError, ConnectionResetError):
            fake.gone.set()


class _TCP(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def start(scenario: Callable[[Any, Request], None], started: list) -> FakeServer:
    fake = FakeServer(scenario)
    tcp = _TCP(("127.0.0.1", 0), _Handler)
    tcp.fake = fake  # type: ignore[attr-defined]
    fake.port = tcp.server_address[1]
    thread = threading.Thread(target=tcp.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    started.append((tcp, fake))
    return fake


def stop_all(started: list) -> None:
    for tcp, fake in started:
        fake.release.set()
        tcp.shutdown()
        tcp.server_close()


# --- what the small servers say ------------------------------------------------------


def send_head(handler: Any, status: str = "200 OK", kind: str = "text/event-stream",
              extra: str = "") -> None:  # fmt: skip
    handler.wfile.write(
        f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nConnection: close\r\n{extra}\r\n".encode()
    )
    handler.wfile.flush()


def send_event(handler: Any, data: str) -> None:
    handler.wfile.write(f"data: {data}\n\n".encode())
    handler.wfile.flush()


def chunk(content: str | None = None, finish: str | None = None) -> str:
    delta = {} if content is None else {"content": content}
    return json.dumps({"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})


def send_json(handler: Any, data: Any, status: str = "200 OK") -> None:
    body = json.dumps(data).encode()
    send_head(handler, status, "application/json", f"Content-Length: {len(body)}\r\n")
    handler.wfile.write(body)
    handler.wfile.flush()


MODELS = {"object": "list", "data": [{"id": "fake-model", "object": "model"}]}


def openai_like(reply_pieces: list[str], finish: str = "stop") -> Callable[[Any, Request], None]:
    """A well-behaved server: a model list, no tokenizer, `reply_pieces` streamed."""

    def scenario(handler: Any, request: Request) -> None:
        if request.path == "/v1/models":
            send_json(handler, MODELS)
        elif request.path == "/v1/chat/completions":
            send_head(handler)
            send_event(handler, chunk(""))
            for piece in reply_pieces:
                send_event(handler, chunk(piece))
            send_event(handler, chunk(None, finish))
            send_event(handler, "[DONE]")
        else:
            send_json(handler, {"detail": "Not Found"}, "404 Not Found")

    return scenario


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def self_signed(folder: Any, host: str = "localhost") -> tuple[Any, Any]:
    """A certificate for `host` signed by itself, and its key (PEM files in `folder`)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def wrap_tls(fake: FakeServer, started: list, cert_file: Any, key_file: Any) -> None:
    """Serve `fake` over TLS from now on (the server socket is wrapped in place)."""
    import ssl

    tcp = next(tcp for tcp, f in started if f is fake)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    tcp.socket = context.wrap_socket(tcp.socket, server_side=True)
