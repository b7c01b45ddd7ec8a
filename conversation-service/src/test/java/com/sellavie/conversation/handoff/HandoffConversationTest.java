package com.sellavie.conversation.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandoffConversationTest {

    private static final UUID BUSINESS = UUID.randomUUID();
    private static final UUID MEMBER = UUID.randomUUID();

    private static HandoffConversation in(Mode mode, UUID assignee) {
        return new HandoffConversation(UUID.randomUUID(), BUSINESS, UUID.randomUUID(), "Ada", "INSTAGRAM", mode,
                assignee);
    }

    private static EventMetadata meta() {
        return EventMetadata.startOfJourney(BUSINESS, Instant.now());
    }

    @Test
    void theAssistantOrAKeywordHandsABotConversationToAPersonKeepingItsAssignee() {
        UUID assignee = UUID.randomUUID();
        var change = in(Mode.BOT, assignee).handOff(HandoffConversation.KEYWORD, "asked for a person", meta())
                .orElseThrow();

        assertThat(change.mode()).isEqualTo(Mode.HUMAN);
        assertThat(change.assigneeId()).isEqualTo(assignee);
        HandoffRequested event = (HandoffRequested) change.event();
        assertThat(event.getTrigger()).isEqualTo("KEYWORD");
        assertThat(event.getContactName()).isEqualTo("Ada");
        assertThat(event.getMemberId()).isNull();
    }

    @Test
    void nobodyHandsOffAConversationThatIsNotWithTheAssistant() {
        assertThat(in(Mode.HUMAN, MEMBER).handOff(HandoffConversation.AI_ACTION, "refund", meta())).isEmpty();
        assertThat(in(Mode.CLOSED, null).handOff(HandoffConversation.KEYWORD, "agent", meta())).isEmpty();
    }

    @Test
    void takingOverAssignsTheMemberAndAnnouncesItOnlyWhenTheModeChanges() {
        var fromBot = in(Mode.BOT, null).takeOver(MEMBER, meta()).orElseThrow();
        assertThat(fromBot.mode()).isEqualTo(Mode.HUMAN);
        assertThat(((HandoffRequested) fromBot.event()).getMemberId()).isEqualTo(MEMBER.toString());

        var alreadyHuman = in(Mode.HUMAN, UUID.randomUUID()).takeOver(MEMBER, meta()).orElseThrow();
        assertThat(alreadyHuman.assigneeId()).isEqualTo(MEMBER);
        assertThat(alreadyHuman.event()).isNull();
    }

    @Test
    void releaseAndCloseResolveWithTheNewModeAndDoNothingTwice() {
        HandoffResolved released = (HandoffResolved) in(Mode.HUMAN, MEMBER).release(MEMBER, meta()).orElseThrow().event();
        assertThat(released.getTrigger()).isEqualTo("RELEASED");
        assertThat(released.getMode()).isEqualTo("BOT");
        assertThat(in(Mode.BOT, null).release(MEMBER, meta())).isEmpty();

        HandoffResolved closed = (HandoffResolved) in(Mode.BOT, null).close(MEMBER, meta()).orElseThrow().event();
        assertThat(closed.getMode()).isEqualTo("CLOSED");
        assertThat(in(Mode.CLOSED, null).close(MEMBER, meta())).isEmpty();
    }

    @Test
    void theQuietPeriodEndsOnlyAHumanConversationAndACustomerReopensOnlyAClosedOne() {
        assertThat(in(Mode.HUMAN, MEMBER).quietPeriodOver(meta()).orElseThrow().mode()).isEqualTo(Mode.BOT);
        assertThat(in(Mode.CLOSED, null).quietPeriodOver(meta())).isEmpty();

        HandoffResolved reopened = (HandoffResolved) in(Mode.CLOSED, null).customerWrote(meta()).orElseThrow().event();
        assertThat(reopened.getTrigger()).isEqualTo("REOPENED");
        assertThat(reopened.getMode()).isEqualTo("BOT");
        assertThat(in(Mode.HUMAN, MEMBER).customerWrote(meta())).isEmpty();
        assertThat(in(Mode.BOT, null).customerWrote(meta())).isEmpty();
    }
}
