package com.sellavie.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ApiExceptionBuilder;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.MissingTenantException;
import com.sellavie.platform.test.RefusingPort;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;

class FailureClassifierTest {

    @Test
    void timeoutsAreTransient() {
        assertTransient(new SocketTimeoutException("read timed out"));
        assertTransient(new TimeoutException("future"));
        assertTransient(new HttpTimeoutException("request timed out"));
        assertTransient(new org.apache.kafka.common.errors.TimeoutException("metadata"));
        assertTransient(new QueryTimeoutException("statement timeout"));
    }

    @Test
    void unreachableHostsAreTransient() {
        assertTransient(new ConnectException("Connection refused"));
        assertTransient(new NoRouteToHostException("no route"));
        assertTransient(new UnknownHostException("registry"));
        assertTransient(new RuntimeException("cache load failed", new HttpClosedException("Connection was closed")));
    }

    @Test
    void lockAndConnectionFailuresOfTheDatabaseAreTransient() {
        assertTransient(new CannotAcquireLockException("lock"));
        assertTransient(new PessimisticLockingFailureException("deadlock"));
        assertTransient(new CannotGetJdbcConnectionException("pool exhausted"));
        assertTransient(new CannotCreateTransactionException("no connection"));
        assertTransient(new SQLTransientConnectionException("pool"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03", "53300"})
    void transientSqlStatesAreTransientEvenUntranslated(String state) {
        SQLException sql = new SQLException("boom", state);
        assertTransient(new IllegalStateException("wrapped", sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "22001", "42P01", "XX000"})
    void otherSqlStatesArePermanent(String state) {
        assertPermanent(new SQLException("boom", state));
    }

    @Test
    void kafkaRetriableErrorsAreTransientOthersPermanent() {
        assertTransient(new NotLeaderOrFollowerException("moving"));
        assertPermanent(new RecordTooLargeException("too large"));
    }

    @Test
    void httpAnswersOfAnOverloadedOrFailingServerAreTransient() {
        assertTransient(apiException(503));
        assertTransient(apiException(429));
        assertPermanent(apiException(404));
        assertPermanent(apiException(409));
        assertTransient(HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "bad gateway", null, null, null));
        assertTransient(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "slow down", null, null, null));
        assertPermanent(HttpClientErrorException.create(HttpStatus.BAD_REQUEST, "bad", null, null, null));
    }

    @Test
    void theMarkerMakesAnyFailureTransient() {
        class ProviderUnavailable extends RuntimeException implements TransientFailure {
        }
        assertTransient(new ProviderUnavailable());
        assertTransient(new TransientFailureException("try later"));
    }

    @Test
    void validationConstraintsAndBrokenRecordsArePermanent() {
        assertPermanent(new IllegalArgumentException("bad input"));
        assertPermanent(new IllegalStateException("bad state"));
        assertPermanent(new DuplicateKeyException("unique key", new SQLException("duplicate", "23505")));
        assertPermanent(new DataIntegrityViolationException("not null"));
        assertPermanent(new MissingTenantException("no tenant"));
        assertPermanent(new InvalidTenantHeaderException("malformed"));
        assertPermanent(new DeserializationException("failed to deserialize", new byte[0], false,
                new IllegalArgumentException("magic byte")));
    }

    @Test
    void theCauseChainDecidesThroughWrappers() {
        Exception listenerFailure = new ListenerExecutionFailedException("listener failed",
                new CompletionException(new CannotAcquireLockException("lock", new SQLException("x", "55P03"))));
        assertTransient(listenerFailure);
        assertTransient(new DeserializationException("failed to deserialize", new byte[0], false,
                new IllegalStateException("registry", new ConnectException("refused"))));
        assertPermanent(new ListenerExecutionFailedException("listener failed", new IllegalStateException("no")));
    }

    @Test
    void aDatabaseRestartUnderATransactionIsTransient() {
        // Seen in the chaos suite's PostgreSQL restart: the statement fails on the server's shutdown,
        // then the rollback on the pool's closed connection; Spring reports the rollback.
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("terminating connection",
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertTransient(rollbackFailed);
        assertTransient(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));

        TransactionSystemException commitRefused = new TransactionSystemException("JDBC commit failed",
                new SQLException("duplicate key value", "23505"));
        commitRefused.initApplicationException(new IllegalStateException("bad"));
        assertPermanent(commitRefused);
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertPermanent(a);
    }

    @Test
    void registryUnreachableWhileDecodingIsTransient() {
        try (RefusingPort nothingListens = RefusingPort.open();
                AvroKafkaDeserializer<Object> deserializer =
                        RegistryClients.deserializer(EventSerdeConfig.deserializer("http://" + nothingListens.address()))) {
            // Confluent framing: magic byte 0, then a schema id this consumer never saw.
            byte[] unknownId = {0, 0, 0, 0x7f, 0x11, 2, 'x'};

            Throwable failure = catchThrowable(() -> deserializer.deserialize("ingest.inbound-messages", unknownId));

            assertThat(failure).isNotNull();
            assertTransient(failure);
        }
    }

    @Test
    void registryResettingConnectionsWhileDecodingIsTransient() {
        try (TcpProxy registry = TcpProxy.to("127.0.0.1", URI.create(TestSchemaRegistry.baseUrl()).getPort());
                AvroKafkaDeserializer<Object> deserializer =
                        RegistryClients.deserializer(EventSerdeConfig.deserializer("http://" + registry.address()))) {
            registry.cut();
            byte[] unknownId = {0, 0, 0, 0x7f, 0x12, 2, 'x'};

            Throwable failure = catchThrowable(() -> deserializer.deserialize("ingest.inbound-messages", unknownId));

            assertThat(failure).isNotNull();
            assertTransient(failure);
        }
    }

    private static ApiException apiException(int status) {
        return new ApiExceptionBuilder().withMessage("registry answered " + status).withResponseStatusCode(status)
                .build();
    }

    private static void assertTransient(Throwable failure) {
        assertThat(FailureClassifier.classify(failure)).as("%s", failure).isEqualTo(FailureKind.TRANSIENT);
    }

    private static void assertPermanent(Throwable failure) {
        assertThat(FailureClassifier.classify(failure)).as("%s", failure).isEqualTo(FailureKind.PERMANENT);
    }
}
