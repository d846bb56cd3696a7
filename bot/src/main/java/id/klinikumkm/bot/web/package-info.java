/**
 * The web chat adapter: the page at {@code /chat}, its JSON API ({@code /api/chat/...}) with rate limits, and
 * the classify API for admins. Thin: it parses, calls the conversation engine, and renders plain text.
 */
package id.klinikumkm.bot.web;
