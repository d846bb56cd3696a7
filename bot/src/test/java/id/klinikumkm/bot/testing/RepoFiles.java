package id.klinikumkm.bot.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (not of the module) that tests read, such as the NLU data in nlp-models/. */
public final class RepoFiles {
    private RepoFiles() {}

    /** The repository root: the {@code klinik.repo.root} property set by the build, else found from here. */
    public static Path root() {
        String configured = System.getProperty("klinik.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("nlp-models"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Dklinik.repo.root");
    }

    public static Path nlpModels() {
        return root().resolve("nlp-models");
    }
}
