package id.klinikumkm.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chats appear in logs only through {@link ChatKey#toString}: a channel and a short digest, never the chat id itself. */
class ChatKeyTest {
    @Test
    void a_chat_is_logged_as_a_stable_digest_without_its_id() {
        ChatKey telegram = new ChatKey(Channel.TELEGRAM, "6281234567890");
        ChatKey web = new ChatKey(Channel.WEB, "sesi-rahasia-0123456789abcdef");

        assertThat(telegram.toString()).startsWith("telegram:").doesNotContain("6281234567890").doesNotContain("81234");
        assertThat(web.toString()).startsWith("web:").doesNotContain("rahasia").doesNotContain("0123456789");
        assertThat(telegram.toString()).isEqualTo(new ChatKey(Channel.TELEGRAM, "6281234567890").toString());
        assertThat(telegram.toString()).isNotEqualTo(new ChatKey(Channel.TELEGRAM, "6281234567891").toString());
    }
}
