"""coach: an offline, privacy-first self-help coach for the terminal."""

__version__ = "0.1.0"
