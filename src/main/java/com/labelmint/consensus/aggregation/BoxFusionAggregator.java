package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bounding boxes: boxes of the same class from different answers are matched when they overlap enough
 * (intersection over union ≥ {@value #MATCHING_IOU}), each answer contributing at most one box to a match. A
 * match is kept when at least half the answers drew it, and its box is the quality-weighted mean of theirs.
 * Confidence is how clear-cut those keep-or-drop calls were: the mean over all matches of the larger of the
 * shares that drew and did not draw it (1 when every answer agrees, near 0.5 when the answers split). An answer
 * agrees when its own boxes find the label's at F1 ≥ 0.5 under the same matching.
 */
public final class BoxFusionAggregator implements ItemAggregator {

    private static final double MATCHING_IOU = 0.5;
    private static final double AGREEING_F1 = 0.5;
    private static final String METHOD = "box-fusion";

    @Override
    public Aggregate aggregate(List<Vote> votes) {
        List<Match> matches = new ArrayList<>();
        for (int answer = 0; answer < votes.size(); answer++) {
            for (Box box : boxes(votes.get(answer).answer())) {
                join(matches, answer, box, votes.get(answer).accuracy());
            }
        }
        List<Box> fused = new ArrayList<>();
        double certainty = 0;
        for (Match match : matches) {
            double drew = (double) match.answers.size() / votes.size();
            if (drew >= 0.5) {
                fused.add(match.mean());
            }
            certainty += Math.max(drew, 1 - drew);
        }
        double confidence = matches.isEmpty() ? 1 : certainty / matches.size();
        return new Aggregate(label(fused), confidence, METHOD);
    }

    @Override
    public boolean agrees(JsonNode answer, JsonNode label) {
        return f1(boxes(answer), boxes(label)) >= AGREEING_F1;
    }

    /** Adds the box to the best-overlapping match of its class that has no box of this answer yet, or starts one. */
    private static void join(List<Match> matches, int answer, Box box, double weight) {
        Match best = null;
        double bestIou = MATCHING_IOU;
        for (Match match : matches) {
            double iou = match.cls.equals(box.cls) && !match.answers.contains(answer) ? match.mean().iou(box) : 0;
            if (iou >= bestIou) {
                best = match;
                bestIou = iou;
            }
        }
        if (best == null) {
            best = new Match(box.cls);
            matches.add(best);
        }
        best.add(answer, box, weight);
    }

    /** How well a set of boxes finds the reference boxes: the harmonic mean of precision and recall. */
    private static double f1(List<Box> drawn, List<Box> reference) {
        if (drawn.isEmpty() && reference.isEmpty()) {
            return 1;
        }
        Set<Integer> used = new HashSet<>();
        int found = 0;
        for (Box box : drawn) {
            for (int r = 0; r < reference.size(); r++) {
                if (!used.contains(r) && reference.get(r).cls.equals(box.cls) && reference.get(r).iou(box) >= MATCHING_IOU) {
                    used.add(r);
                    found++;
                    break;
                }
            }
        }
        return 2.0 * found / (drawn.size() + reference.size());
    }

    private static List<Box> boxes(JsonNode answer) {
        List<Box> boxes = new ArrayList<>();
        for (JsonNode box : answer.get("boxes")) {
            boxes.add(new Box(box.get("class").asText(), box.get("x").asDouble(), box.get("y").asDouble(),
                    box.get("w").asDouble(), box.get("h").asDouble()));
        }
        return boxes;
    }

    private static JsonNode label(List<Box> fused) {
        ObjectNode label = JsonNodeFactory.instance.objectNode();
        ArrayNode boxes = label.putArray("boxes");
        for (Box box : fused) {
            boxes.addObject().put("class", box.cls).put("x", box.x).put("y", box.y).put("w", box.w).put("h", box.h);
        }
        return label;
    }

    record Box(String cls, double x, double y, double w, double h) {
        double iou(Box other) {
            double overlapW = Math.min(x + w, other.x + other.w) - Math.max(x, other.x);
            double overlapH = Math.min(y + h, other.y + other.h) - Math.max(y, other.y);
            if (overlapW <= 0 || overlapH <= 0) {
                return 0;
            }
            double intersection = overlapW * overlapH;
            return intersection / (w * h + other.w * other.h - intersection);
        }
    }

    /** Boxes of one class from different answers that are taken to mark the same object. */
    private static final class Match {
        final String cls;
        final Set<Integer> answers = new HashSet<>();
        double weight;
        double x;
        double y;
        double w;
        double h;

        Match(String cls) {
            this.cls = cls;
        }

        void add(int answer, Box box, double boxWeight) {
            answers.add(answer);
            x += box.x * boxWeight;
            y += box.y * boxWeight;
            w += box.w * boxWeight;
            h += box.h * boxWeight;
            weight += boxWeight;
        }

        Box mean() {
            return new Box(cls, x / weight, y / weight, w / weight, h / weight);
        }
    }
}
