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
        assertOnlyIn("org.telegram.", "telegram");
    }

    @Test
    void only_the_storage_package_imports_jdbi_and_the_database_libraries() throws IOException {
        assertOnlyIn("org.jdbi.", "storage");
        assertOnlyIn("com.zaxxer.", "storage");
        assertOnlyIn("org.flywaydb.", "storage");
        assertOnlyIn("io.zonky.", "storage");
    }

    @Test
    void only_http_adapters_import_javalin() throws IOException {
        assertOnlyIn("io.javalin.", "http", "web", "telegram", "metrics");
    }

    @Test
    void the_conversation_engine_imports_no_library_or_adapter() throws IOException {
        Path conversation = SOURCES.resolve("conversation");
        for (String forbidden : List.of("io.javalin.", "org.telegram.", "org.jdbi.", "java.sql.", "opennlp.",
                "io.micrometer.", "com.fasterxml.", "id.klinikumkm.bot.nlu.", "id.klinikumkm.bot.storage.",
                "id.klinikumkm.bot.web.", "id.klinikumkm.bot.telegram.", "id.klinikumkm.bot.metrics.")) {
            assertThat(filesImporting(forbidden, conversation)).as("conversation files importing " + forbidden).isEmpty();
        }
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

    private static boolean imports(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .anyMatch(line -> line.startsWith("import " + prefix) || line.startsWith("import static " + prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
