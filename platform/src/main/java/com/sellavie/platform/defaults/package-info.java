/**
 * Platform defaults: the configuration every service starts from ({@code sellavie-platform-defaults.yml}),
 * below anything the service or its environment sets.
 */
package com.sellavie.platform.defaults;
