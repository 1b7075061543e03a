"""buurtbot: the platform-agnostic core (events, pipeline, planner, commands, store, server, CLI)."""

__version__ = "0.1.0"
