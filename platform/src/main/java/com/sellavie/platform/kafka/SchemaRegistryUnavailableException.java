package com.sellavie.platform.kafka;

import com.sellavie.platform.failure.TransientFailure;

/** The registry could not be reached to resolve a record's schema: retry later, never dead-letter. */
public class SchemaRegistryUnavailableException extends RuntimeException implements TransientFailure {

    public SchemaRegistryUnavailableException(String message) {
        super(message);
    }
}
