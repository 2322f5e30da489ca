// Claims the database given on the command line, says so, then waits to be killed (instance-lock.test.ts).
import { claimDatabase } from "./instance-lock";

claimDatabase(process.argv[2] ?? "");
process.stdout.write("claimed\n");
setInterval(() => {}, 60_000);
