import com.labelmint.consensus.engine.AnswerMatrix;
import com.labelmint.consensus.engine.AnswerMatrixBuilder;
import com.labelmint.consensus.engine.DawidSkene;
import com.labelmint.consensus.engine.DawidSkeneOptions;
import com.labelmint.consensus.engine.DawidSkeneResult;
import com.labelmint.consensus.engine.MajorityVote;
import com.labelmint.consensus.engine.TaskLabels;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The consensus benchmark's measurements in one JVM (see README.md beside this file): generates the data
 * set, times a pass that only reads the answers, majority vote, 100 Dawid–Skene iterations and a run to
 * convergence, and prints the figures as one JSON object on stdout (progress goes to stderr).
 *
 * <p>Usage: {@code java -cp target/classes:<driver> Driver items labelers classes answersPerItem minAccuracy
 * maxAccuracy seed repeats}
 */
public class Driver {

    /** The counting pass is short (milliseconds): many samples, so that the best is an undisturbed one. */
    private static final int FLOOR_PASSES = 20;

    public static void main(String[] args) {
        int items = Integer.parseInt(args[0]);
        int labelers = Integer.parseInt(args[1]);
        int classes = Integer.parseInt(args[2]);
        int perItem = Integer.parseInt(args[3]);
        double minAccuracy = Double.parseDouble(args[4]);
        double maxAccuracy = Double.parseDouble(args[5]);
        long seed = Long.parseLong(args[6]);
        int repeats = Integer.parseInt(args[7]);

        Crowd crowd = Crowd.generate(items, labelers, classes, perItem, minAccuracy, maxAccuracy, seed);
        AnswerMatrix answers = crowd.answers;
        Json out = new Json();
        out.put("answers", answers.answerCount());

        progress("encoding %d rows of strings (task, worker UUID, label) with AnswerMatrixBuilder", answers.answerCount());
        long start = System.nanoTime();
        AnswerMatrixBuilder.Encoded<String, String, String> encoded = encodeAsStrings(crowd);
        out.put("encodeMs", millisSince(start));
        out.put("encodedLiveHeapMb", liveHeapMb());
        check(encoded.matrix().answerCount() == answers.answerCount(), "the builder lost answers");
        encoded = null; // only its cost was wanted

        progress("memory floor: one pass reading every answer and counting it per item and class");
        List<Double> floor = new ArrayList<>();
        List<Double> floorCpu = new ArrayList<>();
        for (int r = 0; r < FLOOR_PASSES; r++) {
            start = System.nanoTime();
            long cpuStart = threadCpuNanos();
            long checksum = countingPass(answers);
            floor.add(millisSince(start));
            floorCpu.add((threadCpuNanos() - cpuStart) / 1e6);
            check(checksum == answers.answerCount(), "the counting pass lost answers");
        }
        out.put("floorMs", floor);
        out.put("floorCpuMs", floorCpu);

        progress("majority vote");
        start = System.nanoTime();
        TaskLabels votes = MajorityVote.aggregate(answers);
        out.put("majorityMs", millisSince(start));
        out.put("majorityAccuracy", crowd.accuracyOf(votes));

        DawidSkeneOptions hundred = DawidSkeneOptions.defaults().withTolerance(0).withMaxIterations(100);
        // one range (the default) runs on this thread alone: its CPU time compares with the counting pass's
        timeFits(answers, hundred, repeats, crowd, out, "hundred");
        timeFits(answers, hundred.withPartitions(2), repeats, crowd, out, "twoRanges");

        // the peak below is that of a fit to convergence alone: the heap's pools are reset after a collection
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        progress("Dawid–Skene to convergence (tolerance %s)", DawidSkeneOptions.defaults().tolerance());
        start = System.nanoTime();
        long cpuStart = processCpuNanos();
        DawidSkeneResult converged = new DawidSkene(DawidSkeneOptions.defaults().withMaxIterations(1000)).fit(answers);
        out.put("convergenceMs", millisSince(start));
        out.put("convergenceCpuMs", (processCpuNanos() - cpuStart) / 1e6);
        out.put("fitPeakHeapMb", peakHeapMb());
        out.put("liveHeapWithResultMb", liveHeapMb());
        out.put("convergenceIterations", converged.iterations());
        out.put("converged", converged.converged());
        out.put("dawidSkeneAccuracy", crowd.accuracyOf(converged.labels()));
        out.put("logLikelihood", converged.logLikelihood());
        out.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.println(out);
    }

    /**
     * Wall and CPU times of repeated fits (the process's CPU: the fit's threads, and the JIT and GC it makes
     * work; and this thread's), and the accuracy of the last, into the output under the name.
     */
    private static void timeFits(AnswerMatrix answers, DawidSkeneOptions options, int repeats, Crowd crowd, Json out,
            String name) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> threadCpu = new ArrayList<>();
        DawidSkeneResult result = null;
        for (int r = 0; r < repeats; r++) {
            progress("Dawid–Skene, %d iterations, %d range(s), run %d of %d", options.maxIterations(),
                    options.partitions(), r + 1, repeats);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long threadCpuStart = threadCpuNanos();
            result = new DawidSkene(options).fit(answers);
            wall.add(millisSince(start));
            cpu.add((processCpuNanos() - cpuStart) / 1e6);
            threadCpu.add((threadCpuNanos() - threadCpuStart) / 1e6);
        }
        check(result.iterations() == options.maxIterations(), "expected exactly " + options.maxIterations() + " iterations");
        out.put(name + "WallMs", wall);
        out.put(name + "CpuMs", cpu);
        out.put(name + "ThreadCpuMs", threadCpu);
        out.put(name + "Accuracy", crowd.accuracyOf(result.labels()));
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The least work that touches every answer: read its task and label, count it. */
    private static long countingPass(AnswerMatrix answers) {
        int classes = answers.classCount();
        int[] counts = new int[answers.taskCount() * classes];
        for (int i = 0; i < answers.answerCount(); i++) {
            counts[answers.task(i) * classes + answers.label(i)]++;
        }
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /** The rows as a CSV upload would give them: new strings per row, labelers as UUIDs. */
    private static AnswerMatrixBuilder.Encoded<String, String, String> encodeAsStrings(Crowd crowd) {
        AnswerMatrix answers = crowd.answers;
        UUID[] labelerIds = new UUID[answers.workerCount()];
        SplittableRandom random = new SplittableRandom(1);
        Arrays.setAll(labelerIds, w -> new UUID(random.nextLong(), random.nextLong()));
        var builder = new AnswerMatrixBuilder<String, String, String>(answers.answerCount());
        for (int i = 0; i < answers.answerCount(); i++) {
            builder.add("item-" + answers.task(i), labelerIds[answers.worker(i)].toString(), "class-" + answers.label(i));
        }
        return builder.build();
    }

    private static double liveHeapMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
    }

    /** Sum of the heap pools' peaks (each may peak at another moment: an upper bound of the heap's own peak). */
    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1048576.0;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "  driver: " + format + "%n", args);
    }

    /**
     * The crowd: each item's true class uniform, answered by distinct labelers drawn uniformly; each
     * labeler right with an accuracy drawn uniformly in [min, max], errors uniform over the other classes.
     * Answers come in item order, as a query ordered by item would return them.
     */
    static final class Crowd {
        final AnswerMatrix answers;
        final int[] truth;

        private Crowd(AnswerMatrix answers, int[] truth) {
            this.answers = answers;
            this.truth = truth;
        }

        static Crowd generate(int items, int labelers, int classes, int perItem, double minAccuracy,
                double maxAccuracy, long seed) {
            progress("generating %d items x %d answers from %d labelers over %d classes, seed %d", items, perItem,
                    labelers, classes, seed);
            SplittableRandom random = new SplittableRandom(seed);
            double[] accuracy = new double[labelers];
            Arrays.setAll(accuracy, w -> minAccuracy + random.nextDouble() * (maxAccuracy - minAccuracy));
            int n = Math.multiplyExact(items, perItem);
            int[] task = new int[n];
            int[] worker = new int[n];
            int[] label = new int[n];
            int[] truth = new int[items];
            int[] chosen = new int[perItem];
            int i = 0;
            for (int t = 0; t < items; t++) {
                truth[t] = random.nextInt(classes);
                for (int a = 0; a < perItem; a++) {
                    int w = distinct(chosen, a, labelers, random);
                    chosen[a] = w;
                    task[i] = t;
                    worker[i] = w;
                    label[i] = random.nextDouble() < accuracy[w] ? truth[t]
                            : (truth[t] + 1 + random.nextInt(classes - 1)) % classes;
                    i++;
                }
            }
            return new Crowd(AnswerMatrix.withoutGold(task, worker, label, items, labelers, classes), truth);
        }

        double accuracyOf(TaskLabels labels) {
            int right = 0;
            for (int t = 0; t < truth.length; t++) {
                right += labels.label(t) == truth[t] ? 1 : 0;
            }
            return (double) right / truth.length;
        }

        private static int distinct(int[] chosen, int count, int labelers, SplittableRandom random) {
            while (true) {
                int candidate = random.nextInt(labelers);
                boolean taken = false;
                for (int a = 0; a < count; a++) {
                    taken |= chosen[a] == candidate;
                }
                if (!taken) {
                    return candidate;
                }
            }
        }
    }

    /** A flat JSON object of numbers, booleans and lists of numbers: all the driver reports. */
    static final class Json {
        private final StringBuilder body = new StringBuilder();

        void put(String key, Object value) {
            body.append(body.length() == 0 ? "{" : ",").append('"').append(key).append("\":").append(format(value));
        }

        private static String format(Object value) {
            if (value instanceof List<?> list) {
                StringBuilder items = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    items.append(i == 0 ? "" : ",").append(format(list.get(i)));
                }
                return items.append(']').toString();
            }
            if (value instanceof Double number) {
                return String.format(Locale.ROOT, "%.6g", number);
            }
            return String.valueOf(value);
        }

        @Override
        public String toString() {
            return body + "}";
        }
    }
}
