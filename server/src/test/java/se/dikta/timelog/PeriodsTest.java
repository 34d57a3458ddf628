package se.dikta.timelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    private final Periods periods = Periods.stockholm();

    private Periods.Keys at(String utc) {
        return periods.keys(Instant.parse(utc));
    }

    @Test
    void newYearsNightInStockholmBelongsToTheNewYearWhileUtcIsStillInTheOld() {
        assertThat(at("2024-12-31T23:30:00Z"))
                .isEqualTo(new Periods.Keys(LocalDate.of(2025, 1, 1), "2025-W01", "2025-01", "2025-T1"));
        // one minute before local midnight: December and T3, but already ISO week 1 of 2025 (Monday 30 Dec)
        assertThat(at("2024-12-31T22:59:00Z"))
                .isEqualTo(new Periods.Keys(LocalDate.of(2024, 12, 31), "2025-W01", "2024-12", "2024-T3"));
    }

    @Test
    void isoWeekYearDiffersFromCalendarYearAroundNewYear() {
        assertThat(Periods.isoWeek(LocalDate.of(2021, 1, 1))).isEqualTo("2020-W53");
        assertThat(Periods.isoWeek(LocalDate.of(2027, 1, 3))).isEqualTo("2026-W53");
        assertThat(Periods.isoWeek(LocalDate.of(2027, 1, 4))).isEqualTo("2027-W01");
        assertThat(Periods.isoWeek(LocalDate.of(2024, 12, 29))).isEqualTo("2024-W52");
        assertThat(Periods.isoWeek(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
    }

    @Test
    void springDstChangeKeepsLocalDatesAndWeeks() {
        // Sunday 30 March 2025: 02:00 CET becomes 03:00 CEST
        assertThat(at("2025-03-29T23:30:00Z").localDate()).isEqualTo(LocalDate.of(2025, 3, 30));
        assertThat(at("2025-03-30T00:59:59Z").isoWeek()).isEqualTo("2025-W13");
        assertThat(at("2025-03-30T01:00:00Z").localDate()).isEqualTo(LocalDate.of(2025, 3, 30));
        // 21:59 UTC is 23:59 summer time, still Sunday; 22:00 UTC is Monday 00:00 and week 14
        assertThat(at("2025-03-30T21:59:00Z").isoWeek()).isEqualTo("2025-W13");
        assertThat(at("2025-03-30T22:00:00Z"))
                .isEqualTo(new Periods.Keys(LocalDate.of(2025, 3, 31), "2025-W14", "2025-03", "2025-T1"));
    }

    @Test
    void autumnDstChangeKeepsLocalDatesAndWeeks() {
        // Sunday 26 October 2025: 03:00 CEST becomes 02:00 CET; the night has 25 hours
        assertThat(at("2025-10-25T22:30:00Z").localDate()).isEqualTo(LocalDate.of(2025, 10, 26));
        assertThat(at("2025-10-26T22:59:00Z"))
                .isEqualTo(new Periods.Keys(LocalDate.of(2025, 10, 26), "2025-W43", "2025-10", "2025-T3"));
        assertThat(at("2025-10-26T23:00:00Z"))
                .isEqualTo(new Periods.Keys(LocalDate.of(2025, 10, 27), "2025-W44", "2025-10", "2025-T3"));
    }

    @Test
    void tertialsChangeAtLocalMidnightOnTheFirstOfMayAndSeptember() {
        assertThat(at("2025-04-30T21:59:59Z").tertial()).isEqualTo("2025-T1");
        assertThat(at("2025-04-30T22:00:00Z").tertial()).isEqualTo("2025-T2");
        assertThat(at("2025-08-31T21:59:59Z").tertial()).isEqualTo("2025-T2");
        assertThat(at("2025-08-31T22:00:00Z").tertial()).isEqualTo("2025-T3");
    }

    @Test
    void tertialRangesCoverTheYearWithoutGaps() {
        assertThat(Periods.parseTertial("2025-T1"))
                .isEqualTo(new Periods.Range(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 30)));
        assertThat(Periods.parseTertial("2024-T2"))
                .isEqualTo(new Periods.Range(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 8, 31)));
        assertThat(Periods.parseTertial("2025-T3"))
                .isEqualTo(new Periods.Range(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 31)));
        assertThat(Periods.tertialRange(LocalDate.of(2024, 2, 29)).to()).isEqualTo(LocalDate.of(2024, 4, 30));
    }

    @Test
    void rejectsMalformedTertialKeys() {
        assertThatThrownBy(() -> Periods.parseTertial("2025-T4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Periods.parseTertial("T1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Periods.parseTertial(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
