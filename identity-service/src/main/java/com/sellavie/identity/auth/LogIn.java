package com.sellavie.identity.auth;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.LoginCandidate;
import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.activity.ActivityCategory;
import com.sellavie.identity.activity.ActivityLog;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.identity.throttle.LoginThrottle;
import com.sellavie.identity.throttle.LoginThrottledException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks an email and password. Every failure is the same {@link InvalidCredentialsException}, and
 * an unknown address still costs one bcrypt comparison (against a hash made at start-up with the
 * same cost), so neither the answer nor its timing tells whether an account exists. Failures are
 * throttled per address and per client ({@link LoginThrottle}); a refused attempt spends the same
 * comparison. A hash of a lower bcrypt cost than configured is upgraded on a successful log-in.
 */
@Service
class LogIn {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final ActivityLog activity;
    private final Tenancy tenancy;
    private final String dummyHash;

    LogIn(Accounts accounts, PasswordEncoder passwords, LoginThrottle throttle, ActivityLog activity,
            Tenancy tenancy) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.activity = activity;
        this.tenancy = tenancy;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** @param clientAddress where the attempt comes from ({@link com.sellavie.identity.throttle.ClientAddress}) */
    Member authenticate(AuthRequests.LoginRequest request, String clientAddress) {
        String email = EmailAddress.normalise(request.email());
        try {
            throttle.check(email, clientAddress);
        } catch (LoginThrottledException e) {
            passwords.matches("x", dummyHash);
            throw e;
        }
        try {
            Member member = check(request, email, clientAddress);
            throttle.succeeded(email);
            return member;
        } catch (InvalidCredentialsException e) {
            throttle.failed(email, clientAddress);
            throw e;
        }
    }

    private Member check(AuthRequests.LoginRequest request, String email, String clientAddress) {
        String password = request.password();
        if (!PasswordPolicy.fitsBcrypt(password)) {
            // No stored password is this long (sign-up refuses them); compare anyway to keep the timing.
            passwords.matches("x", dummyHash);
            throw new InvalidCredentialsException();
        }
        Optional<LoginCandidate> candidate = accounts.loginCandidate(email);
        boolean matches = passwords.matches(password, candidate.map(LoginCandidate::passwordHash).orElse(dummyHash));
        if (!matches || candidate.isEmpty()) {
            candidate.flatMap(LoginCandidate::membership).ifPresent(member -> recordFailure(member, clientAddress));
            throw new InvalidCredentialsException();
        }
        if (passwords.upgradeEncoding(candidate.get().passwordHash())) {
            // Made at a lower cost than today's: the password is at hand only now, so rehash it now.
            accounts.updatePasswordHash(candidate.get().userId(), passwords.encode(password));
        }
        // A user belongs to at least the business they signed up; one without any has nothing to act for.
        return candidate.get().membership().orElseThrow(InvalidCredentialsException::new);
    }

    /** A wrong password for a real account shows in its business's activity (an unknown address has none). */
    private void recordFailure(Member member, String clientAddress) {
        tenancy.runAs(member.businessId(), () -> activity.record(ActivityLog.Entry.byMember(member.businessId(),
                ActivityCategory.SECURITY, "LOGIN_FAILED", member.userId(), clientAddress, null, null)));
    }
}
