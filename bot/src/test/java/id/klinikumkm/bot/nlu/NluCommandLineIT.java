package id.klinikumkm.bot.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.klinikumkm.bot.testing.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classifier's commands through the packaged jar, as the README runs them. */
class NluCommandLineIT {
    private static final Path JAR = Path.of("target", "klinik-bot.jar").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void nlu_eval_on_the_test_file_ends_with_the_summary_line() throws Exception {
        Path out = workDir.resolve("out.txt");
        Process process = run(out, "nlu-eval", RepoFiles.nlpModels().resolve(NluModels.TEST_FILE).toString());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "nlu-eval did not finish");

        List<String> lines = Files.readAllLines(out);
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        assertThat(lines.get(lines.size() - 1))
                .matches("nlu-eval: accuracy=\\d\\.\\d{3} in_scope_accuracy=\\d\\.\\d{3} oos_recall=\\d\\.\\d{3} macro_f1=\\d\\.\\d{3} n=\\d+");
    }

    @Test
    void an_unknown_command_exits_2_with_a_usage_line() throws Exception {
        Path out = workDir.resolve("out.txt");
        Process process = run(out, "frobnicate");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertThat(Files.readString(out)).contains("Usage").contains("train-nlu").contains("nlu-eval");
    }

    private Process run(Path output, String... args) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run 'mvn package' first: " + JAR + " is missing");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("KLINIK_") || k.startsWith("TELEGRAM_"));
        builder.environment().put("KLINIK_NLU_MODELS_DIR", RepoFiles.nlpModels().toString());
        return builder.start();
    }
}
