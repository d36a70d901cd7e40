package fi.vuoro.staff;

import static fi.vuoro.staff.ReportFixtures.KELA_ARABIC;
import static fi.vuoro.staff.ReportFixtures.SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.report.Reports;
import fi.vuoro.domain.report.SiteReport;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void of_shouldWriteOneLinePerFigure_withTheFeedbackDistribution_whenFiveAnswered() {
        ReportFixtures.Tallies tallies = new ReportFixtures.Tallies().day(DAY, KELA_ARABIC, 6, 1, 12)
                .answers(DAY, KELA_ARABIC, 6, 5, 4).comment(DAY, "Kiitos, Matti at desk 2 helped me");

        List<String> lines = lines(new Reports(tallies).report(SITE, DAY, DAY));

        assertEquals(ReportCsv.HEADER, lines.get(0));
        assertTrue(lines.contains("visits,all,served,6"), lines::toString);
        assertTrue(lines.contains("visits,all,noShows,1"));
        assertTrue(lines.contains("visits,all,medianWaitMinutes,12"));
        assertTrue(lines.contains("day,2026-11-24,served,6"));
        assertTrue(lines.contains("hour,10,joined,7"));
        assertTrue(lines.contains("visits by topic,kela,served,6"));
        assertTrue(lines.contains("visits by interpreter,with,served,6"));
        assertTrue(lines.contains("interpreters,all,requested,6"));
        assertTrue(lines.contains("feedback,all,responseRate,0.83"));
        assertTrue(lines.contains("feedback,all,helped 4,5"));
        assertTrue(lines.contains("feedback,all,helped 1,0"));
        assertTrue(lines.contains("feedback,all,knows average,4.00"));
        assertTrue(lines.contains("feedback by language,ar,responses,5"));
        assertFalse(String.join("\n", lines).contains("Matti"), "a comment is free text: it stays off the file");
    }

    @Test
    void of_shouldSayTheFeedbackIsNotShown_andGiveNoDistribution_whenFewerThanFiveAnswered() {
        ReportFixtures.Tallies tallies = new ReportFixtures.Tallies().day(DAY, KELA_ARABIC, 4, 0, 3)
                .answers(DAY, KELA_ARABIC, 4, 4, 5);

        List<String> lines = lines(new Reports(tallies).report(SITE, DAY, DAY));

        assertTrue(lines.contains("feedback,all,responses,4"));
        assertTrue(lines.contains("feedback,all,shown,no: fewer than 5 answers"));
        assertTrue(lines.stream().noneMatch(line -> line.contains("helped")), lines::toString);
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("feedback by")));
    }

    @Test
    void of_shouldLeaveAFigureEmpty_whenThePeriodHasNone() {
        List<String> lines = lines(new Reports(new ReportFixtures.Tallies()).report(SITE, DAY, DAY));

        assertTrue(lines.contains("visits,all,p90WaitMinutes,"));
        assertTrue(lines.contains("feedback,all,responseRate,"));
    }

    @Test
    void cell_shouldDisarmWhatASpreadsheetWouldRunAsAFormula() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", ReportCsv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", ReportCsv.cell("+1"));
        assertEquals("'-1", ReportCsv.cell("-1"));
        assertEquals("'@SUM(A1)", ReportCsv.cell("@SUM(A1)"));
        assertEquals("'\tx", ReportCsv.cell("\tx"));
        assertEquals("plain", ReportCsv.cell("plain"));
    }

    @Test
    void cell_shouldQuote_whenTheTextHasACommaQuoteOrLineBreak() {
        assertEquals("\"a,b\"", ReportCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ReportCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", ReportCsv.cell("two\nlines"));
    }

    @Test
    void fileName_shouldNameTheSiteAndPeriod() {
        SiteReport report = new Reports(new ReportFixtures.Tallies()).report(SITE, DAY.minusDays(27), DAY);

        assertEquals("vuoro-demo-2026-10-28-2026-11-24.csv", ReportCsv.fileName(report));
    }

    private static List<String> lines(SiteReport report) {
        String csv = ReportCsv.of(report);
        assertTrue(csv.endsWith("\r\n"));
        return List.of(csv.split("\r\n"));
    }
}
