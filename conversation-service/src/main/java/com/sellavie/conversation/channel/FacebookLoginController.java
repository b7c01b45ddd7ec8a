package com.sellavie.conversation.channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/channels/facebook}: "Connect with Facebook" (Facebook Login for Business) for the signed-in
 * OWNER or ADMIN: login (the dialog URL), callback (code + state: the accounts to pick from), connect
 * (the picks). No response ever carries a token. Each step needs the member's confirmed email address
 * ({@link VerifiedEmailGate}: 403 EMAIL_NOT_VERIFIED).
 */
@RestController
@RequestMapping("/api/channels/facebook")
class FacebookLoginController {

    record Availability(boolean configured, String detail) {
    }

    record CallbackRequest(@NotBlank @Size(max = 2048) String code, @NotBlank @Size(max = 200) String state) {
    }

    record ChoiceView(String type, String externalId, String name, String pageId, String phoneNumberId,
            String wabaId, String displayPhoneNumber, boolean alreadyConnected) {
    }

    record SessionView(UUID sessionId, List<ChoiceView> choices) {
    }

    record PickRequest(@NotBlank @Pattern(regexp = "INSTAGRAM|MESSENGER|WHATSAPP",
            message = "must be INSTAGRAM, MESSENGER or WHATSAPP") String type,
            @NotBlank @Size(max = 64) String externalId) {
    }

    record ConnectRequest(@NotNull UUID sessionId, @NotEmpty @Size(max = 50) List<@Valid PickRequest> choices) {
    }

    record ConnectView(List<ChannelView> connected, List<FacebookConnections.Failure> failed) {
    }

    private final FacebookLogin login;
    private final FacebookConnections connections;

    FacebookLoginController(FacebookLogin login, FacebookConnections connections) {
        this.login = login;
        this.connections = connections;
    }

    /** Whether this installation offers Facebook Login (the console shows or explains the button). */
    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    Availability availability() {
        return new Availability(login.configured(), login.configured() ? null
                : FacebookLoginNotConfiguredException.DETAIL);
    }

    @PostMapping("/login")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    FacebookLogin.Started start(@AuthenticationPrincipal Jwt member) {
        VerifiedEmailGate.require(member);
        return login.start(member.getSubject());
    }

    @PostMapping("/callback")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    SessionView callback(@AuthenticationPrincipal Jwt member, @Valid @RequestBody CallbackRequest request) {
        VerifiedEmailGate.require(member);
        FacebookSessions.Session session = login.callback(member.getSubject(), request.code(), request.state());
        return new SessionView(session.sessionId(), session.choices().stream().map(choice -> new ChoiceView(
                choice.type(), choice.externalId(), choice.name(), choice.pageId(),
                "WHATSAPP".equals(choice.type()) ? choice.externalId() : null, choice.wabaId(),
                choice.displayPhoneNumber(), connections.alreadyConnected(choice))).toList());
    }

    /**
     * 201 with the connected channels and the picks that failed (and why); 422 NOTHING_CONNECTED, with
     * {@code failed}, when none was connected.
     */
    @PostMapping("/connect")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ConnectView connect(@AuthenticationPrincipal Jwt member, @Valid @RequestBody ConnectRequest request) {
        VerifiedEmailGate.require(member);
        FacebookConnections.Outcome outcome = connections.connect(member.getSubject(), request.sessionId(),
                request.choices().stream().map(p -> new FacebookConnections.Pick(p.type(), p.externalId())).toList());
        if (outcome.connected().isEmpty()) {
            FacebookLoginRefusedException none = new FacebookLoginRefusedException(
                    FacebookLoginRefusedException.NOTHING_CONNECTED, "No account was connected: "
                    + outcome.failed().getFirst().detail());
            none.getBody().setProperty("failed", outcome.failed());
            throw none;
        }
        return new ConnectView(outcome.connected().stream().map(ChannelView::of).toList(), outcome.failed());
    }
}
