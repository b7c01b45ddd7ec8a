package com.sellavie.platform.tenancy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Makes a record's {@code businessId} header the tenant while its listener runs (and so while the
 * listener's transaction runs), and clears it after the record, whatever happened. A record without
 * the header has no tenant; one with a malformed header fails (and goes to the dead-letter topic).
 */
public class TenantRecordInterceptor implements RecordInterceptor<Object, Object> {

    private static final ThreadLocal<TenantContext.Scope> SCOPE = new ThreadLocal<>();

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        closeScope();
        SCOPE.set(TenantContext.enter(businessIdOf(record)));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        closeScope();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        closeScope();
    }

    static UUID businessIdOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TenantHeaders.BUSINESS_ID);
        if (header == null || header.value() == null || header.value().length == 0) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has a malformed " + TenantHeaders.BUSINESS_ID + " header: '" + value + "'");
        }
    }

    private static void closeScope() {
        TenantContext.Scope scope = SCOPE.get();
        if (scope != null) {
            SCOPE.remove();
            scope.close();
        }
    }
}
