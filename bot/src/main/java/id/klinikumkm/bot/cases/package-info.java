/**
 * Consultations routed to people: the case an intake opens (number, intake, channel, status) and what a user is
 * told about their cases (/status). Cases are written in the turn's transaction of the chat they belong to.
 */
package id.klinikumkm.bot.cases;
