package com.sellavie.identity.mfa;

import com.sellavie.identity.account.Accounts.Member;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The log-in's hook into 2FA: after a right password, a user with 2FA on gets a challenge instead of
 * tokens. Kept apart from the password check so that check stays as it is.
 */
@Component
public class LoginSecondFactor {

    private final TwoFactor twoFactor;
    private final MfaChallenges challenges;

    LoginSecondFactor(TwoFactor twoFactor, MfaChallenges challenges) {
        this.twoFactor = twoFactor;
        this.challenges = challenges;
    }

    /** The challenge answer when {@code member}'s user has 2FA on; empty when the password suffices. */
    public Optional<MfaRequired> challengeIfEnabled(Member member) {
        if (!twoFactor.enabled(member.userId())) {
            return Optional.empty();
        }
        return Optional.of(new MfaRequired(true, challenges.create(member.userId(), member.businessId()),
                MfaChallenges.TTL.toSeconds()));
    }
}
