// Loaded with NODE_OPTIONS=--import (node refuses --cpu-prof there): a V8 CPU profile of this
// process, written to BENCH_CPU_PROFILE when it exits. For scripts/bench/http-server.ts.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const dir = process.env.BENCH_CPU_PROFILE;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // An in-thread session answers synchronously, so this works in an exit handler.
    session.post("Profiler.stop", (err, result) => {
      if (!err && result)
        writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on("exit", write);
}
