export { findChromium } from './chromium';
export {
  chromiumArgs,
  KARTRA_ORIGIN,
  type KartraSession,
  type LaunchOptions,
  launchKartra,
  type RecordedRequest,
} from './kartra';
