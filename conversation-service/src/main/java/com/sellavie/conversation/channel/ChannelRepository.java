package com.sellavie.conversation.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The channels table. Row-level security scopes every query to the current business. */
@Repository
class ChannelRepository {

    private static final String COLUMNS =
            "id, business_id, type, external_id, name, access_token_hint, status, created_at";

    private final JdbcTemplate jdbc;

    ChannelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Channel channel, byte[] tokenCiphertext) {
        jdbc.update("INSERT INTO channels (id, business_id, type, external_id, name, access_token_ciphertext, "
                        + "access_token_hint, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                channel.id(), channel.businessId(), channel.type(), channel.externalId(), channel.name(),
                tokenCiphertext, channel.tokenHint(), channel.status(), Timestamp.from(channel.createdAt()));
    }

    /** Whether any business holds this account (run inside the {@code channel-by-external-id} global lookup). */
    boolean existsAnywhere(String type, String externalId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM channels WHERE type = ? AND external_id = ?)",
                Boolean.class, type, externalId));
    }

    List<Channel> findAll(UUID businessId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE business_id = ? ORDER BY created_at, id",
                ChannelRepository::channel, businessId);
    }

    Optional<Channel> find(UUID businessId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE business_id = ? AND id = ?",
                ChannelRepository::channel, businessId, id).stream().findFirst();
    }

    Optional<Channel> findByExternalId(UUID businessId, String type, String externalId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE business_id = ? AND type = ? "
                + "AND external_id = ?", ChannelRepository::channel, businessId, type, externalId).stream().findFirst();
    }

    byte[] tokenCiphertext(UUID businessId, UUID id) {
        return jdbc.queryForObject("SELECT access_token_ciphertext FROM channels WHERE business_id = ? AND id = ?",
                byte[].class, businessId, id);
    }

    private static Channel channel(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getString("type"), rs.getString("external_id"), rs.getString("name"),
                rs.getString("access_token_hint"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
    }
}
