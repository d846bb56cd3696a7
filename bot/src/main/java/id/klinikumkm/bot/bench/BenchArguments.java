package id.klinikumkm.bot.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name N} pairs after the command, each a whole number; flags without a value are skipped. */
final class BenchArguments {
    private BenchArguments() {}

    static Map<String, Integer> parse(String[] args, Set<String> names, Set<String> flags) {
        Map<String, Integer> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (flags.contains(args[i])) {
                continue;
            }
            if (!names.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            try {
                values.put(args[i], Integer.parseInt(args[i + 1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i] + " needs a whole number, not '" + args[i + 1] + "'");
            }
            i++;
        }
        return values;
    }
}
