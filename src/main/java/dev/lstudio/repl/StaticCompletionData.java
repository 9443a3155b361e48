package dev.lstudio.repl;

import java.util.ArrayList;
import java.util.List;

/** Fixed lists, for tests and for a REPL without a client. */
public final class StaticCompletionData implements CompletionData {

    private final List<Suggestion> teamspaces;
    private final List<Suggestion> studios;
    private final List<Suggestion> machines;
    private final List<Suggestion> plugins;
    private final List<Verb> verbs;
    private final java.util.Map<String, List<String>> remoteFiles;

    private StaticCompletionData(Builder b) {
        this.teamspaces = List.copyOf(b.teamspaces);
        this.studios = List.copyOf(b.studios);
        this.machines = List.copyOf(b.machines);
        this.plugins = List.copyOf(b.plugins);
        this.verbs = List.copyOf(b.verbs);
        this.remoteFiles = java.util.Map.copyOf(b.remoteFiles);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<Suggestion> teamspaces() {
        return teamspaces;
    }

    @Override
    public List<Suggestion> studios() {
        return studios;
    }

    @Override
    public List<Suggestion> machines() {
        return machines;
    }

    @Override
    public List<Suggestion> plugins() {
        return plugins;
    }

    @Override
    public List<Verb> verbs() {
        return verbs;
    }

    @Override
    public List<Suggestion> remotePaths(String studio, String typed) {
        return RemotePaths.matching(remoteFiles.getOrDefault(studio, List.of()), typed);
    }

    public static final class Builder {
        private final List<Suggestion> teamspaces = new ArrayList<>();
        private final List<Suggestion> studios = new ArrayList<>();
        private final List<Suggestion> machines = new ArrayList<>();
        private final List<Suggestion> plugins = new ArrayList<>();
        private final List<Verb> verbs = new ArrayList<>();
        private final java.util.Map<String, List<String>> remoteFiles = new java.util.HashMap<>();

        private Builder() {
        }

        /** A path in {@code studio} (from the content root; a folder ends in /). */
        public Builder remoteFile(String studio, String path) {
            remoteFiles.computeIfAbsent(studio, k -> new ArrayList<>()).add(path);
            return this;
        }

        public Builder teamspace(String name) {
            teamspaces.add(Suggestion.of(name));
            return this;
        }

        public Builder studio(String name, String phase) {
            studios.add(Suggestion.of(name, phase));
            return this;
        }

        public Builder machine(String slug, String description) {
            machines.add(Suggestion.of(slug, description));
            return this;
        }

        public Builder plugin(String id, String description) {
            plugins.add(Suggestion.of(id, description));
            return this;
        }

        public Builder verb(Verb verb) {
            verbs.add(verb);
            return this;
        }

        public StaticCompletionData build() {
            return new StaticCompletionData(this);
        }
    }
}
