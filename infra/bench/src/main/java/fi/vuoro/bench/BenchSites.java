package fi.vuoro.bench;

import fi.vuoro.domain.site.Site;
import fi.vuoro.local.DemoSite;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * Sites for the benchmarks: copies of the local demo site (open all day, every day) under their own id, name,
 * number and ticket letter, so each run starts on an empty queue. Copied component by component, so the copy
 * keeps whatever else a site carries.
 */
final class BenchSites {

    private BenchSites() {
    }

    static Site site(String id, String name, String smsNumber, char ticketLetter) {
        Map<String, Object> changes = Map.of("id", id, "name", name, "smsNumber", smsNumber, "ticketLetter", ticketLetter);
        Site demo = DemoSite.create();
        RecordComponent[] components = Site.class.getRecordComponents();
        try {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String component = components[i].getName();
                values[i] = changes.containsKey(component) ? changes.get(component) : components[i].getAccessor().invoke(demo);
            }
            Constructor<Site> canonical = Site.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy the demo site", e);
        }
    }
}
