package com.sellavie.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build gate: FULL_TRANSITIVE between every released version and the current contracts. */
class CompatibilityGateTest {

    private static final SchemaHistory HISTORY = new SchemaHistory(SchemaHistory.MODULE_DIR);

    @Test
    void everyContractIsReleasedAndCompatibleWithItsWholeHistory() {
        List<Schema> currents = Topics.eventTypes().stream().map(t -> SpecificData.get().getSchema(t)).toList();

        assertThat(CompatibilityGate.verify(currents, HISTORY)).isEmpty();
    }

    @Test
    void historyKeepsOlderVersions() {
        assertThat(HISTORY.versionsOf("InboundMessageReceived")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anEventWithoutHistoryFailsTheGate(@TempDir Path emptyHistory) {
        List<String> problems = CompatibilityGate.verify(List.of(MessageRecorded.getClassSchema()),
                new SchemaHistory(emptyHistory));

        assertThat(problems).singleElement().asString().contains("MessageRecorded has no history folder");
    }

    @Test
    void aChangeNotYetSnapshottedFailsTheGate(@TempDir Path history) throws IOException {
        Schema current = InboundMessageReceived.getClassSchema();
        copyVersion(current.getName(), 1, history);

        List<String> problems = CompatibilityGate.verify(List.of(current), new SchemaHistory(history));

        assertThat(problems).singleElement().asString().contains("InboundMessageReceived changed since v1");
    }

    @Test
    void snapshottingRecordsTheNextVersionOnlyWhenTheSchemaChanged(@TempDir Path history) throws IOException {
        Schema current = InboundMessageReceived.getClassSchema();
        copyVersion(current.getName(), 1, history);
        SchemaHistory snapshots = new SchemaHistory(history);

        assertThat(snapshots.snapshot(current)).contains(history.resolve("InboundMessageReceived/v2.avsc"));
        assertThat(snapshots.snapshot(current)).isEmpty();
        assertThat(CompatibilityGate.verify(List.of(current), snapshots)).isEmpty();
    }

    private static void copyVersion(String record, int version, Path history) throws IOException {
        Path target = history.resolve(record).resolve("v" + version + ".avsc");
        Files.createDirectories(target.getParent());
        Files.copy(SchemaHistory.MODULE_DIR.resolve(record).resolve("v" + version + ".avsc"), target);
    }
}
