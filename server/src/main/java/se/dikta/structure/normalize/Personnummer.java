package se.dikta.structure.normalize;

/**
 * A Swedish personnummer (or samordningsnummer, day + 60) as spoken digits.
 *
 * @param century "19" or "20" when spoken, otherwise ""
 * @param digits  the ten digits YYMMDDNNNN
 */
record Personnummer(String century, String digits) {

    /** Reads 10 digits, or 12 whose first two are a century (18, 19, 20); null otherwise. */
    static Personnummer of(String spoken) {
        if (spoken.length() == 10) {
            return new Personnummer("", spoken);
        }
        if (spoken.length() == 12) {
            String century = spoken.substring(0, 2);
            if (century.equals("18") || century.equals("19") || century.equals("20")) {
                return new Personnummer(century, spoken.substring(2));
            }
        }
        return null;
    }

    /** YYYYMMDD-NNNN with a spoken century, otherwise YYMMDD-NNNN. */
    String written() {
        return century + digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** Month 01–12 and day 01–31, or 61–91 for a samordningsnummer. */
    boolean hasPlausibleDate() {
        int month = Integer.parseInt(digits.substring(2, 4));
        int day = Integer.parseInt(digits.substring(4, 6));
        return month >= 1 && month <= 12 && (day >= 1 && day <= 31 || day >= 61 && day <= 91);
    }

    /** Luhn check over YYMMDDNNNN: weights 2,1,2,1…, digits of each product summed, total divisible by 10. */
    boolean checksumValid() {
        return luhnValid(digits);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            int product = i % 2 == 0 ? d * 2 : d;
            sum += product > 9 ? product - 9 : product;
        }
        return sum % 10 == 0;
    }
}
