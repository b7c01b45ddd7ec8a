package com.sellavie.ingest.unroutable;

import com.github.f4b6a3.uuid.UuidCreator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code unroutable_messages} table (tenant-less). Replays lock the rows they take
 * ({@code FOR UPDATE SKIP LOCKED}), so a channel connecting and an operator's replay never publish
 * one message twice.
 */
@Repository
public class UnroutableMessages {

    private static final String COLUMNS = "id, channel_type, recipient_id, display_phone_number, account_id, "
            + "external_message_id, message, received_at";
    private static final String FOR_CHANNEL = "SELECT " + COLUMNS + " FROM unroutable_messages WHERE channel_type = ?"
            // A null identifier compares as unknown, so it matches nothing.
            + " AND (recipient_id = ? OR display_phone_number = ? OR account_id = ?)"
            + " ORDER BY seq FOR UPDATE SKIP LOCKED";
    private static final String DELETE_BATCH = "DELETE FROM unroutable_messages WHERE id IN "
            + "(SELECT id FROM unroutable_messages WHERE received_at < ? LIMIT ?)";

    private final JdbcTemplate jdbc;

    UnroutableMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps one message; a message already kept (Meta retried the webhook) is kept once. Returns whether it was new. */
    public boolean keep(String channelType, String recipientId, String displayPhoneNumber, String accountId,
            String externalMessageId, String document, Instant receivedAt) {
        return jdbc.update("""
                INSERT INTO unroutable_messages (id, channel_type, recipient_id, display_phone_number, account_id,
                                                 external_message_id, message, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel_type, external_message_id) DO NOTHING""",
                UuidCreator.getTimeOrderedEpoch(), channelType, recipientId, displayPhoneNumber, accountId,
                externalMessageId, document, Timestamp.from(receivedAt)) == 1;
    }

    /** Kept messages a channel with these identifiers may route, oldest first, locked for the caller's transaction. */
    List<KeptMessage> lockForChannel(String channelType, String externalId, String displayPhoneNumber, String accountId) {
        return jdbc.query(FOR_CHANNEL, UnroutableMessages::row, channelType, externalId, displayPhoneNumber,
                accountId);
    }

    /** Every kept message, oldest first, locked for the caller's transaction (up to {@code limit}). */
    List<KeptMessage> lockAll(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM unroutable_messages ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED",
                UnroutableMessages::row, limit);
    }

    Optional<KeptMessage> lockOne(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM unroutable_messages WHERE id = ? FOR UPDATE SKIP LOCKED",
                UnroutableMessages::row, id).stream().findFirst();
    }

    List<KeptMessage> list(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM unroutable_messages ORDER BY seq LIMIT ?",
                UnroutableMessages::row, limit);
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM unroutable_messages", Long.class);
        return count == null ? 0 : count;
    }

    boolean exists(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM unroutable_messages WHERE id = ?)",
                Boolean.class, id));
    }

    void delete(UUID id) {
        jdbc.update("DELETE FROM unroutable_messages WHERE id = ?", id);
    }

    /** Deletes up to {@code batch} messages received before {@code cutoff}; returns how many. */
    int deleteReceivedBefore(Instant cutoff, int batch) {
        return jdbc.update(DELETE_BATCH, Timestamp.from(cutoff), batch);
    }

    private static KeptMessage row(ResultSet rs, int n) throws SQLException {
        return new KeptMessage(rs.getObject("id", UUID.class), rs.getString("channel_type"),
                rs.getString("recipient_id"), rs.getString("display_phone_number"), rs.getString("account_id"),
                rs.getString("external_message_id"), rs.getString("message"),
                rs.getTimestamp("received_at").toInstant());
    }
}
