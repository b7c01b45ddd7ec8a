package com.sellavie.conversation.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The channels table. Row-level security scopes every query to the current business. */
@Repository
class ChannelRepository {

    private static final String COLUMNS = "id, business_id, type, external_id, name, access_token_hint, status, "
            + "created_at, page_id, waba_id, display_phone_number";

    private final JdbcTemplate jdbc;

    ChannelRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Channel channel, byte[] tokenCiphertext) {
        jdbc.update("INSERT INTO channels (id, business_id, type, external_id, name, access_token_ciphertext, "
                        + "access_token_hint, status, created_at, page_id, waba_id, display_phone_number, "
                        + "status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                channel.id(), channel.businessId(), channel.type(), channel.externalId(), channel.name(),
                tokenCiphertext, channel.tokenHint(), channel.status(), Timestamp.from(channel.createdAt()),
                channel.pageId(), channel.wabaId(), channel.displayPhoneNumber(), Timestamp.from(channel.createdAt()));
    }

    /** The business's sandbox channel, unless it exists already (two first messages at once: one row). */
    void insertSandboxIfAbsent(UUID businessId, Instant at) {
        jdbc.update("INSERT INTO channels (id, business_id, type, external_id, name, access_token_hint, status, "
                        + "created_at, status_changed_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?) "
                        + "ON CONFLICT (type, external_id) WHERE status <> 'DISCONNECTED' DO NOTHING",
                UUID.randomUUID(), businessId, Channel.SANDBOX, Channel.sandboxExternalId(businessId),
                "Try your assistant", Channel.CONNECTED, Timestamp.from(at), Timestamp.from(at));
    }

    /** The same row connected again (new token, Meta's current identifiers): its history continues. */
    void reconnect(Channel channel, byte[] tokenCiphertext, Instant at) {
        jdbc.update("UPDATE channels SET status = ?, name = ?, access_token_ciphertext = ?, access_token_hint = ?, "
                        + "page_id = ?, waba_id = ?, display_phone_number = ?, status_changed_at = ? "
                        + "WHERE business_id = ? AND id = ?",
                Channel.CONNECTED, channel.name(), tokenCiphertext, channel.tokenHint(), channel.pageId(),
                channel.wabaId(), channel.displayPhoneNumber(), Timestamp.from(at), channel.businessId(),
                channel.id());
    }

    /** DISCONNECTED with its token wiped; false when it already was. */
    boolean disconnect(UUID businessId, UUID id, Instant at) {
        return jdbc.update("UPDATE channels SET status = ?, access_token_ciphertext = NULL, access_token_hint = '…', "
                        + "status_changed_at = ? WHERE business_id = ? AND id = ? AND status <> ?",
                Channel.DISCONNECTED, Timestamp.from(at), businessId, id, Channel.DISCONNECTED) == 1;
    }

    /** CONNECTED becomes NEEDS_RECONNECT; false when it was not CONNECTED (already marked, or disconnected). */
    boolean markNeedsReconnect(UUID businessId, UUID id, Instant at) {
        return jdbc.update("UPDATE channels SET status = ?, status_changed_at = ? "
                        + "WHERE business_id = ? AND id = ? AND status = ?",
                Channel.NEEDS_RECONNECT, Timestamp.from(at), businessId, id, Channel.CONNECTED) == 1;
    }

    /**
     * Whether a live (not disconnected) row other than {@code except} holds this account, in any business
     * (run inside the {@code channel-by-external-id} global lookup).
     */
    boolean liveElsewhere(String type, String externalId, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM channels WHERE type = ? AND external_id = ? AND status <> ? "
                        + "AND id IS DISTINCT FROM ?::uuid)",
                Boolean.class, type, externalId, Channel.DISCONNECTED, except));
    }

    List<Channel> findAll(UUID businessId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE business_id = ? ORDER BY created_at, id",
                ChannelRepository::channel, businessId);
    }

    Optional<Channel> find(UUID businessId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE business_id = ? AND id = ?",
                ChannelRepository::channel, businessId, id).stream().findFirst();
    }

    /** The business's row for this account (its latest, should it have several). */
    Optional<Channel> findByExternalId(UUID businessId, String type, String externalId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE business_id = ? AND type = ? "
                        + "AND external_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
                ChannelRepository::channel, businessId, type, externalId).stream().findFirst();
    }

    /** The ciphertext, or null once the channel was disconnected. */
    byte[] tokenCiphertext(UUID businessId, UUID id) {
        return jdbc.queryForObject("SELECT access_token_ciphertext FROM channels WHERE business_id = ? AND id = ?",
                byte[].class, businessId, id);
    }

    private static Channel channel(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getString("type"), rs.getString("external_id"), rs.getString("name"),
                rs.getString("access_token_hint"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("page_id"), rs.getString("waba_id"),
                rs.getString("display_phone_number"));
    }
}
