"""Reminders scheduled by the user's own system: a systemd user timer, or a crontab line.

coach runs no daemon of its own. A reminder is a record in the `reminders`
concern plus one entry in the user's scheduler, always marked as coach's own
(`coach-reminder-<id>` units, `# coach-reminder:<id>` crontab lines) so coach
never touches what it did not write. This package never imports typer or textual.
"""
