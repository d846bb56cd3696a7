package id.klinikumkm.bot;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The release version, written into the jar by the build. */
final class BuildInfo {
    private BuildInfo() {}

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/build-info.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
