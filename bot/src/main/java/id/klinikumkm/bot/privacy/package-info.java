/**
 * Personal data as a whole (UU PDP 27/2022): the retention job that anonymises finished consultations after the
 * configured period, and an admin's export and erasure of one person's data on request. The statements live in
 * {@code storage.PersonalData}; erasure is the same as the user's own {@code /hapus}.
 */
package id.klinikumkm.bot.privacy;
