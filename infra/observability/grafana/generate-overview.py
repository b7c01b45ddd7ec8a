#!/usr/bin/env python3
"""Writes sellavie-overview.json (Grafana dashboard). Edit the panels here, run it, commit both files;
the Maven test checks the JSON (datasource, expressions, known metrics), not that it was regenerated."""
import json
import pathlib

DS = {"type": "prometheus", "uid": "${datasource}"}
R = "[$__rate_interval]"

# (title, unit, [(expr, legend)], description)
PANELS = [
    ("Row", "DMs and replies", None, None),
    ("DMs in", "reqps", [
        ('sum(rate(sellavie_ingest_meta_events_total{outcome="published",kind="message"}' + R + '))', "published"),
        ('sum(rate(sellavie_ingest_unroutable_kept_total' + R + '))', "unroutable (kept)")],
     "Customer messages Meta delivered and ingest published, and those kept as unroutable (no connected channel)."),
    ("Replies out by outcome", "reqps", [
        ('sum by (outcome) (rate(sellavie_outbound_sends_total' + R + '))', "{{outcome}}")],
     "Send API outcomes: sent, retried, failed, unknown (maybe sent), interrupted, expired, unrecorded."),
    ("DM -> reply latency", "s", [
        ('histogram_quantile(0.5, sum by (le) (rate(sellavie_conversation_reply_latency_seconds_bucket{outcome="sent"}' + R + ')))', "p50"),
        ('histogram_quantile(0.99, sum by (le) (rate(sellavie_conversation_reply_latency_seconds_bucket{outcome="sent"}' + R + ')))', "p99")],
     "From the customer's message (Meta's timestamp) to Meta accepting the assistant's reply."),
    ("Replies within 5 s", "percentunit", [
        ('sum(rate(sellavie_conversation_reply_latency_seconds_bucket{outcome="sent",le="5.0"}' + R + ')) / '
         'sum(rate(sellavie_conversation_reply_latency_seconds_count{outcome="sent"}' + R + '))', "within 5 s")],
     "Share of sent replies that reached the customer within 5 s of their message."),
    ("Meta webhooks by result", "reqps", [
        ('sum by (result) (rate(sellavie_ingest_meta_webhooks_total' + R + '))', "{{result}}")],
     "Meta's POSTs: accepted, unauthorized (signature), malformed, too_large."),
    ("Outbound messages due", "short", [
        ('sum by (instance) (sellavie_outbound_due)', "{{instance}}")],
     "PENDING messages due for a Send API attempt, as each scheduler last counted them."),
    ("Row", "Kafka and the outbox relay", None, None),
    ("Consumer lag (max per consumer)", "short", [
        ('max by (job, client_id) (kafka_consumer_fetch_manager_records_lag_max)', "{{job}} {{client_id}}")],
     "Records behind on the worst partition of each consumer (client_id = consumer-<group>-<n>)."),
    ("Listener records by outcome", "reqps", [
        ('sum by (group, outcome) (rate(sellavie_kafka_listener_records_total' + R + '))', "{{group}} {{outcome}}")],
     "Records handed to listeners: processed, failed (a retried failure counts again)."),
    ("Dead letters", "short", [
        ('sum by (job, topic) (increase(sellavie_kafka_listener_failures_total{outcome="dead_lettered"}[1h]))', "{{job}} {{topic}}"),
        ('sum by (job, slot) (increase(sellavie_relay_dead_letters_total[1h]))', "relay {{job}} {{slot}}")],
     "Records moved to a .dlt topic in the last hour, and outbox events the relay kept in relay_dead_letters."),
    ("Relay leaders and streaming", "short", [
        ('sum by (job, slot) (sellavie_relay_leader)', "leaders {{slot}}"),
        ('sum by (job, slot) (sellavie_relay_streaming)', "streaming {{slot}}")],
     "Per slot: exactly one leader, streaming. 0 leaders: nothing reaches Kafka."),
    ("Relay slot lag", "bytes", [
        ('max by (job, slot) (sellavie_relay_slot_lag_bytes)', "{{slot}}")],
     "WAL the replication slot retains beyond what the relay confirmed."),
    ("Relay events published", "reqps", [
        ('sum by (job, slot) (rate(sellavie_relay_published_total' + R + '))', "{{slot}}")],
     "Outbox events Kafka acknowledged, per slot."),
    ("Row", "AI, payments, HTTP", None, None),
    ("AI provider failovers", "reqps", [
        ('sum by (provider) (rate(sellavie_ai_provider_failovers_total' + R + '))', "from {{provider}}"),
        ('sum(rate(sellavie_ai_provider_exhausted_total' + R + '))', "all providers failed")],
     "A provider failed and the next one in the chain was tried; exhausted: every provider failed."),
    ("AI provider calls by outcome", "reqps", [
        ('sum by (provider, outcome) (rate(sellavie_ai_provider_calls_seconds_count' + R + '))', "{{provider}} {{outcome}}")],
     None),
    ("Payment reconciliation outcomes", "short", [
        ('sum by (outcome, provider) (increase(sellavie_commerce_payments_total[1h]))', "{{provider}} {{outcome}}")],
     "Payment notifications settled in the last hour: paid, payment_failed, refunded, discrepancy, duplicate, error, retried..."),
    ("HTTP 5xx share per service", "percentunit", [
        ('sum by (job) (rate(http_server_requests_seconds_count{status=~"5.."}' + R + ')) / '
         'sum by (job) (rate(http_server_requests_seconds_count' + R + '))', "{{job}}")],
     None),
]


def dashboard():
    panels, x, y, pid = [], 0, 0, 1
    for title, unit, targets, description in PANELS:
        if title == "Row":
            if x:
                x, y = 0, y + 8
            panels.append({"id": pid, "type": "row", "title": unit, "collapsed": False,
                           "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
            y += 1
        else:
            panel = {"id": pid, "type": "timeseries", "title": title, "datasource": DS,
                     "gridPos": {"h": 8, "w": 12, "x": x, "y": y},
                     "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
                     "options": {"legend": {"displayMode": "list", "placement": "bottom"}},
                     "targets": [{"refId": chr(ord("A") + i), "datasource": DS, "expr": expr, "legendFormat": legend}
                                 for i, (expr, legend) in enumerate(targets)]}
            if description:
                panel["description"] = description
            panels.append(panel)
            x = 12 - x
            if x == 0:
                y += 8
        pid += 1
    return {
        "uid": "sellavie-overview", "title": "Sellavie overview", "tags": ["sellavie"],
        "schemaVersion": 39, "version": 1, "editable": True, "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus",
                                 "label": "Prometheus"}]},
        "panels": panels,
    }


out = pathlib.Path(__file__).with_name("sellavie-overview.json")
out.write_text(json.dumps(dashboard(), indent=2) + "\n")
