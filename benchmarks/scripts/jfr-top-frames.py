#!/usr/bin/env python3
"""Aggregates a JFR recording's execution samples: top self frames, and the share of samples whose stack
passes through each marker (inclusive time). Usage: jfr-top-frames.py <recording.jfr> [top N] [after HH:MM:SS]
[until HH:MM:SS] (after: only samples from then on, e.g. once the service is started, so start-up does not drown
the load; until: none after then, e.g. to profile one phase of the benchmark).
Needs the JDK's `jfr` on PATH (or JAVA_HOME set)."""
import collections, os, re, subprocess, sys

MARKERS = [
    ("Tomcat + Spring MVC (whole request)", "org.apache.catalina.connector.CoyoteAdapter.service"),
    ("Meta webhook controller", "com.sellavie.ingest.meta.MetaWebhookController.receive"),
    ("HMAC (Mac)", "javax.crypto.Mac."),
    ("JSON parsing (Jackson)", "tools.jackson.databind."),
    ("Avro encoding", "org.apache.avro."),
    ("JDBC (PostgreSQL driver)", "org.postgresql."),
    ("commit (driver)", "org.postgresql.jdbc.PgConnection.commit"),
    ("Hikari pool", "com.zaxxer.hikari."),
    ("Spring transactions", "org.springframework.transaction."),
    ("tenancy connection proxy", "com.sellavie.platform.tenancy.TenantScopedDataSource"),
    ("Micrometer", "io.micrometer."),
    ("logging (logback)", "ch.qos.logback."),
    ("Spring Security filters", "org.springframework.security."),
    ("outbox relay (Debezium)", "io.debezium."),
    ("Kafka client", "org.apache.kafka."),
    ("group commit writer", "com.sellavie.ingest.webhook.GroupCommit.write"),
    ("published from the request (routes in memory)", "com.sellavie.ingest.meta.MetaWebhookIngestion.ingestRoutedInMemory"),
    ("  of it: records built + Avro", "com.sellavie.platform.outbox.EventRecords.record"),
    ("  of it: send + acknowledgement wait", "com.sellavie.ingest.webhook.KafkaFirstWebhookEvents.send"),
    ("Kafka producer I/O thread", "org.apache.kafka.clients.producer.internals.Sender.run"),
]

def samples(path, after, until=None):
    jfr = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr") if os.environ.get("JAVA_HOME") else "jfr"
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    stack, keep = None, False
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            if stack and keep:
                yield stack
            stack, keep = [], after is None
        elif line.startswith("startTime = ") and after is not None:
            at = line.split()[2]
            keep = at >= after and (until is None or at <= until)
        elif stack is not None and re.match(r"^[\w$.<>/]+\(.*\)", line):
            stack.append(line.split("(")[0])
    if stack and keep:
        yield stack

def main():
    path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
    after = sys.argv[3] if len(sys.argv) > 3 else None
    until = sys.argv[4] if len(sys.argv) > 4 else None
    self_counts, inclusive, total = collections.Counter(), collections.Counter(), 0
    for stack in samples(path, after, until):
        total += 1
        self_counts[stack[0]] += 1
        for name, marker in MARKERS:
            if any(frame.startswith(marker) for frame in stack):
                inclusive[name] += 1
    print(f"{total} execution samples in {path}\n\n| top self frame | share |\n|---|---|")
    for frame, n in self_counts.most_common(top):
        print(f"| `{frame}` | {100 * n / total:.1f} % |")
    print("\n| stacks through | share (inclusive) |\n|---|---|")
    for name, _ in MARKERS:
        print(f"| {name} | {100 * inclusive[name] / max(total, 1):.1f} % |")

main()
