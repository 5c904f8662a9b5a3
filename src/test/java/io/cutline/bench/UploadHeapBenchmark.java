package io.cutline.bench;

import java.io.RandomAccessFile;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.cutline.distribution.platform.InstagramPublisher;
import io.cutline.distribution.platform.MemoryUploadSession;
import io.cutline.distribution.platform.PostMetadata;
import io.cutline.distribution.platform.Publisher;
import io.cutline.distribution.platform.TikTokPublisher;
import io.cutline.distribution.platform.YouTubePublisher;
import io.cutline.model.Render;
import io.cutline.support.EmulatedProviders;

/**
 * How much heap a large upload holds: one video of GIB gibibytes published to YouTube (resumable
 * upload), TikTok (chunked {@code FILE_UPLOAD}) and Instagram (resumable {@code rupload}) by the
 * real publishers, with the shipped chunk sizes, against an emulator running in another process (so
 * its buffers are not counted here). Run it in a JVM with a small {@code -Xmx} (bench/upload-heap.sh
 * uses 64 MB): that it finishes at all shows the upload fits; the report gives, per platform, the
 * seconds, the throughput, the heap in use before (after a collection: the adapters, their Camel
 * context and the JDK's HTTP client), the most seen in use during the upload (sampled every 10 ms,
 * garbage included) and the most left in use after a collection (what is really held), with the
 * collections' count.
 * The file is sparse (zeros on disk, from the page cache): the figures are the upload's, not the disk's.
 * Usage: UploadHeapBenchmark EMULATOR_BASE_URL [GIB 2] [DIR target/bench-upload].
 */
public final class UploadHeapBenchmark {

    private static final Map<String, Class<? extends Publisher>> PUBLISHERS = Map.of("youtube", YouTubePublisher.class, "tiktok",
            TikTokPublisher.class, "instagram", InstagramPublisher.class);

    private UploadHeapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String emulator = args[0];
        double gib = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        Path dir = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/bench-upload"));
        long size = (long) (gib * 1024 * 1024 * 1024);
        Path video = dir.resolve("upload-" + size + ".mp4");
        try (RandomAccessFile file = new RandomAccessFile(video.toFile(), "rw")) {
            file.setLength(size);
        }
        Map<String, String> shippedChunks = Map.of("cutline.distribution.youtube.chunk-kib", "8192",
                "cutline.distribution.tiktok.chunk-mib", "10", "cutline.distribution.instagram.chunk-mib", "8",
                "cutline.providers.response-timeout-ms", "120000");
        Map<String, String> settings = new java.util.HashMap<>(shippedChunks);
        PUBLISHERS.forEach((platform, publisher) -> settings.put("cutline.distribution." + platform + ".adapter", publisher.getName()));
        System.out.printf(Locale.ROOT, "upload heap: one %.2f GiB video per platform, max heap %d MB, %s%n", gib,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Machine.describe());
        System.out.printf(Locale.ROOT, "  chunks: YouTube %s KiB, TikTok %s MiB, Instagram %s MiB (the shipped sizes)%n",
                shippedChunks.get("cutline.distribution.youtube.chunk-kib"), shippedChunks.get("cutline.distribution.tiktok.chunk-mib"),
                shippedChunks.get("cutline.distribution.instagram.chunk-mib"));
        System.out.printf(Locale.ROOT, "  %-10s %9s %10s %17s %16s %20s %12s%n", "platform", "seconds", "MB/s", "in use before", "peak heap used",
                "peak live after GC", "collections");
        try (EmulatedProviders providers = new EmulatedProviders(1, settings).openAgainst(emulator)) {
            for (String platform : List.of("youtube", "tiktok", "instagram")) {
                Publisher publisher = providers.adapter("cutline.distribution", platform, Publisher.class);
                String job = UUID.randomUUID().toString();
                measure(platform, () -> publisher.publish(render(job, video), metadata(job, platform), new MemoryUploadSession(() -> 0)), size);
            }
        } finally {
            Files.deleteIfExists(video);
        }
        System.out.printf(Locale.ROOT, "  process peak RSS %d MB%n", Machine.statusMegabytes("VmHWM"));
    }

    private interface Upload {
        String run() throws Exception;
    }

    private static void measure(String platform, Upload upload, long size) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long collectionsBefore = collections();
        AtomicLong peakUsed = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                peakLive.accumulateAndGet(heap.stream().mapToLong(pool -> pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed())
                        .sum(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        String location = upload.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf(Locale.ROOT, "  %-10s %9.1f %10.1f %14d MB %13d MB %17d MB %12d   (%s)%n", platform, seconds, size / 1e6 / seconds,
                before / (1024 * 1024), peakUsed.get() / (1024 * 1024), peakLive.get() / (1024 * 1024), collections() - collectionsBefore, location);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static Render render(String job, Path video) {
        return new Render(job, "1080x1920", video.toString(), 1080, 1920, 30.0, null);
    }

    private static PostMetadata metadata(String job, String platform) {
        return new PostMetadata(job, "bench", platform, "en", "A large upload", "Heap benchmark.", List.of("#bench"),
                60.0, 1080, 1920, true, null, 0);
    }
}
