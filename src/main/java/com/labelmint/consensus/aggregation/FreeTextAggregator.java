package com.labelmint.consensus.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Free text: answers match when they are equal after normalisation (Unicode NFKC, case, surrounding and repeated
 * whitespace). The largest group of matching answers wins, with its share of the answers as confidence (the first
 * group formed wins a tie), and the label is its first answer as written. Texts that do not converge stay below
 * the threshold and go to a reviewer once the item has its maximum answers.
 */
public final class FreeTextAggregator implements ItemAggregator {

    private static final String METHOD = "text-match";

    @Override
    public Aggregate aggregate(List<Vote> votes) {
        Map<String, List<Vote>> groups = new LinkedHashMap<>();
        for (Vote vote : votes) {
            groups.computeIfAbsent(normalised(vote.answer().get("text").asText()), text -> new ArrayList<>()).add(vote);
        }
        List<Vote> largest = groups.values().stream().reduce((a, b) -> b.size() > a.size() ? b : a).orElseThrow();
        return new Aggregate(largest.get(0).answer(), (double) largest.size() / votes.size(), METHOD);
    }

    @Override
    public boolean agrees(JsonNode answer, JsonNode label) {
        return normalised(answer.get("text").asText()).equals(normalised(label.get("text").asText()));
    }

    private static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
