package com.sellavie.ai.provider.offline;

import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The business profile's texts, picked by what the customer asks about (opening hours, delivery, ...). */
final class ProfileAnswers {

    private static final Pattern ABOUT = Pattern.compile(
            "\\b(about you|who are you|what do you do|qui etes[- ]vous|que faites[- ]vous)\\b");

    private ProfileAnswers() {
    }

    static Optional<String> answer(String plainMessage, Set<String> terms, Profile profile, OfflineTexts texts) {
        Set<Topic> topics = Topic.in(terms);
        if (topics.contains(Topic.HOURS) && present(profile.openingHours())) {
            return Optional.of(texts.openingHours().formatted(profile.openingHours()));
        }
        if (topics.contains(Topic.DELIVERY) && present(profile.delivery())) {
            return Optional.of(profile.delivery());
        }
        if (topics.contains(Topic.RETURNS) && present(profile.returns())) {
            return Optional.of(profile.returns());
        }
        if (topics.contains(Topic.PAYMENT) && present(profile.paymentMethods())) {
            return Optional.of(texts.payWith().formatted(profile.paymentMethods()));
        }
        if (ABOUT.matcher(plainMessage).find() && present(profile.about())) {
            return Optional.of(profile.about());
        }
        return Optional.empty();
    }

    /** The subjects the profile can answer, named in {@code texts}' language, for the greeting. */
    static List<String> subjects(Profile profile, OfflineTexts texts) {
        List<String> subjects = new ArrayList<>();
        // In the order of OfflineTexts#profileTopics.
        String[] answers = {profile.delivery(), profile.returns(), profile.openingHours(), profile.paymentMethods()};
        for (int i = 0; i < answers.length; i++) {
            if (present(answers[i])) {
                subjects.add(texts.profileTopics().get(i));
            }
        }
        return subjects;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
