/**
 * Staff accounts (admins and consultants): BCrypt password hashes, logins with a lock after repeated wrong
 * passwords, browser sessions and API tokens stored as hashes in PostgreSQL (so a login works on every
 * instance and survives restarts), the first admin account, the {@code user} command, and the audit of
 * every change. Knows no HTTP: the staff pages use it.
 */
package id.klinikumkm.bot.accounts;
