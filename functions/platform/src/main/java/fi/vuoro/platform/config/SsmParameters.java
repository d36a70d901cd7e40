package fi.vuoro.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import fi.vuoro.platform.aws.AwsJsonApi;

/**
 * Reads SecureString parameters from SSM Parameter Store, decrypted: one {@code GetParameter} request per parameter
 * ({@code WithDecryption}), through {@link AwsJsonApi} rather than the SDK's SSM client, whose model of SSM's ~150
 * operations is 5 MB of every function's jar, for three reads.
 */
public final class SsmParameters {

    private final AwsJsonApi ssm;

    public SsmParameters() {
        this(AwsJsonApi.of("ssm", "AmazonSSM", "SSM"));
    }

    SsmParameters(AwsJsonApi ssm) {
        this.ssm = ssm;
    }

    /** The parameter's value, decrypted; fails naming the parameter when it cannot be read. */
    public String read(String name) {
        JsonNode answer;
        try {
            answer = ssm.call("GetParameter", AwsJsonApi.request().put("Name", name).put("WithDecryption", true));
        } catch (AwsJsonApi.Failure e) {
            if (e.type().equals("ParameterNotFound")) {
                throw new IllegalStateException("SSM parameter " + name + " does not exist (ParameterNotFound)", e);
            }
            throw new IllegalStateException("Cannot read SSM parameter " + name + ": " + e.getMessage(), e);
        }
        JsonNode value = answer.path("Parameter").path("Value");
        if (!value.isTextual()) {
            throw new IllegalStateException("SSM's answer for parameter " + name + " has no value");
        }
        return value.asText();
    }
}
