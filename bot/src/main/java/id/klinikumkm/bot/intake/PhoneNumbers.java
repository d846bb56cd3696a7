package id.klinikumkm.bot.intake;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the Indonesian mobile numbers people type, in every common spelling, into one E.164 form, because the
 * consultants reach clients by WhatsApp and a landline or foreign number cannot be used for that.
 */
public final class PhoneNumbers {
    private static final Pattern LABELS =
            Pattern.compile("^(?:(?:whatsapp|telepon|nomor|telp|hp|wa|no)[ .:]*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern INVISIBLE_SPACES = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\s\\p{Zs}]");
    private static final Pattern SEPARATORS = Pattern.compile("[ .\\-/()]");
    private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("\\+?[0-9 .\\-/()]*");
    private static final Pattern E164_MOBILE = Pattern.compile("\\+628[0-9]{8,11}");
    private static final String COUNTRY = "62";
    private static final int MIN_MOBILE = 9;
    private static final int MAX_MOBILE = 12;

    private PhoneNumbers() {}

    public static PhoneCheck read(String typed) {
        String text = withoutLabel(plainSpaces(typed)).strip();
        if (text.isEmpty()) {
            return invalid(PhoneCheck.Problem.EMPTY);
        }
        if (!DIGITS_AND_SEPARATORS.matcher(text).matches()) {
            return invalid(PhoneCheck.Problem.NOT_A_NUMBER);
        }
        String digits = SEPARATORS.matcher(text).replaceAll("");
        boolean international = digits.startsWith("+") && !digits.startsWith("+0");
        return fromDigits(digits.replace("+", ""), international);
    }

    /**
     * Spells a stored number the way Indonesians write it, so staff can read it back over the phone; anything
     * that is not a mobile number from {@link #read} is returned unchanged rather than failing a page.
     */
    public static String display(String e164) {
        Objects.requireNonNull(e164, "e164");
        if (!E164_MOBILE.matcher(e164).matches()) {
            return e164;
        }
        String national = "0" + e164.substring(3);
        String rest = national.substring(4);
        int half = rest.length() / 2;
        return national.substring(0, 4) + "-" + rest.substring(0, half) + "-" + rest.substring(half);
    }

    private static String plainSpaces(String typed) {
        if (typed == null) {
            return "";
        }
        String compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        return INVISIBLE_SPACES.matcher(compatible).replaceAll(" ");
    }

    private static String withoutLabel(String text) {
        return LABELS.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
    }

    private static PhoneCheck fromDigits(String digits, boolean international) {
        if (international) {
            return digits.startsWith(COUNTRY) ? national(afterTrunkZero(digits.substring(2))) : foreign(digits);
        }
        if (digits.startsWith("00")) {
            return digits.startsWith("00" + COUNTRY) ? national(afterTrunkZero(digits.substring(4))) : foreign(digits);
        }
        if (digits.startsWith("0")) {
            return national(digits.substring(1));
        }
        if (digits.startsWith(COUNTRY)) {
            return national(afterTrunkZero(digits.substring(2)));
        }
        return digits.startsWith("8") ? national(digits) : invalid(PhoneCheck.Problem.NOT_A_NUMBER);
    }

    /** People often keep the national 0 after the country code, as in {@code +62 (0)812…}. */
    private static String afterTrunkZero(String national) {
        return national.startsWith("0") ? national.substring(1) : national;
    }

    private static PhoneCheck foreign(String digits) {
        boolean unfinishedIndonesian = ("00" + COUNTRY).startsWith(digits) || COUNTRY.startsWith(digits);
        return invalid(unfinishedIndonesian ? PhoneCheck.Problem.TOO_SHORT : PhoneCheck.Problem.FOREIGN);
    }

    private static PhoneCheck national(String significant) {
        if (significant.isEmpty()) {
            return invalid(PhoneCheck.Problem.TOO_SHORT);
        }
        if (!significant.startsWith("8")) {
            return invalid(PhoneCheck.Problem.LANDLINE);
        }
        if (significant.length() < MIN_MOBILE) {
            return invalid(PhoneCheck.Problem.TOO_SHORT);
        }
        if (significant.length() > MAX_MOBILE) {
            return invalid(PhoneCheck.Problem.TOO_LONG);
        }
        return new PhoneCheck.Valid("+" + COUNTRY + significant);
    }

    private static PhoneCheck invalid(PhoneCheck.Problem problem) {
        return new PhoneCheck.Invalid(problem);
    }
}
