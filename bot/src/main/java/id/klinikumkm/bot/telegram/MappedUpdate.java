package id.klinikumkm.bot.telegram;

import id.klinikumkm.bot.conversation.InboundMessage;
import java.util.Optional;

/** What one Telegram update means for the service. */
sealed interface MappedUpdate {

    /** A user's message or button press for the conversation engine. */
    record Inbound(InboundMessage message, Optional<String> callbackQueryId, boolean showTyping) implements MappedUpdate {}

    /** The user blocked (true) or unblocked (false) the bot. */
    record BlockChange(String chatId, boolean blocked) implements MappedUpdate {}

    /** Deliberately not answered (edits, group chats, unknown kinds); a pending button spinner is still stopped. */
    record Ignored(String reason, Optional<String> callbackQueryId) implements MappedUpdate {}
}
