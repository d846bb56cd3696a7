package id.klinikumkm.bot.conversation;

/** A choice offered to the user; pressing it sends {@code payload} back. */
public record Button(String label, String payload) {}
