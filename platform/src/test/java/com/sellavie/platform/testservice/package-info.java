/**
 * The smallest service that consumes events and serves a tenant's API, on the platform's
 * auto-configuration: the test bed of the inbox, Kafka, tenancy and observability tests.
 */
package com.sellavie.platform.testservice;
