package id.klinikumkm.bot.nlu;

import id.klinikumkm.bot.conversation.Intents;
import id.klinikumkm.bot.conversation.TextCleaner;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Training examples admins add in the database; the next retraining ({@link Retrainer}) learns them together with
 * {@code intents-id.train}. Checks what goes in, so a bad example fails here with a message for the admin and
 * not later in the middle of a retraining run.
 */
public final class TrainingExamples {
    public static final int MAX_TEXT_CHARS = 1000;

    private final TrainingExamplesDao dao;

    public TrainingExamples(TrainingExamplesDao dao) {
        this.dao = Objects.requireNonNull(dao, "dao");
    }

    /**
     * Adds an example.
     *
     * @param unansweredId the unanswered question it was made from, if any
     * @return its id
     * @throws IllegalArgumentException (with an Indonesian message for the admin) for a malformed key or a text
     *     that is empty or longer than {@value #MAX_TEXT_CHARS} characters after cleaning
     */
    public long add(String intentKey, String text, String addedBy, OptionalLong unansweredId) {
        if (!Intents.isValidKey(intentKey)) {
            throw new IllegalArgumentException("Kunci topik tidak sah: huruf kecil dan titik, paling panjang "
                    + Intents.MAX_KEY_LENGTH + " karakter.");
        }
        String cleaned = TextCleaner.clean(Objects.requireNonNull(text, "text")).strip();
        if (cleaned.isEmpty() || cleaned.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("Teks contoh harus 1 sampai " + MAX_TEXT_CHARS + " karakter.");
        }
        if (addedBy == null || addedBy.isBlank()) {
            throw new IllegalArgumentException("Nama admin yang menambahkan harus diisi.");
        }
        Long source = unansweredId.isPresent() ? unansweredId.getAsLong() : null;
        return dao.insert(intentKey, cleaned, addedBy.strip(), source);
    }

    /** Every example, oldest first. */
    public List<TrainingExample> list() {
        return dao.all();
    }

    /** @return false when there was no such example */
    public boolean delete(long id) {
        return dao.delete(id);
    }
}
