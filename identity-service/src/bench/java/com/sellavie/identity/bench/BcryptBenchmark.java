package com.sellavie.identity.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What one log-in's password check costs (one {@code matches}, as {@code LogIn} does for every
 * attempt, known address or not) and what sign-up's {@code encode} costs, per bcrypt cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BcryptBenchmark {

    private static final String PASSWORD = "linen-Shirts-2026";

    @Param({"10", "12", "13"})
    int cost;

    private BCryptPasswordEncoder encoder;
    private String hash;

    @Setup
    public void hash() {
        encoder = new BCryptPasswordEncoder(cost);
        hash = encoder.encode(PASSWORD);
    }

    @Benchmark
    public boolean logInCheck() {
        return encoder.matches(PASSWORD, hash);
    }

    @Benchmark
    public String signUpHash() {
        return encoder.encode(PASSWORD);
    }
}
