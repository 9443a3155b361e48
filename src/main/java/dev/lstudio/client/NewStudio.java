package dev.lstudio.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to create: a name (URL-safe, lowercase), and optionally a display name, a cluster, files
 * to seed (path to contents), whether to skip secrets, and an environment template.
 */
public record NewStudio(String name, String displayName, String clusterId, Map<String, String> seedFiles,
                        boolean disableSecrets, String environmentTemplateId) {

    public NewStudio {
        seedFiles = seedFiles == null ? Map.of() : new LinkedHashMap<>(seedFiles);
    }

    public static NewStudio named(String name) {
        return new NewStudio(name, null, null, null, false, null);
    }

    public NewStudio withDisplayName(String display) {
        return new NewStudio(name, display, clusterId, seedFiles, disableSecrets, environmentTemplateId);
    }

    public NewStudio withCluster(String cluster) {
        return new NewStudio(name, displayName, cluster, seedFiles, disableSecrets, environmentTemplateId);
    }

    public NewStudio withSeedFile(String path, String contents) {
        Map<String, String> files = new LinkedHashMap<>(seedFiles);
        files.put(path, contents);
        return new NewStudio(name, displayName, clusterId, files, disableSecrets, environmentTemplateId);
    }
}
