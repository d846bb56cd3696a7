package id.klinikumkm.bot.faq;

import id.klinikumkm.bot.conversation.Intents;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an admin's draft against {@link EntryRules} (the seed files' rules) and says, per field and in
 * Indonesian, what to fix. The first problem of each field is reported, so the page shows one line per field.
 */
final class FaqDraftCheck {
    private static final int MAX_MENU_ORDER = 999;

    private final Map<String, String> errors = new LinkedHashMap<>();

    private FaqDraftCheck() {}

    /** Problems of a draft for entry {@code key}; {@code existingKeys} are all entries' keys. Empty when valid. */
    static Map<String, String> problems(String key, FaqDraft draft, Collection<String> existingKeys, LocalDate today) {
        FaqDraftCheck check = new FaqDraftCheck();
        check.content(key, draft, Set.copyOf(existingKeys), today);
        return check.errors;
    }

    /** Problems of a new entry: its key and topic as well as its content. */
    static Map<String, String> problemsOfNew(String key, String topic, FaqDraft draft, Collection<String> existingKeys, LocalDate today) {
        FaqDraftCheck check = new FaqDraftCheck();
        if (!Intents.isTopic(key)) {
            check.fail("key", "Kunci harus huruf kecil, angka atau garis bawah, bagian-bagiannya dipisah titik (mis. legal.nib.cost),"
                    + " paling banyak " + Intents.MAX_KEY_LENGTH + " karakter, dan bukan kunci percakapan (smalltalk, handoff, dll.).");
        } else if (existingKeys.contains(key)) {
            check.fail("key", "Kunci " + key + " sudah dipakai entri lain.");
        }
        if (topic == null || !FaqEntry.TOPICS.contains(topic)) {
            check.fail("topic", "Topik harus salah satu dari: " + String.join(", ", FaqEntry.TOPICS) + ".");
        }
        check.content(key, draft, Set.copyOf(existingKeys), today);
        return check.errors;
    }

    private void content(String key, FaqDraft draft, Set<String> existingKeys, LocalDate today) {
        if (draft.title().isEmpty()) {
            fail("title", "Judul wajib diisi.");
        } else if (!EntryRules.titleFits(draft.title())) {
            fail("title", "Judul paling banyak " + EntryRules.MAX_TITLE + " karakter.");
        }
        if (draft.answer().isEmpty()) {
            fail("answer", "Jawaban layar pertama wajib diisi.");
        } else if (!EntryRules.firstScreenFits(draft.answer())) {
            fail("answer", "Jawaban layar pertama paling banyak " + EntryRules.MAX_FIRST_SCREEN
                    + " karakter. Pindahkan sisanya ke bagian Selengkapnya.");
        }
        sources(draft.sources());
        if (draft.reviewedOn() == null) {
            fail("reviewedOn", "Tanggal terakhir diperiksa wajib diisi.");
        } else if (draft.reviewedOn().isAfter(today)) {
            fail("reviewedOn", "Tanggal terakhir diperiksa tidak boleh setelah hari ini.");
        }
        related(key, draft.related(), existingKeys);
        if (draft.menuOrder().isPresent() && (draft.menuOrder().getAsInt() < 1 || draft.menuOrder().getAsInt() > MAX_MENU_ORDER)) {
            fail("menuOrder", "Urutan menu harus bilangan bulat 1 sampai " + MAX_MENU_ORDER + ", atau kosong jika tidak tampil di menu.");
        }
    }

    private void sources(List<FaqEntry.Source> sources) {
        if (sources.isEmpty()) {
            fail("sources", "Isi minimal satu sumber resmi (judul dan alamat https://).");
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            FaqEntry.Source source = sources.get(i);
            String which = "Sumber ke-" + (i + 1) + ": ";
            if (source.title().isEmpty()) {
                fail("sources", which + "judul wajib diisi.");
            }
            EntryRules.addressProblem(source.url()).ifPresent(problem -> fail("sources", which + switch (problem) {
                case NOT_HTTPS -> "alamat harus diawali https://.";
                case MALFORMED, NO_HOST -> "alamat " + source.url() + " tidak valid.";
            }));
        }
        if (!errors.containsKey("sources") && !EntryRules.hasGovernmentSource(sources)) {
            fail("sources", "Minimal satu sumber harus alamat resmi pemerintah (.go.id).");
        }
    }

    private void related(String key, List<String> related, Set<String> existingKeys) {
        if (related.size() > EntryRules.MAX_RELATED) {
            fail("related", "Entri terkait paling banyak " + EntryRules.MAX_RELATED + ".");
        } else if (related.contains(key)) {
            fail("related", "Entri tidak bisa terkait dengan dirinya sendiri.");
        } else if (Set.copyOf(related).size() < related.size()) {
            fail("related", "Entri terkait tidak boleh dipilih dua kali.");
        } else {
            related.stream().filter(k -> !existingKeys.contains(k)).findFirst()
                    .ifPresent(missing -> fail("related", "Entri terkait " + missing + " tidak ditemukan."));
        }
    }

    private void fail(String field, String message) {
        errors.putIfAbsent(field, message);
    }
}
