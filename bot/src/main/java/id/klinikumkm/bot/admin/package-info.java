/**
 * The staff pages and their JSON API: log-in and log-out, the access guard that checks every {@code /admin}
 * and {@code /api/admin} route's declared role in one place (and CSRF tokens on forms), and the admin pages.
 * Server-rendered with jte templates ({@code bot/src/main/jte}), which escape by default and are compiled at
 * build time. An adapter: it knows the features, they do not know it.
 */
package id.klinikumkm.bot.admin;
