package fi.vuoro.feedback;

import fi.vuoro.domain.language.Language;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.platform.snapstart.DynamoDbPriming;
import fi.vuoro.platform.snapstart.SnapshotPriming;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The feedback function's SnapStart priming: a link that was never issued, opened in every language, which the form
 * answers with its "this link does not open" page without reading or writing anything.
 */
@Singleton
public class FeedbackPriming extends SnapshotPriming<HttpResponse<String>> {

    static final String NEVER_ISSUED_TOKEN = "priming-never-issued";

    private final FeedbackFormController form;
    private final MessageCatalogue catalogue;

    public FeedbackPriming(FeedbackFormController form, MessageCatalogue catalogue, DynamoDbPriming dynamo) {
        super(dynamo);
        this.form = form;
        this.catalogue = catalogue;
    }

    @Override
    protected List<HttpResponse<String>> rehearse() {
        List<HttpResponse<String>> pages = new ArrayList<>();
        for (Language language : catalogue.languages()) {
            pages.add(form.open(NEVER_ISSUED_TOKEN, language.code()));
        }
        return pages;
    }
}
