package com.sellavie.ai.provider.offline;

import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import java.util.Optional;
import java.util.regex.Pattern;

/** The business profile's texts, picked by what the customer asks about (opening hours, delivery, ...). */
final class ProfileAnswers {

    private static final Pattern HOURS = Pattern.compile("\\b(open|opening|hours|close|closing)\\b");
    private static final Pattern DELIVERY = Pattern.compile("\\b(deliver|delivery|shipping|ship)\\b");
    private static final Pattern RETURNS = Pattern.compile("\\b(return|returns|refund|exchange)\\b");
    private static final Pattern PAYMENT = Pattern.compile("\\b(pay|payment|card|transfer|cash)\\b");
    private static final Pattern ABOUT = Pattern.compile("\\b(about you|who are you|what do you do)\\b");

    private ProfileAnswers() {
    }

    static Optional<String> answer(String message, Profile profile) {
        if (HOURS.matcher(message).find() && present(profile.openingHours())) {
            return Optional.of("Our opening hours: " + profile.openingHours());
        }
        if (DELIVERY.matcher(message).find() && present(profile.delivery())) {
            return Optional.of(profile.delivery());
        }
        if (RETURNS.matcher(message).find() && present(profile.returns())) {
            return Optional.of(profile.returns());
        }
        if (PAYMENT.matcher(message).find() && present(profile.paymentMethods())) {
            return Optional.of("You can pay with: " + profile.paymentMethods());
        }
        if (ABOUT.matcher(message).find() && present(profile.about())) {
            return Optional.of(profile.about());
        }
        return Optional.empty();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
