package fi.vuoro.platform.outbox;

import fi.vuoro.domain.outbox.DispatchPolicy;
import fi.vuoro.domain.outbox.SiteSendCap;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How owed SMS are paced and retried ({@code vuoro.outbox.*}). The defaults suit Twilio long codes; tests and
 * the local runtime shorten the waits. See {@link DispatchPolicy} for what each value means.
 */
@ConfigurationProperties("vuoro.outbox")
public class OutboxConfiguration {

    private Duration sendInterval = DispatchPolicy.DEFAULTS.sendInterval();
    private Duration firstRetry = DispatchPolicy.DEFAULTS.firstRetry();
    private Duration maxRetry = DispatchPolicy.DEFAULTS.maxRetry();
    private int maxAttempts = DispatchPolicy.DEFAULTS.maxAttempts();
    private Duration ambiguityWindow = DispatchPolicy.DEFAULTS.ambiguityWindow();
    private Duration requestTimeout = DispatchPolicy.DEFAULTS.requestTimeout();
    private int siteSmsPerHour = SiteSendCap.DEFAULT.perHour();

    public DispatchPolicy policy() {
        return new DispatchPolicy(sendInterval, firstRetry, maxRetry, maxAttempts, ambiguityWindow, requestTimeout);
    }

    /** The site's hourly cap; one below 1 stops the function at start. */
    public SiteSendCap siteSendCap() {
        return new SiteSendCap(siteSmsPerHour);
    }

    /** Outbox SMS one site may send in a clock hour ({@code VUORO_OUTBOX_SITE_SMS_PER_HOUR}). */
    public int getSiteSmsPerHour() {
        return siteSmsPerHour;
    }

    public void setSiteSmsPerHour(int siteSmsPerHour) {
        this.siteSmsPerHour = siteSmsPerHour;
    }

    /** At most one SMS per this interval from each sending number. */
    public Duration getSendInterval() {
        return sendInterval;
    }

    public void setSendInterval(Duration sendInterval) {
        this.sendInterval = sendInterval;
    }

    /** The wait after a first failed attempt; doubled for each further one. */
    public Duration getFirstRetry() {
        return firstRetry;
    }

    public void setFirstRetry(Duration firstRetry) {
        this.firstRetry = firstRetry;
    }

    public Duration getMaxRetry() {
        return maxRetry;
    }

    public void setMaxRetry(Duration maxRetry) {
        this.maxRetry = maxRetry;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** How long after an unanswered send Twilio is asked whether it took the message. */
    public Duration getAmbiguityWindow() {
        return ambiguityWindow;
    }

    public void setAmbiguityWindow(Duration ambiguityWindow) {
        this.ambiguityWindow = ambiguityWindow;
    }

    /** The longest one request to Twilio's REST API may take. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }
}
