package se.dikta.asr;

import se.dikta.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.dikta.failure.DomainException;
import se.dikta.identity.AuthUser;
import se.dikta.identity.Role;

class UnsavedDictationsTest {

    private static final AuthUser ANNA = new AuthUser(1, "anna", Role.WORKER, "IFO", 1, "Anna", "");
    private static final AuthUser BO = new AuthUser(2, "bo", Role.WORKER, "IFO", 1, "Bo", "");
    private final UnsavedDictations sink = new UnsavedDictations();

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
        assertThat(sink.append(BO, id, 1, utterance("x", 1)).cause()).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThat(sink.open(ANNA, Optional.of("no-such-draft")).cause()).hasMessage("Utkastet finns inte");
    }

    @Test
    void anUnsavedDictationIsDroppedOnceUntouchedForTheExpiry() {
        MutableClock clock = new MutableClock();
        UnsavedDictations held = new UnsavedDictations(clock, 10, Duration.ofMinutes(30));
        String id = held.open(ANNA, Optional.empty()).await();
        held.append(ANNA, id, 1, utterance("hemligt", 1)).await();

        clock.advance(Duration.ofMinutes(29));
        held.append(ANNA, id, 2, utterance("mer", 2)).await();
        clock.advance(Duration.ofMinutes(29));
        assertThat(held.text(id)).hasValue("hemligt mer");

        clock.advance(Duration.ofMinutes(2));
        assertThat(held.text(id)).isEmpty();
        assertThat(held.append(ANNA, id, 3, utterance("sent", 3)).cause()).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThat(held.size()).isZero();
    }

    @Test
    void atTheLimitANewUnsavedDictationIsRefusedUntilOneExpires() {
        MutableClock clock = new MutableClock();
        UnsavedDictations held = new UnsavedDictations(clock, 2, Duration.ofMinutes(30));
        held.open(ANNA, Optional.empty()).await();
        held.open(BO, Optional.empty()).await();

        assertThat(held.open(ANNA, Optional.empty()).cause()).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE));

        clock.advance(Duration.ofMinutes(31));
        assertThat(held.open(ANNA, Optional.empty()).succeeded()).isTrue();
        assertThat(held.size()).isEqualTo(1);
    }
}
