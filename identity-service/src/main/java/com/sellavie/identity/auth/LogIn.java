package com.sellavie.identity.auth;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.LoginCandidate;
import com.sellavie.identity.account.Accounts.Member;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks an email and password. Every failure is the same {@link InvalidCredentialsException}, and
 * an unknown address still costs one bcrypt comparison (against a hash made at start-up with the
 * same cost), so neither the answer nor its timing tells whether an account exists.
 */
@Service
class LogIn {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String dummyHash;

    LogIn(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    Member authenticate(AuthRequests.LoginRequest request) {
        String password = request.password();
        if (!PasswordPolicy.fitsBcrypt(password)) {
            // No stored password is this long (sign-up refuses them); compare anyway to keep the timing.
            passwords.matches("x", dummyHash);
            throw new InvalidCredentialsException();
        }
        Optional<LoginCandidate> candidate = accounts.loginCandidate(EmailAddress.normalise(request.email()));
        boolean matches = passwords.matches(password, candidate.map(LoginCandidate::passwordHash).orElse(dummyHash));
        if (!matches || candidate.isEmpty()) {
            throw new InvalidCredentialsException();
        }
        // A user belongs to at least the business they signed up; one without any has nothing to act for.
        return candidate.get().membership().orElseThrow(InvalidCredentialsException::new);
    }
}
