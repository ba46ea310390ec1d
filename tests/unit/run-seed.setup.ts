import fc from 'fast-check';
import { runSeed } from '../support/run-seed';

// Every property of the run draws from the run's seed (tests/support/run-seed.ts), so a failure
// replays with FC_SEED.
fc.configureGlobal({ seed: runSeed() });
