package fi.vuoro.testkit.iam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values only a deployment knows (region, account, stack name, parameter values, the physical ids of
 * resources), fixed for tests so that a template resolves to the same ARNs and names on every run.
 *
 * <p>By default a table's {@code Ref} is its logical id, which is also the name {@code TemplateTables} gives the
 * local table, so an environment variable and an IAM resource resolved from the template point at the same table.
 * A user pool, a user pool client and an HTTP API get fixed ids of the shape AWS gives them. Parameter values
 * default to the template's own {@code Default}s; {@link #withParameter} overrides one. Instances are immutable:
 * each {@code with...} returns a changed copy.
 */
public final class TemplateContext {

    public static final String DEFAULT_REGION = "eu-north-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_STACK_NAME = "vuoro";
    /** The label of every table stream; a real one is the stream's creation time. */
    public static final String STREAM_LABEL = "2026-01-01T00:00:00.000";
    /** Cognito app client ids are 26 lower-case letters and digits. */
    public static final String USER_POOL_CLIENT_ID = "1testclient2staffpage34567";
    /** HTTP API ids are 10 lower-case letters and digits. */
    public static final String HTTP_API_ID = "test0httpa";

    private static final String PARTITION = "aws";
    private static final String URL_SUFFIX = "amazonaws.com";

    private final String region;
    private final String accountId;
    private final String stackName;
    private final Map<String, String> parameters;
    private final Map<String, String> physicalIds;

    private TemplateContext(String region, String accountId, String stackName,
                            Map<String, String> parameters, Map<String, String> physicalIds) {
        this.region = region;
        this.accountId = accountId;
        this.stackName = stackName;
        this.parameters = Map.copyOf(parameters);
        this.physicalIds = Map.copyOf(physicalIds);
    }

    public static TemplateContext defaults() {
        return new TemplateContext(DEFAULT_REGION, DEFAULT_ACCOUNT_ID, DEFAULT_STACK_NAME, Map.of(), Map.of());
    }

    public TemplateContext withRegion(String region) {
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("Not an AWS region name: '" + region + "'");
        }
        return new TemplateContext(region, accountId, stackName, parameters, physicalIds);
    }

    public TemplateContext withAccountId(String accountId) {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id is 12 digits, not '" + accountId + "'");
        }
        return new TemplateContext(region, accountId, stackName, parameters, physicalIds);
    }

    public TemplateContext withStackName(String stackName) {
        if (!stackName.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            throw new IllegalArgumentException("Not a CloudFormation stack name: '" + stackName + "'");
        }
        return new TemplateContext(region, accountId, stackName, parameters, physicalIds);
    }

    /** The value a deployment passes for template parameter {@code name}, replacing its {@code Default}. */
    public TemplateContext withParameter(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new TemplateContext(region, accountId, stackName, changed, physicalIds);
    }

    /** What {@code Ref} to resource {@code logicalId} returns (its name or id), whatever its type. */
    public TemplateContext withPhysicalId(String logicalId, String physicalId) {
        if (physicalId.isEmpty()) {
            throw new IllegalArgumentException("The physical id of " + logicalId + " cannot be empty");
        }
        Map<String, String> changed = new LinkedHashMap<>(physicalIds);
        changed.put(Objects.requireNonNull(logicalId), physicalId);
        return new TemplateContext(region, accountId, stackName, parameters, changed);
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public String partition() {
        return PARTITION;
    }

    public String stackName() {
        return stackName;
    }

    public String urlSuffix() {
        return URL_SUFFIX;
    }

    public String streamLabel() {
        return STREAM_LABEL;
    }

    /** A Cognito user pool id: the region, an underscore and nine letters or digits. */
    public String userPoolId() {
        return region + "_TestPool0";
    }

    public String userPoolClientId() {
        return USER_POOL_CLIENT_ID;
    }

    public String httpApiId() {
        return HTTP_API_ID;
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public Optional<String> physicalId(String logicalId) {
        return Optional.ofNullable(physicalIds.get(logicalId));
    }
}
