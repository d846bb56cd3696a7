package id.klinikumkm.bot.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.storage.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Staff accounts from the command line, on the configured database:
 * <pre>
 * user add USERNAME admin|consultant [DISPLAY NAME]   the password is read from standard input (one line)
 * user reset USERNAME                                 prints a new random password; ends the account's sessions
 * user disable USERNAME                               the account can no longer log in; ends its sessions
 * user token USERNAME NAME                            prints a new API token for /api/admin (shown once)
 * user revoke USERNAME NAME                           revokes that API token
 * user consultant USERNAME legal,halal [MAX] [inactive] what cases the consultant is routed (default 10 open, active)
 * </pre>
 * Exit codes: 0 done, 1 failed, 2 wrong usage. Passwords never appear in arguments (shell history, ps).
 */
public final class AccountCommands {
    public static final String USAGE = "user add USERNAME admin|consultant [DISPLAY NAME] | user reset USERNAME"
            + " | user disable USERNAME | user token USERNAME NAME | user revoke USERNAME NAME"
            + " | user consultant USERNAME legal,packaging,halal,other [MAX_OPEN_CASES] [active|inactive]";
    private static final String ACTOR = "command-line";

    private AccountCommands() {}

    public static int run(AppConfig config, String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 3) {
            err.println("Usage: java -jar klinik-bot.jar " + USAGE);
            return 2;
        }
        try (Database database = Database.open(config.db())) {
            Accounts accounts = new Accounts(database.jdbi().onDemand(AccountDao.class), new ObjectMapper());
            String username = args[2].toLowerCase(Locale.ROOT);
            switch (args[1]) {
                case "add" -> {
                    if (args.length < 4) {
                        err.println("Usage: java -jar klinik-bot.jar " + USAGE);
                        return 2;
                    }
                    Role role = Role.of(args[3]);
                    String displayName = args.length > 4 ? String.join(" ", java.util.Arrays.copyOfRange(args, 4, args.length)) : username;
                    String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                    if (accounts.create(username, displayName, role, password == null ? "" : password.strip(), ACTOR).isEmpty()) {
                        err.println("user add failed: the account " + username + " exists already");
                        return 1;
                    }
                    out.println("Account " + username + " (" + role.id() + ") created.");
                }
                case "reset" -> out.println("New password for " + username + ": " + accounts.resetPassword(username, ACTOR));
                case "disable" -> out.println(accounts.disable(username, ACTOR)
                        ? "Account " + username + " disabled." : "Account " + username + " was disabled already.");
                case "token" -> out.println("API token '" + arg(args, 3) + "' for " + username + " (shown once): "
                        + accounts.createToken(username, arg(args, 3), ACTOR));
                case "revoke" -> out.println(accounts.revokeToken(username, arg(args, 3), ACTOR)
                        ? "Token revoked." : "No such active token.");
                case "consultant" -> {
                    java.util.List<String> specialties = java.util.List.of(arg(args, 3).toLowerCase(Locale.ROOT).split(","));
                    int maxOpen = args.length > 4 ? Integer.parseInt(args[4]) : 10;
                    boolean active = args.length <= 5 || !args[5].equalsIgnoreCase("inactive");
                    accounts.saveConsultantProfile(username, specialties, maxOpen, active);
                    out.println("Consultant " + username + ": " + String.join(", ", specialties) + ", at most " + maxOpen
                            + " open cases, " + (active ? "taking cases" : "not taking cases") + ".");
                }
                default -> {
                    err.println("Usage: java -jar klinik-bot.jar " + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("user " + args[1] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String arg(String[] args, int index) {
        if (args.length <= index) {
            throw new IllegalArgumentException("missing argument: " + USAGE);
        }
        return args[index];
    }
}
