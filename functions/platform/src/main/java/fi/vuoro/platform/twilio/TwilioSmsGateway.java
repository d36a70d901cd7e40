package fi.vuoro.platform.twilio;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpClient;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import fi.vuoro.domain.outbox.SendResult;
import fi.vuoro.domain.outbox.SentCheck;
import fi.vuoro.domain.outbox.SmsGateway;
import fi.vuoro.domain.outbox.SmsToSend;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends SMS with Twilio's REST API through the Twilio SDK, one attempt per call, each given at most the request
 * timeout. Every message names its status callback ({@code <public base URL>/sms/status?outbox=<id>}).
 *
 * <p>Outcomes: 2xx is accepted; 429, 5xx (but 502 and 504) and failures to connect are retryable, as the
 * request never reached Twilio or Twilio refused it; no answer in time, a broken connection, 502 and 504 are
 * ambiguous, as Twilio may have taken the message; other 4xx are rejected, those that say the recipient takes no SMS
 * from us (21610 after STOP, 21612, 21614) as unreachable. 401 counts as retryable: it is the
 * deployment's credentials that are wrong, not the message. Reasons carry status and error codes only: Twilio's
 * error texts can quote the phone number.
 *
 * <p>The account and the auth token are looked up on first use, so a function that never sends never reads
 * the token.
 */
public final class TwilioSmsGateway implements SmsGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsGateway.class);
    /** Messages to one visitor from one site in the ambiguity window are few; more is not looked at. */
    private static final int LOOKUP_LIMIT = 50;
    /**
     * Twilio's errors for a recipient no SMS from us can reach: 21610 (they texted STOP), 21612 (not reachable by SMS
     * from this number), 21614 (not a mobile number).
     */
    private static final Set<Integer> UNREACHABLE = Set.of(21610, 21612, 21614);

    private final String accountSid;
    private final Supplier<String> authToken;
    private final Supplier<HttpClient> transport;
    private final Duration requestTimeout;
    private final String publicBaseUrl;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
    private volatile Credentials credentials;
    private volatile HttpClient resolvedTransport;

    private record Credentials(String accountSid, String authToken) {
    }

    /**
     * @param transport      the HTTP client that carries requests, or null for the JDK's ({@link JavaNetTwilioHttpClient})
     * @param requestTimeout the longest one request may take
     * @param publicBaseUrl  where Twilio reaches Vuoro for status callbacks; blank for none
     */
    public TwilioSmsGateway(String accountSid, Supplier<String> authToken, HttpClient transport,
                            Duration requestTimeout, String publicBaseUrl) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.requestTimeout = requestTimeout;
        this.transport = transport != null ? () -> transport : () -> defaultTransport(requestTimeout);
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl;
        if (this.publicBaseUrl.isBlank()) {
            LOG.warn("No public base URL is configured: Twilio will not report delivery of outbound SMS");
        }
    }

    @Override
    public SendResult send(SmsToSend sms) {
        SingleAttemptHttpClient attempt;
        TwilioRestClient client;
        try {
            attempt = new SingleAttemptHttpClient(transport(), requestTimeout, workers);
            client = client(attempt);
        } catch (RuntimeException e) {
            // Nothing was sent: the deployment is missing its Twilio settings.
            LOG.error("Twilio is not configured: {}", e.getMessage());
            return new SendResult.Retryable("Twilio is not configured (" + e.getClass().getSimpleName() + ")",
                    Optional.empty());
        }
        try {
            MessageCreator creator = Message.creator(new PhoneNumber(sms.to()), new PhoneNumber(sms.from()),
                    sms.body());
            TwilioStatusCallbacks.url(publicBaseUrl, sms.outboxId()).ifPresent(creator::setStatusCallback);
            Message message = creator.create(client);
            return new SendResult.Accepted(message.getSid());
        } catch (SingleAttemptHttpClient.NoAnswerException e) {
            return new SendResult.Ambiguous(e.getMessage());
        } catch (ApiException e) {
            return classify(e, attempt.getLastResponse());
        } catch (TwilioException e) {
            return connectionFailure(e);
        } catch (RuntimeException e) {
            // E.g. an answer that could not be read: Twilio may well have taken the message.
            return new SendResult.Ambiguous("unexpected " + e.getClass().getSimpleName());
        }
    }

    @Override
    public SentCheck findSent(String to, String from, String body, Instant since) {
        try {
            TwilioRestClient client = client(new SingleAttemptHttpClient(transport(), requestTimeout, workers));
            // Twilio's times have whole seconds; it lists newest first.
            Instant earliest = since.truncatedTo(ChronoUnit.SECONDS);
            ResourceSet<Message> messages = Message.reader()
                    .setTo(new PhoneNumber(to)).setFrom(new PhoneNumber(from))
                    .limit(LOOKUP_LIMIT)
                    .read(client);
            for (Message message : messages) {
                ZonedDateTime created = message.getDateCreated();
                if (created != null && created.toInstant().isBefore(earliest)) {
                    break;
                }
                if (body.equals(message.getBody()) && message.getDirection() != Message.Direction.INBOUND) {
                    return new SentCheck.Found(message.getSid());
                }
            }
            return new SentCheck.NotFound();
        } catch (SingleAttemptHttpClient.NoAnswerException e) {
            return new SentCheck.Unknown(e.getMessage());
        } catch (ApiException e) {
            return new SentCheck.Unknown(httpReason(e));
        } catch (RuntimeException e) {
            return new SentCheck.Unknown(e.getClass().getSimpleName());
        }
    }

    private SendResult classify(ApiException e, Response answer) {
        Integer status = e.getStatusCode();
        if (status == null) {
            return connectionFailure(e);
        }
        String reason = httpReason(e);
        if (status == 429) {
            return new SendResult.Retryable(reason, retryAfter(answer));
        }
        if (status == 502 || status == 504) {
            return new SendResult.Ambiguous(reason);
        }
        if (status >= 500 || status == 401) {
            return new SendResult.Retryable(reason, retryAfter(answer));
        }
        if (e.getCode() != null && UNREACHABLE.contains(e.getCode())) {
            return new SendResult.Unreachable(reason);
        }
        return new SendResult.Rejected(reason);
    }

    /** A failure below HTTP: retryable if the request cannot have left, ambiguous otherwise. */
    private static SendResult connectionFailure(TwilioException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (neverSent(cause)) {
                return new SendResult.Retryable("cannot connect to Twilio (" + cause.getClass().getSimpleName() + ")",
                        Optional.empty());
            }
        }
        String what = (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName();
        return new SendResult.Ambiguous("the connection to Twilio failed midway (" + what + ")");
    }

    private static boolean neverSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException || cause instanceof HttpConnectTimeoutException
                || cause instanceof SSLHandshakeException;
    }

    private static String httpReason(ApiException e) {
        return "HTTP " + e.getStatusCode() + (e.getCode() == null ? "" : ", Twilio error " + e.getCode());
    }

    /** Retry-After in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Response answer) {
        if (answer == null || answer.getHeaders() == null) {
            return Optional.empty();
        }
        for (Header header : answer.getHeaders()) {
            if ("Retry-After".equalsIgnoreCase(header.getName()) && header.getValue() != null) {
                String value = header.getValue().trim();
                try {
                    return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
                } catch (NumberFormatException notSeconds) {
                    try {
                        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                        Duration wait = Duration.between(Instant.now(), at);
                        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                    } catch (DateTimeParseException notADate) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private TwilioRestClient client(HttpClient http) {
        Credentials account = credentials();
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken()).httpClient(http).build();
    }

    private Credentials credentials() {
        Credentials resolved = credentials;
        if (resolved == null) {
            synchronized (this) {
                if (credentials == null) {
                    if (accountSid == null || !accountSid.startsWith("AC")) {
                        throw new IllegalStateException(
                                "No Twilio account SID is configured (VUORO_TWILIO_ACCOUNT_SID)");
                    }
                    credentials = new Credentials(accountSid, authToken.get());
                }
                resolved = credentials;
            }
        }
        return resolved;
    }

    private HttpClient transport() {
        HttpClient resolved = resolvedTransport;
        if (resolved == null) {
            synchronized (this) {
                if (resolvedTransport == null) {
                    resolvedTransport = transport.get();
                }
                resolved = resolvedTransport;
            }
        }
        return resolved;
    }

    /**
     * The JDK's HTTP client, its timeout close to ours so that requests given up on end soon too (the SDK's own
     * Apache client is left out of the function jars).
     */
    private static HttpClient defaultTransport(Duration requestTimeout) {
        return new JavaNetTwilioHttpClient(requestTimeout.plusSeconds(1));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "twilio-request-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
