package com.sellavie.platform.kafka;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/**
 * The Vert.x instance the consumers' schema-registry clients run on, owned by the application
 * context: closed after the listener containers (and so their deserializers) have stopped, instead
 * of a JVM-wide instance outliving the context.
 */
class ConsumerSerdeVertx implements DisposableBean {

    private final Vertx vertx = Vertx.vertx();

    Vertx vertx() {
        return vertx;
    }

    @Override
    public void destroy() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
