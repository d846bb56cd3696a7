package id.klinikumkm.bot.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
        return jdbi.withExtension(PersonalDataDao.class, dao -> dao.find(caseNumber, phone));
    }

    /**
     * Everything stored about the chat as one JSON object (Indonesian keys, times in UTC), the export written to the
     * audit log in the same transaction; empty for an unknown chat.
     */
    public Optional<String> export(long chatId, String admin) {
        return jdbi.inTransaction(handle -> {
            Optional<String> exported = handle.attach(PersonalDataDao.class).export(chatId);
            exported.ifPresent(json -> handle.attach(TurnDao.class).record("admin", admin, "chat.exported", "chat:" + chatId));
            return exported;
        });
    }

    /** Erases the chat as {@code /hapus} does, on an admin's request; false for an unknown chat. */
    public boolean erase(long chatId, String admin) {
        return jdbi.inTransaction(handle -> {
            Optional<PersonalDataDao.Target> target = handle.attach(PersonalDataDao.class).lock(chatId);
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
            PersonalDataDao chats = handle.attach(PersonalDataDao.class);
            TurnDao dao = handle.attach(TurnDao.class);
            int done = 0;
            for (PersonalDataDao.Target chat : chats.lockExpired(before, limit)) {
                // A fresh snapshot: another instance may have anonymised it between our query and our lock.
                if (chats.stillExpired(chat.id(), before)) {
                    ChatErasure.erase(dao, chat.id(), chat.channel(), chat.externalId());
                    dao.record("system", "retensi", "chat.anonymised", "chat:" + chat.id());
                    done++;
                }
            }
            return done;
        });
    }
}
