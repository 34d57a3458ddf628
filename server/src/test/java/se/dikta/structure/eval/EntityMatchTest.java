package se.dikta.structure.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.dikta.structure.entities.EntityCategory;
import se.dikta.structure.eval.EntityMatch.Item;

class EntityMatchTest {

    @Test
    void aDateThatOpensTheModelsSentenceIsTheGoldDateMidSentence() {
        EntityMatch.Outcome outcome = EntityMatch.match(List.of(new Item(EntityCategory.DATE, "den 8 januari", false)),
                List.of(new Item(EntityCategory.DATE, "Den 8 januari", true)));
        assertThat(outcome.matched()).hasSize(1);
        assertThat(outcome.spurious()).isEmpty();
        assertThat(outcome.missed()).isEmpty();
    }

    @Test
    void anOrganisationThatOpensTheGoldSentenceMatchesTheModelsMidSentence() {
        EntityMatch.Outcome outcome = EntityMatch.match(List.of(new Item(EntityCategory.ORGANIZATION, "Polisen", true)),
                List.of(new Item(EntityCategory.ORGANIZATION, "polisen", false)));
        assertThat(outcome.matched()).hasSize(1);
    }

    @Test
    void aWrongCapitalInsideASentenceStaysAnError() {
        EntityMatch.Outcome outcome = EntityMatch.match(List.of(new Item(EntityCategory.ORGANIZATION, "Polisen", false)),
                List.of(new Item(EntityCategory.ORGANIZATION, "polisen", false)));
        assertThat(outcome.matched()).isEmpty();
        assertThat(outcome.spurious()).extracting(Item::key).containsExactly("ORGANIZATION|polisen");
        assertThat(outcome.missed()).extracting(Item::key).containsExactly("ORGANIZATION|Polisen");
    }

    @Test
    void typeAndTheRestOfTheTextMustStillAgree() {
        EntityMatch.Outcome outcome = EntityMatch.match(List.of(new Item(EntityCategory.DATE, "den 8 januari", false)),
                List.of(new Item(EntityCategory.TIME, "Den 8 januari", true), new Item(EntityCategory.DATE, "Den 9 januari", true)));
        assertThat(outcome.matched()).isEmpty();
        assertThat(outcome.spurious()).hasSize(2);
    }
}
