package se.dikta.structure.normalize;

import java.util.Set;

/**
 * Writes a Swedish national phone number: area code, hyphen, subscriber number grouped from the right
 * in pairs with a leading group of three when the length is odd (the grouping of Svenska skrivregler and
 * PTS): 070-123 45 67, 08-123 456 78, 08-12 34 56, 031-123 45 67, 0431-123 45.
 * The area code is 08 (two digits), one of the three-digit codes below (large cities, 010/020/07x),
 * or otherwise four digits.
 */
final class PhoneNumber {

    private static final Set<String> THREE_DIGIT_CODES = Set.of(
            "010", "011", "013", "016", "018", "019", "020", "021", "023", "026", "031", "033", "035", "036",
            "040", "042", "044", "046", "054", "060", "063", "070", "072", "073", "076", "079", "090");

    private PhoneNumber() {
    }

    /** The written number for {@code digits}, or null when they are not a plausible Swedish number. */
    static String written(String digits) {
        if (digits.length() < 8 || digits.length() > 10 || digits.charAt(0) != '0' || digits.charAt(1) == '0') {
            return null;
        }
        int codeLength = digits.startsWith("08") ? 2 : THREE_DIGIT_CODES.contains(digits.substring(0, 3)) ? 3 : 4;
        if (digits.startsWith("07") && digits.length() != 10) {
            return null;
        }
        int subscriber = digits.length() - codeLength;
        if (subscriber < 5 || subscriber > 8) {
            return null;
        }
        return digits.substring(0, codeLength) + "-" + groupSubscriber(digits.substring(codeLength));
    }

    private static String groupSubscriber(String s) {
        return switch (s.length()) {
            case 5 -> s.substring(0, 3) + " " + s.substring(3);
            case 6 -> s.substring(0, 2) + " " + s.substring(2, 4) + " " + s.substring(4);
            case 7 -> s.substring(0, 3) + " " + s.substring(3, 5) + " " + s.substring(5);
            case 8 -> s.substring(0, 3) + " " + s.substring(3, 6) + " " + s.substring(6);
            default -> throw new IllegalArgumentException("subscriber number of " + s.length() + " digits");
        };
    }
}
