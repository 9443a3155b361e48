package dev.lstudio.client;

/** Which Studios to list: by exact name, only running ones, only favourites; null/false means no filter. */
public record StudioFilter(String name, boolean running, boolean favorite) {

    public static StudioFilter all() {
        return new StudioFilter(null, false, false);
    }

    public static StudioFilter named(String name) {
        return new StudioFilter(name, false, false);
    }

    public StudioFilter onlyRunning() {
        return new StudioFilter(name, true, favorite);
    }

    public StudioFilter onlyFavorites() {
        return new StudioFilter(name, running, true);
    }
}
