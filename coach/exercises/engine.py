"""The state machine that walks a plan: start, pause, resume, skip, stop, pace.

It knows nothing of screens. It reads time from an injected clock (monotonic
seconds), so tests drive it with a fake clock, the TUI with a timer, and the
plain-text runner with a clock it advances as it sleeps. Callers call `tick()`
as often as they like; each call returns the events that happened since the
last one, in order, even when a long gap crossed several phases.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from coach.exercises.plan import Phase, Plan

PACE_STEP = 0.1
PACE_MIN = 0.5
PACE_MAX = 2.0
EPSILON = 1e-6  # float sums of phase lengths must not miss a boundary

READY, RUNNING, PAUSED, FINISHED, STOPPED = "ready", "running", "paused", "finished", "stopped"


@dataclass(frozen=True)
class Event:
    """`kind` is one of: started, phase, check, paused, resumed, pace, completed, stopped."""

    kind: str
    phase: Phase | None = None
    elapsed: float = 0.0  # active seconds since the start (pauses left out)
    scale: float = 1.0


Listener = Callable[[Event], None]


class Engine:
    def __init__(
        self,
        plan: Plan,
        clock: Callable[[], float] = time.monotonic,
        wait_for_items: bool = True,
    ) -> None:
        if not plan.phases:
            raise ValueError("empty plan")
        self.plan = plan
        self.clock = clock
        # When True, a phase with items to name stays open until `advance()`.
        self.wait_for_items = wait_for_items
        self.state = READY
        self.index = 0
        self.scale = 1.0  # phase lengths are multiplied by this
        self._phase_done = 0.0  # active seconds spent in the current phase before `_since`
        self._active_done = 0.0  # active seconds spent in the whole run before `_since`
        self._since = 0.0
        self._listeners: list[Listener] = []

    # --- reading --------------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self.plan.phases[min(self.index, len(self.plan.phases) - 1)]

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    @property
    def over(self) -> bool:
        return self.state in (FINISHED, STOPPED)

    def duration(self, phase: Phase | None = None) -> float:
        return (phase or self.phase).seconds * self.scale

    def _live(self) -> float:
        return self.clock() - self._since if self.state == RUNNING else 0.0

    @property
    def phase_elapsed(self) -> float:
        return self._phase_done + self._live()

    @property
    def remaining(self) -> float:
        if self.over:
            return 0.0
        return max(0.0, self.duration() - self.phase_elapsed)

    @property
    def progress(self) -> float:
        """How far through the current phase, from 0 to 1."""
        if self.state == FINISHED:
            return 1.0
        length = self.duration()
        return min(1.0, self.phase_elapsed / length) if length > 0 else 1.0

    @property
    def level(self) -> float:
        """How full the breathing shape is now, from 0 to 1, eased so it breathes smoothly."""
        phase = self.phase
        x = self.progress
        eased = x * x * (3 - 2 * x)
        return phase.level_from + (phase.level_to - phase.level_from) * eased

    @property
    def elapsed(self) -> float:
        """Active seconds since the start, pauses left out."""
        return self._active_done + self._live()

    @property
    def waiting(self) -> bool:
        """The phase's time is up but the person has items left to name."""
        return (
            self.state == RUNNING
            and self.wait_for_items
            and self.phase.items > 0
            and self.phase_elapsed >= self.duration() - EPSILON
        )

    # --- listening ------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(
        self, out: list[Event], kind: str, phase: Phase | None = None, at: float | None = None
    ) -> None:
        event = Event(kind, phase, self.elapsed if at is None else at, self.scale)
        out.append(event)
        for listener in self._listeners:
            listener(event)

    # --- commands -------------------------------------------------------------------------

    def start(self) -> list[Event]:
        out: list[Event] = []
        if self.state != READY:
            return out
        self.state = RUNNING
        self._since = self.clock()
        self._emit(out, "started", self.phase)
        self._emit(out, "phase", self.phase)
        return out

    def pause(self) -> list[Event]:
        out = self.tick()
        if self.state == RUNNING:
            self._bank()
            self.state = PAUSED
            self._emit(out, "paused", self.phase)
        return out

    def resume(self) -> list[Event]:
        out: list[Event] = []
        if self.state == PAUSED:
            self.state = RUNNING
            self._since = self.clock()
            self._emit(out, "resumed", self.phase)
        return out

    def toggle(self) -> list[Event]:
        return self.resume() if self.state == PAUSED else self.pause()

    def skip(self) -> list[Event]:
        """Leave the current phase now (also how a person finishes a step of items)."""
        out = self.tick()
        if self.state in (RUNNING, PAUSED):
            self._bank()
            self._next(out)
        return out

    advance = skip

    def stop(self) -> list[Event]:
        out = self.tick()
        if self.state in (READY, RUNNING, PAUSED):
            self._bank()
            self.state = STOPPED
            self._emit(out, "stopped", self.phase)
        return out

    def finish(self) -> list[Event]:
        """End early as done (the urge has passed): the run counts as completed."""
        out = self.tick()
        if self.state in (RUNNING, PAUSED):
            self._bank()
            self.state = FINISHED
            self._emit(out, "completed", self.phase)
        return out

    def faster(self) -> list[Event]:
        return self.set_scale(self.scale - PACE_STEP)

    def slower(self) -> list[Event]:
        return self.set_scale(self.scale + PACE_STEP)

    def set_scale(self, scale: float) -> list[Event]:
        """Change the length of phases; the current phase keeps how far through it we are."""
        out = self.tick()
        scale = round(min(PACE_MAX, max(PACE_MIN, scale)), 2)
        if scale == self.scale or self.over:
            return out
        progress = self.progress
        self._bank()
        self.scale = scale
        self._phase_done = progress * self.duration()
        self._emit(out, "pace", self.phase)
        return out

    def tick(self) -> list[Event]:
        """Move on by the clock: every phase that ended since the last tick gives its events."""
        out: list[Event] = []
        while self.state == RUNNING:
            phase = self.phase
            length = self.duration(phase)
            spent = self.phase_elapsed
            if spent < length - EPSILON:
                break
            if self.wait_for_items and phase.items > 0:
                break  # the person moves on with `advance()`
            # The phase really ended a little before now: the next one starts from then.
            end = self.clock() - (spent - length)
            self._active_done += end - self._since
            self._since = end
            self._next(out)
        return out

    # --- inner workings -------------------------------------------------------------------

    def _bank(self) -> None:
        """Fold the live time into the counters, so the next change starts from now."""
        now = self.clock()
        if self.state == RUNNING:
            live = now - self._since
            self._phase_done += live
            self._active_done += live
        self._since = now

    def _next(self, out: list[Event]) -> None:
        """Close the current phase (its time already banked) and open the next one."""
        ended = self.phase
        at = self._active_done
        if ended.check:
            self._emit(out, "check", ended, at)
        if self.index + 1 >= len(self.plan.phases):
            self.state = FINISHED
            self._phase_done = self.duration(ended)
            self._emit(out, "completed", ended, at)
            return
        self.index += 1
        self._phase_done = 0.0
        self._emit(out, "phase", self.phase, at)
