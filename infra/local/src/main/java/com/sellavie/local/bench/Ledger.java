package com.sellavie.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every DM of the run while it runs: fired DMs by their customer (each DM has its own), the webhook answers,
 * and the sends the stub reports, matched to their DM by recipient. Sends to anyone else are counted apart.
 */
final class Ledger implements BenchStack.SendListener {

    /** One DM's live record; written by the pacer, the HTTP client and the stub's threads. */
    static final class Entry {
        final int index;
        final int phase;
        final boolean measured;
        final String channelType;
        final String customer;
        final long dueNanos;
        final long dueMillis;
        volatile long ackNanos = -1;
        volatile int ackStatus = -1;
        final Queue<long[]> sends = new ConcurrentLinkedQueue<>();

        Entry(int index, int phase, boolean measured, String channelType, String customer, long dueNanos,
                long dueMillis) {
            this.index = index;
            this.phase = phase;
            this.measured = measured;
            this.channelType = channelType;
            this.customer = customer;
            this.dueNanos = dueNanos;
            this.dueMillis = dueMillis;
        }
    }

    private final Map<String, Entry> byCustomer = new ConcurrentHashMap<>();
    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicLong strays = new AtomicLong();

    /** Records a DM about to be posted; its customer id must be unique in the run. */
    Entry fired(int index, int phase, boolean measured, String channelType, String customer, long dueNanos,
            long dueMillis) {
        Entry entry = new Entry(index, phase, measured, channelType, customer, dueNanos, dueMillis);
        if (byCustomer.putIfAbsent(recipientKey(customer), entry) != null) {
            throw new IllegalArgumentException("customer " + customer + " already has a DM in this run");
        }
        entries.add(entry);
        return entry;
    }

    void answered(Entry entry, int status, long atNanos) {
        entry.ackStatus = status;
        entry.ackNanos = atNanos;
    }

    @Override
    public void accepted(String channelType, String recipient, long receivedAtNanos, long receivedAtMillis) {
        Entry entry = byCustomer.get(recipientKey(recipient));
        if (entry == null) {
            strays.incrementAndGet();
            return;
        }
        entry.sends.add(new long[] {receivedAtNanos, receivedAtMillis});
    }

    /** WhatsApp's {@code to} may carry a {@code +} or spaces: the digits identify the customer. */
    static String recipientKey(String recipient) {
        String digits = recipient.replaceAll("\\D", "");
        return digits.isEmpty() ? recipient : digits;
    }

    /** Whether every DM of these phases had a send (or {@code phases} is empty: of the whole run). */
    boolean allReplied(Set<Integer> phases) {
        return entries.stream().filter(e -> phases.isEmpty() || phases.contains(e.phase))
                .allMatch(e -> !e.sends.isEmpty());
    }

    /** Sends to recipients that were no DM's customer (the stack answering something else). */
    long strays() {
        return strays.get();
    }

    /** A snapshot of every DM, in firing order. */
    List<Outcome> outcomes() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Entry e : entries) {
            List<long[]> sends = new ArrayList<>(e.sends);
            sends.sort((a, b) -> Long.compare(a[0], b[0]));
            outcomes.add(new Outcome(e.index, e.phase, e.measured, e.channelType, e.customer, e.dueNanos, e.dueMillis,
                    e.ackNanos, e.ackStatus, sends.stream().map(s -> s[0]).toList(),
                    sends.isEmpty() ? -1 : sends.getFirst()[1]));
        }
        outcomes.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return outcomes;
    }
}
