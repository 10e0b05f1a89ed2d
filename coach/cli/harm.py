"""`coach harm [TOPIC]`: the harm-reduction cards, with their sources."""

from __future__ import annotations

import typer

from coach.cli.common import emit_json, get_context
from coach.i18n import t


def register(app: typer.Typer) -> None:
    @app.command("harm", help=t("harm.help"))
    def harm(
        ctx: typer.Context,
        topic: str = typer.Argument(None, metavar="[TOPIC]", help=t("harm.topic_help")),
        as_json: bool = typer.Option(False, "--json", help=t("cli.json_help")),
    ) -> None:
        from coach.trackers import harm as cards

        lang = get_context(ctx).lang
        chosen = cards.select(topic)
        if as_json:
            emit_json([c.to_json(lang) for c in chosen])
            return
        if topic is None:
            for name in cards.topics():
                typer.echo(f"{t(f'harm.topic.{name}', lang)} ({name})")
                for card in (c for c in chosen if c.topic == name):
                    typer.echo(f"  • {card.to_json(lang)['title']}  [{card.id}]")
            typer.echo()
            typer.echo(t("harm.list_hint", lang))
            return
        for i, card in enumerate(chosen):
            data = card.to_json(lang)
            if i:
                typer.echo()
            typer.echo(data["title"])
            typer.echo("─" * min(len(data["title"]), 60))
            typer.echo(data["body"])
            typer.echo(t("harm.sources", lang))
            for source in data["sources"]:
                typer.echo(f"  {source['name']}: {source['url']}")
        typer.echo()
        typer.echo(t("harm.emergency", lang))
