package id.klinikumkm.bot.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One person's data as a whole, for the rights UU PDP 27/2022 gives them and for the retention period: finding
 * a person's chats, exporting everything stored about a chat, erasing it on an admin's request, and anonymising
 * chats whose consultations were closed long ago. Erasure and anonymisation run {@link ChatErasure}, the same
 * statements as the user's own {@code /hapus}, on the locked chat row, so they never interleave with a turn of
 * the chat, on this instance or another.
 */
public final class PersonalData {
    /** A chat found for a request, with its cases' numbers and how many messages it has. */
    public record ChatRef(long id, String channel, String displayName, List<String> caseNumbers, long messages,
                          OffsetDateTime lastMessageAt) {}

    private final Jdbi jdbi;

    public PersonalData(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The chats with a case of this number, or a case with this phone number (+628...); newest first. */
    public List<ChatRef> find(String caseNumber, String phone) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.id, c.channel, c.display_name,
                               array(SELECT number FROM cases WHERE chat_id = c.id ORDER BY id) AS case_numbers,
                               (SELECT count(*) FROM messages WHERE chat_id = c.id) AS messages,
                               (SELECT max(created_at) FROM messages WHERE chat_id = c.id) AS last_message_at
                        FROM chats c
                        WHERE c.id IN (SELECT chat_id FROM cases WHERE number = :number OR phone = :phone)
                        ORDER BY c.id DESC
                        """)
                .bind("number", caseNumber).bind("phone", phone)
                .map((rs, ctx) -> new ChatRef(rs.getLong("id"), rs.getString("channel"), rs.getString("display_name"),
                        List.of((String[]) rs.getArray("case_numbers").getArray()), rs.getLong("messages"),
                        rs.getObject("last_message_at", OffsetDateTime.class)))
                .list());
    }

    /**
     * Everything stored about the chat as one JSON object (Indonesian keys, times in UTC), the export written to the
     * audit log in the same transaction; empty for an unknown chat.
     */
    public Optional<String> export(long chatId, String admin) {
        return jdbi.inTransaction(handle -> {
            Optional<String> exported = handle.createQuery(EXPORT).bind("chatId", chatId).mapTo(String.class).findOne();
            exported.ifPresent(json -> handle.attach(TurnDao.class).record("admin", admin, "chat.exported", "chat:" + chatId));
            return exported;
        });
    }

    /** Erases the chat as {@code /hapus} does, on an admin's request; false for an unknown chat. */
    public boolean erase(long chatId, String admin) {
        return jdbi.inTransaction(handle -> {
            Optional<Target> target = handle.createQuery("SELECT id, channel, external_id FROM chats WHERE id = :chatId FOR UPDATE")
                    .bind("chatId", chatId).map((rs, ctx) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3))).findOne();
            target.ifPresent(chat -> {
                TurnDao dao = handle.attach(TurnDao.class);
                ChatErasure.erase(dao, chat.id(), chat.channel(), chat.externalId());
                dao.record("admin", admin, "chat.erased", "chat:" + chat.id());
            });
            return target.isPresent();
        });
    }

    /**
     * Anonymises up to {@code limit} chats whose cases were all closed before {@code cutoff} and that wrote nothing
     * since: the chats are locked with SKIP LOCKED, so instances running this at once take different chats and
     * never wait for a turn, and each is checked again once locked, so none is anonymised twice.
     *
     * @return how many chats were anonymised (fewer than {@code limit}: none are left for now)
     */
    public int anonymiseClosedBefore(Instant cutoff, int limit) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            List<Target> due = handle.createQuery("SELECT c.id, c.channel, c.external_id FROM chats c WHERE c.id IN (SELECT chat_id FROM cases "
                            + "WHERE status = 'closed' AND erased_at IS NULL AND closed_at < :cutoff) AND " + EXPIRED
                            + " ORDER BY c.id LIMIT :limit FOR UPDATE OF c SKIP LOCKED")
                    .bind("cutoff", before).bind("limit", limit)
                    .map((rs, ctx) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
            TurnDao dao = handle.attach(TurnDao.class);
            int done = 0;
            for (Target chat : due) {
                // A fresh snapshot: another instance may have anonymised it between our query and our lock.
                if (stillExpired(handle, chat.id(), before)) {
                    ChatErasure.erase(dao, chat.id(), chat.channel(), chat.externalId());
                    dao.record("system", "retensi", "chat.anonymised", "chat:" + chat.id());
                    done++;
                }
            }
            return done;
        });
    }

    private static boolean stillExpired(Handle handle, long chatId, OffsetDateTime cutoff) {
        return handle.createQuery("SELECT EXISTS (SELECT 1 FROM chats c WHERE c.id = :chatId AND " + EXPIRED + ")")
                .bind("chatId", chatId).bind("cutoff", cutoff).mapTo(Boolean.class).one();
    }

    private record Target(long id, String channel, String externalId) {}

    /** A chat with a case not yet erased, every such case closed before the cutoff, and no message since. */
    private static final String EXPIRED = """
            EXISTS (SELECT 1 FROM cases k WHERE k.chat_id = c.id AND k.erased_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.chat_id = c.id AND k.erased_at IS NULL
                            AND (k.status <> 'closed' OR k.closed_at IS NULL OR k.closed_at >= :cutoff))
            AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.chat_id = c.id AND m.created_at >= :cutoff)
            """;

    private static final String EXPORT = """
            SELECT json_build_object(
                'percakapan', json_build_object(
                    'saluran', c.channel, 'id_percakapan', c.external_id, 'nama', c.display_name,
                    'setuju_disimpan_sejak', c.consent_at, 'pertama_kali', c.created_at, 'terakhir_diubah', c.updated_at,
                    'alur_berjalan', json_build_object('alur', c.state_flow, 'langkah', c.state_step, 'isian', c.state_slots)),
                'pesan', coalesce((SELECT json_agg(json_build_object(
                        'id', m.id, 'waktu', m.created_at, 'dari', m.author, 'jenis', m.kind, 'isi', m.body,
                        'berkas', m.file_id IS NOT NULL, 'pengiriman', m.delivery) ORDER BY m.id)
                    FROM messages m WHERE m.chat_id = c.id), '[]'::json),
                'kasus', coalesce((SELECT json_agg(json_build_object(
                        'nomor', k.number, 'status', k.status, 'dibuka', k.created_at, 'kebutuhan', k.needs,
                        'kecamatan', k.kecamatan, 'di_luar_kabupaten', k.outside_place, 'nama_lengkap', k.full_name,
                        'nama_usaha', k.business_name, 'produk', k.product, 'nomor_hp', k.phone,
                        'uraian', k.description, 'formulir', k.intake, 'balasan_pertama', k.first_reply_at,
                        'selesai', k.resolved_at, 'ditutup', k.closed_at, 'nilai', k.rating,
                        'komentar_nilai', k.rating_comment, 'dihapus', k.erased_at,
                        'riwayat', coalesce((SELECT json_agg(json_build_object('waktu', e.at, 'jenis', e.kind,
                                'dari_status', e.from_status, 'ke_status', e.to_status, 'keterangan', e.detail) ORDER BY e.id)
                            FROM case_events e WHERE e.case_id = k.id), '[]'::json),
                        'catatan_petugas', coalesce((SELECT json_agg(json_build_object('waktu', n.created_at, 'isi', n.body)
                                ORDER BY n.id) FROM case_notes n WHERE n.case_id = k.id), '[]'::json)) ORDER BY k.id)
                    FROM cases k WHERE k.chat_id = c.id), '[]'::json),
                'pertanyaan_belum_terjawab', coalesce((SELECT json_agg(json_build_object(
                        'waktu', u.created_at, 'teks', u.text, 'alasan', u.reason) ORDER BY u.id)
                    FROM unanswered_questions u WHERE u.chat_id = c.id), '[]'::json),
                'penilaian_jawaban', coalesce((SELECT json_agg(json_build_object(
                        'waktu', v.created_at, 'jawaban', v.intent_key, 'membantu', v.helpful) ORDER BY v.id)
                    FROM faq_votes v WHERE v.chat_id = c.id), '[]'::json)
            )::text
            FROM chats c WHERE c.id = :chatId
            """;
}
