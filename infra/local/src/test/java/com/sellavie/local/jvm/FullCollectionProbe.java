package com.sellavie.local.jvm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a JVM of its own by {@link HeapAfterFullCollectionTest}: fills the old generation, lets most of it die,
 * runs a full collection and writes how large the collector then left each generation into the file named by its
 * argument. The JVM's options are the test's subject, so this class only allocates and reports.
 */
public final class FullCollectionProbe {

    private static final int MB = 1 << 20;

    private FullCollectionProbe() {
    }

    public static void main(String[] args) throws IOException {
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            kept.add(new byte[MB]);
        }
        // a start's backlog: promoted, alive at one full collection, dead by the next
        System.gc();
        kept.subList(30, kept.size()).clear();
        System.gc();
        long youngCommitted = 0;
        long oldCommitted = 0;
        long oldUsed = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            if (pool.getName().equals("Tenured Gen")) {
                oldCommitted = pool.getUsage().getCommitted();
                oldUsed = pool.getUsage().getUsed();
            } else {
                youngCommitted += pool.getUsage().getCommitted();
            }
        }
        Files.writeString(Path.of(args[0]), "kept=%d old-used=%d old-committed=%d young-committed=%d%n"
                .formatted(kept.size(), oldUsed, oldCommitted, youngCommitted));
    }
}
