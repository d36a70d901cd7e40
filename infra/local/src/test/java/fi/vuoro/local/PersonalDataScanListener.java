package fi.vuoro.local;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the suite's search for phone numbers in clear before the first test (registered through
 * {@code META-INF/services}), so it sees every table and log line of the whole suite; {@link PersonalDataScanIT},
 * which runs last, fails the build on what it found.
 */
public final class PersonalDataScanListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        PersonalDataScan.start();
    }
}
