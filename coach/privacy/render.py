"""The export document as JSON, a zip of CSV files, or Markdown to read."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime
from typing import Any

from coach.i18n import t

FORMATS = ("json", "csv", "md")
# Fields that say when a record happened, best first: they title a record in Markdown.
_WHEN = ("at", "date", "started_at", "created_at", "day", "time")


def as_json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def cell(value: Any) -> str:
    """One CSV cell: text as is, numbers plainly, lists and tables as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def columns(records: list[dict[str, Any]]) -> list[str]:
    keys: dict[str, None] = {"id": None}
    for record in records:
        for key in record:
            keys.setdefault(key, None)
    return list(keys)


def as_csv_zip(document: dict[str, Any]) -> bytes:
    """A zip holding `<name>/<table>.csv` for every table, UTF-8 with a header row."""
    buffer = io.BytesIO()
    stamp = _zip_time(document.get("exported_at"))
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, tables in document["concerns"].items():
            for table, records in tables.items():
                text = io.StringIO()
                header = columns(records)
                writer = csv.writer(text, lineterminator="\n")
                writer.writerow(header)
                for record in records:
                    writer.writerow([cell(record.get(key)) for key in header])
                info = zipfile.ZipInfo(f"{name}/{table}.csv", date_time=stamp)
                info.external_attr = 0o600 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, text.getvalue().encode("utf-8"))
    return buffer.getvalue()


def _zip_time(exported_at: Any) -> tuple[int, int, int, int, int, int]:
    try:
        moment = datetime.fromisoformat(str(exported_at))
    except ValueError:
        moment = datetime.now()
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)


def as_markdown(document: dict[str, Any]) -> bytes:
    from coach.privacy.export import count_records

    lines = [
        f"# {t('data.md_title')}",
        "",
        t("data.md_intro", at=document["exported_at"], records=count_records(document)),
        "",
    ]
    if not document["concerns"]:
        lines += [t("data.md_empty"), ""]
    for name, tables in document["concerns"].items():
        lines += [f"## {name}", ""]
        for table, records in tables.items():
            lines += [f"### {table} ({len(records)})", ""]
            for record in records:
                lines += _md_record(record)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _md_record(record: dict[str, Any]) -> list[str]:
    when = next((str(record[k]) for k in _WHEN if record.get(k) not in (None, "")), "")
    title = f"#{record['id']}" + (f" · {when}" if when else "")
    out = [f"#### {title}", ""]
    for key, value in record.items():
        if key == "id":
            continue
        if isinstance(value, str) and "\n" in value:
            out.append(f"- **{key}**:")
            out += [f"  > {line}" if line else "  >" for line in value.splitlines()]
        else:
            out.append(f"- **{key}**: {_md_value(value)}")
    out.append("")
    return out


def _md_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int, float)) or value is None:
        return cell(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return ", ".join(str(v) for v in value)
    return f"`{cell(value)}`"


def render(document: dict[str, Any], fmt: str) -> bytes:
    if fmt == "csv":
        return as_csv_zip(document)
    if fmt == "md":
        return as_markdown(document)
    return as_json(document)
