package com.sellavie.identity.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The CPU time (not wall time) of one log-in's password check per bcrypt cost: what a log-in costs
 * the machine, readable even on a shared, loaded host where JMH's wall-clock numbers are not.
 * Run: {@code java -cp <test classpath> com.sellavie.identity.bench.BcryptCpuTime}.
 */
public final class BcryptCpuTime {

    private static final String PASSWORD = "linen-Shirts-2026";

    private BcryptCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int cost : new int[] {10, 12, 13}) {
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(cost);
            String hash = encoder.encode(PASSWORD);
            for (int i = 0; i < 3; i++) {
                encoder.matches(PASSWORD, hash);
            }
            int checks = cost >= 13 ? 10 : 20;
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < checks; i++) {
                encoder.matches(PASSWORD, hash);
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            System.out.printf("cost %d: %.1f ms CPU per check, %.1f ms wall per check (%d checks)%n", cost,
                    cpu / 1e6 / checks, wall / 1e6 / checks, checks);
        }
    }
}
