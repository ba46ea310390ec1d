import { rule } from '../../../lib/checks/version-split-invalid';
import type { Version } from '../../../lib/model/model';
import { chain, complete, email, ruleTable, sequence } from './model-builder';

const versions = (...vs: Array<[string, number]>): Version[] =>
  vs.map(([name, percent]) => ({ name, percent }));
const withVersions = (vs: Version[]) =>
  sequence({
    steps: [email('1'), email('2', { versions: vs }), complete('3')],
    connections: chain('start', '1', '2', '3'),
  });

ruleTable(rule, [
  {
    name: 'fires when versions add up to more than 100',
    seq: withVersions(versions(['A', 60], ['B', 50])),
    expect: [['fail', ['2'], 'overShared']],
    message: /110%/,
  },
  { name: 'silent at exactly 100', seq: withVersions(versions(['A', 50], ['B', 50])), expect: [] },
  {
    name: 'silent under 100 (A takes the rest)',
    seq: withVersions(versions(['A', 30], ['B', 30])),
    expect: [],
  },
  {
    // A version at 0% is a draft: version-draft's tip, not a bad split.
    name: 'silent when B is at 0% (that is version-draft)',
    seq: withVersions(versions(['A', 100], ['B', 0])),
    expect: [],
  },
  {
    name: 'fires on the total even with a draft among the versions',
    seq: withVersions(versions(['A', 70], ['B', 0], ['C', 40])),
    expect: [['fail', ['2'], 'overShared']],
    message: /110%/,
  },
  { name: 'silent without versions', seq: withVersions([]), expect: [] },
]);
