package io.debezium.connector.postgresql;

import io.debezium.config.CommonConnectorConfig;
import io.debezium.connector.AbstractSourceInfo;
import io.debezium.connector.SnapshotRecord;
import java.time.Instant;
import org.apache.kafka.connect.data.Struct;

/**
 * The relay's {@code sourceinfo.struct.maker} (Debezium's own extension point): the same {@code source} struct as
 * {@link PostgresSourceInfoStructMaker}, field for field, but without the optional {@code sequence}.
 * {@link SourceInfo#sequence()} renders two LSNs through a Jackson {@code ObjectMapper} for every change, ~1 % of a
 * relaying service's CPU under the DM load, and nothing reads it: the Outbox Event Router drops the whole struct,
 * and the relay's checkpoint comes from the source offset (docs/benchmarks.md, "Where a DM's cost goes", stop 69).
 * It lives in Debezium's package for {@link SourceInfo}'s package-private accessors; it replaces no Debezium class.
 */
public class RelaySourceInfoStructMaker extends PostgresSourceInfoStructMaker {

    private String connector;
    private String version;
    private String serverName;

    @Override
    public void init(String connector, String version, CommonConnectorConfig connectorConfig) {
        super.init(connector, version, connectorConfig);
        this.connector = connector;
        this.version = version;
        this.serverName = connectorConfig.getLogicalName();
    }

    @Override
    public Struct struct(SourceInfo sourceInfo) {
        Struct result = common(sourceInfo);
        result.put(SourceInfo.SCHEMA_NAME_KEY, sourceInfo.schemaName());
        result.put(SourceInfo.TABLE_NAME_KEY, sourceInfo.tableName());
        if (sourceInfo.snapshot() != SnapshotRecord.INCREMENTAL) {
            if (sourceInfo.txId() != null) {
                result.put(SourceInfo.TXID_KEY, sourceInfo.txId());
            }
            if (sourceInfo.lsn() != null) {
                result.put(SourceInfo.LSN_KEY, sourceInfo.lsn().asLong());
            }
            if (sourceInfo.xmin() != null) {
                result.put(SourceInfo.XMIN_KEY, sourceInfo.xmin());
            }
        }
        if (sourceInfo.originName() != null) {
            result.put(SourceInfo.ORIGIN_KEY, sourceInfo.originName());
        }
        if (sourceInfo.originLsn() != null) {
            result.put(SourceInfo.ORIGIN_LSN_KEY, sourceInfo.originLsn().asLong());
        }
        return result;
    }

    /**
     * {@code AbstractSourceInfoStructMaker.commonStruct} without {@link SourceInfo#sequence()}; the stock
     * {@code struct} calls that one non-virtually ({@code super.commonStruct}), hence the whole of {@code struct} above.
     */
    private Struct common(SourceInfo sourceInfo) {
        Instant timestamp = sourceInfo.timestamp() == null ? Instant.now() : sourceInfo.timestamp();
        Struct result = new Struct(schema())
                .put(AbstractSourceInfo.DEBEZIUM_VERSION_KEY, version)
                .put(AbstractSourceInfo.DEBEZIUM_CONNECTOR_KEY, connector)
                .put(AbstractSourceInfo.SERVER_NAME_KEY, serverName)
                .put(AbstractSourceInfo.TIMESTAMP_KEY, timestamp.toEpochMilli())
                .put(AbstractSourceInfo.DATABASE_NAME_KEY, sourceInfo.database() == null ? "" : sourceInfo.database())
                .put(AbstractSourceInfo.TIMESTAMP_US_KEY, timestamp.getEpochSecond() * 1_000_000 + timestamp.getNano() / 1_000)
                .put(AbstractSourceInfo.TIMESTAMP_NS_KEY, timestamp.getEpochSecond() * 1_000_000_000L + timestamp.getNano());
        SnapshotRecord snapshot = sourceInfo.snapshot();
        if (snapshot != null) {
            snapshot.toSource(result);
        }
        return result;
    }
}
