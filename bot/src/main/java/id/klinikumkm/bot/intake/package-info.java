/**
 * The intake: the guided form that collects what a consultant needs and opens a case; its validators are
 * reused by the staff pages, so they are pure functions of the typed text and return a problem code instead of
 * wording, leaving the hint to the caller.
 */
package id.klinikumkm.bot.intake;
