package fi.vuoro.local.reliability;

import fi.vuoro.local.reliability.History.Effect;
import fi.vuoro.local.reliability.History.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The promises checked against a recorded history and what the service holds at its end: every acknowledged join
 * ends exactly once, no ticket code is given twice, every position told was true at some moment while it was being
 * told, an interpreter request has at most one winner, and every owed SMS went out once or was dropped for a reason.
 */
final class HistoryChecks {

    /** A ticket as the table holds it at the end. */
    record StoredTicket(String siteId, int number, String code, String status, boolean bySms) {
    }

    /** An owed SMS as the outbox holds it at the end. */
    record StoredSms(String id, String status, Optional<String> providerId, Optional<String> reason) {
    }

    /** What the checks found; each list names the broken promises, empty when kept. */
    record Verdict(List<String> lost, List<String> doubled, List<String> wrongPositions, List<String> winners,
                   List<String> sms, List<String> yourTurnsMissing, int positionsChecked, int unexplained) {

        List<String> all() {
            List<String> all = new ArrayList<>();
            all.addAll(lost);
            all.addAll(doubled);
            all.addAll(wrongPositions);
            all.addAll(winners);
            all.addAll(sms);
            return all;
        }
    }

    private static final Set<String> LIVE = Set.of("WAITING", "CALLED");
    private static final Set<String> SENT = Set.of("SENT", "DELIVERED", "UNDELIVERED");

    private final List<Operation> operations;
    private final Map<String, StoredTicket> tickets = new HashMap<>();

    HistoryChecks(List<Operation> operations, List<StoredTicket> stored) {
        this.operations = operations;
        stored.forEach(ticket -> tickets.put(key(ticket.siteId(), ticket.number()), ticket));
    }

    private static String key(String siteId, int number) {
        return siteId + "#" + number;
    }

    private static String key(Operation operation) {
        return key(operation.siteId(), operation.number());
    }

    private List<Operation> about(Effect... effects) {
        Set<Effect> wanted = Set.of(effects);
        return operations.stream().filter(op -> op.code().isPresent() && wanted.contains(op.effect())).toList();
    }

    Verdict check(List<StoredSms> outbox, Set<String> sentSids) {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        endings(lost, doubled);
        codes(doubled);
        int[] checked = new int[1];
        int[] unexplained = new int[1];
        List<String> positions = positions(checked, unexplained);
        List<String> winners = new ArrayList<>();
        about(Effect.CONFIRMED).stream().collect(Collectors.groupingBy(HistoryChecks::key)).forEach((ticket, yes) -> {
            if (yes.size() > 1) {
                winners.add("interpreter request of " + ticket + " confirmed to " + yes.size() + ": "
                        + yes.stream().map(Operation::actor).toList());
            }
        });
        List<String> missing = new ArrayList<>();
        List<String> sms = sms(outbox, sentSids, lost, doubled, missing);
        return new Verdict(lost, doubled, positions, winners, sms, missing, checked[0], unexplained[0]);
    }

    /** Each acknowledged join is in the table, no longer live, and ended by one operation at most. */
    private void endings(List<String> lost, List<String> doubled) {
        Map<String, List<Operation>> endings = about(Effect.SERVED, Effect.NO_SHOW, Effect.LEFT).stream()
                .collect(Collectors.groupingBy(HistoryChecks::key));
        for (String ticket : about(Effect.JOINED).stream().map(HistoryChecks::key).collect(Collectors.toSet())) {
            StoredTicket stored = tickets.get(ticket);
            if (stored == null) {
                lost.add("acknowledged join " + ticket + " is not in the table");
                continue;
            }
            if (LIVE.contains(stored.status())) {
                lost.add("acknowledged join " + ticket + " never ended: " + stored.status());
            }
            List<Operation> ended = endings.getOrDefault(ticket, List.of());
            if (ended.size() > 1) {
                doubled.add(ticket + " ended " + ended.size() + " times: "
                        + ended.stream().map(op -> op.kind() + " by " + op.actor()).toList());
            }
            if (ended.size() == 1 && !ended.get(0).effect().name().equals(stored.status())) {
                doubled.add(ticket + " was told " + ended.get(0).effect() + " but the table says " + stored.status());
            }
            boolean unsure = operations.stream().anyMatch(op -> op.effect() == Effect.UNKNOWN
                    && op.code().isPresent() && key(op).equals(ticket));
            if (ended.isEmpty() && !unsure && !stored.status().equals("NO_SHOW") && !LIVE.contains(stored.status())) {
                // Only the no-show sweep ends a ticket without an answer naming it, or a change whose answer failed.
                lost.add(ticket + " ended " + stored.status() + " without any operation ending it");
            }
        }
    }

    /** A code names one visitor's ticket: no two visitors were told the same code at a site. */
    private void codes(List<String> doubled) {
        Map<String, Set<String>> holders = new HashMap<>();
        for (Operation joined : about(Effect.JOINED)) {
            holders.computeIfAbsent(joined.siteId() + " " + joined.code().orElseThrow(), unused -> new TreeSet<>())
                    .add(joined.actor());
        }
        holders.forEach((code, actors) -> {
            if (actors.size() > 1) {
                doubled.add("code " + code + " given to " + actors.size() + " visitors");
            }
        });
    }

    /**
     * One ticket's moves in and out of the waiting, in the order they were asked; once {@code uncertainAfter} of them
     * are done, whether it waits is unknown (an answer failed to say what happened).
     */
    private record Moves(List<Operation> moves, int uncertainAfter) {

        /** Whether the ticket may be waiting, and whether it must be, at {@code t}. */
        boolean[] waitingAt(long t) {
            int surely = 0;
            while (surely < moves.size() && moves.get(surely).respondedAt() <= t) {
                surely++;
            }
            int maybe = 0;
            while (maybe < moves.size() && moves.get(maybe).invokedAt() <= t) {
                maybe++;
            }
            boolean may = false;
            boolean must = true;
            for (int done = surely; done <= maybe; done++) {
                if (done >= uncertainAfter) {
                    may = true;
                    must = false;
                    continue;
                }
                boolean waiting = done > 0 && waitingAfter(moves.get(done - 1).effect());
                may |= waiting;
                must &= waiting;
            }
            return new boolean[] {may, must};
        }

        private static boolean waitingAfter(Effect effect) {
            return effect == Effect.JOINED || effect == Effect.REQUEUED;
        }
    }

    /**
     * A ticket's moves in the one order its states allow (joined; called and put back in turn; left), the earliest
     * asked first where both orders would do: a call asked before the join it calls was answered is still after it.
     */
    private static List<Operation> inOrder(List<Operation> moves) {
        List<Operation> byAsking = moves.stream().sorted(Comparator.comparingLong(Operation::invokedAt)).toList();
        return arrange(new ArrayList<>(), byAsking, "NONE").orElse(byAsking);
    }

    private static Optional<List<Operation>> arrange(List<Operation> done, List<Operation> left, String state) {
        if (left.isEmpty()) {
            return Optional.of(done);
        }
        for (Operation next : left) {
            Optional<String> after = after(state, next.effect());
            if (after.isPresent()) {
                List<Operation> more = new ArrayList<>(done);
                more.add(next);
                List<Operation> rest = new ArrayList<>(left);
                rest.remove(next);
                Optional<List<Operation>> arranged = arrange(more, rest, after.get());
                if (arranged.isPresent()) {
                    return arranged;
                }
            }
        }
        return Optional.empty();
    }

    /** The state a move leads to from {@code state}, if it may follow it; an unknown outcome may follow anything. */
    private static Optional<String> after(String state, Effect move) {
        switch (move) {
            case JOINED:
                return state.equals("NONE") ? Optional.of("WAITING") : Optional.empty();
            case CALLED:
                return state.equals("WAITING") ? Optional.of("CALLED") : Optional.empty();
            case REQUEUED:
                return state.equals("CALLED") ? Optional.of("WAITING") : Optional.empty();
            case LEFT:
                return state.equals("WAITING") || state.equals("CALLED") ? Optional.of("ENDED") : Optional.empty();
            default:
                return Optional.of(state);
        }
    }

    /**
     * Linearisability of every position told: some moment between the question and the answer at which exactly that
     * many tickets of the site's day with a lower number were (or may have been) WAITING, whatever their topic.
     */
    private List<String> positions(int[] checked, int[] unexplained) {
        Map<String, Map<Integer, Moves>> bySite = new HashMap<>();
        Map<String, List<Operation>> moves = operations.stream()
                .filter(op -> op.code().isPresent() && (op.effect().movesWaiting() || op.effect() == Effect.UNKNOWN))
                .collect(Collectors.groupingBy(HistoryChecks::key));
        Set<String> seen = new HashSet<>();
        moves.forEach((ticket, list) -> {
            List<Operation> sorted = inOrder(list);
            int uncertainAfter = Integer.MAX_VALUE;
            for (int i = sorted.size() - 1; i >= 0; i--) {
                if (sorted.get(i).effect() == Effect.UNKNOWN) {
                    uncertainAfter = i + 1;
                }
            }
            if (sorted.get(0).effect() != Effect.JOINED) {
                // It joined before the history began: whether it waited is not known until an answer says.
                uncertainAfter = 0;
            }
            Operation last = sorted.get(sorted.size() - 1);
            StoredTicket stored = tickets.get(ticket);
            boolean waitingAtEnd = last.effect() == Effect.JOINED || last.effect() == Effect.REQUEUED;
            if (uncertainAfter == Integer.MAX_VALUE && stored != null && waitingAtEnd
                    && !stored.status().equals("WAITING")) {
                // It left the waiting without an answer saying so (a failed answer of a call that did land).
                unexplained[0]++;
                uncertainAfter = sorted.size();
            }
            bySite.computeIfAbsent(last.siteId(), unused -> new HashMap<>())
                    .put(last.number(), new Moves(sorted, uncertainAfter));
            seen.add(ticket);
        });
        // Tickets in the table no answer ever named (a join whose every answer failed) may be waiting at any time.
        tickets.forEach((ticket, stored) -> {
            if (!seen.contains(ticket)) {
                unexplained[0]++;
                bySite.computeIfAbsent(stored.siteId(), unused -> new HashMap<>())
                        .put(stored.number(), new Moves(List.of(), 0));
            }
        });
        List<String> wrong = new ArrayList<>();
        for (Operation told : operations) {
            if (told.toldAhead().isEmpty() || told.code().isEmpty()) {
                continue;
            }
            checked[0]++;
            Map<Integer, Moves> site = bySite.getOrDefault(told.siteId(), Map.of());
            List<Moves> ahead = site.entrySet().stream().filter(e -> e.getKey() < told.number())
                    .map(Map.Entry::getValue).toList();
            TreeSet<Long> moments = new TreeSet<>(List.of(told.invokedAt(), told.respondedAt()));
            for (Moves other : ahead) {
                for (Operation move : other.moves()) {
                    for (long t : new long[] {move.invokedAt(), move.respondedAt()}) {
                        if (t >= told.invokedAt() && t <= told.respondedAt()) {
                            moments.add(t);
                        }
                    }
                }
            }
            int said = told.toldAhead().getAsInt();
            boolean fits = false;
            int lowest = Integer.MAX_VALUE;
            int highest = -1;
            for (long t : moments) {
                int must = 0;
                int may = 0;
                for (Moves other : ahead) {
                    boolean[] waiting = other.waitingAt(t);
                    may += waiting[0] ? 1 : 0;
                    must += waiting[1] ? 1 : 0;
                }
                lowest = Math.min(lowest, must);
                highest = Math.max(highest, may);
                if (must <= said && said <= may) {
                    fits = true;
                    break;
                }
            }
            if (!fits) {
                wrong.add(told.kind() + " to " + told.actor() + " at " + told.siteId() + " " + told.code().get()
                        + ": told " + said + " ahead, but between question and answer " + lowest + "-" + highest
                        + " were waiting ahead (" + told.answer() + ")");
            }
        }
        return wrong;
    }

    /**
     * Every owed SMS settled: sent once (its Twilio id among the sends, no send without an owed SMS) or dropped or
     * failed with a reason; and each "your turn" the history owes (a call of a ticket that joined by SMS) is there.
     */
    private List<String> sms(List<StoredSms> outbox, Set<String> sentSids, List<String> lost, List<String> doubled,
                             List<String> yourTurnsMissing) {
        List<String> problems = new ArrayList<>();
        Set<String> owedSids = new HashSet<>();
        for (StoredSms sms : outbox) {
            if (SENT.contains(sms.status())) {
                if (sms.providerId().isEmpty() || !sentSids.contains(sms.providerId().get())) {
                    lost.add("SMS " + sms.id() + " is " + sms.status() + " but Twilio never got it");
                } else if (!owedSids.add(sms.providerId().get())) {
                    doubled.add("SMS " + sms.id() + " shares its Twilio send with another");
                }
            } else if (sms.status().equals("DROPPED") || sms.status().equals("FAILED")) {
                if (sms.reason().isEmpty()) {
                    problems.add("SMS " + sms.id() + " " + sms.status() + " without a reason");
                }
            } else {
                lost.add("SMS " + sms.id() + " still " + sms.status() + " at the end");
            }
        }
        for (String sid : sentSids) {
            if (!owedSids.contains(sid)) {
                doubled.add("Twilio sent " + sid + ", which no owed SMS is settled as (a second send?)");
            }
        }
        Map<String, Long> callsOwed = about(Effect.CALLED).stream()
                .filter(op -> tickets.containsKey(key(op)) && tickets.get(key(op)).bySms())
                .collect(Collectors.groupingBy(HistoryChecks::key, Collectors.counting()));
        callsOwed.forEach((ticket, calls) -> {
            StoredTicket stored = tickets.get(ticket);
            String prefix = stored.siteId() + ".";
            long owed = outbox.stream().filter(sms -> sms.id().startsWith(prefix)
                    && sms.id().contains("." + stored.number() + ".called-")).count();
            if (owed < calls) {
                yourTurnsMissing.add(ticket + " was called " + calls + " times but " + owed + " \"your turn\" SMS were owed");
            }
        });
        return problems;
    }
}
