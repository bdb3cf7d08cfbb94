export { tick, type TickDeps, type TickReport, type SchedulerLogger } from './tick';
export { runSchedule, planRun, MAX_POSTS_PER_RUN, type RunDeps, type RunReport } from './run';
export { SchedulerService, type SchedulerServiceOptions } from './service';
export { RestPoster, type Poster, type ChannelMessage, type RestLike, type RestPosterOptions } from './poster';
export { classifyPostError, PAUSE_CODES, type PostOutcome } from './outcome';
export { deliveryNonce, MAX_NONCE_LENGTH } from './nonce';
export { parseTiming, parseWhen, parseTimeZone, nextRunAfter, nextRuns, shortestGapSeconds, formatSeconds, type Timing } from './timing';
export { TIME_ZONES, normalizeTimeZone, suggestTimeZones } from './timezones';
export { SCHEDULING_SERVICE, schedulingFrom, type Scheduling } from './scheduling';
