package com.sellavie.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

/** The gateway's copy of Reactor Netty's {@code HttpTrafficHandler}: the one loaded, made from the version on the classpath. */
class ReactorNettyPatchesTest {

    /** The version the copy was made from; an upgrade fails here until the patch is dropped (fixed upstream) or re-applied. */
    private static final String PATCHED_VERSION = "1.3.6";

    @Test
    void theGatewaysCopyIsTheOneLoaded() {
        assertThat(ReactorNettyPatches.active()).isTrue();
    }

    @Test
    void theCopyIsOfTheReactorNettyVersionOnTheClasspath() throws IOException, URISyntaxException {
        // An unpatched class of the same package tells which jar, and so which Reactor Netty, is there.
        String version;
        try (JarFile jar = new JarFile(new File(HttpServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertThat(version)
                .as("the gateway's HttpTrafficHandler is a patched copy of Reactor Netty %s's (reactor/reactor-netty#4361):"
                        + " if the new version has the fix, delete the copy; else diff and re-apply the patch", PATCHED_VERSION)
                .isEqualTo(PATCHED_VERSION);
    }
}
