/**
 * {@code ./sellavie bench}: the load harness of the whole pipeline on the local stack (open-loop signed DMs
 * to many shops on three channels, latency from each DM's scheduled time to the Send API stub, lost and
 * duplicated replies, per-hop times from Kafka record timestamps, a markdown summary).
 */
package com.sellavie.local.bench;
