package se.dikta.structure.normalize;

/** How numbers are written in a note (Svenska skrivregler). */
final class WrittenNumbers {

    private WrittenNumbers() {
    }

    /** Digits with a space between thousands: 3 500, 12 000, 1 250 000; up to 9 999 without a space is a year only. */
    static String grouped(long value) {
        String digits = Long.toString(value);
        if (digits.length() <= 3) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        int head = digits.length() % 3;
        if (head > 0) {
            sb.append(digits, 0, head);
        }
        for (int i = head; i < digits.length(); i += 3) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(digits, i, i + 3);
        }
        return sb.toString();
    }

    /** An ordinal in digits: 13:e, 21:a, 22:a, 100:e. */
    static String ordinal(SpokenNumber n) {
        return grouped(n.value()) + (n.last().takesOrdinalA() ? ":a" : ":e");
    }

    static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
