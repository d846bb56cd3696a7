package id.klinikumkm.bot.testing;

import id.klinikumkm.bot.Application;
import id.klinikumkm.bot.config.AppConfig;
import id.klinikumkm.bot.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;

/** Starts the whole service, as Main does, on a free port and a given database. */
public final class TestApp {
    private TestApp() {}

    public static AppConfig config(String databaseUrl, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(overrides);
        values.put("http.port", "0");
        values.put("http.host", "127.0.0.1");
        values.put("http.shutdown.grace.seconds", "1");
        // The repository's NLU data and model, as when the jar runs from the repository root.
        values.putIfAbsent("nlu.models.dir", RepoFiles.nlpModels().toString());
        if (databaseUrl != null) {
            values.put("db.url", databaseUrl);
        }
        return ConfigLoader.load(values, Map.of());
    }

    public static Application start(String databaseUrl) {
        return Application.start(config(databaseUrl, Map.of()));
    }
}
