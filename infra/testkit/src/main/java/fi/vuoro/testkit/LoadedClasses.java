package fi.vuoro.testkit;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/** Which classes this JVM has loaded, from HotSpot's {@code VM.class_hierarchy} diagnostic command. */
public final class LoadedClasses {

    private LoadedClasses() {
    }

    /** The names of {@code names} that no class loader of this JVM has loaded yet. */
    public static List<String> notYetLoaded(List<String> names) {
        String hierarchy = hierarchy();
        return names.stream().filter(name -> !hierarchy.contains("--" + name + "/")).toList();
    }

    private static String hierarchy() {
        try {
            return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        } catch (JMException e) {
            throw new IllegalStateException("this JVM does not list its classes", e);
        }
    }
}
