// What a FlexNet error code means for the person looking after a BMS site, and what to do next.

export interface FlexNetErrorExplanation {
  code: string;
  /** One line: what happened. */
  title: string;
  /** What to do next, in the site engineer's words. */
  action: string;
}

const KNOWN: Record<string, Omit<FlexNetErrorExplanation, 'code'>> = {
  '-4': {
    title: 'Licensed number of users already reached: no free seat.',
    action: 'Close a client that holds this license, or activate more seats of this feature on the License Server.',
  },
  '-5': {
    title: 'No such feature exists on the License Server.',
    action: 'Check that the feature was activated on this License Server and that the client points at the right address.',
  },
  '-9': {
    title: 'The host id does not match the License Server computer: the licenses are broken.',
    action: 'Repair the licenses from the License Administrator on the License Server that activated them (at most 4 repairs a year).',
  },
  '-10': {
    title: 'The license has expired.',
    action: 'Activate a current entitlement (or remove the expired demo/engineering license) on the License Server.',
  },
  '-15': {
    title: 'Cannot connect to the License Server.',
    action: 'Check that the License Server is running on that computer, that the address (@host or port@host) is right, and that the firewall lets the port through.',
  },
  '-16': {
    title: 'Cannot read data from the License Server.',
    action: 'The License Server answered but the exchange failed: check the network and the versions of lmutil and the License Server, then retry.',
  },
  '-96': {
    title: 'The License Server is down or not responding.',
    action: 'Start the License Server service (lmgrd) on that computer, and check the host name resolves to it.',
  },
  '-97': {
    title: 'The vendor daemon is down.',
    action: 'Restart the License Server service; if the vendor daemon keeps stopping, check its log and the license file.',
  },
};

function normalizeCode(code: string | number): string {
  const text = String(code).trim();
  // '-15,570:115' and '15' both mean -15.
  const major = text.split(',')[0].trim();
  return major.startsWith('-') ? major : `-${major}`;
}

/** A user-facing explanation of a FlexNet code ('-15', '-15,570:115' or -15). */
export function explainFlexNetError(code: string | number): FlexNetErrorExplanation {
  const major = normalizeCode(code);
  const known = KNOWN[major];
  if (known) return { code: major, ...known };
  return {
    code: major,
    title: `FlexNet error ${major}.`,
    action: 'Look the code up in the FlexNet error list, check the License Server log, and retry once the License Server is reachable.',
  };
}
