package dev.lstudio.api;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * Lazy iteration over a paged list: the next page is fetched only when the items of the
 * previous one are used up, and the walk ends when {@code nextPageToken} is empty or absent
 * (or repeats, which would otherwise loop forever).
 */
final class Pages<P, T> implements Iterable<T> {
    private final Function<String, P> fetch;
    private final Function<P, List<T>> items;
    private final Function<P, String> next;

    Pages(Function<String, P> fetch, Function<P, List<T>> items, Function<P, String> next) {
        this.fetch = fetch;
        this.items = items;
        this.next = next;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private final Set<String> seen = new HashSet<>();
            private Iterator<T> current = List.<T>of().iterator();
            private String token = "";
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !done) {
                    P page = fetch.apply(token.isEmpty() ? null : token);
                    current = items.apply(page).iterator();
                    String following = next.apply(page);
                    done = following == null || following.isEmpty() || !seen.add(following);
                    token = done ? "" : following;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
