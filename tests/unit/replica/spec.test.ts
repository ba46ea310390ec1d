import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec, SpecError } from '../../replica/spec';

const base = () => ({
  id: '77',
  name: 'Test sequence',
  status: 'active',
  steps: [
    { ref: '1', kind: 'email', active: true, title: 'Hello' },
    { ref: '2', kind: 'split', active: true, title: 'Opened' },
    { ref: '3', kind: 'complete', active: true },
    { ref: '4', kind: 'goto', active: true, goto: 'A1' },
    { ref: 'A1', kind: 'email', active: true },
  ],
  connections: [
    { from: 'start', to: '1' },
    { from: '1', to: '2' },
    { from: '2', to: '3', branch: 'yes' },
    { from: '2', to: '4', branch: 'no' },
  ],
});

/** The problems parseSpec reports for a spec, one per line. */
function problemsOf(spec: unknown): string[] {
  try {
    parseSpec(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    expect(error).toBeInstanceOf(Error);
    return (error as SpecError).message.split('\n');
  }
  throw new Error('expected the spec to be rejected');
}

describe('parseSpec', () => {
  it('accepts a valid editor spec and fills in defaults', () => {
    const spec = parseSpec(base());
    expect(spec.page).toBe('editor');
    if (spec.page !== 'editor') return;
    expect(spec.publicName).toBe('');
    expect(spec.subscribers).toBe(0);
    expect(spec.steps[0]?.delay).toEqual({ type: 'immediate' });
    expect(spec.steps[0]?.window).toBeNull();
    expect(spec.steps[0]?.recipients).toBe('anyone');
    expect(spec.steps[1]?.recipients).toBeUndefined();
  });

  it('accepts a list spec', () => {
    const spec = parseSpec({ page: 'list', sequences: [{ id: '1', name: 'A', status: 'paused' }] });
    expect(spec.page).toBe('list');
  });

  it('names the field path and the value for a negative delay', () => {
    const spec = base();
    Object.assign(spec.steps[2] as object, { delay: { type: 'wait', days: -1 } });
    expect(problemsOf(spec)).toEqual(['steps[2].delay.days: expected a whole number >= 0 (got -1)']);
  });

  it('reports a fractional number as not whole', () => {
    const spec = { ...base(), subscribers: 2.5 };
    expect(problemsOf(spec)).toEqual(['subscribers: expected a whole number >= 0 (got 2.5)']);
  });

  it('lists the allowed values of an enum', () => {
    const spec = base();
    Object.assign(spec.steps[0] as object, { kind: 'mail' });
    const [line] = problemsOf(spec);
    expect(line).toMatch(/^steps\[0\]\.kind: expected one of "email", "sms", .*\(got "mail"\)$/);
  });

  it('says when a required field is missing', () => {
    const spec: Record<string, unknown> = base();
    delete spec.status;
    expect(problemsOf(spec)).toEqual(['status: expected one of "active", "paused" (missing)']);
  });

  it('reports misspelt fields', () => {
    const spec = { ...base(), conections: [] };
    expect(problemsOf(spec)[0]).toMatch(/^conections: unknown field/);
  });

  it('reports every problem, one per line', () => {
    const spec = base();
    spec.connections.push({ from: '1', to: '9' }, { from: '3', to: '1' });
    const problems = problemsOf(spec);
    expect(problems).toContain('connections[4].to: no step "9" in this sequence');
    expect(problems).toContain('connections[5].from: step "3" is a complete step, which has no output node');
    expect(problems).toHaveLength(2);
  });

  it('accepts edits made after load, and an editor without a status control', () => {
    const spec = { ...base(), statusControl: false, edits: [{ action: 'deactivate', step: '1' }] };
    expect(() => parseSpec(spec)).not.toThrow();
  });

  it('names an edit of a step that does not exist, or one that changes nothing', () => {
    const spec = {
      ...base(),
      edits: [
        { action: 'activate', step: '9' },
        { action: 'deactivate', step: '1' },
        { action: 'deactivate', step: '1' },
      ],
    };
    expect(problemsOf(spec)).toEqual([
      'edits[0].step: no step "9" in this sequence',
      'edits[2].action: step "1" is already inactive at that point, so "deactivate" changes nothing',
    ]);
  });

  it('says what statusControl takes', () => {
    expect(problemsOf({ ...base(), statusControl: 'no' })).toEqual([
      'statusControl: expected true or false (got "no")',
    ]);
  });

  it('rejects duplicate refs', () => {
    const spec = base();
    Object.assign(spec.steps[2] as object, { ref: '1' });
    expect(problemsOf(spec)).toContain('steps[2].ref: "1" is used by steps[0] too');
  });

  it('allows only one line out of the starting rules and out of a plain output', () => {
    const spec = base();
    spec.connections.push({ from: 'start', to: '2' }, { from: '1', to: '3' });
    expect(problemsOf(spec)).toEqual([
      'connections[4].from: the Starting Rules module has one output, already used by connections[0]',
      'connections[5].from: step "1" has one output, already used by connections[1]',
    ]);
  });

  it('allows many lines into one input', () => {
    const spec = base();
    spec.steps.push({ ref: '5', kind: 'email', active: true, title: 'x' });
    spec.connections.push({ from: '5', to: '3' });
    expect(() => parseSpec(spec)).not.toThrow();
  });

  it('needs a branch on split outputs, and only there', () => {
    const spec = base();
    delete (spec.connections[2] as { branch?: string }).branch;
    Object.assign(spec.connections[1] as object, { branch: 'yes' });
    const problems = problemsOf(spec);
    expect(problems).toContain(
      'connections[2].branch: a line from split step "2" needs "yes" or "no" (missing)',
    );
    expect(problems).toContain(
      'connections[1].branch: only lines from a split step have a branch ("1" is not a split)',
    );
  });

  it('allows one yes and one no per split', () => {
    const spec = base();
    Object.assign(spec.connections[3] as object, { branch: 'yes' });
    expect(problemsOf(spec)).toEqual([
      'connections[3].from: split step "2" has one "yes" output, already used by connections[2]',
    ]);
  });

  it('refuses a line between two tabs and points to the Go To step', () => {
    const spec = base();
    spec.steps.push({ ref: '5', kind: 'email', active: true, title: 'x' });
    spec.connections.push({ from: '5', to: 'A1' });
    const [line] = problemsOf(spec);
    expect(line).toContain('connections[4]: "5" and "A1" are on different tabs');
    expect(line).toContain('use a Go To step');
  });

  it('needs goto on goto steps only; it may name a deleted step', () => {
    const spec = base();
    Object.assign(spec.steps[3] as object, { goto: 'B7' });
    expect(() => parseSpec(spec)).not.toThrow();
    Object.assign(spec.steps[0] as object, { goto: '2' });
    const problems = problemsOf(spec);
    expect(problems).toContain('steps[0].goto: only goto steps have a goto (this is an email step)');
    delete (spec.steps[3] as { goto?: string }).goto;
    expect(problemsOf(spec)).toContain('steps[3].goto: a goto step needs the ref it jumps to (missing)');
  });

  it('keeps versions to email and recipients to email/sms', () => {
    const spec = base();
    Object.assign(spec.steps[1] as object, {
      versions: [{ name: 'A', percent: 100 }],
      recipients: 'filtered',
    });
    expect(problemsOf(spec)).toEqual([
      'steps[1].versions: only email steps have versions (this is a split step)',
      'steps[1].recipients: only email and sms steps have recipients (this is a split step)',
    ]);
  });

  it('needs an action and a target on tag, list and sequence steps', () => {
    const spec = base();
    spec.steps.push({ ref: '5', kind: 'tag', active: true, title: 't' });
    spec.steps.push({
      ref: '6',
      kind: 'list',
      active: true,
      title: 'l',
      action: 'add',
      target: 'News',
    } as never);
    const problems = problemsOf(spec);
    expect(problems).toContain('steps[5].action: a tag step needs an action (missing)');
    expect(problems).toContain('steps[5].target: a tag step needs a target name (missing)');
    expect(problems).toContain(
      'steps[6].action: expected "subscribe" or "unsubscribe" on a list step (got "add")',
    );
  });

  it('rejects impossible dates', () => {
    const spec = base();
    Object.assign(spec.steps[0] as object, { delay: { type: 'date', at: '2030-02-30T10:00' } });
    expect(problemsOf(spec)).toEqual([
      'steps[0].delay.at: expected a real calendar date (got "2030-02-30T10:00")',
    ]);
  });

  it('rejects duplicate ids on the list page', () => {
    const spec = {
      page: 'list',
      sequences: [
        { id: '1', name: 'A', status: 'active' },
        { id: '1', name: 'B', status: 'paused' },
      ],
    };
    expect(problemsOf(spec)).toEqual(['sequences[1].id: "1" is used by sequences[0] too']);
  });

  it('accepts the example specs shipped with the replica', () => {
    const dir = join(import.meta.dirname, '../../replica/examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(() => parseSpec(JSON.parse(readFileSync(join(dir, file), 'utf8'))), file).not.toThrow();
    }
  });
});
