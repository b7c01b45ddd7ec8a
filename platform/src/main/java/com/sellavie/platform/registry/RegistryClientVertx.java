package com.sellavie.platform.registry;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/**
 * The one Vert.x instance a service's schema-registry clients run on (Apicurio's client is built on
 * Vert.x): the consumers' deserializers and the outbox's serializer share it. One event loop is
 * enough: the registry is asked only for schema ids not cached yet, and every caller waits for its
 * answer on its own thread with bounded timeouts ({@code RegistryClients}). Vert.x's defaults (two
 * event loops per core, a blocked-thread checker per instance) made four to eight threads per
 * service that sat idle once the ids were cached.
 *
 * <p>Owned by the application context: closed after the listener containers (their deserializers)
 * and the outbox have stopped, instead of a JVM-wide instance outliving the context.
 */
public final class RegistryClientVertx implements DisposableBean {

    private static final int EVENT_LOOPS = 1;
    private static final int BLOCKING_THREADS = 2;

    private final Vertx vertx = Vertx.vertx(new VertxOptions()
            .setEventLoopPoolSize(EVENT_LOOPS)
            .setWorkerPoolSize(BLOCKING_THREADS)
            .setInternalBlockingPoolSize(BLOCKING_THREADS));

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void destroy() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
