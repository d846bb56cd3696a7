package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import id.klinikumkm.bot.testing.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The import rules of the design notes, checked on the sources: OpenNLP stays in nlu, the engine stays pure. */
class NluBoundariesTest {
    private static final Path SOURCES = RepoFiles.root().resolve("bot/src/main/java/id/klinikumkm/bot");

    @Test
    void only_the_nlu_package_imports_opennlp() throws IOException {
        assertThat(filesImporting("opennlp.", SOURCES))
                .allMatch(file -> file.startsWith(SOURCES.resolve("nlu")), "is in the nlu package");
    }

    @Test
    void the_conversation_engine_imports_no_http_telegram_jdbc_or_opennlp() throws IOException {
        Path conversation = SOURCES.resolve("conversation");
        for (String forbidden : List.of("io.javalin.", "org.telegram.", "org.jdbi.", "java.sql.", "opennlp.", "id.klinikumkm.bot.nlu.")) {
            assertThat(filesImporting(forbidden, conversation)).as("conversation files importing " + forbidden).isEmpty();
        }
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
            throw new java.io.UncheckedIOException(e);
        }
    }
}
