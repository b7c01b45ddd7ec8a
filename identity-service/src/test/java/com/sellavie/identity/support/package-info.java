/** Test fixtures for identity: generated signing keys, the service over HTTP, its topic and its database. */
package com.sellavie.identity.support;
