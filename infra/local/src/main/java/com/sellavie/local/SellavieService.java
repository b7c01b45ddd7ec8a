package com.sellavie.local;

import java.util.ArrayList;
import java.util.List;

/** A service of the stack: its module (and jar), its port and the database it owns (null: none). */
record SellavieService(String name, String module, int port, String database) {

    static final SellavieService IDENTITY = new SellavieService("identity", "identity-service", 8081, "sellavie_identity");
    static final SellavieService GATEWAY = new SellavieService("gateway", "gateway", 8080, null);

    /** The services behind the gateway other than identity (whose JWKS the rest fetch on their first token). */
    static final List<SellavieService> BEHIND_IDENTITY = List.of(
            new SellavieService("ingest", "webhook-ingest-service", 8082, "sellavie_ingest"),
            new SellavieService("conversation", "conversation-service", 8083, "sellavie_conversation"),
            new SellavieService("ai", "ai-service", 8084, "sellavie_ai"),
            new SellavieService("commerce", "commerce-service", 8085, "sellavie_commerce"),
            new SellavieService("notification", "notification-service", 8086, "sellavie_notification"));

    static List<SellavieService> all() {
        List<SellavieService> all = new ArrayList<>();
        all.add(IDENTITY);
        all.addAll(BEHIND_IDENTITY);
        all.add(GATEWAY);
        return all;
    }

    /** The gateway's /actuator is not public: it answers on its loopback management port. */
    static final int GATEWAY_MANAGEMENT_PORT = 8089;

    String readinessUrl() {
        return healthUrl() + "/readiness";
    }

    /** Every health component (database, Kafka, the relay's role and leader) with details. */
    String healthUrl() {
        int managementPort = this.equals(GATEWAY) ? GATEWAY_MANAGEMENT_PORT : port;
        return "http://localhost:" + managementPort + "/actuator/health";
    }
}
