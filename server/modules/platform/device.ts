import type { SessionBrowser, SessionSystem } from './platform.terms.ts';

/** The coarse device of a session: browser family and operating system, each null when not recognised. */
export type Device = { browser: SessionBrowser | null; system: SessionSystem | null };

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari", and iPads and
// Android phones also say "Mac OS X" and "Linux".
const BROWSERS: [RegExp, SessionBrowser][] = [
  [/\bEdg(e|A|iOS)?\//, 'edge'],
  [/\b(OPR|Opera|OPT)\//, 'opera'],
  [/\bSamsungBrowser\//, 'samsung'],
  [/\b(Firefox|FxiOS)\//, 'firefox'],
  [/(Chrome|Chromium|CriOS)\//, 'chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'safari'],
];
const SYSTEMS: [RegExp, SessionSystem][] = [
  [/\bAndroid\b/, 'android'],
  [/\b(iPhone|iPad|iPod)\b/, 'ios'],
  [/\bWindows\b/, 'windows'],
  [/\bCrOS\b/, 'chromeos'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macos'],
  [/\bLinux\b/, 'linux'],
];

/** Reads browser family and operating system from a User-Agent; nothing else of it is kept. */
export function describeDevice(userAgent: string | undefined): Device {
  const ua = (userAgent ?? '').slice(0, 512);
  return {
    browser: BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
    system: SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null,
  };
}
