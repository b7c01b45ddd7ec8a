package com.sellavie.identity.mfa;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.nimbusds.jwt.SignedJWT;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * TOTP two-factor authentication over real HTTP, with the machine's Redis: enrolment (QR, secret
 * never stored in clear), confirmation and recovery codes, log-in challenge and second step, replay,
 * single use, throttling, and disabling.
 */
@IdentityIntegrationTest
class TwoFactorIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private IdentityDatabase database;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        database = new IdentityDatabase(databaseUrl);
    }

    @Test
    void enrolmentShowsTheSecretItsUriAndAQrCodeOfTheUriAndStoresTheSecretOnlyEncrypted() throws Exception {
        String email = newEmail();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());

        Response enrolment = api.send("POST", "/api/auth/totp", null, bearer(signedUp));

        assertThat(enrolment.status()).isEqualTo(200);
        assertThat(enrolment.cacheControl()).contains("no-store");
        String secret = enrolment.text("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        String uri = enrolment.text("otpauthUri");
        assertThat(URLDecoder.decode(uri, StandardCharsets.UTF_8)).startsWith("otpauth://totp/" + email)
                .contains("secret=" + secret, "issuer=Sellavie", "digits=6", "period=30");
        byte[] png = Base64.getDecoder().decode(enrolment.text("qrPng"));
        // PURE_BARCODE: the PNG is an undistorted code, so the reader takes its geometry as drawn. Without
        // it, ZXing's camera-oriented finder search misses about 1 in 100 perfect codes (20 of 2,000
        // enrolment URIs measured), which is a property of that search, not of the code.
        String scanned = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))),
                Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        assertThat(scanned).isEqualTo(uri);
        UUID userId = userId(signedUp);
        assertThat(database.countWith("SELECT count(*) FROM user_totp WHERE user_id = ? AND confirmed_at IS NULL",
                userId)).isEqualTo(1);
        assertThat(database.countWith("SELECT count(*) FROM user_totp WHERE user_id = ? "
                + "AND position(convert_to(?, 'UTF8') IN secret_encrypted) > 0", userId, secret)).isZero();
        // Not confirmed yet: log-in still needs only the password.
        assertThat(api.logIn(email, GOOD_PASSWORD).json().has("accessToken")).isTrue();
    }

    @Test
    void confirmingTurnsTwoFactorOnAndLogInThenNeedsACodeAnsweredLikeALogIn() throws Exception {
        String email = newEmail();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String secret = api.send("POST", "/api/auth/totp", null, bearer(signedUp)).text("secret");

        Response wrong = confirm(signedUp, wrongCode(secret));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(api.logIn(email, GOOD_PASSWORD).json().has("accessToken")).isTrue();

        assertThat(api.get("/api/auth/totp", signedUp.text("accessToken")).json().path("enabled").asBoolean()).isFalse();
        Response confirmed = confirm(signedUp, code(secret, currentStep()));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(api.get("/api/auth/totp", signedUp.text("accessToken")).json().path("enabled").asBoolean()).isTrue();
        List<String> recoveryCodes = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(code -> recoveryCodes.add(code.asString()));
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        UUID userId = userId(signedUp);
        assertThat(database.countWith("SELECT count(*) FROM totp_recovery_codes WHERE user_id = ?", userId))
                .isEqualTo(10);
        assertThat(database.countWith("SELECT count(*) FROM totp_recovery_codes WHERE user_id = ? "
                + "AND position(convert_to(?, 'UTF8') IN code_hash) > 0", userId, recoveryCodes.get(0))).isZero();
        assertThat(api.send("POST", "/api/auth/totp", null, bearer(signedUp)).status())
                .as("a confirmed enrolment is not replaced").isEqualTo(409);

        Response login = api.logIn(email, GOOD_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("mfaRequired").asBoolean()).isTrue();
        assertThat(login.text("challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(login.json().has("accessToken")).isFalse();
        assertThat(login.refreshToken()).isEmpty();

        long sessionsBefore = sessionsOf(userId);
        Response wrongSecond = mfa(login.text("challenge"), wrongCode(secret));
        assertThat(wrongSecond.status()).isEqualTo(401);
        assertThat(wrongSecond.text("title")).isEqualTo("Invalid code");
        assertThat(wrongSecond.refreshToken()).isEmpty();
        assertThat(sessionsOf(userId)).as("nothing issued on a wrong code").isEqualTo(sessionsBefore);

        Response second = mfa(login.text("challenge"), code(secret, currentStep() + 1));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.refreshToken()).isPresent();
        assertThat(second.json().path("user").path("email").asString()).isEqualTo(email);
        assertThat(SignedJWT.parse(second.text("accessToken")).getJWTClaimsSet().getStringListClaim("amr"))
                .containsExactly("pwd", "otp", "mfa");
        assertThat(api.get("/api/me", second.text("accessToken")).status()).isEqualTo(200);
        assertThat(sessionsOf(userId)).isEqualTo(sessionsBefore + 1);

        assertThat(mfa(login.text("challenge"), code(secret, currentStep() - 1)).text("title"))
                .as("a challenge is single use").isEqualTo("Invalid challenge");
    }

    @Test
    void aTwoFactorSessionKeepsItsAuthenticationMethodsAcrossRefreshes() throws Exception {
        Enrolled user = enrolled();
        Response second = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"),
                code(user.secret, currentStep() + 1));
        assertThat(second.status()).isEqualTo(200);

        Response refreshed = api.refreshWithCookie(second.refreshToken().orElseThrow());
        Response again = api.refreshWithCookie(refreshed.refreshToken().orElseThrow());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(amr(refreshed)).containsExactly("pwd", "otp", "mfa");
        assertThat(amr(again)).as("the whole refresh family, not only its first rotation")
                .containsExactly("pwd", "otp", "mfa");
    }

    @Test
    void aRecoveryCodeSessionKeepsPasswordAndMultiFactorAcrossARefresh() throws Exception {
        Enrolled user = enrolled();
        Response used = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"), user.recoveryCodes.get(0));

        Response refreshed = api.refreshWithCookie(used.refreshToken().orElseThrow());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(amr(refreshed)).containsExactly("pwd", "mfa");
    }

    @Test
    void aPasswordOnlySessionStaysPasswordOnlyAfterEnrollingAndRefreshing() throws Exception {
        String email = newEmail();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        Response login = api.logIn(email, GOOD_PASSWORD);
        String secret = api.send("POST", "/api/auth/totp", null, bearer(signedUp)).text("secret");
        assertThat(confirm(signedUp, code(secret, currentStep())).status()).isEqualTo(200);

        Response refreshed = api.refreshWithCookie(login.refreshToken().orElseThrow());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(amr(refreshed)).as("enrolling proves nothing about the session that was opened before")
                .containsExactly("pwd");
    }

    @Test
    void switchingBusinessKeepsTheTwoFactorProofOfTheCallingSession() throws Exception {
        Enrolled user = enrolled();
        Response other = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String otherBusiness = other.json().path("business").path("id").asString();
        database.update("INSERT INTO memberships (business_id, user_id, role) VALUES (?::uuid, ?, 'AGENT')",
                otherBusiness, user.userId);
        Response second = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"),
                code(user.secret, currentStep() + 1));

        Response switched = api.send("POST", "/api/auth/switch", "{\"businessId\":\"" + otherBusiness + "\"}",
                bearer(second));
        Response refreshed = api.refreshWithCookie(switched.refreshToken().orElseThrow());

        assertThat(switched.status()).isEqualTo(200);
        assertThat(amr(switched)).containsExactly("pwd", "otp", "mfa");
        assertThat(amr(refreshed)).containsExactly("pwd", "otp", "mfa");
    }

    @Test
    void aCodeIsNeverAcceptedTwiceWithinItsStep() throws Exception {
        Enrolled user = enrolled();
        long step = currentStep() + 1;

        Response first = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"), code(user.secret, step));
        assertThat(first.status()).isEqualTo(200);

        Response replay = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"), code(user.secret, step));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("title")).isEqualTo("Invalid code");
        // The confirmation's own code (an earlier step) is spent too.
        Response earlier = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"), code(user.secret, step - 1));
        assertThat(earlier.status()).isEqualTo(401);
    }

    @Test
    void aRecoveryCodeLogsInOnceOnly() throws Exception {
        Enrolled user = enrolled();
        String recovery = user.recoveryCodes.get(3);

        Response used = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"), recovery.toUpperCase());
        assertThat(used.status()).isEqualTo(200);
        assertThat(SignedJWT.parse(used.text("accessToken")).getJWTClaimsSet().getStringListClaim("amr"))
                .containsExactly("pwd", "mfa");

        Response again = mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"), recovery);
        assertThat(again.status()).isEqualTo(401);
        assertThat(mfa(api.logIn(user.email, GOOD_PASSWORD).text("challenge"), user.recoveryCodes.get(4)).status())
                .isEqualTo(200);
    }

    @Test
    void aChallengeDiesAfterFiveWrongCodesAndTheUserIsThrottledAfterTen() throws Exception {
        Enrolled user = enrolled();
        String challenge = api.logIn(user.email, GOOD_PASSWORD).text("challenge");
        for (int i = 0; i < 5; i++) {
            assertThat(mfa(challenge, wrongCode(user.secret)).text("title")).isEqualTo("Invalid code");
        }
        Response dead = mfa(challenge, code(user.secret, currentStep() + 1));
        assertThat(dead.status()).isEqualTo(401);
        assertThat(dead.text("title")).isEqualTo("Invalid challenge");

        String another = api.logIn(user.email, GOOD_PASSWORD).text("challenge");
        for (int i = 0; i < 5; i++) {
            assertThat(mfa(another, wrongCode(user.secret)).status()).isEqualTo(401);
        }
        String third = api.logIn(user.email, GOOD_PASSWORD).text("challenge");
        Response throttled = mfa(third, code(user.secret, currentStep() + 1));
        assertThat(throttled.status()).as("even the right code, once ten were wrong").isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(retryAfter(third, user))).isBetween(1L, 900L);
    }

    @Test
    void disablingNeedsThePasswordAndACode() throws Exception {
        Enrolled user = enrolled();
        String token = user.accessToken;
        long step = currentStep() + 1;

        assertThat(disable(token, "not-the-password-2026", code(user.secret, step)).status()).isEqualTo(422);
        assertThat(disable(token, GOOD_PASSWORD, wrongCode(user.secret)).status()).isEqualTo(422);
        assertThat(api.send("DELETE", "/api/auth/totp", "{\"password\":\"" + GOOD_PASSWORD + "\"}",
                "Authorization", "Bearer " + token).json().path("errors").has("code")).isTrue();
        assertThat(api.logIn(user.email, GOOD_PASSWORD).json().path("mfaRequired").asBoolean()).isTrue();

        assertThat(disable(token, GOOD_PASSWORD, code(user.secret, step)).status()).isEqualTo(204);

        assertThat(api.logIn(user.email, GOOD_PASSWORD).json().has("accessToken")).isTrue();
        assertThat(database.countWith("SELECT count(*) FROM totp_recovery_codes WHERE user_id = ?", user.userId)).isZero();
        assertThat(disable(token, GOOD_PASSWORD, code(user.secret, step)).status()).isEqualTo(409);
    }

    @Test
    void theEnrolmentEndpointsNeedATokenAndTheSecondStepAWellFormedRequest() {
        assertThat(api.send("POST", "/api/auth/totp", null).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/totp/confirm", "{\"code\":\"123456\"}").status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/auth/totp", "{}").status()).isEqualTo(401);

        Response missing = api.post("/api/auth/mfa", "{\"challenge\":\"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").has("code")).isTrue();
        Response unknown = api.post("/api/auth/mfa", "{\"challenge\":\"" + "A".repeat(43) + "\",\"code\":\"123456\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("title")).isEqualTo("Invalid challenge");
        assertThat(unknown.body()).doesNotContain("123456");
    }

    // --- helpers -------------------------------------------------------------------------------

    private record Enrolled(String email, UUID userId, String accessToken, String secret, List<String> recoveryCodes) {
    }

    /** A new user with 2FA confirmed (with the current step's code). */
    private Enrolled enrolled() throws Exception {
        String email = newEmail();
        Response signedUp = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String secret = api.send("POST", "/api/auth/totp", null, bearer(signedUp)).text("secret");
        Response confirmed = confirm(signedUp, code(secret, currentStep()));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(code -> codes.add(code.asString()));
        return new Enrolled(email, userId(signedUp), signedUp.text("accessToken"), secret, codes);
    }

    private String retryAfter(String challenge, Enrolled user) {
        // IdentityApi.Response keeps no Retry-After; read it with a raw request.
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/auth/mfa"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("challenge", challenge, "code", wrongCode(user.secret))))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(429);
            return response.headers().firstValue("Retry-After").orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Response confirm(Response signedUp, String code) {
        return api.send("POST", "/api/auth/totp/confirm", JSON.writeValueAsString(Map.of("code", code)),
                bearer(signedUp));
    }

    private Response mfa(String challenge, String code) {
        return api.post("/api/auth/mfa", JSON.writeValueAsString(Map.of("challenge", challenge, "code", code)));
    }

    private Response disable(String token, String password, String code) {
        return api.send("DELETE", "/api/auth/totp",
                JSON.writeValueAsString(Map.of("password", password, "code", code)), "Authorization", "Bearer " + token);
    }

    private static List<String> amr(Response signedIn) throws Exception {
        return SignedJWT.parse(signedIn.text("accessToken")).getJWTClaimsSet().getStringListClaim("amr");
    }

    private long sessionsOf(UUID userId) {
        return database.countWith("SELECT count(*) FROM sessions WHERE user_id = ?", userId);
    }

    private static String[] bearer(Response signedIn) {
        return new String[] {"Authorization", "Bearer " + signedIn.text("accessToken")};
    }

    private static UUID userId(Response signedIn) {
        return UUID.fromString(signedIn.json().path("user").path("id").asString());
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    static String code(String secret, long step) throws Exception {
        return new DefaultCodeGenerator().generate(secret, step);
    }

    /** A six-digit code valid at none of the steps the server accepts now. */
    private static String wrongCode(String secret) throws Exception {
        long now = currentStep();
        List<String> valid = List.of(code(secret, now - 1), code(secret, now), code(secret, now + 1), code(secret, now + 2));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
