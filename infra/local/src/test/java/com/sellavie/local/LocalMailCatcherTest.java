package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local mail catcher, fed over real SMTP as notification-service sends, read over HTTP as a developer would. */
class LocalMailCatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalMailCatcher catcher;

    @BeforeEach
    void start() throws Exception {
        catcher = LocalMailCatcher.start(freePort(), freePort());
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void listsEachMailboxsMessagesWithSubjectAndBothBodies() throws Exception {
        send("ada@example.com", "Confirm your email address", "Open http://localhost:8080/verify-email?token=t1",
                "<p>Open <a href=\"http://localhost:8080/verify-email?token=t1\">this</a></p>");
        send("bola@example.com", "Join Linen & Co", "Accept: http://localhost:8080/invite?token=t2", "<p>Accept</p>");

        JsonNode all = get("/api/mailboxes");
        assertThat(all.get("mailboxes")).hasSize(2);
        JsonNode ada = get("/api/mailboxes/" + URLEncoder.encode("ada@example.com", StandardCharsets.UTF_8));
        assertThat(ada.get("mailboxes")).hasSize(1);
        JsonNode message = ada.get("mailboxes").get(0).get("messages").get(0);
        assertThat(ada.get("mailboxes").get(0).get("address").asText()).isEqualTo("ada@example.com");
        assertThat(message.get("subject").asText()).isEqualTo("Confirm your email address");
        assertThat(message.get("text").asText()).contains("verify-email?token=t1");
        assertThat(message.get("html").asText()).contains("<a href=\"http://localhost:8080/verify-email?token=t1\">");
        assertThat(message.get("from").asText()).isEqualTo("no-reply@sellavie.local");
    }

    @Test
    void thePageShowsTheMessagesEscaped() throws Exception {
        send("ada@example.com", "Join <Linen & Co>", "text body", "<b>html body</b>");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(catcher.webUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Join &lt;Linen &amp; Co&gt;").contains("ada@example.com")
                .contains("text body").doesNotContain("<b>html body</b>");
    }

    @Test
    void anEmptyCatcherAnswersAnEmptyList() throws Exception {
        assertThat(get("/api/mailboxes").get("mailboxes")).isEmpty();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(catcher.webUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@sellavie.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        Transport.send(message);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
