package id.klinikumkm.bot.accounts;

/** A staff member's account, without its password hash. */
public record Account(long id, String username, String displayName, Role role, boolean disabled) {}
