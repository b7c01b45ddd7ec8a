package com.sellavie.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole gateway as a client meets it: started on a random port with the test class's own properties (its
 * {@code @DynamicPropertySource}: upstream services, token keys, console), an HTTP client to call it and its
 * meters to see what it counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningGateway {

    /**
     * One client per test (JUnit makes an instance per test method), so no keep-alive connection outlives its test:
     * with one client shared by all the module's tests, `ApiDocsTest` once waited 10 minutes on a request the
     * gateway never read (the server dropping a keep-alive connection's next request, as reactor/reactor-netty#4361
     * describes; its fix is in a release after the 1.3.8 served here).
     */
    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MeterRegistry meters;

    /** A path of this gateway. */
    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
