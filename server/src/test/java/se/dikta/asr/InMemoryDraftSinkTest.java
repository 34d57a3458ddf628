package se.dikta.asr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;
import se.dikta.failure.DomainException;

class InMemoryDraftSinkTest {

    private static final AuthUser ANNA = new AuthUser(1, "anna", Role.WORKER, "IFO", 1, "Anna", "");
    private static final AuthUser BO = new AuthUser(2, "bo", Role.WORKER, "IFO", 1, "Bo", "");
    private final InMemoryDraftSink sink = new InMemoryDraftSink();

    private static FinalResult utterance(String text, long seq) {
        return new FinalResult(text, List.of(), seq);
    }

    @Test
    void appendsUtterancesInOrderAndIgnoresResentOnes() {
        String id = sink.open(ANNA, Optional.empty()).await();
        sink.append(ANNA, id, 12, utterance("hallå mötet", 12)).await();
        sink.append(ANNA, id, 12, utterance("hallå mötet", 12)).await(); // resent after a reconnect
        sink.append(ANNA, id, 30, utterance("punkt", 30)).await();
        assertThat(sink.text(id)).hasValue("hallå mötet punkt");
        assertThat(sink.open(ANNA, Optional.of(id)).await()).isEqualTo(id);
    }

    @Test
    void draftsBelongToTheirCreator() {
        String id = sink.open(ANNA, Optional.empty()).await();
        assertThat(sink.open(BO, Optional.of(id)).failed()).isTrue();
        assertThat(sink.append(BO, id, 1, utterance("x", 1)).cause()).isInstanceOf(DomainException.NotFound.class);
        assertThat(sink.open(ANNA, Optional.of("no-such-draft")).cause()).hasMessage("Utkastet finns inte");
    }
}
