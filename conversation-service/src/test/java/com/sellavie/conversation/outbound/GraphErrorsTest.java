package com.sellavie.conversation.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class GraphErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "HTTP {0}, code {1}/{2} -> retryable {3}, {4}")
    @CsvSource({
            "400, 190, , false, CHANNEL_DISCONNECTED",
            "400, 551, , false, RECIPIENT_UNAVAILABLE",
            "400, 10, 2018278, false, OUTSIDE_MESSAGING_WINDOW",
            "400, 10, , false, PROVIDER_ERROR",
            "400, 131047, , false, OUTSIDE_MESSAGING_WINDOW",
            "400, 131026, , false, RECIPIENT_UNAVAILABLE",
            "400, 130429, , true, RATE_LIMITED",
            "400, 131056, , true, RATE_LIMITED",
            "400, 613, , true, RATE_LIMITED",
            "500, 131000, , true, PROVIDER_ERROR",
            "400, 131016, , true, PROVIDER_ERROR",
            "400, 100, , false, PROVIDER_ERROR"})
    void readsMetasErrorCodesTheSameWayForEveryChannel(int status, int code, Integer subcode, boolean retryable,
            String reason) {
        String body = "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"x\"}}";

        SendOutcome.Rejected rejected = GraphErrors.interpret(status, JSON.readTree(body));

        assertThat(rejected.retryable()).isEqualTo(retryable);
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.code()).isEqualTo(String.valueOf(code));
    }
}
