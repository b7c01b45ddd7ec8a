package com.sellavie.ai.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Profile;
import com.sellavie.ai.knowledge.BusinessKnowledge.Settings;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What a reply knows of its business, read as that business (row-level security) on the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class KnowledgeRepositoryTest {

    @Autowired
    KnowledgeRepository knowledge;

    @Test
    void aBusinessNotHeardOfYetHasANeutralNameAndNothingElse() {
        UUID business = UUID.randomUUID();

        BusinessKnowledge read = TenantContext.callAs(business, () -> knowledge.load(business));

        assertThat(read.businessName()).isEqualTo(BusinessKnowledge.UNKNOWN_NAME);
        assertThat(read.settings()).isEqualTo(Settings.NONE);
        assertThat(read.profile()).isEqualTo(Profile.EMPTY);
        assertThat(read.faqs()).isEmpty();
    }

    @Test
    void aKnownBusinessHasItsNameSettingsProfileAndFaqButNoOtherBusinesss() {
        UUID business = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Profile profile = new Profile("Hand-made linen", "Mon-Sat 9-18", "Lagos in 2 days", "14 days", "Card, transfer");
        TenantContext.runAs(business, () -> {
            knowledge.saveBusiness(business, "Ada Linen", new Settings("fr", "Africa/Lagos"));
            knowledge.saveProfile(business, profile);
            knowledge.saveFaq(business, new Faq("sizes", "Which sizes?", "S to XL"));
            knowledge.saveFaq(business, new Faq("delivery", "Do you deliver?", null));
            knowledge.saveFaq(business, new Faq("returns", "Can I return it?", "Within 14 days"));
        });
        TenantContext.runAs(other, () -> {
            knowledge.saveBusiness(other, "Other Shop");
            knowledge.saveFaq(other, new Faq("secret", "Other's question", "Other's answer"));
        });

        BusinessKnowledge read = TenantContext.callAs(business, () -> knowledge.load(business));
        BusinessKnowledge otherRead = TenantContext.callAs(other, () -> knowledge.load(other));

        assertThat(read.businessName()).isEqualTo("Ada Linen");
        assertThat(read.settings()).isEqualTo(new Settings("fr", "Africa/Lagos"));
        assertThat(read.profile()).isEqualTo(profile);
        assertThat(read.faqs()).as("in topic order, each question with its own answer").containsExactly(
                new Faq("delivery", "Do you deliver?", null), new Faq("returns", "Can I return it?", "Within 14 days"),
                new Faq("sizes", "Which sizes?", "S to XL"));
        assertThat(otherRead.businessName()).isEqualTo("Other Shop");
        assertThat(otherRead.profile()).isEqualTo(Profile.EMPTY);
        assertThat(otherRead.faqs()).extracting(Faq::topic).containsExactly("secret");
        assertThat(TenantContext.callAs(business, () -> knowledge.load(other)).businessName())
                .as("another business's rows, read as this one").isEqualTo(BusinessKnowledge.UNKNOWN_NAME);
    }
}
