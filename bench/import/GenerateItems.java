import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes N product reviews to label twice, as the same rows: a JSON Lines body for the import API, and
 * PostgreSQL COPY text rows of tasks.item (project, import, external id, data, gold answer, answers needed) for
 * the raw baseline. Deterministic (fixed seed). Texts hold only letters and spaces, so both forms need no
 * escaping and carry byte-for-byte the same JSON.
 *
 * Usage: java GenerateItems.java COUNT JSONL_FILE COPY_FILE PROJECT_ID IMPORT_ID ANSWERS_NEEDED
 */
public class GenerateItems {

    private static final String[] WORDS = ("the a this it phone battery screen camera charger case cable speaker sound "
            + "quality price delivery seller box colour size fit weight button light sturdy cheap flimsy great good fine "
            + "bad awful excellent decent solid poor fast slow loud quiet bright dim works broke arrived late early "
            + "again never always really very quite too not but and so because after before day week month year "
            + "would buy recommend return refund love hate like expected better worse than advertised exactly as "
            + "described packaging damaged perfect useless value money support replied helpful rude").split(" ");
    private static final String[] LABELS = {"positive", "negative"};

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path jsonl = Path.of(args[1]);
        Path copy = Path.of(args[2]);
        String rowPrefix = args[3] + "\t" + args[4] + "\t";
        String answersNeeded = args[5];
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter lines = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8);
             BufferedWriter rows = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.setLength(0);
                int words = 5 + random.nextInt(26);
                for (int w = 0; w < words; w++) {
                    text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                String id = String.format("review-%08d", i);
                String data = "{\"text\": \"" + text + "\", \"stars\": " + (1 + random.nextInt(5))
                        + (random.nextBoolean() ? ", \"photo\": \"https://img.example.org/reviews/" + i + ".jpg\"" : "") + "}";
                String gold = i % 100 == 0 ? "{\"value\": \"" + LABELS[random.nextInt(2)] + "\"}" : null;
                lines.write("{\"id\": \"" + id + "\", \"data\": " + data + (gold == null ? "" : ", \"gold\": " + gold) + "}\n");
                rows.write(rowPrefix + id + "\t" + data + "\t" + (gold == null ? "\\N" : gold) + "\t" + answersNeeded + "\n");
            }
        }
    }
}
