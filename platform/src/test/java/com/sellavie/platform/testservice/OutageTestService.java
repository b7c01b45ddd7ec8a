package com.sellavie.platform.testservice;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.test.SellavieTestInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A service started by a test itself, while some of its infrastructure is unreachable (the test
 * points it at a {@code TcpProxy} it cuts and restores). One listener, on its own topic and group,
 * so it never takes partitions from the shared {@link ConsumerTestService}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class OutageTestService {

    public static final String TOPIC = "test.outage";
    public static final String GROUP = "outage-it";

    public final List<String> handled = new CopyOnWriteArrayList<>();

    /**
     * Starts the service on the shared infrastructure, {@code overrides} replacing what the test
     * infrastructure would set (e.g. the registry URL or the Kafka bootstrap servers).
     */
    public static ConfigurableApplicationContext start(String name, Map<String, Object> overrides,
            String... properties) {
        return new SpringApplicationBuilder(OutageTestService.class)
                .initializers(new SellavieTestInfrastructure(), context -> context.getEnvironment()
                        .getPropertySources().addFirst(new MapPropertySource("outage-overrides", overrides)))
                .properties("spring.application.name=" + name, "server.port=0",
                        "spring.flyway.locations=classpath:db/consumer-test-service")
                .properties(properties)
                .run();
    }

    @KafkaListener(topics = TOPIC, groupId = GROUP)
    public void onEvent(InboundMessageReceived event) {
        handled.add(event.getText());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder() {
        return NimbusJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
    }
}
