package dev.lstudio.dsl;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Groovy extension methods that let scripts write {@code 30.minutes}, {@code 2.hours},
 * {@code 90.seconds}, {@code 500.milliseconds} (and the singular forms) and get a
 * {@link Duration}. Registered in {@code META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule}
 * rather than as a category, so that no {@code use(...)} block is needed and cached,
 * precompiled scripts see them too. Fractions work: {@code 1.5.hours} is 90 minutes.
 */
public final class DurationExtensions {
    private DurationExtensions() {
    }

    public static Duration getMilliseconds(Number self) {
        return of(self, ChronoUnit.MILLIS);
    }

    public static Duration getMillisecond(Number self) {
        return of(self, ChronoUnit.MILLIS);
    }

    public static Duration getSeconds(Number self) {
        return of(self, ChronoUnit.SECONDS);
    }

    public static Duration getSecond(Number self) {
        return of(self, ChronoUnit.SECONDS);
    }

    public static Duration getMinutes(Number self) {
        return of(self, ChronoUnit.MINUTES);
    }

    public static Duration getMinute(Number self) {
        return of(self, ChronoUnit.MINUTES);
    }

    public static Duration getHours(Number self) {
        return of(self, ChronoUnit.HOURS);
    }

    public static Duration getHour(Number self) {
        return of(self, ChronoUnit.HOURS);
    }

    public static Duration getDays(Number self) {
        return of(self, ChronoUnit.DAYS);
    }

    public static Duration getDay(Number self) {
        return of(self, ChronoUnit.DAYS);
    }

    /** {@code 30.minutes * 2}: Duration has no Groovy {@code multiply} of its own. */
    public static Duration multiply(Duration self, Number factor) {
        return Duration.ofNanos(new BigDecimal(self.toNanos()).multiply(decimal(factor)).longValue());
    }

    /** {@code -(5.minutes)}: Groovy's unary minus, so the verbs can refuse a negative limit in their own words. */
    public static Duration negative(Duration self) {
        return self.negated();
    }

    private static Duration of(Number amount, ChronoUnit unit) {
        if (amount instanceof Integer || amount instanceof Long || amount instanceof Short || amount instanceof Byte) {
            return Duration.of(amount.longValue(), unit);
        }
        BigDecimal nanos = decimal(amount).multiply(BigDecimal.valueOf(unit.getDuration().toNanos()));
        return Duration.ofNanos(nanos.longValue());
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
    }
}
