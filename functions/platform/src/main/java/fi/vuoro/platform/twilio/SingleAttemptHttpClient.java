package fi.vuoro.platform.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request to Twilio, made once and given at most {@code timeout}, whatever HTTP client carries it.
 *
 * <p>The SDK's own client would retry 5xx answers three times and wait up to 30 s for each; here every
 * attempt is the dispatcher's to pace, count and retry, and a Twilio that does not answer is given up on
 * after the timeout (the request runs on a worker thread that is then interrupted). The last answer is kept,
 * so its headers (Retry-After) can be read after the SDK turned it into an exception. Use one per request.
 */
final class SingleAttemptHttpClient extends HttpClient {

    /** Twilio gave no answer in time: the request may or may not have reached it. */
    static final class NoAnswerException extends RuntimeException {
        NoAnswerException(String message) {
            super(message);
        }
    }

    private static final int[] NO_RETRIES = new int[0];

    private final HttpClient transport;
    private final Duration timeout;
    private final ExecutorService workers;

    SingleAttemptHttpClient(HttpClient transport, Duration timeout, ExecutorService workers) {
        this.transport = transport;
        this.timeout = timeout;
        this.workers = workers;
    }

    @Override
    public Response reliableRequest(Request request) {
        return super.reliableRequest(request, NO_RETRIES, 1, 0);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return super.reliableRequest(request, NO_RETRIES, 1, 0);
    }

    @Override
    public Response makeRequest(Request request) {
        Future<Response> answer = workers.submit(() -> transport.makeRequest(request));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new NoAnswerException("no answer from Twilio within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoAnswerException("interrupted while waiting for Twilio");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ApiConnectionException("Twilio request failed", e.getCause());
        }
    }
}
