package id.klinikumkm.bot.cases;

import java.util.Optional;

/** The port to the files users sent (Telegram keeps them; we keep their file_id). */
@FunctionalInterface
public interface AttachmentSource {
    /** Used when no channel keeps files (Telegram off). */
    AttachmentSource NONE = fileId -> Optional.empty();

    /** The file's bytes, or empty when the channel no longer has it or cannot be reached. */
    Optional<byte[]> fetch(String fileId);
}
