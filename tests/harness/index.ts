export { findChromium } from './chromium';
export {
  type KeptTabs,
  pagesClosedAfter,
  reusedTab,
  reusedTabs,
  workerSession,
  workerTabs,
} from './fixtures';
export {
  chromiumArgs,
  type KartraSession,
  type LaunchOptions,
  launchKartra,
  type RecordedRequest,
} from './kartra';
export { KARTRA_ORIGIN, type KartraSite, kartraSite } from './kartra-site';
