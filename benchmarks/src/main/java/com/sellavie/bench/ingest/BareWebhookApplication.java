package com.sellavie.bench.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The yardstick of issue 12 item 2: the least a Spring MVC webhook endpoint can do (read the body, verify
 * Meta's HMAC, answer 200), on the same Boot, Tomcat and JVM flags as webhook-ingest-service. Ingest's
 * throughput is reported as a fraction of this one's, measured in the same run on the same machine.
 */
@SpringBootApplication
public class BareWebhookApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareWebhookApplication.class, args);
    }
}
