package id.klinikumkm.bot.telegram;

import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.InboundMessage;
import id.klinikumkm.bot.conversation.Input;
import id.klinikumkm.bot.conversation.Sender;
import java.util.Optional;
import java.util.OptionalLong;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Translates Telegram updates into engine messages. Choices (documented in the README):
 * <ul>
 *   <li>Only private chats are served. In groups the bot stays silent and stores nothing: consultations are
 *       personal, and group members did not agree to have their messages kept.</li>
 *   <li>Edited messages are not answered again; the user's next message is.</li>
 *   <li>Stickers, photos, voice notes, locations, files get a friendly "please type your question".</li>
 *   <li>A shared contact is a phone number for the intake; only the sender's own contact counts as theirs.</li>
 *   <li>A case's "Ambil" pressed in the consultants' group is handled in the presser's private chat.</li>
 * </ul>
 */
final class UpdateMapper {
    /** Buttons that staff press in the consultants' group. */
    private static final String STAFF_BUTTONS = "case:";

    MappedUpdate map(Update update) {
        OptionalLong updateId = OptionalLong.of(update.getUpdateId());
        if (update.hasCallbackQuery()) {
            return callback(update.getCallbackQuery(), updateId);
        }
        if (update.hasMessage()) {
            return message(update.getMessage(), updateId);
        }
        if (update.hasEditedMessage()) {
            return new MappedUpdate.Ignored("edited message", Optional.empty());
        }
        if (update.hasMyChatMember() && "private".equals(update.getMyChatMember().getChat().getType())) {
            String status = update.getMyChatMember().getNewChatMember().getStatus();
            String chatId = String.valueOf(update.getMyChatMember().getChat().getId());
            return new MappedUpdate.BlockChange(chatId, "kicked".equals(status));
        }
        return new MappedUpdate.Ignored("update kind not served", Optional.empty());
    }

    /** The chat an update belongs to, for ordering; "0" when it has none. */
    static String chatIdOf(Update update) {
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            boolean privateChat = query.getMessage() != null && query.getMessage().isUserMessage();
            return String.valueOf(privateChat ? query.getMessage().getChatId() : query.getFrom().getId());
        }
        if (update.hasMessage()) {
            return String.valueOf(update.getMessage().getChatId());
        }
        if (update.hasEditedMessage()) {
            return String.valueOf(update.getEditedMessage().getChatId());
        }
        if (update.hasMyChatMember()) {
            return String.valueOf(update.getMyChatMember().getChat().getId());
        }
        return "0";
    }

    private static MappedUpdate callback(CallbackQuery query, OptionalLong updateId) {
        Optional<String> queryId = Optional.of(query.getId());
        boolean privateChat = query.getMessage() == null || query.getMessage().isUserMessage();
        boolean staffButton = query.getData() != null && query.getData().startsWith(STAFF_BUTTONS) && query.getFrom() != null;
        if (!privateChat && !staffButton || query.getData() == null) {
            return new MappedUpdate.Ignored("button outside a private chat", queryId);
        }
        // In the consultants' group, "Ambil" is handled as if pressed in the presser's own chat with the bot: that
        // is where they are known as staff, and where the answer goes.
        String chatId = String.valueOf(privateChat && query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId());
        var message = new InboundMessage(new ChatKey(Channel.TELEGRAM, chatId), sender(query.getFrom()),
                new Input.ButtonPress(query.getData()), updateId);
        return new MappedUpdate.Inbound(message, queryId, false);
    }

    private static MappedUpdate message(Message message, OptionalLong updateId) {
        if (!message.isUserMessage()) {
            return new MappedUpdate.Ignored("group chat", Optional.empty());
        }
        ChatKey chat = new ChatKey(Channel.TELEGRAM, String.valueOf(message.getChatId()));
        Input input = message.hasText() ? new Input.Text(message.getText())
                : message.hasContact() ? contact(message)
                : new Input.Attachment(attachmentKind(message), fileId(message));
        return new MappedUpdate.Inbound(new InboundMessage(chat, sender(message.getFrom()), input, updateId),
                Optional.empty(), message.hasText());
    }

    /** A shared phone number; it is the user's own only when Telegram says the contact is the sender. */
    private static Input contact(Message message) {
        var contact = message.getContact();
        boolean own = contact.getUserId() != null && message.getFrom() != null
                && contact.getUserId().equals(message.getFrom().getId());
        return new Input.Contact(contact.getPhoneNumber() == null ? "" : contact.getPhoneNumber(), own);
    }

    /** The largest size of a photo, or a document: what a consultant may need to see. */
    private static Optional<String> fileId(Message message) {
        if (message.hasPhoto() && !message.getPhoto().isEmpty()) {
            return Optional.of(message.getPhoto().get(message.getPhoto().size() - 1).getFileId());
        }
        return message.hasDocument() ? Optional.ofNullable(message.getDocument().getFileId()) : Optional.empty();
    }

    private static String attachmentKind(Message message) {
        if (message.hasSticker()) {
            return "sticker";
        }
        if (message.hasVoice() || message.hasAudio()) {
            return "voice";
        }
        if (message.hasPhoto()) {
            return "photo";
        }
        if (message.hasLocation()) {
            return "location";
        }
        if (message.hasDocument()) {
            return "document";
        }
        if (message.hasVideo() || message.hasVideoNote() || message.hasAnimation()) {
            return "video";
        }
        if (message.hasContact()) {
            return "contact";
        }
        return "other";
    }

    private static Sender sender(User user) {
        if (user == null) {
            return new Sender("", "");
        }
        String name = user.getFirstName() == null ? "" : user.getFirstName();
        if (user.getLastName() != null) {
            name = name + " " + user.getLastName();
        }
        return new Sender(String.valueOf(user.getId()), name.strip());
    }
}
