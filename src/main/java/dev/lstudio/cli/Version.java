package dev.lstudio.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** lstudio's version, from the Maven metadata in the jar; "dev" when run from classes. */
final class Version {
    private static final String POM = "/META-INF/maven/dev.lstudio/lstudio/pom.properties";

    private Version() {
    }

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream(POM)) {
            if (in == null) {
                return "dev";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
