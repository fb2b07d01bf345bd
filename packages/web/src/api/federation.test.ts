import { describe, expect, it } from 'vitest';
import { waitForDelivery, type OutboxPage } from './federation.js';
import type { OutboxDetail, OutboxItem, OutboxState } from './types.js';

const ID = '01a22320-4fe4-7df9-a1da-ef581dac0cd4';

function item(state: OutboxState, lastError: string | null = null): OutboxItem {
  return {
    envelopeId: ID,
    recipient: 'nl',
    type: 'ping',
    correlationId: '351cd6e1-ec43-45b8-8582-f94b6f7fb0ce',
    sequence: 1,
    createdAt: '2026-11-28T17:07:29.892Z',
    state,
    attempts: 1,
    nextAttemptAt: null,
    lastAttemptAt: null,
    lastError,
    deliveredAt: state === 'delivered' ? '2026-11-28T17:07:30.026Z' : null,
  };
}

const RECEIPT = {
  envelopeId: ID,
  envelopeHash: 'a'.repeat(64),
  envelopeSender: 'be',
  receivedBy: 'nl',
  acceptedAt: '2026-11-28T17:07:29.968Z',
  protocolVersion: 1,
};

/** An outbox whose envelope goes through the given states, one per look; a fake clock. */
function scripted(states: OutboxItem[], listed = true) {
  let looks = 0;
  let clock = 0;
  const inspected: string[] = [];
  const current = () => states[Math.min(looks, states.length - 1)]!;
  return {
    inspected,
    options: {
      outbox: (): Promise<OutboxPage> => {
        const page = { items: listed ? [current()] : [], nextBefore: null };
        return Promise.resolve(page);
      },
      inspect: (id: string): Promise<OutboxDetail> => {
        inspected.push(id);
        const found = current();
        return Promise.resolve({
          item: found,
          header: {},
          envelope: {},
          messageHash: 'a'.repeat(64),
          receipt: found.state === 'delivered' ? RECEIPT : null,
        });
      },
      sleep: (ms: number) => {
        looks += 1;
        clock += ms;
        return Promise.resolve();
      },
      now: () => clock,
    },
  };
}

describe('waiting for a ping to be delivered', () => {
  it('gives the receipt once the envelope is delivered, opening it only then', async () => {
    const outbox = scripted([item('pending'), item('pending'), item('delivered')]);
    const verdict = await waitForDelivery(ID, 'nl', outbox.options);
    expect(verdict).toMatchObject({ kind: 'delivered', receipt: { receivedBy: 'nl' } });
    expect(outbox.inspected).toEqual([ID]);
  });

  it('says when the envelope became a dead letter, with its last error', async () => {
    const outbox = scripted([item('pending'), item('dead', 'refused (unknown_sender)')]);
    const verdict = await waitForDelivery(ID, 'nl', outbox.options);
    expect(verdict).toMatchObject({
      kind: 'dead',
      item: { lastError: 'refused (unknown_sender)' },
    });
    expect(outbox.inspected).toEqual([]);
  });

  it('gives up after the timeout with the last state', async () => {
    const outbox = scripted([item('pending', 'cannot reach the peer (ECONNREFUSED)')]);
    const verdict = await waitForDelivery(ID, 'nl', {
      ...outbox.options,
      intervalMs: 500,
      timeoutMs: 2000,
    });
    expect(verdict).toMatchObject({
      kind: 'timeout',
      item: { lastError: 'cannot reach the peer (ECONNREFUSED)' },
    });
  });

  it('opens the envelope when it is not on the first page of the outbox', async () => {
    const outbox = scripted([item('delivered')], false);
    const verdict = await waitForDelivery(ID, 'nl', outbox.options);
    expect(verdict.kind).toBe('delivered');
    expect(outbox.inspected.length).toBeGreaterThan(0);
  });

  it('stops when the page no longer waits', async () => {
    const controller = new AbortController();
    controller.abort();
    const verdict = await waitForDelivery(ID, 'nl', {
      ...scripted([item('pending')]).options,
      signal: controller.signal,
    });
    expect(verdict).toEqual({ kind: 'aborted' });
  });
});
