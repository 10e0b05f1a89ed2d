"""Where a llama.cpp server is, and whether coach may talk to it.

The policy, because a conversation here is health data:
- a loopback address (`localhost`, 127.0.0.0/8, ::1) over plain http is fine:
  nothing leaves the machine;
- any other host must use https (its certificate is checked);
- a plain-http URL to another machine is refused unless the person confirmed
  that exact origin (scheme, host and port): `coach chat` and the chat screen
  ask, `coach server use URL` asks, `coach ask --allow-http` says so in a
  script. Confirmed origins are kept one a line in `insecure-servers.txt` in
  the config folder (mode 0600). Confirming one origin never confirms another:
  a changed URL asks again.

Host names other than `localhost` are never resolved to decide: a name that
happens to point at 127.0.0.1 today may not tomorrow.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from coach.errors import CoachError
from coach.i18n import t

CHAT_PATH = "/v1/chat/completions"


class InsecureServer(CoachError):
    """A plain-http URL to another machine that the person has not accepted."""

    def __init__(self, message: str, url: str) -> None:
        super().__init__(message)
        self.url = url  # the origin to confirm


@dataclass(frozen=True)
class Endpoint:
    scheme: str  # "http" or "https"
    host: str
    port: int
    prefix: str  # path before /v1 (a server behind a reverse proxy), "" usually

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        port = "" if self.port == default else f":{self.port}"
        return f"{self.scheme}://{host}{port}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def secure(self) -> bool:
        """Whether the conversation stays private on the way: https, or this machine."""
        return self.scheme == "https" or self.loopback

    def path(self, endpoint: str) -> str:
        return self.prefix + endpoint


def is_loopback(host: str) -> bool:
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1
    # 0.0.0.0 is what servers print ("running on http://0.0.0.0:8080"); a connection to
    # it goes to this machine, never out on the network.
    return address.is_loopback or address.is_unspecified


def parse(url: str) -> Endpoint:
    """Read `companion.url`: `http://127.0.0.1:8080`, `.../v1` or the full chat path."""
    raw = (url or "").strip()
    if not raw:
        raise CoachError(t("server.no_url"))
    if "://" not in raw:
        raise CoachError(t("server.bad_url", url=raw))
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise CoachError(t("server.bad_url", url=raw)) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise CoachError(t("server.bad_url", url=raw))
    if parts.username or parts.password:
        # A key in the URL would end up in the config file in clear and in logs.
        raise CoachError(t("server.url_credentials"))
    if parts.query or parts.fragment:
        raise CoachError(t("server.bad_url", url=raw))
    prefix = parts.path.rstrip("/")
    for tail in (CHAT_PATH, "/v1"):
        if prefix.endswith(tail):
            prefix = prefix[: -len(tail)]
            break
    return Endpoint(
        scheme=scheme,
        host=parts.hostname,
        port=port or (443 if scheme == "https" else 80),
        prefix=prefix,
    )


def same_origin(a: str, b: str) -> bool:
    try:
        return parse(a).origin == parse(b).origin
    except CoachError:
        return False


def check(endpoint: Endpoint, confirmed: Iterable[str] = ()) -> None:
    """Refuse a plain-http URL to another machine unless the person confirmed this origin."""
    if endpoint.secure:
        return
    if any(same_origin(url, endpoint.origin) for url in confirmed):
        return
    raise InsecureServer(t("server.insecure", url=endpoint.origin), endpoint.origin)


# --- the confirmations ------------------------------------------------------------------

CONFIRMED_FILE = "insecure-servers.txt"


def confirmed(config_dir: Path) -> list[str]:
    """The plain-http origins the person accepted (read fresh: another process may add one)."""
    try:
        text = (Path(config_dir) / CONFIRMED_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def confirm(config_dir: Path, url: str) -> str:
    """Remember that the person accepted plain http to `url` (its origin only)."""
    from coach import paths as _paths
    from coach.store.atomic import atomic_write

    origin = parse(url).origin
    known = confirmed(config_dir)
    if origin not in known:
        known.append(origin)
    folder = _paths.ensure_dir(Path(config_dir))
    atomic_write(folder / CONFIRMED_FILE, ("\n".join(known) + "\n").encode("utf-8"))
    return origin


def forget(config_dir: Path, url: str) -> bool:
    """Take a confirmation back; True if there was one."""
    from coach.store.atomic import atomic_write

    origin = parse(url).origin
    known = confirmed(config_dir)
    if origin not in known:
        return False
    rest = [u for u in known if u != origin]
    atomic_write(Path(config_dir) / CONFIRMED_FILE, ("\n".join(rest) + "\n").encode("utf-8"))
    return True
