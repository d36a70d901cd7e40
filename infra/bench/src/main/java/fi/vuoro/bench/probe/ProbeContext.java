package fi.vuoro.bench.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The Lambda context of the probe's single invocation, shaped like template.yaml's function. */
final class ProbeContext implements Context {

    @Override
    public String getAwsRequestId() {
        return "coldstart-probe";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/vuoro-sms-webhook";
    }

    @Override
    public String getLogStreamName() {
        return "coldstart-probe";
    }

    @Override
    public String getFunctionName() {
        return System.getProperty("vuoro.coldstart.function", "vuoro-sms-webhook");
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-north-1:123456789012:function:vuoro-sms-webhook:live";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 20_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.print(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
