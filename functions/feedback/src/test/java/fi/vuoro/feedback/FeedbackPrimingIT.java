package fi.vuoro.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.testkit.PrimingTable;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The feedback function's SnapStart priming on DynamoDB Local: it reads, writes nothing, and closes what it opened. */
class FeedbackPrimingIT {

    private static PrimingTable table;
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        table = PrimingTable.start();
        context = ApplicationContext.builder().properties(table.settings()).start();
    }

    @AfterAll
    static void stop() {
        context.close();
        table.close();
    }

    @Test
    void prime_shouldShowTheUnissuedLinksPageInEveryLanguage_writingNothingAndKeepingNoConnection() {
        List<Map<String, AttributeValue>> before = table.items();
        assertTrue(table.openConnections() > 0, "the check should see the kept-alive connection of the read above");

        List<HttpResponse<String>> pages = context.getBean(FeedbackPriming.class).prime();

        assertEquals(context.getBean(MessageCatalogue.class).languages().size(), pages.size());
        pages.forEach(page -> assertEquals(404, page.code(), page.body()));
        assertEquals(0, table.openConnections());
        assertEquals(before, table.items());
    }
}
