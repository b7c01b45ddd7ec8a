package com.sellavie.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the built console is.
 *
 * @param consoleDir the folder holding the build's {@code index.html} and {@code assets/} (env
 *     {@code SELLAVIE_CONSOLE_DIR}); blank: {@code web/dist}, then {@code ../web/dist}, relative to the
 *     working directory, so the gateway finds the console whether it runs from the repository root
 *     or from {@code gateway/}
 */
@ConfigurationProperties("sellavie.gateway")
record ConsoleProperties(String consoleDir) {
}
