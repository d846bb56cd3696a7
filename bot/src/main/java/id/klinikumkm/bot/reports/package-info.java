/**
 * The management report of the clinic ({@code /admin/reports} and its CSV export): cases per ISO week, topic and
 * kecamatan, the median times to a consultant's first reply and to resolution, satisfaction ratings, and how
 * often the bot answered a typed question against how often a chat was handed to a person. One
 * {@link id.klinikumkm.bot.reports.Report} for a date range in the clinic's time zone feeds the page and the
 * CSV alike, so both always show the same numbers. Counts only: nothing here reads a name, a phone number or a
 * message's text. Nothing here knows a channel or a page.
 */
package id.klinikumkm.bot.reports;
