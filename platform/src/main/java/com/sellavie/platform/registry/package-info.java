/** What the service's schema-registry clients share. */
package com.sellavie.platform.registry;
