package fi.vuoro.domain.testing;

import fi.vuoro.domain.feedback.AnonymousAnswer;
import fi.vuoro.domain.feedback.DigitReply;
import fi.vuoro.domain.feedback.FeedbackInvitation;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.FeedbackStore;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.feedback.VolunteerOffer;
import fi.vuoro.domain.outbox.OutboundSms;
import fi.vuoro.domain.report.DayTally;
import fi.vuoro.domain.report.FeedbackComment;
import fi.vuoro.domain.report.ReportStore;
import fi.vuoro.domain.report.VisitCount;
import fi.vuoro.domain.report.WeekTally;
import fi.vuoro.domain.queue.TicketRef;
import fi.vuoro.domain.queue.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Feedback and tallies in memory, for tests of the rules and of the form; the DynamoDB stores are tested on their own. */
public final class InMemoryFeedback implements FeedbackStore, ReportStore {

    public final Map<String, FeedbackInvitation> invitations = new HashMap<>();
    public final Map<String, DigitReply> digitReplies = new HashMap<>();
    public final List<OutboundSms> outbox = new ArrayList<>();
    public final List<AnonymousAnswer> answers = new ArrayList<>();
    public final List<VolunteerOffer> volunteers = new ArrayList<>();
    private final Map<String, long[]> invited = new LinkedHashMap<>();
    private final Map<String, List<DayTally>> days = new HashMap<>();

    @Override
    public synchronized void invite(FeedbackInvitation invitation, Optional<DigitReply> digitReply,
                                    Optional<OutboundSms> sms) {
        invitations.put(invitation.tokenHash(), invitation);
        digitReply.ifPresent(digit -> digitReplies.put(digit.phoneHash(), digit));
        sms.ifPresent(outbox::add);
        invited.computeIfAbsent(invitation.siteId() + "|" + invitation.week() + "|" + traitsKey(invitation.traits()),
                k -> new long[1])[0]++;
    }

    private final java.util.Set<TicketRef> carded = new java.util.HashSet<>();

    @Override
    public synchronized boolean inviteWalkIn(FeedbackInvitation invitation, TicketRef ticket, Instant ticketExpiresAt) {
        if (!carded.add(ticket)) {
            return false;
        }
        invite(invitation, Optional.empty(), Optional.empty());
        return true;
    }

    @Override
    public synchronized List<VolunteerOffer> volunteersOf(String siteId, Instant now) {
        return volunteers.stream().filter(offer -> offer.siteId().equals(siteId) && now.isBefore(offer.keepUntil()))
                .toList();
    }

    @Override
    public synchronized Optional<FeedbackInvitation> find(String tokenHash, Instant now) {
        return Optional.ofNullable(invitations.get(tokenHash)).filter(invitation -> invitation.isOpen(now));
    }

    @Override
    public synchronized Optional<DigitReply> digitReplyOf(String phoneHash, Instant now) {
        return Optional.ofNullable(digitReplies.get(phoneHash)).filter(digit -> now.isBefore(digit.until()));
    }

    @Override
    public synchronized boolean answer(FeedbackInvitation invitation, AnonymousAnswer answer,
                                       Optional<VolunteerOffer> volunteer) {
        if (invitations.remove(invitation.tokenHash()) == null) {
            return false;
        }
        answers.add(answer);
        volunteer.ifPresent(volunteers::add);
        return true;
    }

    @Override
    public synchronized void countVisit(String siteId, LocalDate day, VisitTraits traits, VisitCount count) {
        List<Long> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(hour == count.hourJoined() ? 1L : 0L);
        }
        Map<Integer, Long> waits = count.waitMinutes().map(minutes -> Map.of(minutes, 1L)).orElse(Map.of());
        days.computeIfAbsent(siteId, s -> new ArrayList<>()).add(new DayTally(day, traits,
                count.outcome() == TicketStatus.SERVED ? 1 : 0, count.outcome() == TicketStatus.NO_SHOW ? 1 : 0,
                count.outcome() == TicketStatus.LEFT ? 1 : 0, hours, waits, count.interpreterRequested() ? 1 : 0,
                count.interpreterFound() ? 1 : 0));
    }

    @Override
    public synchronized List<DayTally> days(String siteId, LocalDate from, LocalDate to) {
        return days.getOrDefault(siteId, List.of()).stream()
                .filter(tally -> !tally.day().isBefore(from) && !tally.day().isAfter(to)).toList();
    }

    @Override
    public synchronized List<WeekTally> weeks(String siteId, ServiceWeek from, ServiceWeek to) {
        List<WeekTally> weeks = new ArrayList<>();
        invited.forEach((key, count) -> {
            String[] parts = key.split("\\|", 3);
            ServiceWeek week = ServiceWeek.parse(parts[1]);
            if (parts[0].equals(siteId) && week.compareTo(from) >= 0 && week.compareTo(to) <= 0) {
                weeks.add(new WeekTally(week, traitsOf(parts[2]), count[0], 0, Map.of()));
            }
        });
        for (AnonymousAnswer answer : answers) {
            if (answer.siteId().equals(siteId) && answer.week().compareTo(from) >= 0 && answer.week().compareTo(to) <= 0) {
                Map<FeedbackQuestion, List<Long>> points = new EnumMap<>(FeedbackQuestion.class);
                answer.answers().scores().forEach((question, point) -> {
                    List<Long> counts = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
                    counts.set(point - 1, 1L);
                    points.put(question, counts);
                });
                weeks.add(new WeekTally(answer.week(), answer.traits(), 0, 1, points));
            }
        }
        return weeks;
    }

    @Override
    public synchronized List<FeedbackComment> comments(String siteId, ServiceWeek from, ServiceWeek to) {
        return answers.stream().filter(answer -> answer.siteId().equals(siteId)
                        && answer.week().compareTo(from) >= 0 && answer.week().compareTo(to) <= 0)
                .filter(answer -> answer.answers().comment().isPresent())
                .map(answer -> new FeedbackComment(answer.week(), answer.traits(), answer.answers().comment().get()))
                .toList();
    }

    private static String traitsKey(VisitTraits traits) {
        return traits.topic().orElse("") + "|" + traits.language() + "|" + traits.interpreterUsed();
    }

    private static VisitTraits traitsOf(String key) {
        String[] parts = key.split("\\|", -1);
        return new VisitTraits(parts[0].isEmpty() ? Optional.empty() : Optional.of(parts[0]), parts[1],
                Boolean.parseBoolean(parts[2]));
    }
}
