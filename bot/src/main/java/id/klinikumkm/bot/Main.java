package id.klinikumkm.bot;

import id.klinikumkm.bot.accounts.AccountCommands;
import id.klinikumkm.bot.bench.BaselineServer;
import id.klinikumkm.bot.bench.LoadBench;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.config.ConfigException;
import id.klinikumkm.bot.config.ConfigLoader;
import id.klinikumkm.bot.nlu.NluCommands;
import id.klinikumkm.bot.storage.OutboxBench;

/**
 * Command line: {@code java -jar klinik-bot.jar [serve]}, or one of the classifier tools in {@link NluCommands}.
 * Exit codes: 0 normal stop, 1 failed to start, 2 invalid configuration or usage.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        boolean nlu = NluCommands.COMMANDS.contains(command);
        boolean user = "user".equals(command);
        if (OutboxBench.COMMAND.equals(command)) {
            System.exit(OutboxBench.run(args, System.out, System.err));
        }
        if (LoadBench.COMMAND.equals(command)) {
            System.exit(LoadBench.run(args, System.out, System.err));
        }
        if (BaselineServer.COMMAND.equals(command)) {
            // Started by the bench in its own JVM; keeps running until the bench stops it.
            int status = BaselineServer.run(args, System.err);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        if (!"serve".equals(command) && !nlu && !user) {
            System.err.println("Unknown command '" + command + "'. Usage: java -jar klinik-bot.jar [serve | "
                    + NluCommands.USAGE + " | " + AccountCommands.USAGE + " | " + OutboxBench.USAGE + " | " + LoadBench.USAGE + "]");
            System.exit(2);
        }
        AppConfig config;
        try {
            config = ConfigLoader.load(System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (nlu) {
            System.exit(NluCommands.run(config.nlu(), args, System.out, System.err));
        }
        if (user) {
            System.exit(AccountCommands.run(config, args, System.in, System.out, System.err));
        }
        serve(config);
    }

    private static void serve(AppConfig config) {
        Application application;
        try {
            application = Application.start(config);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("Start-up failed: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown"));
    }
}
