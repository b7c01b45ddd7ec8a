package com.sellavie.conversation.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param graphUrl Meta's Graph API base URL with its pinned version (env {@code SELLAVIE_META_GRAPH_URL},
 *                 default {@code https://graph.facebook.com/v23.0})
 */
@ConfigurationProperties("sellavie.meta")
record MetaProperties(String graphUrl) {

    MetaProperties {
        graphUrl = graphUrl == null || graphUrl.isBlank() ? "https://graph.facebook.com/v23.0" : graphUrl.strip();
        while (graphUrl.endsWith("/")) {
            graphUrl = graphUrl.substring(0, graphUrl.length() - 1);
        }
    }
}
