package com.sellavie.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param consoleOrigin the one origin (scheme://host[:port]) allowed to call the API cross-origin;
 *     empty: none (the console is served by the gateway itself, same origin)
 */
@ConfigurationProperties("sellavie.gateway.cors")
record CorsProperties(@DefaultValue("") String consoleOrigin) {
}
