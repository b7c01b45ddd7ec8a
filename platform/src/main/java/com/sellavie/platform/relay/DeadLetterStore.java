package com.sellavie.platform.relay;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Writes dead letters to relay_dead_letters on a short-lived connection of the relay's own (they are rare). */
class DeadLetterStore {

    private static final String INSERT = """
            INSERT INTO relay_dead_letters (event_id, topic, key, headers, payload, reason)
            VALUES (?, ?, ?, jsonb_object(?, ?), ?, ?)
            ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING""";

    private final RelayDatabase db;

    DeadLetterStore(RelayDatabase db) {
        this.db = db;
    }

    /** Stores them all in one transaction; throws (so the batch is not marked and comes again) if it cannot. */
    void storeAll(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        try (Connection connection = db.open("sellavie-relay dead-letters")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (DeadLetter letter : letters) {
                    insert.setObject(1, letter.eventId());
                    insert.setString(2, letter.topic());
                    insert.setString(3, letter.key());
                    Map<String, String> headers = letter.headers();
                    Array names = connection.createArrayOf("text", headers.keySet().toArray());
                    Array values = connection.createArrayOf("text", headers.values().toArray());
                    insert.setArray(4, names);
                    insert.setArray(5, values);
                    insert.setBytes(6, letter.payload());
                    insert.setString(7, letter.reason());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new RelayException("Could not store " + letters.size() + " relay dead letter(s); the batch will be retried", e);
        }
    }
}
