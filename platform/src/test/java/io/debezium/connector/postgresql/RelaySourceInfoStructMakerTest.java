package io.debezium.connector.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.config.Configuration;
import io.debezium.connector.AbstractSourceInfo;
import io.debezium.connector.postgresql.connection.Lsn;
import io.debezium.connector.postgresql.connection.ReplicationMessage.Operation;
import io.debezium.relational.TableId;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * The relay's source struct is Debezium's own for the same change, field for field, except the optional sequence
 * that Debezium renders with Jackson and nothing downstream reads.
 */
class RelaySourceInfoStructMakerTest {

    private final PostgresConnectorConfig config = new PostgresConnectorConfig(Configuration.from(Map.of(
            "topic.prefix", "sellavie_outbox_shop",
            "database.dbname", "shop",
            "plugin.name", "pgoutput")));

    @Test
    void aStreamedChangeGetsDebeziumsStructWithoutItsSequence() {
        SourceInfo change = new SourceInfo(config);
        change.updateLastCommit(Lsn.valueOf(23_456L));
        change.update(Lsn.valueOf(23_512L), Instant.parse("2026-12-08T03:00:01.123456Z"), 761L, null,
                new TableId(null, "public", "outbox"), Operation.INSERT);

        Struct stock = maker(new PostgresSourceInfoStructMaker()).struct(change);
        Struct relays = maker(new RelaySourceInfoStructMaker()).struct(change);

        assertThat(stock.getString(AbstractSourceInfo.SEQUENCE_KEY)).isEqualTo("[\"23456\",\"23512\"]");
        assertThat(relays.getString(AbstractSourceInfo.SEQUENCE_KEY)).isNull();
        assertThat(relays.schema()).isEqualTo(stock.schema());
        assertSameFieldsButTheSequence(relays, stock);
        assertThat(relays.getInt64(SourceInfo.LSN_KEY)).isEqualTo(23_512L);
        assertThat(relays.getInt64(SourceInfo.TXID_KEY)).isEqualTo(761L);
        assertThat(relays.getInt64(AbstractSourceInfo.TIMESTAMP_US_KEY)).isEqualTo(1_796_698_801_123_456L);
        assertThat(relays.getString(SourceInfo.TABLE_NAME_KEY)).isEqualTo("outbox");
    }

    @Test
    void aChangeWithoutCommitTimeOrTransactionMatchesToo() {
        SourceInfo change = new SourceInfo(config);
        change.update(Lsn.valueOf(99L), null, null, 5L, new TableId(null, "public", "outbox"), Operation.INSERT);
        change.update(Instant.parse("2026-12-08T03:00:02Z"), new TableId(null, "public", "outbox"));

        Struct stock = maker(new PostgresSourceInfoStructMaker()).struct(change);
        Struct relays = maker(new RelaySourceInfoStructMaker()).struct(change);

        assertSameFieldsButTheSequence(relays, stock);
        assertThat(relays.get(SourceInfo.TXID_KEY)).isNull();
        assertThat(relays.getInt64(SourceInfo.XMIN_KEY)).isEqualTo(5L);
    }

    private PostgresSourceInfoStructMaker maker(PostgresSourceInfoStructMaker maker) {
        maker.init("postgresql", "3.6.1.Final", config);
        return maker;
    }

    private static void assertSameFieldsButTheSequence(Struct relays, Struct stock) {
        for (Field field : stock.schema().fields()) {
            if (!field.name().equals(AbstractSourceInfo.SEQUENCE_KEY)) {
                assertThat(relays.get(field)).as(field.name()).isEqualTo(stock.get(field));
            }
        }
        relays.validate();
    }
}
