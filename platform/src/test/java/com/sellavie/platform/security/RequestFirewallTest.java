package com.sellavie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class RequestFirewallTest {

    // StrictHttpFirewall's own patterns (Spring Security 7.0), which RequestFirewall's predicates replace.
    private static final Pattern SPRING_HEADER_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsSpringSecuritysPatternsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            // Lone surrogates (U+D800-U+DFFF) included: a header can carry one.
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(RequestFirewall.HEADER_NAME.test(text)).as("name U+%04X", codePoint)
                    .isEqualTo(SPRING_HEADER_NAME.matcher(text).matches());
            assertThat(RequestFirewall.HEADER_VALUE.test(text)).as("value U+%04X", codePoint)
                    .isEqualTo(SPRING_HEADER_VALUE.matcher(text).matches());
        }
    }

    @Test
    void mixedStringsAreJudgedAsSpringSecuritysPatternsJudgeThem() {
        SplittableRandom random = new SplittableRandom(61);
        char[] alphabet = {'a', 'Z', '0', ' ', '\t', '\n', '\u0000', '\u007f', '\u0085', '\u00e9', '\u0378', '\ud83d',
            '\ude00', '\ud800', '\ufffe', '\uffff', '\u200b', '|'};
        for (int i = 0; i < 200_000; i++) {
            char[] text = new char[random.nextInt(0, 8)];
            for (int j = 0; j < text.length; j++) {
                text[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(RequestFirewall.HEADER_NAME.test(s)).as("name %s", s.chars().boxed().toList())
                    .isEqualTo(SPRING_HEADER_NAME.matcher(s).matches());
            assertThat(RequestFirewall.HEADER_VALUE.test(s)).as("value %s", s.chars().boxed().toList())
                    .isEqualTo(SPRING_HEADER_VALUE.matcher(s).matches());
        }
    }

    @Test
    void theFirewallRefusesAHeaderWithAControlCharacterWhenItIsRead() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/meta");
        request.addHeader("X-Hub-Signature-256", "sha256=ab\u0085cd");
        request.addHeader("X-Tabbed", "a\tb");

        var firewalled = RequestFirewall.strict().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Tabbed")).isEqualTo("a\tb");
        assertThatThrownBy(() -> firewalled.getHeader("X-Hub-Signature-256")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> firewalled.getHeaders("X-Hub-Signature-256").nextElement())
                .isInstanceOf(RequestRejectedException.class);
    }
}
