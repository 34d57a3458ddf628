package se.dikta.structure.normalize;

/**
 * Dates: "den tjugoförsta mars" → "den 21 mars", "den tolfte i tredje" → "den 12 mars",
 * "den femte maj tjugo tjugosex" → "den 5 maj 2026", "tolfte mars" → "12 mars", and after a weekday
 * "måndagen den tolfte" → "måndagen den 12". The day may be an ordinal or a cardinal.
 */
final class DateRule implements NormalizationRule {

    @Override
    public Match apply(Sentence s, int i) {
        boolean den = s.is(i, "den");
        SpokenNumber day = s.number(den ? i + 1 : i, NumberScope.FULL);
        if (day == null || day.value() < 1 || day.value() > 31) {
            return null;
        }
        int end = day.to();
        String month = null;
        if (Vocabulary.isMonth(s.word(end))) {
            month = s.word(end);
            end++;
        } else if (den && day.ordinal() && s.is(end, "i")) {
            // Only after "den": "de andra i tredje klass" is not a date.
            SpokenNumber monthNumber = s.ordinal(end + 1, 1, 12);
            if (monthNumber != null) {
                month = Vocabulary.MONTHS.get((int) monthNumber.value() - 1);
                end = monthNumber.to();
            }
        }
        if (month == null) {
            boolean afterWeekday = den && day.ordinal() && s.isAny(i - 1, Vocabulary.WEEKDAYS);
            return afterWeekday ? Match.of(date("den " + day.value(), i, end)) : null;
        }
        String text = (den ? "den " : "") + day.value() + " " + month;
        SpokenYear year = SpokenYear.read(s, end);
        if (year != null) {
            text += " " + year.written();
            end = year.to();
        }
        return Match.of(date(text, i, end));
    }

    private static WrittenToken date(String text, int from, int to) {
        return new WrittenToken(text, from, to, EntityType.DATE, null);
    }
}
