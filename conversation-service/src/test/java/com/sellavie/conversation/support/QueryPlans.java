package com.sellavie.conversation.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading an {@code EXPLAIN (ANALYZE, BUFFERS)} plan: what a statement costs as the tables grow. */
public final class QueryPlans {

    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

    private QueryPlans() {
    }

    /** The pages the whole statement touched (its top node's shared buffers, hit or read). */
    public static int pagesRead(String plan) {
        Matcher buffers = BUFFERS.matcher(plan);
        if (!buffers.find()) {
            throw new AssertionError("No shared buffers in the plan (EXPLAIN without ANALYZE, BUFFERS?):\n" + plan);
        }
        int read = buffers.group(2) == null ? 0 : Integer.parseInt(buffers.group(2));
        return Integer.parseInt(buffers.group(1)) + read;
    }
}
