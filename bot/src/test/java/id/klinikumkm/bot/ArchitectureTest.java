package id.klinikumkm.bot;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.testing.RepoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rules of the design notes, checked on the sources: libraries stay in the package that adapts
 * them, and the conversation engine depends on no adapter.
 */
class ArchitectureTest {
    private static final Path SOURCES = RepoFiles.root().resolve("bot/src/main/java/id/klinikumkm/bot");

    @Test
    void only_the_nlu_package_imports_opennlp() throws IOException {
        assertOnlyIn("opennlp.", "nlu");
    }

    @Test
    void only_the_telegram_package_imports_the_telegram_library() throws IOException {
        // The load bench's bare route parses an Update, as the webhook does, to be a fair baseline.
        assertOnlyIn("org.telegram.", "telegram", "bench");
    }

    @Test
    void only_the_storage_package_and_feature_daos_import_jdbi() throws IOException {
        assertThat(filesImporting("org.jdbi.", SOURCES)).as("files importing jdbi").allSatisfy(file ->
                assertThat(file.startsWith(SOURCES.resolve("storage")) || file.getFileName().toString().endsWith("Dao.java"))
                        .as("%s imports jdbi but is neither in storage nor a DAO", SOURCES.relativize(file)).isTrue());
    }

    @Test
    void only_the_storage_package_imports_the_database_libraries() throws IOException {
        // The load bench starts its own throwaway PostgreSQL, and its bare route pools connections like the service.
        assertOnlyIn("com.zaxxer.", "storage", "bench");
        assertOnlyIn("org.flywaydb.", "storage");
        assertOnlyIn("io.zonky.", "storage", "bench");
    }

    @Test
    void only_http_adapters_import_javalin() throws IOException {
        // The load bench serves a bare route and a fake Bot API of its own.
        assertOnlyIn("io.javalin.", "http", "web", "admin", "telegram", "metrics", "bench");
    }

    @Test
    void the_conversation_engine_imports_no_feature_adapter_or_library() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve("conversation"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                assertThat(imports(file)).as("imports of %s", SOURCES.relativize(file)).allSatisfy(imported ->
                        assertThat(imported.startsWith("java.") || imported.startsWith("id.klinikumkm.bot.conversation."))
                                .as("%s imports %s", SOURCES.relativize(file), imported).isTrue());
            }
        }
    }

    @Test
    void features_know_no_adapter() throws IOException {
        for (String adapter : List.of("id.klinikumkm.bot.web.", "id.klinikumkm.bot.http.", "id.klinikumkm.bot.telegram.",
                "id.klinikumkm.bot.admin.")) {
            for (String feature : List.of("conversation", "faq", "nlu", "storage", "accounts")) {
                assertThat(filesImporting(adapter, SOURCES.resolve(feature))).as(feature + " files importing " + adapter).isEmpty();
            }
        }
    }

    @Test
    void every_package_says_what_it_owns() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.equals(SOURCES)).toList()) {
                assertThat(dir.resolve("package-info.java")).as("package-info.java of " + SOURCES.relativize(dir)).exists();
            }
        }
    }

    @Test
    void only_the_accounts_package_hashes_passwords() throws IOException {
        assertOnlyIn("org.springframework.security.", "accounts");
    }

    @Test
    void nothing_depends_on_the_composition_root() throws IOException {
        assertThat(filesImporting("id.klinikumkm.bot.Application", SOURCES)).isEmpty();
        assertThat(filesImporting("id.klinikumkm.bot.Main", SOURCES)).isEmpty();
    }

    private static void assertOnlyIn(String prefix, String... packages) throws IOException {
        assertThat(filesImporting(prefix, SOURCES)).as("files importing " + prefix).allSatisfy(file ->
                assertThat(Stream.of(packages).anyMatch(p -> file.startsWith(SOURCES.resolve(p))))
                        .as("%s imports %s but is not in %s", SOURCES.relativize(file), prefix, List.of(packages))
                        .isTrue());
    }

    private static List<Path> filesImporting(String prefix, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> imports(file, prefix))
                    .toList();
        }
    }

    private static List<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.replaceFirst("^import (static )?", "").replace(";", ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean imports(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .anyMatch(line -> line.startsWith("import " + prefix) || line.startsWith("import static " + prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
