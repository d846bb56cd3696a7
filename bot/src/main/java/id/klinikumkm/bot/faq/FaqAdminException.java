package id.klinikumkm.bot.faq;

import java.util.Map;

/**
 * An admin's change that was refused, with a message in Indonesian for the page. {@link Kind} tells the page
 * what to do: show the field messages, offer to reload, or say the entry is gone.
 */
public final class FaqAdminException extends RuntimeException {
    /** INVALID: fix the marked fields (HTTP 400 / 422); CONFLICT: someone saved first (409); NOT_FOUND (404). */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final Kind kind;
    private final Map<String, String> fieldErrors;

    private FaqAdminException(Kind kind, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    static FaqAdminException invalid(Map<String, String> fieldErrors) {
        return new FaqAdminException(Kind.INVALID, "Perubahan belum disimpan. Periksa kembali isian yang ditandai.", fieldErrors);
    }

    static FaqAdminException conflict(String key, int currentVersion, String editedBy) {
        String who = editedBy == null ? "" : " oleh " + editedBy;
        return new FaqAdminException(Kind.CONFLICT, "Entri " + key + " sudah diubah" + who + " (sekarang versi " + currentVersion
                + ") sejak halaman ini dibuka. Perubahan Bapak/Ibu belum disimpan: muat ulang halaman untuk melihat versi terbaru,"
                + " lalu ulangi perubahannya.", Map.of());
    }

    static FaqAdminException notFound(String what) {
        return new FaqAdminException(Kind.NOT_FOUND, what + " tidak ditemukan.", Map.of());
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Indonesian messages by field name: {@code key}, {@code topic}, {@code title}, {@code answer},
     * {@code details}, {@code sources}, {@code reviewedOn}, {@code related}, {@code menuOrder}. Empty unless
     * {@link Kind#INVALID}.
     */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
