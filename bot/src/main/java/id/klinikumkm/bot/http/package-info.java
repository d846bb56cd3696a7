/**
 * HTTP infrastructure shared by every adapter: the one Javalin server, security headers, error mapping to
 * Indonesian messages, JSON body reading, and the health and readiness routes.
 */
package id.klinikumkm.bot.http;
