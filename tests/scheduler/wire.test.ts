import { describe, expect, it } from 'vitest';
import * as scheduleCommand from '../../commands/schedule';
import { validateCommandModule } from '../../src/discord/load-commands';
import { createLogger } from '../../src/logger';
import { deliveryNonce, SCHEDULING_SERVICE, schedulingFrom } from '../../src/scheduler';
import { createScheduling } from '../../src/scheduler/wire';
import { article, CHANNEL_A, FakeLibrary, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

const silent = createLogger({ level: 'silent' });

describe('createScheduling (wiring)', () => {
  it('posts the /brief embeds through the REST route with the nonce, then closes the store on stop', async () => {
    const calls: Array<{ route: string; body: Record<string, unknown> }> = [];
    let posted!: () => void;
    const done = new Promise<void>((resolve) => (posted = resolve));
    const rest = {
      post: async (route: `/${string}`, options: { body: unknown }) => {
        calls.push({ route, body: options.body as Record<string, unknown> });
        posted();
        return { id: '900000000000000001' };
      },
    };
    const library = new FakeLibrary([article('بيان', 1, 'الوزير: «الخطة ستبدأ الشهر المقبل»')]);
    const parts = createScheduling({ config: { databasePath: ':memory:' }, logger: silent, rest, library: memoryReader(library) });
    parts.scheduling.store.schedules.create(schedule({ nextRunAt: Date.now() - 1 }));
    parts.service.start();
    await done;
    await parts.service.stop();
    expect(calls[0]?.route).toBe(`/channels/${CHANNEL_A}/messages`);
    expect(calls[0]?.body).toMatchObject({ nonce: deliveryNonce(CHANNEL_A, 'بيان'), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect((calls[0]?.body.embeds as Array<{ title?: string }>)[0]?.title).toContain('الوزير');
    expect(() => parts.scheduling.store.schedules.get(1)).toThrow(/not open/);
  });

  it('schedulingFrom finds the registered service and refuses a missing one', () => {
    const parts = createScheduling({ config: { databasePath: ':memory:' }, logger: silent, rest: { post: async () => ({}) }, library: memoryReader(new FakeLibrary()) });
    expect(schedulingFrom({ [SCHEDULING_SERVICE]: parts.scheduling })).toBe(parts.scheduling);
    expect(() => schedulingFrom({})).toThrow(/not registered/);
    parts.scheduling.store.close();
  });
});

describe('commands/schedule.ts', () => {
  it('passes the command loader', () => {
    expect(validateCommandModule(scheduleCommand, 'schedule.ts').data.name).toBe('schedule');
  });

  it('is Manage Server by default, guild only, with five subcommands', () => {
    const { data } = scheduleCommand;
    expect(data).toMatchObject({ default_member_permissions: '32', dm_permission: false, contexts: [0] });
    expect(data.options.map((o) => o.name)).toEqual(['add', 'list', 'remove', 'pause', 'resume']);
  });

  it.each([
    ['channel', { type: 7, required: true, channel_types: [0, 5] }],
    ['when', { type: 3, required: true }],
    ['timezone', { type: 3, required: false, autocomplete: true }],
  ])('add has the %s option', (name, shape) => {
    const add = scheduleCommand.data.options[0]!;
    expect(add.options?.find((o) => o.name === name)).toMatchObject(shape);
  });

  it.each(['remove', 'pause', 'resume'])('%s takes an autocompleted id', (sub) => {
    const option = scheduleCommand.data.options.find((o) => o.name === sub)!.options?.[0];
    expect(option).toMatchObject({ name: 'id', required: true, autocomplete: true });
  });
});
