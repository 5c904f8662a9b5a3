package io.cutline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.cutline.ledger.Job;
import io.cutline.ledger.JobState;
import io.cutline.support.TestService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assembly against its floor, measured in one run (bench/assembly.sh): a 12-scene, ~60 s 1080x1920
 * job with narration, music and captions goes through the real service; then the same clips and
 * narration get a bare single-pass encode at the same length, resolution, x264 settings and stereo
 * audio. Reports both wall times and FFmpeg CPU-seconds, their ratios, and the peak resident memory
 * of the FFmpeg processes of each.
 */
public final class AssemblyBenchmark {

    private AssemblyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long benchStarted = System.nanoTime();
        Path root = TestService.newRoot("bench-assembly");
        FfmpegCpu cpu = new FfmpegCpu(root.resolve("tools"));
        Map<String, String> settings = new HashMap<>(TestService.productionMedia());
        settings.put("cutline.tools.ffmpeg", cpu.path());
        settings.putAll(Map.of("cutline.channels.dir", "bench/channels", "cutline.signals.dir", "bench/signals"));
        PeakMemory assemblyMemory = new PeakMemory();
        double assemblySeconds;
        double assemblyCpu;
        List<Path> clips = new ArrayList<>();
        List<Path> narration = new ArrayList<>();
        double narrationSeconds;
        int scenes;
        try (TestService service = new TestService(root, settings).start()) {
            String id = service.submit("bench");
            JdbcTemplate ledger = service.jdbc();
            Thread sampler = new Thread(() -> assemblyMemory.sampleWhile(
                    () -> "ASSEMBLY".equals(ledger.queryForObject("SELECT step FROM jobs WHERE id = ?", String.class, id)),
                    () -> "RUNNING".equals(ledger.queryForObject("SELECT state FROM jobs WHERE id = ?", String.class, id))));
            sampler.start();
            Job job = service.awaitEnd(id, Duration.ofMinutes(15));
            sampler.join();
            if (job.state() != JobState.DONE) {
                throw new IllegalStateException("the benchmark job did not finish: " + job.failureReason());
            }
            StepTimes times = new StepTimes(ledger, id);
            assemblySeconds = StepTimes.seconds(times.assemblyStart(), times.assemblyEnd());
            assemblyCpu = cpu.cpuSeconds(times.assemblyStart().toInstant(), times.assemblyEnd().toInstant());
            ledger.queryForList("SELECT g.clip_path FROM scene_clips c JOIN generation_tasks g ON g.content_key = c.clip_key "
                    + "WHERE c.job_id = ? ORDER BY c.scene_index, c.part", String.class, id).forEach(path -> clips.add(Path.of(path)));
            ledger.queryForList("SELECT audio_path FROM voice_tracks WHERE job_id = ? ORDER BY scene_index", String.class, id)
                    .forEach(path -> narration.add(Path.of(path)));
            narrationSeconds = ledger.queryForObject("SELECT SUM(duration_seconds) FROM voice_tracks WHERE job_id = ?", Double.class, id);
            scenes = narration.size();
        }

        Path floorDir = Files.createDirectories(root.resolve("floor"));
        Path list = floorDir.resolve("clips.txt");
        Files.write(list, clips.stream().map(clip -> "file '" + clip + "'").toList());
        Path voice = floorDir.resolve("voice.txt");
        Files.write(voice, narration.stream().map(track -> "file '" + track + "'").toList());
        List<String> floor = List.of(cpu.path(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "concat", "-safe", "0", "-i", list.toString(), "-f", "concat", "-safe", "0", "-i", voice.toString(),
                "-map", "0:v", "-map", "1:a", "-t", String.format(Locale.ROOT, "%.3f", narrationSeconds),
                "-vf", "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,setsar=1",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", "30",
                "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2", "-movflags", "+faststart", floorDir.resolve("floor.mp4").toString());
        PeakMemory floorMemory = new PeakMemory();
        double cpuBeforeFloor = cpu.cpuSeconds();
        Instant start = Instant.now();
        Process process = new ProcessBuilder(floor).inheritIO().start();
        Thread sampler = new Thread(() -> floorMemory.sampleWhile(process::isAlive, process::isAlive));
        sampler.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the floor encode failed");
        }
        double floorSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double floorCpu = cpu.cpuSeconds() - cpuBeforeFloor;
        sampler.join();
        BenchFiles.delete(root);

        String report = String.format(Locale.ROOT, """
                Assembly benchmark: %d scenes, %.1f s of narration, 1080x1920, music and captions (one run, %s)
                                                         wall      FFmpeg CPU   peak FFmpeg RSS
                  assembly (mix, one-pass render, gates) %6.1f s   %7.1f s   %5d MB
                  floor (bare single-pass encode)        %6.1f s   %7.1f s   %5d MB
                  ratio assembly / floor                 %6.2fx   %7.2fx   (target <= 1.30x on both)
                  benchmark wall time %.0f s
                """, scenes, narrationSeconds, Machine.describe(), assemblySeconds, assemblyCpu, assemblyMemory.peakMegabytes(),
                floorSeconds, floorCpu, floorMemory.peakMegabytes(), assemblySeconds / floorSeconds, assemblyCpu / floorCpu,
                (System.nanoTime() - benchStarted) / 1e9);
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-assembly.txt"), report);
    }

    /** The highest VmHWM (peak resident set) of this JVM's ffmpeg child processes, sampled while a condition holds. */
    static final class PeakMemory {
        private final AtomicLong peakKilobytes = new AtomicLong();

        void sampleWhile(java.util.function.BooleanSupplier measuring, java.util.function.BooleanSupplier running) {
            while (running.getAsBoolean()) {
                if (measuring.getAsBoolean()) {
                    ProcessHandle.current().descendants()
                            .filter(process -> process.info().command().map(command -> command.endsWith("ffmpeg")).orElse(false))
                            .forEach(process -> peakKilobytes.accumulateAndGet(highWaterMark(process.pid()), Math::max));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakMegabytes() {
            return peakKilobytes.get() / 1024;
        }

        private static long highWaterMark(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between listing and reading
            }
            return 0;
        }
    }
}
