/**
 * Real test infrastructure, started once per test JVM and shared: PostgreSQL, a KRaft Kafka broker
 * and an Apicurio schema registry. No mocks of the project's own components live here.
 */
package com.sellavie.platform.test;
