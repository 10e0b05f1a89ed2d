"""`coach model list/pull/add/use/rm/info`: the companion's language models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from coach.cli.common import emit_json, get_context, interactive, say
from coach.i18n import t


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=t("companion.model_help"), no_args_is_help=True)
    json_opt = typer.Option(False, "--json", help=t("cli.json_help"))

    @sub.command("list", help=t("companion.list_help"))
    def list_(ctx: typer.Context, as_json: bool = json_opt) -> None:
        rows = _rows(get_context(ctx))
        if as_json:
            emit_json(rows)
            return
        _print_table(rows)

    @sub.command("pull", help=t("companion.pull_help"))
    def pull(
        ctx: typer.Context,
        model_id: str = typer.Argument(..., metavar="ID"),
        as_json: bool = json_opt,
    ) -> None:
        from coach.companion import catalog, fetch

        context = get_context(ctx)
        entry = catalog.load_catalog().require(model_id)
        target = catalog.model_file(context.paths.models, entry.id)
        if target.is_file() and _intact(fetch, entry, target):
            say(t("companion.already", id=entry.id, path=target))
        else:
            if not entry.sha256:
                say(t("companion.pull_no_sha", id=entry.id))
            say(t("companion.pulling", id=entry.id, size=catalog.human_size(entry.size)))
            target = _pull_with_progress(fetch, entry, context.paths.models)
            say(
                t(
                    "companion.pulled",
                    id=entry.id,
                    size=catalog.human_size(target.stat().st_size),
                    path=target,
                )
            )
        if as_json:
            emit_json(
                {
                    "id": entry.id,
                    "path": str(target),
                    "size": target.stat().st_size,
                    "sha256": entry.sha256,
                }
            )

    @sub.command("add", help=t("companion.add_help"))
    def add(
        ctx: typer.Context,
        path_arg: str = typer.Argument(..., metavar="PATH"),
        model_id: str = typer.Option(None, "--id", help=t("companion.add_id_help")),
        as_json: bool = json_opt,
    ) -> None:
        from coach.companion import catalog, fetch
        from coach.companion.gguf import format_parameters, read_header
        from coach.errors import CoachError

        context = get_context(ctx)
        path = Path(path_arg).expanduser()
        info = read_header(path)
        model_id = catalog.check_id(model_id or _id_from_name(path))
        target = catalog.model_file(context.paths.models, model_id)
        if target.exists():
            raise CoachError(t("companion.add_exists", id=model_id))
        fetch.copy_in(path, target)
        params = format_parameters(info.parameters)
        say(t("companion.added", id=model_id, source=path, params=params))
        if as_json:
            emit_json({"id": model_id, "path": str(target), "parameters": info.parameters})

    @sub.command("use", help=t("companion.use_help"))
    def use(
        ctx: typer.Context,
        model_id: str = typer.Argument(..., metavar="ID"),
        as_json: bool = json_opt,
    ) -> None:
        from coach.companion import catalog
        from coach.config import save_value
        from coach.errors import CoachError

        context = get_context(ctx)
        if not catalog.model_file(context.paths.models, model_id).is_file():
            cat = catalog.load_catalog()
            if cat.get(model_id) is None and model_id not in catalog.installed(
                context.paths.models
            ):
                cat.require(model_id)
            raise CoachError(t("companion.model_missing", id=model_id, size=_size_of(model_id)))
        save_value(context.paths, "companion.model", model_id)
        say(t("companion.used", id=model_id))
        if as_json:
            emit_json({"model": model_id})

    @sub.command("rm", help=t("companion.rm_help"))
    def rm(
        ctx: typer.Context,
        model_id: str = typer.Argument(..., metavar="ID"),
        as_json: bool = json_opt,
    ) -> None:
        from coach.companion import backends, catalog
        from coach.config import unset_value
        from coach.errors import CoachError

        context = get_context(ctx)
        target = catalog.model_file(context.paths.models, model_id)
        if not target.is_file():
            raise CoachError(t("companion.not_installed", id=model_id))
        backends.forget()
        target.unlink()
        say(t("companion.removed", id=model_id))
        if context.config.get("companion.model") == model_id:
            unset_value(context.paths, "companion.model")
            say(t("companion.rm_in_use", id=model_id, default=catalog.load_catalog().default))
        if as_json:
            emit_json({"removed": model_id})

    @sub.command("info", help=t("companion.info_help"))
    def info(
        ctx: typer.Context,
        model_id: str = typer.Argument(None, metavar="[ID]"),
        as_json: bool = json_opt,
    ) -> None:
        data = _info(get_context(ctx), model_id)
        if as_json:
            emit_json(data)
            return
        labels = {
            "id": t("companion.col_id"),
            "name": t("companion.info_name"),
            "path": t("companion.info_path"),
            "size": t("companion.info_size"),
            "parameters": t("companion.info_parameters"),
            "architecture": t("companion.info_architecture"),
            "context_length": t("companion.info_context"),
            "license": t("companion.info_license"),
        }
        for key, label in labels.items():
            value = data.get(key)
            if key == "size" and value:
                from coach.companion.catalog import human_size

                value = f"{human_size(value)} ({value} B)"
            if key == "path" and not data["installed"]:
                value = t("companion.info_not_installed", id=data["id"])
            if value not in (None, ""):
                typer.echo(f"{label}: {value}")
        if data.get("chat_template"):
            typer.echo(f"{t('companion.info_template')}:\n{data['chat_template']}")

    app.add_typer(sub, name="model")


def _intact(fetch: Any, entry: Any, target: Path) -> bool:
    """An installed file that no longer matches its digest is pulled again."""
    if not entry.sha256 or fetch.sha256_of(target) == entry.sha256:
        return True
    say(t("companion.pull_damaged", id=entry.id))
    return False


def _id_from_name(path: Path) -> str:
    stem = path.name[:-5] if path.name.lower().endswith(".gguf") else path.stem
    return re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._")[:64] or "model"


def _info(context: Any, model_id: str | None) -> dict[str, Any]:
    from coach.companion import catalog
    from coach.companion.gguf import format_parameters, read_header

    cat = catalog.load_catalog()
    model_id = model_id or catalog.selected_id(context.config, cat)
    path = catalog.model_file(context.paths.models, model_id)
    entry = cat.get(model_id)
    if entry is None and not path.is_file():
        cat.require(model_id)
    data: dict[str, Any] = {
        "id": model_id,
        "installed": path.is_file(),
        "path": str(path),
        "name": entry.name if entry else model_id,
        "size": entry.size if entry else 0,
        "parameters": entry.parameters if entry else "",
        "license": entry.license if entry else "",
        "source": entry.source if entry else "local",
        "architecture": "",
        "context_length": None,
        "chat_template": entry.chat_template if entry else "",
    }
    if path.is_file():
        header = read_header(path)
        data.update(
            size=path.stat().st_size,
            name=header.name,
            parameters=format_parameters(header.parameters),
            parameter_count=header.parameters,
            architecture=header.architecture,
            context_length=header.context_length,
            chat_template=header.chat_template,
            license=data["license"] or str(header.metadata.get("general.license", "")),
        )
    return data


def _size_of(model_id: str) -> str:
    from coach.companion import catalog

    entry = catalog.load_catalog().get(model_id)
    return catalog.human_size(entry.size) if entry else "?"


def _rows(context: Any) -> list[dict[str, Any]]:
    from coach.companion import catalog

    cat = catalog.load_catalog()
    here = catalog.installed(context.paths.models)
    in_use = catalog.selected_id(context.config, cat)
    rows = []
    for entry in cat.entries.values():
        path = here.get(entry.id)
        rows.append(
            {
                "id": entry.id,
                "name": entry.name,
                "source": entry.source,
                "size": path.stat().st_size if path else entry.size,
                "installed": path is not None,
                "default": entry.id == cat.default,
                "in_use": entry.id == in_use,
                "parameters": entry.parameters,
                "license": entry.license,
                "min_memory_mb": entry.min_memory_mb,
                "good_for": entry.describe(context.lang),
                "path": str(path) if path else None,
            }
        )
    for model_id, path in here.items():
        if cat.get(model_id) is None:
            rows.append(
                {
                    "id": model_id,
                    "name": model_id,
                    "source": "local",
                    "size": path.stat().st_size,
                    "installed": True,
                    "default": False,
                    "in_use": model_id == in_use,
                    "parameters": "",
                    "license": "",
                    "min_memory_mb": 0,
                    "good_for": "",
                    "path": str(path),
                }
            )
    return rows


def _print_table(rows: list[dict[str, Any]]) -> None:
    from coach.companion.catalog import human_size

    yes, no = t("companion.yes"), t("companion.no")
    header = [
        t("companion.col_id"),
        t("companion.col_size"),
        t("companion.col_installed"),
        t("companion.col_default"),
        t("companion.col_in_use"),
        t("companion.col_about"),
    ]
    table = [header] + [
        [
            r["id"],
            human_size(r["size"]),
            yes if r["installed"] else no,
            yes if r["default"] else "",
            yes if r["in_use"] else "",
            r["good_for"],
        ]
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        typer.echo("  ".join([*cells, row[-1]]).rstrip())


def _pull_with_progress(fetch: Any, entry: Any, models_dir: Path) -> Path:
    """A progress bar on stderr in a terminal; no animation otherwise."""
    import sys

    if not (interactive() or sys.stderr.isatty()):
        return fetch.pull(entry, models_dir)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(entry.id, total=entry.size or None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total or None)

        return fetch.pull(entry, models_dir, progress)
