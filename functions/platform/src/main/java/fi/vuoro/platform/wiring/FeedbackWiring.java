package fi.vuoro.platform.wiring;

import fi.vuoro.domain.feedback.FeedbackRouting;
import fi.vuoro.domain.feedback.FeedbackService;
import fi.vuoro.domain.feedback.FeedbackTokens;
import fi.vuoro.domain.feedback.InterpreterUse;
import fi.vuoro.domain.interpreter.InterpreterRequest;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.report.Reports;
import fi.vuoro.domain.report.VisitReports;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.platform.config.Secrets;
import fi.vuoro.platform.config.VuoroConfiguration;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.platform.dynamodb.feedback.DynamoFeedbackStore;
import fi.vuoro.platform.dynamodb.feedback.DynamoReportStore;
import fi.vuoro.platform.dynamodb.interpreter.DynamoInterpreterStores;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Feedback and reports, in one place: a served visit invites its visitor, the form and the digit reply take the
 * answer, and every ended visit is counted into its site's daily tally.
 */
@Factory
public class FeedbackWiring {

    /** Kept apart from the phone hash's own use by this label: the two keys never give the same MAC. */
    private static final String TOKEN_KEY_LABEL = "vuoro feedback link tokens\u0000";

    @Singleton
    DynamoFeedbackStore feedbackStore(DynamoDbClient dynamo, TableName table) {
        return new DynamoFeedbackStore(dynamo, table);
    }

    @Singleton
    DynamoReportStore reportStore(DynamoDbClient dynamo, TableName table) {
        return new DynamoReportStore(dynamo, table);
    }

    /**
     * An interpreter took part when one was confirmed for the visit's ticket; read once per ended visit, though its
     * feedback invitation and its tally both ask.
     */
    @Singleton
    InterpreterUse interpreterUse(DynamoInterpreterStores interpreters) {
        return InterpreterUse.rememberingLast(
                (ticket, now) -> interpreters.find(ticket, now).flatMap(InterpreterRequest::confirmedBy).isPresent());
    }

    /**
     * Link tokens are sealed with a key derived from the phone hash key, so a deployment has no second secret to
     * keep; the label makes it a different key.
     */
    @Singleton
    FeedbackService feedbackService(DynamoFeedbackStore store, SiteDirectory sites, InterpreterUse interpreters,
                                    MessageCatalogue catalogue, VuoroConfiguration config, Secrets secrets) {
        Supplier<String> phoneHashKey = secrets.secret("phone hash key", config.getPhoneHashKey(),
                config.getPhoneHashKeyParameter());
        FeedbackTokens tokens = new FeedbackTokens(() -> derive(phoneHashKey.get()));
        return new FeedbackService(store, tokens, sites, interpreters, catalogue,
                FeedbackService.Settings.withDefaults(config.getPublicBaseUrl()));
    }

    @Singleton
    FeedbackRouting feedbackRouting(FeedbackService feedback) {
        return new FeedbackRouting(feedback);
    }

    @Singleton
    VisitReports visitReports(DynamoReportStore store, InterpreterUse interpreters) {
        return new VisitReports(store, interpreters);
    }

    @Singleton
    Reports reports(DynamoReportStore store) {
        return new Reports(store);
    }

    private static byte[] derive(String phoneHashKey) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((TOKEN_KEY_LABEL + phoneHashKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
