package fi.vuoro.testkit.routes;

import static fi.vuoro.testkit.routes.RouteTemplateValues.map;
import static fi.vuoro.testkit.routes.RouteTemplateValues.number;
import static fi.vuoro.testkit.routes.RouteTemplateValues.rejectUnmodelled;
import static fi.vuoro.testkit.routes.RouteTemplateValues.wholeNumber;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The throttling limits of an HTTP API's {@code DefaultRouteSettings} or of one entry of its {@code RouteSettings}.
 * A limit left out is empty: for a route, the default route settings' limit then applies, and where that is empty
 * too, only the account's limits per Region, which no template declares.
 *
 * @param burstLimit {@code ThrottlingBurstLimit}, the bucket of requests a burst may use
 * @param rateLimit  {@code ThrottlingRateLimit}, the steady requests per second
 */
public record RouteThrottling(OptionalInt burstLimit, OptionalDouble rateLimit) {

    /** No limit declared. */
    public static final RouteThrottling UNSET = new RouteThrottling(OptionalInt.empty(), OptionalDouble.empty());

    private static final Set<String> MODELLED = Set.of("ThrottlingBurstLimit", "ThrottlingRateLimit");

    // Metrics and logging switches: they change neither which route runs nor how often.
    private static final Set<String> IGNORED = Set.of("DetailedMetricsEnabled", "DataTraceEnabled", "LoggingLevel");

    public RouteThrottling {
        Objects.requireNonNull(burstLimit, "burstLimit");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    public static RouteThrottling of(int burstLimit, double rateLimit) {
        return new RouteThrottling(OptionalInt.of(burstLimit), OptionalDouble.of(rateLimit));
    }

    /** These limits where set, {@code fallback}'s where not: a route's settings over the API's defaults. */
    public RouteThrottling over(RouteThrottling fallback) {
        return new RouteThrottling(
                burstLimit.isPresent() ? burstLimit : fallback.burstLimit(),
                rateLimit.isPresent() ? rateLimit : fallback.rateLimit());
    }

    static RouteThrottling read(Object value, String where) {
        if (value == null) {
            return UNSET;
        }
        Map<String, Object> settings = map(value, where);
        rejectUnmodelled(settings, MODELLED, IGNORED, where);
        Object burst = settings.get("ThrottlingBurstLimit");
        Object rate = settings.get("ThrottlingRateLimit");
        return new RouteThrottling(
                burst == null ? OptionalInt.empty() : OptionalInt.of(wholeNumber(burst, where + ".ThrottlingBurstLimit")),
                rate == null ? OptionalDouble.empty() : OptionalDouble.of(number(rate, where + ".ThrottlingRateLimit")));
    }
}
