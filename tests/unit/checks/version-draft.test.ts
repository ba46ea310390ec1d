import { rule } from '../../../lib/checks/version-draft';
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
    name: 'fires when B is at 0%',
    seq: withVersions(versions(['A', 100], ['B', 0])),
    expect: [['fail', ['2'], 'draft']],
    message: / B is /,
  },
  {
    name: 'names every draft of one email in one finding',
    seq: withVersions(versions(['A', 100], ['B', 0], ['C', 0])),
    expect: [['fail', ['2'], 'draft']],
    message: / B, C are /,
  },
  {
    name: 'A at 0% is no draft (it takes what is left)',
    seq: withVersions(versions(['A', 0], ['B', 100])),
    expect: [],
  },
  {
    name: 'silent when every version has traffic',
    seq: withVersions(versions(['A', 50], ['B', 50])),
    expect: [],
  },
  { name: 'silent without versions', seq: withVersions([]), expect: [] },
]);
