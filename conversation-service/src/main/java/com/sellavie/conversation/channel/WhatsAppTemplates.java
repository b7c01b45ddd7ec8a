package com.sellavie.conversation.channel;

import com.sellavie.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A WhatsApp channel's approved message templates, read from its WABA
 * ({@code GET /{waba-id}/message_templates?status=APPROVED}) each time they are asked for (the team may
 * have had one approved a minute ago). Other channel types have none: an empty list, not an error,
 * so the console can ask for any channel. Meta is asked outside any transaction.
 */
@Service
class WhatsAppTemplates {

    /** {{1}} or a named {{first_name}}: the same placeholder twice is one parameter. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");
    /** One page of up to this many; a WABA with more shows the first ones (Meta's default page is 25). */
    private static final int PAGE_SIZE = 200;

    private final ChannelRepository channels;
    private final ChannelDirectory directory;
    private final GraphApiClient graph;
    private final ChannelService service;
    private final TransactionTemplate readOnly;

    WhatsAppTemplates(ChannelRepository channels, ChannelDirectory directory, GraphApiClient graph,
            ChannelService service, PlatformTransactionManager transactions) {
        this.channels = channels;
        this.directory = directory;
        this.graph = graph;
        this.service = service;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    List<MessageTemplate> approved(UUID channelId) {
        UUID businessId = TenantContext.requireBusinessId();
        Channel channel = readOnly.execute(status -> channels.find(businessId, channelId))
                .orElseThrow(() -> new ChannelNotFoundException(channelId));
        if (!"WHATSAPP".equals(channel.type())) {
            return List.of();
        }
        if (channel.disconnected()) {
            throw new ChannelDisconnectedException(channelId);
        }
        String token = readOnly.execute(status -> directory.accessToken(channel));
        JsonNode page;
        try {
            page = graph.get("/" + channel.wabaId() + "/message_templates?status=APPROVED"
                    + "&fields=name,language,category,status,components&limit=" + PAGE_SIZE, token);
        } catch (GraphApiClient.Refused refused) {
            if (refused.tokenInvalid()) {
                service.markNeedsReconnect(channel, refused.getMessage());
            }
            throw new ChannelProofRefusedException(refused.tokenInvalid() ? ChannelProofRefusedException.TOKEN_INVALID
                    : ChannelProofRefusedException.NO_ACCESS, "Meta refused to list the templates: "
                    + refused.getMessage(), "Meta refused the channel's token");
        }
        List<MessageTemplate> templates = new ArrayList<>();
        for (JsonNode template : page.path("data")) {
            if ("APPROVED".equals(template.path("status").asString(""))) {
                String body = body(template);
                templates.add(new MessageTemplate(template.path("name").asString(""),
                        template.path("language").asString(""), template.path("category").asString(""), "APPROVED",
                        body, parameterCount(body)));
            }
        }
        return templates;
    }

    private static String body(JsonNode template) {
        for (JsonNode component : template.path("components")) {
            if ("BODY".equals(component.path("type").asString(""))) {
                return component.path("text").asString("");
            }
        }
        return "";
    }

    static int parameterCount(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names.size();
    }
}
