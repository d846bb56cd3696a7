package id.klinikumkm.bot.logging;

import java.sql.SQLException;

/**
 * Describes a failure without its message text: database errors can quote row values (chat text, names),
 * which must never reach logs. Class names and SQL states are enough to diagnose.
 */
public final class Failures {
    private Failures() {}

    /** The failure as a chain of exception class names, with SQL states; never its message text. */
    public static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < 300; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" [SQLState ").append(sql.getSQLState()).append(']');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }
}
