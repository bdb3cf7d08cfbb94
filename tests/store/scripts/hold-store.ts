// Opens the store at argv[2] (taking its instance lock), says so, and waits to be killed.
import { createSqliteStore } from '../../../src/store';

const store = createSqliteStore(process.argv[2]!);
store.schedules.listByGuild('0');
process.stdout.write('held\n');
setInterval(() => undefined, 60_000);
