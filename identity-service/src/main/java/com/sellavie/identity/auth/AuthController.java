package com.sellavie.identity.auth;

import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.token.AccessTokens;
import com.sellavie.identity.token.AccessTokens.AccessToken;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/signup} and {@code POST /api/auth/login}: both answer with an access token. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final SignUp signUp;
    private final LogIn logIn;
    private final AccessTokens tokens;

    AuthController(SignUp signUp, LogIn logIn, AccessTokens tokens) {
        this.signUp = signUp;
        this.logIn = logIn;
        this.tokens = tokens;
    }

    @PostMapping("/signup")
    ResponseEntity<AuthResponse> signUp(@RequestBody AuthRequests.SignupRequest request) {
        Member owner = signUp.register(request.validate());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/me"))
                .cacheControl(CacheControl.noStore()).body(answer(owner));
    }

    @PostMapping("/login")
    ResponseEntity<AuthResponse> logIn(@RequestBody AuthRequests.LoginRequest request) {
        request.validate();
        Member member = logIn.authenticate(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer(member));
    }

    private AuthResponse answer(Member member) {
        AccessToken token = tokens.issueAfterPassword(member.userId(), member.businessId(), member.role());
        return new AuthResponse(token.value(), "Bearer", token.ttl().toSeconds(),
                new AuthResponse.User(member.userId(), member.email()),
                new AuthResponse.Business(member.businessId(), member.businessName()));
    }

    /** The body of a successful sign-up or log-in ({@code expiresIn} in seconds, as OAuth 2's token response). */
    record AuthResponse(String accessToken, String tokenType, long expiresIn, User user, Business business) {

        record User(UUID id, String email) {
        }

        record Business(UUID id, String name) {
        }

        @Override
        public String toString() {
            return "AuthResponse[user=" + user + ", business=" + business + "]";
        }
    }
}
