package id.klinikumkm.bot.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.intake.PhoneCheck;
import id.klinikumkm.bot.intake.PhoneNumbers;
import id.klinikumkm.bot.storage.PersonalData;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person asks the clinic for their data or for its erasure (UU PDP 27/2022): an admin finds their chats by a
 * case number or the phone number given in the form, downloads everything stored about a chat as JSON, or erases
 * it exactly as the user's own {@code /hapus} would. Both are written to the audit log with the admin's name.
 */
public final class PersonalDataRequests {
    private static final Pattern CASE_NUMBER = Pattern.compile("KUM-[0-9]{4}-[0-9]{5,}");

    private final PersonalData data;
    private final ObjectMapper json;

    public PersonalDataRequests(PersonalData data, ObjectMapper json) {
        this.data = data;
        this.json = json;
    }

    /** What was searched for, and what was found or why nothing could be. */
    public record Search(String query, List<PersonalData.ChatRef> chats, String message) {}

    /** Finds chats by a case number ({@code KUM-2026-00001}) or a mobile number in any usual spelling. */
    public Search find(String typed) {
        String query = typed == null ? "" : typed.strip();
        if (query.isEmpty()) {
            return new Search("", List.of(), "");
        }
        String upper = query.toUpperCase(java.util.Locale.ROOT);
        List<PersonalData.ChatRef> found;
        if (CASE_NUMBER.matcher(upper).matches()) {
            found = data.find(upper, null);
        } else {
            PhoneCheck phone = PhoneNumbers.read(query);
            if (!(phone instanceof PhoneCheck.Valid valid)) {
                return new Search(query, List.of(), "Tulis nomor kasus (misalnya KUM-2026-00001) atau nomor HP yang diisi di formulir.");
            }
            found = data.find(null, valid.e164());
        }
        return new Search(query, found, found.isEmpty() ? "Tidak ada percakapan dengan kasus bernomor atau bernomor HP itu." : "");
    }

    /** Everything stored about the chat, as indented JSON; empty for an unknown chat. */
    public Optional<String> export(long chatId, String admin) {
        return data.export(chatId, admin).map(this::indented);
    }

    /** Erases the chat's personal data as {@code /hapus} does; false for an unknown chat. */
    public boolean erase(long chatId, String admin) {
        return data.erase(chatId, admin);
    }

    private String indented(String compact) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(compact));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
