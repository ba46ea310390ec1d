import type { EditorSpecInput } from '../replica/spec';

/**
 * A 120-lesson course: 120 emails a day apart in one line from an opt-in, then Complete. The
 * long reports and timelines the popup must open fast and draw in parts. `active`: whether the
 * lessons are (all inactive gives 120 errors).
 */
export function longCourseSpec(id: string, active: boolean): EditorSpecInput {
  const steps = Array.from({ length: 120 }, (_, index) => ({
    ref: String(index + 1),
    kind: 'email' as const,
    active,
    title: `Lesson ${index + 1}`,
    delay: { type: 'wait' as const, days: 1, hours: 0 },
  }));
  return {
    id,
    name: 'Long course',
    publicName: 'The long course',
    status: 'active',
    subscribers: 0,
    startingRules: [{ type: 'optin', label: 'Course signup' }],
    steps: [...steps, { ref: '121', kind: 'complete', active: true, title: 'Course done' }],
    connections: [
      { from: 'start', to: '1' },
      ...steps.map((step, index) => ({ from: step.ref, to: String(index + 2) })),
    ],
  };
}
