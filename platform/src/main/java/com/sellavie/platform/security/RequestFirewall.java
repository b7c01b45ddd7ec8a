package com.sellavie.platform.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its own header rules checked without a regular expression.
 *
 * <p>The firewall checks every header name and value a request's code reads against
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (values: tab allowed too). Those two patterns were ~3 % of a
 * webhook's CPU in ingest's profile (docs/benchmarks.md, "Ingest throughput", stop 61). The predicates here accept
 * exactly the same strings ({@code RequestFirewallTest} compares them with the patterns over every code point),
 * ASCII first, a code point at a time beyond it. Everything else is the strict firewall's default.
 */
public final class RequestFirewall {

    /** A header name the strict firewall accepts: assigned code points, none of them a control character. */
    static final Predicate<String> HEADER_NAME = name -> assignedAndNotControl(name, false);

    /** A header value the strict firewall accepts: as a name, and the tab besides. */
    static final Predicate<String> HEADER_VALUE = value -> assignedAndNotControl(value, true);

    private RequestFirewall() {
    }

    /** The strict firewall, its header checks {@link #HEADER_NAME} and {@link #HEADER_VALUE}. */
    public static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HEADER_NAME);
        firewall.setAllowedHeaderValues(HEADER_VALUE);
        return firewall;
    }

    private static boolean assignedAndNotControl(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                // ASCII: every character is assigned; the controls are 0x00-0x1F and 0x7F.
                if ((c < 0x20 && !(tab && c == '\t')) || c == 0x7F) {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
