"""Prometheus metrics of one process (a registry per app, so tests can run several)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.ingested = Counter(
            "buurtbot_events_ingested", "Events written to the inbound stream", registry=r
        )
        self.ingest_failed = Counter(
            "buurtbot_events_ingest_failed",
            "Events refused because Redis was unavailable",
            registry=r,
        )
        self.processed = Counter(
            "buurtbot_events_processed", "Events processed by workers", registry=r
        )
        self.failed = Counter(
            "buurtbot_event_failures", "Failed attempts to process an event", registry=r
        )
        self.duplicates = Counter(
            "buurtbot_duplicates_skipped", "Redelivered events or actions skipped", registry=r
        )
        self.sent = Counter("buurtbot_actions_sent", "Actions carried out", ["kind"], registry=r)
        self.retries = Counter("buurtbot_action_retries", "Transient failures retried", registry=r)
        self.dead_lettered = Counter(
            "buurtbot_dead_lettered",
            "Entries moved to a dead-letter stream",
            ["stream"],
            registry=r,
        )
        self.stream_lag = Gauge(
            "buurtbot_stream_lag", "Entries not yet delivered to a consumer", ["stream"], registry=r
        )
        self.stream_pending = Gauge(
            "buurtbot_stream_pending",
            "Entries delivered but not yet acknowledged",
            ["stream"],
            registry=r,
        )
        self.dead_letters = Gauge(
            "buurtbot_dead_letters", "Entries in a dead-letter stream", ["stream"], registry=r
        )
        self.workers_running = Gauge(
            "buurtbot_workers_running", "1 when the workers run", registry=r
        )
