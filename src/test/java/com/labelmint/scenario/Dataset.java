package com.labelmint.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's items: news headlines to sort by topic, each with the topic it truly has, a few of them gold (their
 * topic given to the platform). The simulated people know every truth (an honest labeler mostly answers it); the
 * platform knows only the gold ones. A headline names its number, which is how a labeler who reads it in a task
 * recalls its truth.
 */
final class Dataset {

    /** The label's options: value → title, in the order the buttons show them. */
    static final Map<String, String> TOPICS = topics();
    private static final Pattern NUMBER = Pattern.compile("Headline (\\d{6})");
    private static final Map<String, List<String>> WORDS = Map.of(
            "sports", List.of("cup final", "transfer window", "marathon record", "derby"),
            "politics", List.of("coalition talks", "budget vote", "election poll", "summit"),
            "science", List.of("telescope images", "gene study", "fusion test", "new species"),
            "culture", List.of("film festival", "museum opening", "album release", "book prize"),
            "business", List.of("quarterly results", "merger", "interest rates", "start-up funding"));

    /** One item: its external id, its text, its true topic, and whether the platform is told that topic. */
    record Item(String externalId, String text, String truth, boolean gold) {
    }

    private final List<Item> items;

    private Dataset(List<Item> items) {
        this.items = List.copyOf(items);
    }

    static Dataset generate(ScenarioSize size) {
        Random random = new Random(size.seed());
        List<String> topics = List.copyOf(TOPICS.keySet());
        Set<Integer> gold = new HashSet<>();
        while (gold.size() < size.goldItems()) {
            gold.add(random.nextInt(size.items()));
        }
        List<Item> items = new ArrayList<>(size.items());
        for (int n = 0; n < size.items(); n++) {
            String topic = topics.get(random.nextInt(topics.size()));
            List<String> words = WORDS.get(topic);
            String text = String.format("Headline %06d: %s, %s", n, words.get(random.nextInt(words.size())),
                    words.get(random.nextInt(words.size())));
            items.add(new Item(String.format("h-%06d", n), text, topic, gold.contains(n)));
        }
        return new Dataset(items);
    }

    /** The label schema of the client's project: the headline, and one topic. */
    static Map<String, Object> schema() {
        List<Map<String, String>> options = TOPICS.entrySet().stream()
                .map(option -> Map.of("value", option.getKey(), "title", option.getValue())).toList();
        return Map.of(
                "dataFields", List.of(Map.of("name", "text", "type", "text", "required", true)),
                "label", Map.of("type", "single_choice", "options", options));
    }

    /** The import: one JSON line per item, gold ones with their answer. */
    String jsonLines() {
        StringBuilder lines = new StringBuilder();
        for (Item item : items) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", item.externalId());
            line.put("data", Map.of("text", item.text()));
            if (item.gold()) {
                line.put("gold", Map.of("value", item.truth()));
            }
            lines.append(Api.write(line)).append('\n');
        }
        return lines.toString();
    }

    /** The true topic of the headline some text (a task, a chat message) shows. */
    String truthIn(String text) {
        Matcher number = NUMBER.matcher(text);
        if (!number.find()) {
            throw new ScenarioFailure("No headline in: " + text);
        }
        return items.get(Integer.parseInt(number.group(1))).truth();
    }

    String truthOf(String externalId) {
        return items.get(Integer.parseInt(externalId.substring(2))).truth();
    }

    /** The items consensus labels (gold items are judged against their answer instead). */
    List<Item> regularItems() {
        return items.stream().filter(item -> !item.gold()).toList();
    }

    int size() {
        return items.size();
    }

    private static Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("sports", "Sports");
        topics.put("politics", "Politics");
        topics.put("science", "Science");
        topics.put("culture", "Culture");
        topics.put("business", "Business");
        return topics;
    }
}
