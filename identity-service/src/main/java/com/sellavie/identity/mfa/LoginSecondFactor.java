package com.sellavie.identity.mfa;

import com.sellavie.identity.account.Accounts.Member;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The log-in's hook into 2FA: after a right password, a user with 2FA on gets a challenge instead of
 * tokens. Kept apart from the password check so that check stays as it is.
 */
@Component
public class LoginSecondFactor {

    private final TwoFactor twoFactor;
    private static final Logger log = LoggerFactory.getLogger(LoginSecondFactor.class);

    private final MfaChallenges challenges;
    private final MeterRegistry meters;

    LoginSecondFactor(TwoFactor twoFactor, MfaChallenges challenges, MeterRegistry meters) {
        this.twoFactor = twoFactor;
        this.challenges = challenges;
        this.meters = meters;
    }

    /** The challenge answer when {@code member}'s user has 2FA on; empty when the password suffices. */
    public Optional<MfaRequired> challengeIfEnabled(Member member) {
        if (!twoFactor.enabled(member.userId())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MfaRequired(true, challenges.create(member.userId(), member.businessId()),
                    MfaChallenges.TTL.toSeconds()));
        } catch (RedisConnectionFailureException e) {
            // Fail closed, never fall back to password-only: 503 problem JSON, logged and counted.
            meters.counter("sellavie.identity.mfa.redis.failures").increment();
            log.error("Could not store a log-in challenge in Redis ({}: {})", e.getClass().getSimpleName(), e.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Try again in a moment.");
            problem.setTitle("Authentication temporarily unavailable");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
        }
    }
}
