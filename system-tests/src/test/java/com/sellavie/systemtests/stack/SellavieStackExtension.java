package com.sellavie.systemtests.stack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the one {@link SellavieStack} of this test JVM to any test class that asks for it (as a
 * constructor, lifecycle or test method parameter). It lives in the root store, so it starts with
 * the first class that needs it and stops when the whole run ends. A stack that failed to start is
 * not tried again by every later class: they fail at once with the same cause. Every class finds every
 * service running: those an earlier class stopped are started again here, when a class asks.
 */
public final class SellavieStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SellavieStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SellavieStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(StartedStack.class, key -> StartedStack.start(), StartedStack.class)
                .running();
    }

    /** The stack, or why it could not start; closed with the root store. */
    private record StartedStack(SellavieStack started, RuntimeException failure) implements AutoCloseable {

        static StartedStack start() {
            try {
                return new StartedStack(SellavieStack.start(), null);
            } catch (RuntimeException e) {
                return new StartedStack(null, e);
            }
        }

        SellavieStack running() {
            if (failure != null) {
                throw new IllegalStateException("The Sellavie stack could not start: " + failure.getMessage(), failure);
            }
            started.startStopped();
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
