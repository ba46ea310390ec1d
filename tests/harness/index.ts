export { findChromium } from './chromium';
export { pagesClosedAfter, workerSession } from './fixtures';
export {
  chromiumArgs,
  KARTRA_ORIGIN,
  type KartraSession,
  type LaunchOptions,
  launchKartra,
  type RecordedRequest,
} from './kartra';
