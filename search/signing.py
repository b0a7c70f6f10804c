"""The server's secret, and what it signs: values handed to clients that must come back
unchanged (search cursors). An unkeyed hash can be recomputed by anyone; an HMAC cannot.

The key is DATELINE_SECRET, else the file DATELINE_SECRET_FILE names, else the file set-up
writes (`secret_file`): one key for every worker and every restart, so a cursor from one
answer is good at another worker and after a restart.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from search.config import ConfigError, local_home

MIN_LENGTH = 16  # characters: a shorter secret can be guessed
TAG_BYTES = 16  # of the HMAC-SHA256 kept with a signed value


def secret_file(env: Mapping[str, str]) -> Path:
    """DATELINE_SECRET_FILE, else `dateline.secret` beside the local node's home."""
    return Path(env.get("DATELINE_SECRET_FILE") or local_home(env).parent / "dateline.secret")


def load_secret(env: Mapping[str, str]) -> bytes:
    """The key; ConfigError with the fix when there is none or it is too short."""
    value = env.get("DATELINE_SECRET")
    if not value:
        path = secret_file(env)
        try:
            value = path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ConfigError(
                f"no server secret: cannot read {path} ({error.strerror}); run `bash "
                "deploy/setup.sh` (it writes one) or set DATELINE_SECRET or DATELINE_SECRET_FILE"
            ) from None
    if len(value) < MIN_LENGTH:
        raise ConfigError(f"the server secret is shorter than {MIN_LENGTH} characters")
    return value.encode("utf-8")


def write_secret(env: Mapping[str, str]) -> Path | None:
    """Set-up's part: a random secret in `secret_file`, made once and kept (0600); None when
    DATELINE_SECRET gives one already."""
    if env.get("DATELINE_SECRET"):
        return None
    path = secret_file(env)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(secrets.token_urlsafe(32) + "\n")
    os.replace(partial, path)
    return path


@cache
def key() -> bytes:
    """This process's key (read once)."""
    return load_secret(os.environ)


def tag(message: bytes, purpose: str) -> bytes:
    """The signature of `message` for `purpose` (one key signs several kinds of value)."""
    return hmac.new(key(), purpose.encode() + b"\0" + message, hashlib.sha256).digest()[:TAG_BYTES]


def verify(message: bytes, signature: bytes, purpose: str) -> bool:
    return hmac.compare_digest(tag(message, purpose), signature)
