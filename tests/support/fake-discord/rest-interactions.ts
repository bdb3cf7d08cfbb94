import { performance } from 'node:perf_hooks';
import { snowflakeTime } from './ids';
import type { InteractionRecord } from './interactions';
import { codePointLength, isObj, type Json } from './json';
import { invalidFormBody, messageLimitErrors } from './limits';
import type { StoredMessage } from './messages';
import { fail, ok, type Handler, type RestRequest, type RestResult, type World } from './world';


const TOKEN_LIFETIME_MS = 15 * 60 * 1000;
const EPHEMERAL = 64;
const LOADING = 128;
/** Callback types allowed per interaction type (2 command, 3 component, 4 autocomplete). */
const ALLOWED: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8] };

function autocompleteErrors(data: unknown): string[] {
  if (!isObj(data) || !Array.isArray(data.choices)) return ['data.choices: This field is required'];
  const errors: string[] = [];
  if (data.choices.length > 25) errors.push('data.choices: Must be 25 or fewer in length.');
  data.choices.forEach((c, i) => {
    if (!isObj(c)) return errors.push(`data.choices.${i}: must be an object`);
    const name = codePointLength(c.name);
    if (name < 1 || name > 100) errors.push(`data.choices.${i}.name: Must be between 1 and 100 in length.`);
    if (codePointLength(c.value) > 100) errors.push(`data.choices.${i}.value: Must be 100 or fewer in length.`);
  });
  return errors;
}

function componentMessage(w: World, rec: InteractionRecord): StoredMessage | undefined {
  const msg = rec.payload.message;
  return isObj(msg) ? w.messages.byId.get(String(msg.id)) : undefined;
}

function createOriginal(w: World, rec: InteractionRecord, data: Json, flags: number): StoredMessage {
  const stored = w.messages.create(rec.channelId, { ...data, flags }, 'interaction', {
    type: rec.type === 2 ? 20 : 19, webhook_id: w.applicationId, application_id: w.applicationId,
    interaction_metadata: { id: rec.id, type: rec.type, user: (rec.payload.member as Json | undefined)?.user,
      authorizing_integration_owners: rec.payload.authorizing_integration_owners },
  }, rec.token);
  rec.originalMessageId = String(stored.message.id);
  return stored;
}

/** POST /interactions/{interaction_id}/{interaction_token}/callback (types 4–9, `?with_response=true`). */
export const postCallback: Handler = (req, w) => {
  const rec = w.interactions.get(req.params.interaction_token ?? '');
  if (!rec || rec.id !== req.params.interaction_id) return fail(404, 10062, 'Unknown interaction');
  const body = isObj(req.body) ? req.body : {};
  const type = Number(body.type);
  const data = isObj(body.data) ? body.data : undefined;
  if (rec.callback) {
    rec.rejectedCallbacks.push(body);
    w.signal.notify();
    return rec.callback.status === 404 ? fail(404, 10062, 'Unknown interaction')
      : fail(400, 40060, 'Interaction has already been acknowledged.');
  }
  const latencyMs = performance.now() - rec.dispatchedAt;
  const settle = (status: number): void => {
    rec.callback = { type, data, latencyMs, status };
    w.signal.notify();
  };
  if (w.interactionAckTimeoutMs > 0 && latencyMs > w.interactionAckTimeoutMs) {
    settle(404);
    return fail(404, 10062, 'Unknown interaction');
  }
  if (!(ALLOWED[rec.type] ?? []).includes(type)) {
    return fail(400, 50035, 'Invalid Form Body', { errors: { type: `Callback type ${type} is not valid for interaction type ${rec.type}` } });
  }
  const errors = type === 8 ? autocompleteErrors(data)
    : type === 4 || type === 7 ? messageLimitErrors(data ?? {}, type === 4) : [];
  if (errors.length > 0) return { status: 400, body: invalidFormBody(errors) };

  let message: StoredMessage | undefined;
  if (type === 4) message = createOriginal(w, rec, data ?? {}, Number(data?.flags ?? 0));
  if (type === 5) message = createOriginal(w, rec, {}, LOADING | (Number(data?.flags ?? 0) & EPHEMERAL));
  if (type === 6 || type === 7) {
    message = componentMessage(w, rec);
    if (message && type === 7 && data) w.messages.edit(message, data);
    if (message) rec.originalMessageId = String(message.message.id);
  }
  settle(200);
  if (req.query.with_response !== 'true' && !w.callbackAlwaysWithResponse) return { status: 204 };
  const flags = Number(message?.message.flags ?? 0);
  return ok({
    interaction: {
      id: rec.id, type: rec.type, activity_instance_id: null,
      response_message_id: message?.message.id ?? null,
      response_message_loading: (flags & LOADING) !== 0,
      response_message_ephemeral: (flags & EPHEMERAL) !== 0,
    },
    resource: { type, ...(message ? { message: message.message } : {}) },
  });
};

/** The interaction behind a webhook URL, or the error Discord would give. */
function webhookRecord(req: RestRequest, w: World): InteractionRecord | RestResult {
  const rec = w.interactions.get(req.params.webhook_token ?? '');
  if (!rec || req.params.webhook_id !== w.applicationId) return fail(404, 10015, 'Unknown Webhook');
  if (Date.now() - snowflakeTime(rec.id) > TOKEN_LIFETIME_MS) return fail(401, 50027, 'Invalid Webhook Token');
  return rec;
}

const isRecord = (r: InteractionRecord | RestResult): r is InteractionRecord => 'token' in r;

function targetMessage(req: RestRequest, w: World, rec: InteractionRecord): StoredMessage | undefined {
  const id = req.params.message_id ?? '@original';
  if (id === '@original') {
    return rec.deletedOriginal || !rec.originalMessageId ? undefined : w.messages.byId.get(rec.originalMessageId);
  }
  const m = w.messages.byId.get(id);
  return m && (m.interactionToken === rec.token || id === rec.originalMessageId) ? m : undefined;
}

/** GET …/messages/@original and …/messages/{message_id}. */
export const getWebhookMessage: Handler = (req, w) => {
  const rec = webhookRecord(req, w);
  if (!isRecord(rec)) return rec;
  const m = targetMessage(req, w, rec);
  return m ? ok(m.message) : fail(404, 10008, 'Unknown Message');
};

/** PATCH …/messages/@original and …/messages/{message_id} (records the edit on the interaction). */
export const patchWebhookMessage: Handler = (req, w) => {
  const rec = webhookRecord(req, w);
  if (!isRecord(rec)) return rec;
  const m = targetMessage(req, w, rec);
  if (!m) return fail(404, 10008, 'Unknown Message');
  const body = isObj(req.body) ? req.body : {};
  const errors = messageLimitErrors(body, false);
  if (errors.length > 0) return { status: 400, body: invalidFormBody(errors) };
  w.messages.edit(m, body);
  if (String(m.message.id) === rec.originalMessageId) rec.edits.push(body);
  w.signal.notify();
  return ok(m.message);
};

/** DELETE …/messages/@original and …/messages/{message_id}. */
export const deleteWebhookMessage: Handler = (req, w) => {
  const rec = webhookRecord(req, w);
  if (!isRecord(rec)) return rec;
  const m = targetMessage(req, w, rec);
  if (!m) return fail(404, 10008, 'Unknown Message');
  if (String(m.message.id) === rec.originalMessageId) rec.deletedOriginal = true;
  w.messages.byId.delete(String(m.message.id));
  w.signal.notify();
  return { status: 204 };
};

/** POST /webhooks/{webhook_id}/{webhook_token}: an interaction follow-up (after the first callback). */
export const postFollowUp: Handler = (req, w) => {
  const rec = webhookRecord(req, w);
  if (!isRecord(rec)) return rec;
  if (!rec.callback || rec.callback.status !== 200) return fail(404, 10015, 'Unknown Webhook');
  const body = isObj(req.body) ? req.body : {};
  const errors = messageLimitErrors(body, true);
  if (errors.length > 0) return { status: 400, body: invalidFormBody(errors) };
  // A follow-up after a deferral without an edit replaces the "thinking…" original.
  const original = rec.originalMessageId ? w.messages.byId.get(rec.originalMessageId) : undefined;
  let stored: StoredMessage;
  if (original && (Number(original.message.flags) & LOADING) !== 0) {
    stored = w.messages.edit(original, body);
  } else {
    stored = w.messages.create(rec.channelId, body, 'followup', { webhook_id: w.applicationId, application_id: w.applicationId, type: 0 }, rec.token);
  }
  rec.followUps.push(body);
  w.signal.notify();
  return req.query.wait === 'true' ? ok(stored.message) : { status: 204 };
};
