#!/usr/bin/env python3
"""Loading tasks stays linear (issue 25): a meeting of the region's 11 units of 2026 with N tasks in
meeting.yaml (each given to one or two provinces, a third with `was:`), every province's file reporting
on each of its tasks; `ciodash check` timed at N and 10N.

    python3 Benchmarks/tasks-load.py BINARY [N] [RUNS]      # default N = 10000, RUNS = 5

Prints the median wall-clock and CPU time of `check` at N and 10N, the ratio, and the same for an
empty meeting of the same shape (no tasks: the floor of process start and the provinces).
"""
import os, random, resource, statistics, subprocess, sys, tempfile, time

UNITS = ["thanh-hoa", "nghe-an", "ha-tinh", "quang-tri", "hue", "da-nang", "quang-ngai", "gia-lai", "khanh-hoa",
         "dak-lak", "lam-dong"]
FORMER = {"quang-ngai": "kon-tum", "gia-lai": "binh-dinh", "da-nang": "quang-nam", "lam-dong": "dak-nong"}


def write(folder, n, seed=25):
    rng = random.Random(seed)
    os.makedirs(os.path.join(folder, "provinces"), exist_ok=True)
    reports = {u: [] for u in UNITS}
    out = ["format: ciodash/1", "council: Hội đồng CIO miền Trung – Tây Nguyên", "title: Phiên họp thường kỳ năm 2026",
           "date: 2026-07-24", "topics:", "  - id: smart-city", "    title: Đô thị thông minh", "    minutes: 30",
           "provinces: [" + ", ".join(UNITS) + "]"]
    if n:
        out.append("tasks:")
    for i in range(n):
        owners = rng.sample(UNITS, rng.choice([1, 1, 2]))
        tid = f"2025-06-20-smart-city-{i + 1}"
        out += [f"  - id: {tid}", "    owners: [" + ", ".join(f'"{o}"' for o in owners) + "]",
                f"    what: \"Rà soát kế hoạch chuyển đổi số số {i + 1}, báo cáo Hội đồng trước thời hạn\"",
                f"    due: 2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}",
                "    meeting: \"Phiên họp thường kỳ năm 2025\"", "    meeting_date: 2025-06-20",
                "    topic: smart-city", "    conclusion: \"Các tỉnh gửi kế hoạch trước quý IV.\""]
        former = [FORMER[o] for o in owners if o in FORMER]
        if former and i % 3 == 0:
            out.append("    was: [" + ", ".join(f'"{f}"' for f in former) + "]")
        for o in owners:
            reports[o].append(tid)
    with open(os.path.join(folder, "meeting.yaml"), "w") as f:
        f.write("\n".join(out) + "\n")
    for u in UNITS:
        lines = ["format: ciodash/1", f"id: {u}", f"name: \"{u}\"", "reported: 2026-07-10", "topics:",
                 "  smart-city:", "    status: on-track"]
        if reports[u]:
            lines.append("tasks:")
        for j, tid in enumerate(reports[u]):
            status = ["done", "in-progress", "not-started", "xong", "đang làm"][j % 5]
            lines += [f"  {tid}:", f"    status: {status}"]
            if status in ("done", "xong"):
                lines += ["    done: 2026-05-02", "    reference: \"125/KH-UBND\""]
            else:
                lines.append("    note: \"Đang hoàn thiện dự thảo, dự kiến trình UBND tỉnh trong quý III\"")
        with open(os.path.join(folder, "provinces", u + ".yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")


def measure(binary, folder, runs):
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run([binary, "check", folder, "--lang", "en"], capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        last = result.stdout.strip().splitlines()[-1]
        if result.returncode != 0 or " 0 errors, 0 warnings" not in last:
            sys.exit(f"check {folder}: {last}")
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main():
    binary = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory(prefix="ciodash-tasks-bench-") as root:
        rows = []
        for count in (0, n, 10 * n):
            folder = os.path.join(root, f"t{count}")
            write(folder, count)
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
            wall, cpu = measure(binary, folder, runs)
            rows.append((count, size, wall, cpu))
            print(f"{count:>7} tasks, {size / 1e6:6.2f} MB of YAML: check median wall {wall:8.1f} ms, CPU {cpu:8.1f} ms", flush=True)
        (_, _, w0, c0), (_, _, w1, c1), (_, _, w10, c10) = rows
        print(f"10x the tasks: wall {w10 / w1:.2f}x, CPU {c10 / c1:.2f}x; "
              f"less the empty meeting: wall {(w10 - w0) / (w1 - w0):.2f}x, CPU {(c10 - c0) / (c1 - c0):.2f}x")


if __name__ == "__main__":
    main()
