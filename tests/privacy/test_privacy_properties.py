"""Properties over many generated inputs: round trips keep every value, damage is always
reported as damage."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.context import Context
from coach.errors import StoreError
from coach.paths import resolve
from coach.privacy.export import collect
from coach.privacy.render import as_csv_zip, as_json, as_markdown
from coach.privacy.restore import parse, restore
from coach.store import Store, crypto

_json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
_json = st.recursive(
    _json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_record = st.dictionaries(
    st.text(min_size=1, max_size=10).filter(lambda k: k != "id"), _json, max_size=5
)
_tables = st.dictionaries(
    st.sampled_from(["records", "entries", "steps"]), st.lists(_record, max_size=6), max_size=3
)
_concerns = st.dictionaries(
    st.sampled_from(["checkins", "journal", "plan", "chat-2025", "chat-2026"]), _tables, max_size=4
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(concerns=_concerns)
def test_export_import_export_keeps_every_value(concerns, monkeypatch) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first_home, second_home = Path(tmp) / "a", Path(tmp) / "b"
        monkeypatch.setenv("COACH_HOME", str(first_home))
        store = Store(resolve())
        for name, tables in concerns.items():
            concern, _, year = name.partition("-")
            for table, records in tables.items():
                if records:
                    store.collection(concern, table, int(year) if year else None).insert_many(
                        records
                    )
        exported = collect(Context.load(lang="en"))
        blob = as_json(exported)
        as_csv_zip(exported), as_markdown(exported)  # every format renders any data
        monkeypatch.setenv("COACH_HOME", str(second_home))
        restore(Context.load(lang="en"), parse(blob))
        again = collect(Context.load(lang="en"))
        exported.pop("exported_at"), again.pop("exported_at")
        assert json.loads(json.dumps(again)) == json.loads(json.dumps(exported))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_cut_or_flipped_byte_is_reported_as_damage(data) -> None:
    params = crypto.KdfParams(b"p" * crypto.SALT_BYTES, 14, 8, 1)
    codec = crypto.EncryptedCodec("a passphrase for the fuzz", params)
    blob = bytearray(codec.encode(b'{"records": {"1": {"note": "hello"}}}'))
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(min_value=0, max_value=len(blob) - 1))
        damaged = bytes(blob[:cut])
    else:
        at = data.draw(st.integers(min_value=0, max_value=len(blob) - 1))
        blob[at] ^= data.draw(st.integers(min_value=1, max_value=255))
        damaged = bytes(blob)
    try:
        codec.decode(damaged, Path("x.json"))
    except StoreError:
        return
    raise AssertionError("damaged bytes were accepted")
