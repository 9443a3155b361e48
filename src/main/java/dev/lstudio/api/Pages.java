package dev.lstudio.api;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * Lazy iteration over a paged list: the next page is fetched only when the items of the
 * previous one are used up, and the walk ends when {@code nextPageToken} is empty or absent.
 * A list that does not end is the server's fault, never a reason to loop: a token seen before
 * ends the walk, more than {@link #MAX_PAGES} pages is an error, and an item seen before (by
 * {@code key}) is passed over, so a server that repeats a page does not repeat its Studios.
 */
final class Pages<P, T> implements Iterable<T> {
    /** 1,000 pages: far more Studios than a teamspace has, far fewer requests than a hang. */
    static final int MAX_PAGES = 1000;

    private final Function<String, P> fetch;
    private final Function<P, List<T>> items;
    private final Function<P, String> next;
    private final Function<T, ?> key;
    private final int maxPages;

    Pages(Function<String, P> fetch, Function<P, List<T>> items, Function<P, String> next, Function<T, ?> key) {
        this(fetch, items, next, key, MAX_PAGES);
    }

    /** With another page limit, so that a spec need not serve a thousand pages. */
    Pages(Function<String, P> fetch, Function<P, List<T>> items, Function<P, String> next, Function<T, ?> key, int maxPages) {
        this.fetch = fetch;
        this.items = items;
        this.next = next;
        this.key = key;
        this.maxPages = maxPages;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private final Set<String> tokens = new HashSet<>();
            private final Set<Object> keys = new HashSet<>();
            private Iterator<T> current = List.<T>of().iterator();
            private T ahead;
            private String token = "";
            private int pages;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (ahead == null) {
                    while (!current.hasNext() && !done) {
                        if (pages++ == maxPages) {
                            throw new MalformedResponseException("the server's list did not end after " + maxPages
                                    + " pages (each with a new nextPageToken); stopped reading it: report it to the "
                                    + "service, or narrow the list (a name, running only)", 200, null);
                        }
                        P page = fetch.apply(token.isEmpty() ? null : token);
                        current = items.apply(page).iterator();
                        String following = next.apply(page);
                        done = following == null || following.isEmpty() || !tokens.add(following);
                        token = done ? "" : following;
                    }
                    if (!current.hasNext()) {
                        return false;
                    }
                    T item = current.next();
                    Object id = key.apply(item);
                    if (id == null || keys.add(id)) {
                        ahead = item;
                    }
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T item = ahead;
                ahead = null;
                return item;
            }
        };
    }
}
