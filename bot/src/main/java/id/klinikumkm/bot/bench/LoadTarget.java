package id.klinikumkm.bot.bench;

import java.net.http.HttpRequest;

/** Where a phase's requests go and what it makes of a 2xx answer. */
interface LoadTarget {
    /** The next request of this user (the one refused with back-pressure, again, if there was one). */
    HttpRequest request(SimulatedUser user);

    /** A 2xx answer came back for the user's request. */
    default void answered(SimulatedUser user, String body) {}
}
