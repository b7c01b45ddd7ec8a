package com.sellavie.local;

/** The ports of the local infrastructure; {@link #standard()} are those of docs/architecture.md. */
record InfrastructurePorts(int postgres, int kafka, int kafkaController, int registry, int registryManagement,
        int sandbox, int sandboxPayments) {

    static InfrastructurePorts standard() {
        return new InfrastructurePorts(55432, 9092, 9093, 8090, 8091, 8079, 8078);
    }
}
