package fi.vuoro.testkit.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The "Scheduled Event" an EventBridge rule delivers to a function when its {@code Schedule} event source fires, so
 * a scheduled job can be invoked in a test with what it gets in the cloud. Every event gets a fresh {@code id}, as
 * every delivery does; {@code time} is when the rule fired, to the second, in UTC.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchevents.html">Lambda: using Lambda
 *     with EventBridge (CloudWatch Events), scheduled event example</a>
 * @see <a href="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-schedule.html">
 *     SAM: Schedule event source</a>
 */
public final class ScheduledEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String region;
    private final String account;
    private final Clock clock;

    /**
     * @param region where the rule lives, e.g. {@code eu-north-1}
     * @param account the 12-digit account that owns the rule
     * @param clock when the rule fires
     */
    public ScheduledEvents(String region, String account, Clock clock) {
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("Not an AWS region: " + region);
        }
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id has 12 digits: " + account);
        }
        this.region = region;
        this.account = account;
        this.clock = clock;
    }

    /** Events that fire at the current time. */
    public ScheduledEvents(String region, String account) {
        this(region, account, Clock.systemUTC());
    }

    /**
     * The event the rule {@code ruleName} delivers now, as a JSON string.
     *
     * @throws IllegalArgumentException if the name is not one EventBridge accepts
     */
    public String event(String ruleName) {
        if (ruleName == null || !ruleName.matches("[.\\-_A-Za-z0-9]{1,64}")) {
            throw new IllegalArgumentException("Not an EventBridge rule name: " + ruleName);
        }
        ObjectNode event = NODES.objectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", account);
        event.put("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(ruleArn(ruleName));
        event.putObject("detail");
        try {
            return EventFilterPattern.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a scheduled event as JSON", e);
        }
    }

    /** The rule's ARN, in the partition its region belongs to. */
    public String ruleArn(String ruleName) {
        return "arn:" + partition() + ":events:" + region + ":" + account + ":rule/" + ruleName;
    }

    private String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
